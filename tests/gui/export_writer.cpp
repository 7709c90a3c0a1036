// Helper for test_export_crash: performs exports through the application's code (offscreen).
//   export_writer <kind> <target>              prints "ready", waits for a line on stdin, then exports
//                                              number 1, 2, ... to <target> in a loop until it is killed,
//                                              printing "begin N" before and "ack N" after each
//   export_writer <kind> <target> <max-bytes>  exports number 1 once with files limited to <max-bytes>
//                                              (RLIMIT_FSIZE, SIGXFSZ ignored: a full disk), prints
//                                              "ok" or "error <message>"
// Kinds are listed in ExportCases.h. Lines go out unbuffered, so a kill loses nothing already said.

#include "ExportCases.h"

#include <QApplication>
#include <csignal>
#include <cstdio>
#include <string>
#include <sys/resource.h>
#include <unistd.h>

namespace {

void say(const std::string& line)
{
    const std::string text = line + "\n";
    if (::write(STDOUT_FILENO, text.data(), text.size()) != static_cast<ssize_t>(text.size()))
        std::_Exit(4);
}

int exportUnderLimit(exportcase::Sources& sources, const QString& kind, const QString& target, long maxBytes)
{
    std::signal(SIGXFSZ, SIG_IGN); // writes past the limit then fail with EFBIG instead of killing us
    const rlimit limit{static_cast<rlim_t>(maxBytes), static_cast<rlim_t>(maxBytes)};
    if (setrlimit(RLIMIT_FSIZE, &limit) != 0)
        return 3;
    auto written = sources.write(kind, 1, target);
    say(written ? std::string("ok") : "error " + written.error().message);
    return written ? 0 : 2;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    if (argc != 3 && argc != 4) {
        std::fprintf(stderr, "usage: export_writer <kind> <target> [<max-bytes>]\n");
        return 1;
    }
    const QString kind = QString::fromLocal8Bit(argv[1]);
    const QString target = QString::fromLocal8Bit(argv[2]);
    if (!exportcase::kinds().contains(kind))
        return 1;
    exportcase::Sources sources;
    if (!sources.ok())
        return 3;
    if (argc == 4)
        return exportUnderLimit(sources, kind, target, std::stol(argv[3]));

    say("ready");
    char byte = 0;
    if (::read(STDIN_FILENO, &byte, 1) != 1)
        return 0;
    for (int n = 1;; ++n) {
        say("begin " + std::to_string(n));
        auto written = sources.write(kind, n, target);
        if (!written) {
            say("error " + written.error().message);
            return 2;
        }
        say("ack " + std::to_string(n));
    }
}
