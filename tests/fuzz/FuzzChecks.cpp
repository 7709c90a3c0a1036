#include "FuzzChecks.h"

#include "core/io/TopologyFile.h"
#include "core/store/FileLock.h"
#include "core/store/Workspace.h"

#include <fstream>
#include <iterator>
#include <string_view>
#include <system_error>

namespace firedrill::fuzz {

namespace {

/// The first broken property of a list of diagnostics, or "".
std::string checkDiagnostics(const std::vector<Diagnostic>& diagnostics, std::string_view stage)
{
    for (const Diagnostic& d : diagnostics) {
        if (d.code.empty())
            return std::string(stage) + ": a diagnostic has no code: " + d.format();
        if (d.message.empty())
            return std::string(stage) + ": diagnostic " + d.code + " has no message";
    }
    return {};
}

bool writeBytes(const std::filesystem::path& path, const std::uint8_t* data, std::size_t size)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return static_cast<bool>(out.flush());
}

std::string readBytes(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Names in the folder of `path` other than `path` itself.
std::string strayFiles(const std::filesystem::path& path)
{
    std::string out;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(path.parent_path(), ec))
        if (entry.path().filename() != path.filename())
            out += " " + entry.path().filename().string();
    return out;
}

/// Removes everything in the folder of `path` except `path`, so one input cannot affect the next.
void clearFolder(const std::filesystem::path& path)
{
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(path.parent_path(), ec))
        if (entry.path().filename() != path.filename())
            std::filesystem::remove_all(entry.path(), ec);
}

std::string checkRefusal(const Error& error, const std::filesystem::path& path, std::string_view mode)
{
    if (error.code.empty())
        return std::string(mode) + " open failed without an error code: " + error.message;
    if (error.message.find(path.filename().string()) == std::string::npos)
        return std::string(mode) + " open refusal does not name the file: [" + error.code + "] " + error.message;
    return {};
}

/// Reads everything a viewer shows: revisions, the current topology and every revision's topology.
void readAll(const Workspace& ws)
{
    (void)ws.currentTopology();
    if (auto revisions = ws.revisions()) {
        std::size_t count = 0;
        for (const RevisionInfo& info : *revisions) {
            if (++count > 16)
                break;
            (void)ws.topologyAt(info.id);
        }
    }
}

} // namespace

std::string checkYamlImport(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const LoadResult first = readTopologyYaml(text, "fuzz.yaml");
    if (auto broken = checkDiagnostics(first.diagnostics, "import"); !broken.empty())
        return broken;
    if (!first.ok())
        return {};
    const std::string canonical = writeTopologyYaml(*first.topology);
    const LoadResult second = readTopologyYaml(canonical, "canonical.yaml");
    if (auto broken = checkDiagnostics(second.diagnostics, "re-import"); !broken.empty())
        return broken;
    if (!second.ok()) {
        std::string why;
        for (const Diagnostic& d : second.diagnostics)
            why += "\n  " + d.format();
        return "a topology that loaded cleanly does not re-load after a canonical write:" + why +
               "\n--- canonical text ---\n" + canonical;
    }
    if (!(*second.topology == *first.topology))
        return "a canonical write and re-read changes the topology\n--- canonical text ---\n" + canonical;
    if (writeTopologyYaml(*second.topology) != canonical)
        return "the canonical text is not stable under a second write\n--- canonical text ---\n" + canonical;
    return {};
}

std::string checkWorkspaceOpen(const std::uint8_t* data, std::size_t size, const std::filesystem::path& path)
{
    clearFolder(path);
    if (!writeBytes(path, data, size))
        return "could not write the input to " + path.string();
    const std::string original = readBytes(path);

    {
        auto readOnly = Workspace::open(path, OpenMode::ReadOnly);
        if (!readOnly) {
            if (auto broken = checkRefusal(readOnly.error(), path, "read-only"); !broken.empty())
                return broken;
        } else {
            readAll(*readOnly);
            (void)readOnly->close();
        }
    }
    if (readBytes(path) != original)
        return "a read-only open changed the file";
    if (auto stray = strayFiles(path); !stray.empty())
        return "a read-only open left files behind:" + stray;

    {
        auto editing = Workspace::open(path, OpenMode::ReadWrite);
        if (!editing) {
            if (auto broken = checkRefusal(editing.error(), path, "read-write"); !broken.empty())
                return broken;
            if (readBytes(path) != original)
                return "a refused read-write open changed the file: [" + editing.error().code + "] " +
                       editing.error().message;
        } else {
            readAll(*editing);
            if (auto current = editing->currentTopology())
                (void)editing->save(*current, "fuzz");
            (void)editing->close();
        }
    }
    if (auto stray = strayFiles(path); !stray.empty())
        return "opening for editing left files behind:" + stray;
    return {};
}

} // namespace firedrill::fuzz
