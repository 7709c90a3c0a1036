// The Workloads panel, cut/copy/paste of components, the projector-friendly layout and opening a
// workspace someone else holds, driven through the real widgets of the main window (offscreen).
#include "core/io/TopologyFile.h"
#include "ui/document/Document.h"
#include "ui/editor/DiagramLayout.h"
#include "ui/editor/TopologyScene.h"
#include "ui/mainwindow/MainWindow.h"
#include "EditorTestWindow.h"
#include "ui/panels/SummaryStrip.h"
#include "ui/panels/WorkloadsPanel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace firedrill;
using namespace firedrill::ui;

namespace {

QString samplePath(const char* name)
{
    return QStringLiteral(FIREDRILL_SAMPLES_DIR "/%1.yaml").arg(QLatin1String(name));
}

template <class T> T* child(const QWidget& parent, const char* name)
{
    T* found = parent.findChild<T*>(QLatin1String(name));
    if (!found)
        qWarning("no widget %s", name);
    return found;
}

void undoAll(Document& doc)
{
    while (doc.undoStack()->canUndo())
        doc.undoStack()->undo();
}

} // namespace

class TestWorkloads : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void addEditDeleteWorkloadUndoably();
    void strategyAndScaleFactor();
    void summaryStripFollows();
    void copyPasteMakesUniqueIds();
    void cutRemovesAndUndoRestores();
    void layoutIsCompactAndDeterministic();
    void lockedWorkspaceOpensReadOnlyNamingHolder();

private:
    std::unique_ptr<MainWindow> m_window;
    Topology m_original;
};

void TestWorkloads::initTestCase()
{
    test::isolateTestApplication();
}

void TestWorkloads::init()
{
    m_window = test::makeTestWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(m_window->openFile(samplePath("two-region")));
    m_original = m_window->document()->topology();
}

void TestWorkloads::cleanup()
{
    m_window.reset();
}

void TestWorkloads::addEditDeleteWorkloadUndoably()
{
    MainWindow& w = *m_window;
    WorkloadsPanel& panel = *w.workloadsPanel();
    auto* list = child<QListWidget>(panel, "workloadList");
    QCOMPARE(list->count(), 1);

    QTest::mouseClick(child<QPushButton>(panel, "addWorkload"), Qt::LeftButton);
    QCOMPARE(list->count(), 2);
    const Workload* added = w.document()->topology().findWorkload(WorkloadId("workload-2"));
    QVERIFY(added);
    QCOMPARE(panel.selectedWorkload(), std::optional<WorkloadId>(WorkloadId("workload-2")));

    auto* name = child<QLineEdit>(panel, "workloadName");
    name->clear();
    QTest::keyClicks(name, QStringLiteral("Back office"));
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(w.document()->topology().findWorkload(WorkloadId("workload-2"))->name, std::string("Back office"));

    auto* entry = child<QComboBox>(panel, "workloadEntry");
    const int web = entry->findData(QStringLiteral("web-weu"));
    QVERIFY(web >= 0);
    entry->setCurrentIndex(web);
    emit entry->activated(web);
    QCOMPARE(w.document()->topology().findWorkload(WorkloadId("workload-2"))->entry, ComponentId("web-weu"));

    auto* demand = child<QDoubleSpinBox>(panel, "workloadDemand");
    demand->setValue(250);
    demand->setValue(300); // merges with the previous spin-box edit
    auto* writes = child<QDoubleSpinBox>(panel, "workloadWrites");
    writes->setValue(20);
    QTest::mouseClick(child<QCheckBox>(panel, "workloadDegradable"), Qt::LeftButton);
    const Workload& edited = *w.document()->topology().findWorkload(WorkloadId("workload-2"));
    QCOMPARE(edited.demandRps, 300.0);
    QCOMPARE(edited.writeFraction, 0.2);
    QVERIFY(edited.degradable);

    QTest::mouseClick(child<QPushButton>(panel, "deleteWorkload"), Qt::LeftButton);
    QVERIFY(!w.document()->topology().findWorkload(WorkloadId("workload-2")));
    QCOMPARE(list->count(), 1);

    undoAll(*w.document());
    QVERIFY(w.document()->topology() == m_original);
    QCOMPARE(list->count(), 1);
}

void TestWorkloads::strategyAndScaleFactor()
{
    MainWindow& w = *m_window;
    WorkloadsPanel& panel = *w.workloadsPanel();
    auto* strategy = child<QComboBox>(panel, "workloadStrategy");
    auto* scale = child<QDoubleSpinBox>(panel, "workloadScale");
    QVERIFY(!scale->isEnabled()); // active-active has no scale factor
    const int full = strategy->findData(static_cast<int>(StrategyKind::ActivePassiveFull));
    strategy->setCurrentIndex(full);
    emit strategy->activated(full);
    QVERIFY(scale->isEnabled());
    scale->setValue(0.5);
    const Workload& sites = *w.document()->topology().findWorkload(WorkloadId("sites"));
    QCOMPARE(sites.strategy->kind, StrategyKind::ActivePassiveFull);
    QCOMPARE(sites.strategy->scaleFactor, std::optional<double>(0.5));
    undoAll(*w.document());
    QVERIFY(w.document()->topology() == m_original);
    QCOMPARE(strategy->currentData().toInt(), static_cast<int>(StrategyKind::ActiveActive));
}

void TestWorkloads::summaryStripFollows()
{
    MainWindow& w = *m_window;
    WorkloadsPanel& panel = *w.workloadsPanel();
    QTest::mouseClick(child<QPushButton>(panel, "addWorkload"), Qt::LeftButton);
    auto* focus = child<QComboBox>(*w.summaryStrip(), "focusWorkload");
    QCOMPARE(focus->count(), 2);
    auto* list = child<QListWidget>(panel, "workloadList");
    list->setCurrentRow(1);
    QCOMPARE(w.summaryStrip()->focus(), std::optional<WorkloadId>(WorkloadId("workload-2")));
    list->setCurrentRow(0);
    QCOMPARE(w.summaryStrip()->focus(), std::optional<WorkloadId>(WorkloadId("sites")));
    w.document()->undoStack()->undo();
    QCOMPARE(focus->count(), 1);
}

void TestWorkloads::copyPasteMakesUniqueIds()
{
    MainWindow& w = *m_window;
    w.scene()->selectIds({QStringLiteral("agw-weu"), QStringLiteral("web-weu")});
    w.findChild<QAction*>(QStringLiteral("actionCopy"))->trigger();
    const QString yaml = QApplication::clipboard()->text();
    QVERIFY(yaml.contains(QStringLiteral("agw-weu")));
    QVERIFY(!yaml.contains(QStringLiteral("sql-ag"))); // not selected, so its dependency is left out
    w.findChild<QAction*>(QStringLiteral("actionPaste"))->trigger();
    const Topology& t = w.document()->topology();
    QCOMPARE(t.components.size(), m_original.components.size() + 2);
    const Component* agw = t.findComponent(ComponentId("agw-weu-2"));
    QVERIFY(agw);
    QCOMPARE(agw->region, std::optional<RegionId>(RegionId("weu")));
    QCOMPARE(agw->dependsOn.size(), std::size_t{1});
    QCOMPARE(agw->dependsOn.front().target, ComponentId("web-weu-2")); // follows the pasted copy
    QCOMPARE(w.scene()->selectedComponentIds().size(), 2);
    QVERIFY(w.scene()->card(QStringLiteral("web-weu-2")));
    w.document()->undoStack()->undo(); // one step
    QVERIFY(w.document()->topology() == m_original);
}

void TestWorkloads::cutRemovesAndUndoRestores()
{
    MainWindow& w = *m_window;
    w.scene()->selectIds({QStringLiteral("web-neu")});
    w.findChild<QAction*>(QStringLiteral("actionCut"))->trigger();
    QVERIFY(!w.document()->topology().findComponent(ComponentId("web-neu")));
    w.findChild<QAction*>(QStringLiteral("actionPaste"))->trigger();
    QVERIFY(w.document()->topology().findComponent(ComponentId("web-neu"))); // its id is free again
    w.document()->undoStack()->undo();
    w.document()->undoStack()->undo();
    QVERIFY(w.document()->topology() == m_original);
}

void TestWorkloads::layoutIsCompactAndDeterministic()
{
    const Topology& t = m_window->document()->topology();
    const DiagramLayout a = computeLayout(t);
    const DiagramLayout b = computeLayout(t);
    QCOMPARE(a.bounds, b.bounds);
    QVERIFY(a.cards == b.cards);
    // Fits a 1,100 x 680 canvas at 80 % or more.
    QVERIFY2(std::min(1100 / a.bounds.width(), 680 / a.bounds.height()) >= 0.8,
             qPrintable(QStringLiteral("%1 x %2").arg(a.bounds.width()).arg(a.bounds.height())));
    // Links sit between the regions and the site, under what they join.
    QRectF weu, neu, site;
    for (const ContainerBox& box : a.containers) {
        if (box.id == QStringLiteral("weu"))
            weu = box.rect;
        if (box.id == QStringLiteral("neu"))
            neu = box.rect;
        if (box.kind == ContainerBox::Kind::Site)
            site = box.rect;
    }
    for (const char* id : {"vpn", "er-weu", "er-neu"}) {
        const QRectF card = a.cards.at(QLatin1String(id));
        QVERIFY(card.top() > weu.bottom() && card.bottom() < site.top());
    }
    QVERIFY(weu.left() <= a.cards.at(QStringLiteral("er-weu")).center().x());
    QVERIFY(a.cards.at(QStringLiteral("er-weu")).center().x() <= weu.right());
    QVERIFY(neu.left() <= a.cards.at(QStringLiteral("er-neu")).center().x());
    QVERIFY(a.cards.at(QStringLiteral("vpn")).center().x() > weu.right() - 1);
    QVERIFY(a.cards.at(QStringLiteral("vpn")).center().x() < neu.left() + 1);
}

void TestWorkloads::lockedWorkspaceOpensReadOnlyNamingHolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("held.firedrill"));
    QVERIFY(m_window->document()->saveAs(path, QStringLiteral("first")));
    QVERIFY(!m_window->document()->isReadOnly()); // the first window holds the lock

    MainWindow second;
    second.setErrorDialogsEnabled(false);
    QSignalSpy spy(&second, &MainWindow::openedReadOnly);
    QVERIFY(second.openFile(path));
    QVERIFY(second.document()->isReadOnly());
    QCOMPARE(spy.count(), 1);
    const QString holder = spy.front().front().toString();
    QVERIFY2(holder.contains(QString::number(QCoreApplication::applicationPid())), qPrintable(holder));
    QCOMPARE(second.document()->readOnlyReason(), holder);
}

QTEST_MAIN(TestWorkloads)
#include "test_workloads.moc"
