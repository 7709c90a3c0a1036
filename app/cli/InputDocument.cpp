#include "InputDocument.h"

#include "core/io/TopologyFile.h"
#include "core/model/Validator.h"
#include "core/store/Workspace.h"

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

} // namespace

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

InputDocument loadInput(const std::filesystem::path& path)
{
    InputDocument doc;
    const bool workspace = formatFromExtension(path) == FileFormat::Workspace || looksLikeSqlite(path);
    if (!workspace) {
        LoadResult r = loadTopologyYamlFile(path);
        doc.topology = std::move(r.topology);
        doc.diagnostics = std::move(r.diagnostics);
        return doc;
    }
    doc.format = FileFormat::Workspace;
    const std::string name = path.string();
    auto ws = Workspace::open(path, OpenMode::ReadOnly);
    if (!ws) {
        doc.diagnostics.push_back({Severity::Error, ws.error().code, ws.error().message, "", {name, 0, 0}});
        return doc;
    }
    auto topology = ws->currentTopology();
    if (!topology) {
        doc.diagnostics.push_back({Severity::Error, topology.error().code, topology.error().message, "", {name, 0, 0}});
        return doc;
    }
    doc.diagnostics = validate(*topology);
    for (auto& d : doc.diagnostics)
        d.where.file = name;
    WorkspaceFacts facts;
    facts.schemaVersion = ws->schemaVersion();
    if (auto revisions = ws->revisions(); revisions && !revisions->empty()) {
        facts.revisions = revisions->size();
        facts.lastSaved = revisions->back().savedAt;
        facts.lastNote = revisions->back().note;
    }
    doc.workspace = facts;
    doc.topology = std::move(topology.value());
    return doc;
}

} // namespace firedrill::cli
