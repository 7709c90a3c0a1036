#include "InputDocument.h"

#include "core/io/InputPath.h"
#include "core/io/TopologyFile.h"
#include "core/model/Validator.h"
#include "core/store/Workspace.h"
#include "core/store/WorkspaceAudit.h"

#include <algorithm>
#include <cctype>
#include <fstream>

namespace firedrill::cli {

namespace {

/// Any SQLite file goes to the workspace reader, which explains precisely why a foreign one is refused.
bool looksLikeSqlite(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    char header[16] = {};
    in.read(header, sizeof header);
    return in.gcount() == 16 && std::string_view(header, 16) == std::string_view("SQLite format 3\0", 16);
}

Diagnostic fileError(const std::string& code, const std::string& message, const std::string& name)
{
    return {Severity::Error, code, message, "", {name, 0, 0}};
}

/// The store's error, with the exact command that recovers a workspace a crash left with a hot journal.
Diagnostic openError(const Error& error, const std::string& name)
{
    if (error.code != "needs-recovery")
        return fileError(error.code, error.message, name);
    const std::string argument = shellQuoted(!name.empty() && name.front() == '-' ? "./" + name : name);
    return fileError(error.code,
                     name + " was not closed cleanly: a save was interrupted and left " + name +
                         "-journal; nothing saved is lost. To recover it, run: firedrill-cli recover " + argument +
                         " (it rolls the unfinished save back; opening the workspace in Firedrill does the same). "
                         "Do not delete the journal file.",
                     name);
}

/// Every damaged item of the workspace as an error; `skipRevision` was already read (and any problem
/// with it reported).
void addDamage(WorkspaceFile& file, std::int64_t skipRevision, InputDocument& doc, const std::string& name)
{
    auto damage = auditWorkspace(file, skipRevision);
    if (!damage) {
        doc.diagnostics.push_back(fileError(damage.error().code, damage.error().message, name));
        return;
    }
    for (const WorkspaceDamage& d : *damage)
        doc.diagnostics.push_back({Severity::Error, "corrupt", d.message, d.item, {name, 0, 0}});
    if (doc.workspace)
        doc.workspace->damaged = damage->size();
}

} // namespace

std::string shellQuoted(const std::string& text)
{
    const bool plain = !text.empty() && text.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                                "0123456789_-+.,/:@%=") == std::string::npos;
    if (plain)
        return text;
    std::string quoted = "'";
    for (const char ch : text)
        quoted += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
    return quoted + "'";
}

std::optional<FileFormat> formatFromExtension(const std::filesystem::path& path)
{
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".firedrill")
        return FileFormat::Workspace;
    if (ext == ".yaml" || ext == ".yml")
        return FileFormat::Yaml;
    return std::nullopt;
}

InputDocument loadInput(const std::filesystem::path& path, InputDepth depth)
{
    InputDocument doc;
    const std::string name = path.string();
    if (formatFromExtension(path) == FileFormat::Workspace)
        doc.format = FileFormat::Workspace;
    // Before anything opens it: opening a FIFO for reading waits for a writer for ever. (A missing file
    // is reported by the reader of its format.)
    if (auto regular = checkInputFile(path); !regular && regular.error().code != "not-found") {
        doc.diagnostics.push_back(fileError(regular.error().code, regular.error().message, name));
        return doc;
    }
    const bool workspace = doc.format == FileFormat::Workspace || looksLikeSqlite(path);
    if (!workspace) {
        LoadResult r = loadTopologyYamlFile(path);
        doc.topology = std::move(r.topology);
        doc.diagnostics = std::move(r.diagnostics);
        return doc;
    }
    doc.format = FileFormat::Workspace;
    auto ws = Workspace::open(path, OpenMode::ReadOnly);
    if (!ws) {
        doc.diagnostics.push_back(openError(ws.error(), name));
        return doc;
    }
    WorkspaceFacts facts;
    facts.schemaVersion = ws->schemaVersion();
    if (auto revisions = ws->revisions(); revisions && !revisions->empty()) {
        facts.revisions = revisions->size();
        facts.lastSaved = revisions->back().savedAt;
        facts.lastNote = revisions->back().note;
    }
    doc.workspace = facts;
    auto topology = ws->currentTopology();
    if (!topology) {
        doc.diagnostics.push_back(fileError(topology.error().code, topology.error().message, name));
        if (depth == InputDepth::Everything)
            addDamage(ws->file(), ws->file().latestRevision().ok() ? *ws->file().latestRevision() : 0, doc, name);
        return doc;
    }
    doc.diagnostics = validate(*topology);
    for (auto& d : doc.diagnostics)
        d.where.file = name;
    if (depth == InputDepth::Everything)
        addDamage(ws->file(), ws->file().latestRevision().ok() ? *ws->file().latestRevision() : 0, doc, name);
    doc.topology = std::move(topology.value());
    return doc;
}

} // namespace firedrill::cli
