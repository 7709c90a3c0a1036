// Help: the bundled documentation opens offline from the Help menu and follows links between its pages;
// the shortcut sheet lists the window's real shortcuts.

#include "ui/help/DocumentationWindow.h"
#include "ui/help/HelpDocuments.h"
#include "ui/help/ShortcutSheet.h"
#include "ui/mainwindow/MainWindow.h"
#include "EditorTestWindow.h"

#include <QAction>
#include <QApplication>
#include <QListWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QtTest>

using namespace firedrill;
using namespace firedrill::ui;

class TestHelp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::isolateTestApplication(); }

    void everyBundledPageIsThere()
    {
        const auto docs = helpDocuments();
        QCOMPARE(docs.size(), std::size_t(8));
        QCOMPARE(docs.front().title, QStringLiteral("The Firedrill topology format (version 1)"));
        for (const HelpDocument& doc : docs) {
            QVERIFY2(!doc.title.isEmpty() && !doc.title.startsWith(QLatin1Char('#')), qPrintable(doc.resource));
            QVERIFY2(helpText(doc.resource).size() > 500, qPrintable(doc.resource));
        }
        QVERIFY(helpText(QStringLiteral(":/docs/missing.md")).isEmpty());
    }

    void documentationOpensFromTheHelpMenu()
    {
        auto window = test::makeTestWindow();
        auto* action = window->findChild<QAction*>(QStringLiteral("actionDocumentation"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(QKeySequence::HelpContents));
        action->trigger();
        auto* reader = window->findChild<DocumentationWindow*>();
        QVERIFY(reader && reader->isVisible());
        QVERIFY(reader->browser()->toPlainText().contains(QStringLiteral("endpoints")));

        // Choosing the command-line page in the list shows it.
        auto* pages = reader->findChild<QListWidget*>(QStringLiteral("documentationPages"));
        const auto found = pages->findItems(QStringLiteral("firedrill-cli"), Qt::MatchContains);
        QVERIFY(!found.isEmpty());
        pages->setCurrentItem(found.front());
        QVERIFY(reader->browser()->toPlainText().contains(QStringLiteral("validate")));

        // A link to another bundled page opens it in the same reader.
        emit reader->browser()->anchorClicked(QUrl(QStringLiteral("format.md")));
        QCOMPARE(pages->currentItem()->text(), QStringLiteral("The Firedrill topology format (version 1)"));

        // A second trigger reuses the open reader.
        action->trigger();
        QCOMPARE(window->findChildren<DocumentationWindow*>().size(), qsizetype(1));
    }

    void shortcutSheetListsTheRealShortcuts()
    {
        auto window = test::makeTestWindow();
        ShortcutSheet sheet(window.get());
        QTableWidget* table = sheet.table();
        QVERIFY(table->rowCount() > 10);
        auto rowOf = [&](const QString& command) {
            for (int i = 0; i < table->rowCount(); ++i)
                if (table->item(i, 1)->text() == command)
                    return i;
            return -1;
        };
        const int addRegion = rowOf(QStringLiteral("Add Region"));
        QVERIFY(addRegion >= 0);
        QCOMPARE(table->item(addRegion, 0)->text(), QStringLiteral("Edit"));
        QCOMPARE(table->item(addRegion, 2)->text(),
                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R).toString(QKeySequence::NativeText));
        QVERIFY(rowOf(QStringLiteral("Documentation")) >= 0);
        QVERIFY(rowOf(QStringLiteral("Connect Tool")) >= 0);

        // The menu entry opens the sheet as a dialog.
        bool opened = false;
        QTimer::singleShot(0, this, [&] {
            if (auto* shown = qobject_cast<ShortcutSheet*>(QApplication::activeModalWidget())) {
                opened = shown->table()->rowCount() == table->rowCount();
                shown->reject();
            }
        });
        window->findChild<QAction*>(QStringLiteral("actionShortcuts"))->trigger();
        QVERIFY(opened);
    }
};

QTEST_MAIN(TestHelp)
#include "test_help.moc"
