// Helper for test_autosave_kills: a real Firedrill main window (offscreen) editing a workspace until it is
// killed.
//   autosave_writer <workspace>
// Opens the workspace restoring any autosaved changes, prints "opened <rw|ro> <topology name>", then
// renames the topology "Autosave N" (an undoable edit) (N continuing from an "Autosave" name it opened with,
// else 1) and autosaves it (Autosave::autosaveNow, what the timer calls), printing "begin N" and "ack N", in
// a loop.

#include "ui/document/Autosave.h"
#include "ui/document/Document.h"
#include "ui/document/commands/ReplaceTopologyCommand.h"
#include "ui/mainwindow/DocumentActions.h"
#include "ui/mainwindow/MainWindow.h"

#include <QApplication>
#include <QUndoStack>
#include <cstdio>
#include <string>
#include <unistd.h>

using namespace firedrill;
using namespace firedrill::ui;

namespace {

void say(const std::string& line)
{
    const std::string text = line + "\n";
    if (::write(STDOUT_FILENO, text.data(), text.size()) != static_cast<ssize_t>(text.size()))
        std::_Exit(4);
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: autosave_writer <workspace>\n");
        return 1;
    }
    MainWindow window;
    window.setErrorDialogsEnabled(false);
    window.setUnsavedPolicy(DocumentActions::UnsavedPolicy::Discard);
    window.setRecoveryPolicy(MainWindow::RecoveryPolicy::Restore);
    window.show();
    if (!window.openFile(QString::fromLocal8Bit(argv[1])))
        return 2;
    Document* document = window.document();
    const std::string opened = document->topology().name;
    say(std::string("opened ") + (document->isReadOnly() ? "ro " : "rw ") + opened);
    int n = opened.rfind("Autosave ", 0) == 0 ? std::stoi(opened.substr(9)) + 1 : 1;
    for (;; ++n) {
        Topology topology = document->topology();
        topology.name = "Autosave " + std::to_string(n);
        say("begin " + std::to_string(n));
        document->undoStack()->push(new ReplaceTopologyCommand(document, topology, QStringLiteral("Rename")));
        if (!window.autosave()->autosaveNow())
            return 3;
        say("ack " + std::to_string(n));
    }
}
