#include "InputDocument.h"

#include "core/io/TopologyFile.h"

#include <algorithm>
#include <cctype>
#include <fstream>

namespace firedrill::cli {

namespace {

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
    doc.diagnostics.push_back({Severity::Error, "unsupported", "workspace files are not supported yet", "",
                               {path.string(), 0, 0}});
    return doc;
}

} // namespace firedrill::cli
