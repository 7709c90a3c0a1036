#include "Commands.h"
#include "InputDocument.h"

#include "core/io/InputPath.h"
#include "core/store/Workspace.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace firedrill::cli {

namespace {

int fail(const RecoverOptions& options, const std::string& message)
{
    if (options.json)
        std::cout << nlohmann::json{{"file", options.file}, {"ok", false}, {"error", message}}.dump(2) << '\n';
    std::cerr << "firedrill-cli: " << message << '\n';
    return ExitCode::InvalidInput;
}

/// "revision 7 (saved 2027-01-05T09:00:00.000Z, "note")".
std::string describe(const RevisionInfo& revision)
{
    std::string text = "revision " + std::to_string(revision.id) + " (saved " + revision.savedAt;
    if (!revision.note.empty())
        text += ", \"" + revision.note + "\"";
    return text + ")";
}

} // namespace

int runRecover(const RecoverOptions& options)
{
    const std::string name = options.file;
    if (auto regular = checkInputFile(name); !regular)
        return fail(options, regular.error().message);
    // Read-only first: a workspace that was closed cleanly is left exactly as it is (no lock, no migration).
    auto inspected = Workspace::open(name, OpenMode::ReadOnly);
    bool recovered = false;
    std::vector<RevisionInfo> revisions;
    if (inspected) {
        auto listed = inspected->revisions();
        if (!listed)
            return fail(options, listed.error().message);
        revisions = std::move(listed).value();
    } else {
        if (inspected.error().code != "needs-recovery")
            return fail(options, inspected.error().message);
        // Opening for editing rolls the unfinished save back, under the workspace's lock.
        auto ws = Workspace::open(name, OpenMode::ReadWrite);
        if (!ws)
            return fail(options, name + " needs recovery, but it cannot be opened for editing: " +
                                     ws.error().message);
        recovered = ws->file().recoveredInterruptedSave();
        auto listed = ws->revisions();
        if (!listed)
            return fail(options, listed.error().message);
        revisions = std::move(listed).value();
        if (auto closed = ws->close(); !closed)
            return fail(options, closed.error().message);
    }
    if (options.json) {
        nlohmann::json j{{"file", name}, {"ok", true}, {"recovered", recovered}, {"revisions", revisions.size()}};
        if (!revisions.empty())
            j["newest"] = {{"revision", revisions.back().id},
                           {"saved_at", revisions.back().savedAt},
                           {"note", revisions.back().note}};
        std::cout << j.dump(2) << '\n';
        return ExitCode::Ok;
    }
    const std::string newest = revisions.empty() ? "no revision" : describe(revisions.back());
    if (recovered)
        std::cout << name << ": recovered: the unfinished save a crash left in " << name
                  << "-journal was rolled back; " << newest << " is intact and is the newest of "
                  << revisions.size() << " revision(s).\n";
    else
        std::cout << name << ": nothing to recover: it was closed cleanly; " << newest << " is the newest of "
                  << revisions.size() << " revision(s).\n";
    return ExitCode::Ok;
}

} // namespace firedrill::cli
