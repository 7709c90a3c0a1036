#include "HelpMenu.h"

#include "DocumentationWindow.h"
#include "ShortcutSheet.h"

#include <QAction>
#include <QMenu>

namespace firedrill::ui {

void populateHelpMenu(QMenu* help, QWidget* window)
{
    QAction* docs = help->addAction(QObject::tr("&Documentation"));
    docs->setObjectName(QStringLiteral("actionDocumentation"));
    docs->setShortcut(QKeySequence::HelpContents);
    QObject::connect(docs, &QAction::triggered, window, [window] {
        auto* reader = window->findChild<DocumentationWindow*>();
        if (!reader)
            reader = new DocumentationWindow(window);
        reader->show();
        reader->raise();
        reader->activateWindow();
    });
    QAction* keys = help->addAction(QObject::tr("&Keyboard Shortcuts"));
    keys->setObjectName(QStringLiteral("actionShortcuts"));
    keys->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    QObject::connect(keys, &QAction::triggered, window, [window] {
        ShortcutSheet sheet(window, window);
        sheet.exec();
    });
    help->addSeparator();
}

} // namespace firedrill::ui
