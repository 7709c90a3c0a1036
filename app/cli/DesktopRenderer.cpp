#include "DesktopRenderer.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace firedrill::cli {

namespace {

bool isExecutable(const std::filesystem::path& p)
{
    std::error_code ec;
    return std::filesystem::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

} // namespace

std::optional<std::filesystem::path> DesktopRenderer::locate()
{
    if (const char* chosen = std::getenv("FIREDRILL_GUI"); chosen && *chosen)
        return isExecutable(chosen) ? std::optional<std::filesystem::path>(chosen) : std::nullopt;
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec)
        return std::nullopt;
    for (const auto& candidate : {self.parent_path() / "firedrill", self.parent_path().parent_path() / "gui" / "firedrill"})
        if (isExecutable(candidate))
            return candidate;
    return std::nullopt;
}

Result<void> DesktopRenderer::run(const std::filesystem::path& executable, const std::vector<std::string>& arguments)
{
    std::vector<std::string> env{"QT_QPA_PLATFORM=offscreen"};
    for (char** e = environ; *e; ++e)
        if (std::strncmp(*e, "QT_QPA_PLATFORM=", 16) != 0)
            env.emplace_back(*e);
    std::vector<char*> envp;
    for (auto& e : env)
        envp.push_back(e.data());
    envp.push_back(nullptr);
    std::vector<std::string> args{executable.string()};
    args.insert(args.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    // Its standard error comes back through a pipe, to be quoted when it fails.
    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC) != 0)
        return Error{"spawn-failed", std::string("cannot start ") + executable.string() + ": " + std::strerror(errno)};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipeFds[1], STDERR_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, executable.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipeFds[1]);
    if (spawned != 0) {
        ::close(pipeFds[0]);
        return Error{"spawn-failed", std::string("cannot start ") + executable.string() + ": " + std::strerror(spawned)};
    }
    std::string errors;
    char buffer[4096];
    for (ssize_t n; (n = ::read(pipeFds[0], buffer, sizeof buffer)) != 0;) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            break;
        errors.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(pipeFds[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return {};
    while (!errors.empty() && (errors.back() == '\n' || errors.back() == ' '))
        errors.pop_back();
    const std::string why = WIFSIGNALED(status) ? "it was stopped by signal " + std::to_string(WTERMSIG(status))
                                                : "it exited with " + std::to_string(WEXITSTATUS(status));
    return Error{"render-failed", executable.string() + " could not write the PDF (" + why + ")" +
                                      (errors.empty() ? std::string() : ": " + errors)};
}

} // namespace firedrill::cli
