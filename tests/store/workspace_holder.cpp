// Helper for test_two_processes: a second, real process on a workspace.
//   workspace_holder hold <workspace>   opens it for editing, prints "held", keeps it open until stdin closes
//   workspace_holder open <workspace>   opens it for editing and closes it again ("opened rw"); when that is
//                                       refused, prints "refused <code>", the message, then opens it
//                                       read-only ("opened ro")
// Lines go out unbuffered, so a kill right after one loses nothing the parent should have seen.

#include "core/store/Workspace.h"

#include <cstdio>
#include <string>
#include <unistd.h>

using namespace firedrill;

namespace {

void say(const std::string& line)
{
    const std::string text = line + "\n";
    if (::write(STDOUT_FILENO, text.data(), text.size()) != static_cast<ssize_t>(text.size()))
        std::_Exit(4);
}

int hold(const std::string& path)
{
    auto ws = Workspace::open(path);
    if (!ws) {
        say("refused " + ws.error().code);
        say(ws.error().message);
        return 2;
    }
    say("held");
    char byte = 0;
    while (::read(STDIN_FILENO, &byte, 1) > 0) {
    }
    return ws->close() ? 0 : 3;
}

int openOnce(const std::string& path)
{
    auto ws = Workspace::open(path);
    if (ws) {
        say("opened rw");
        return ws->close() ? 0 : 3;
    }
    say("refused " + ws.error().code);
    say(ws.error().message);
    auto viewer = Workspace::open(path, OpenMode::ReadOnly);
    if (!viewer) {
        say("read-only refused " + viewer.error().code);
        return 3;
    }
    say("opened ro");
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string mode = argc == 3 ? argv[1] : "";
    if (mode == "hold")
        return hold(argv[2]);
    if (mode == "open")
        return openOnce(argv[2]);
    std::fprintf(stderr, "usage: workspace_holder hold|open <workspace>\n");
    return 1;
}
