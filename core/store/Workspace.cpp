#include "Workspace.h"

#include "WorkspaceProbe.h"
#include "core/io/TopologyFile.h"

namespace firedrill {

Result<Workspace> Workspace::create(const std::filesystem::path& path, const Topology& topology,
                                    const std::string& note)
{
    auto file = WorkspaceFile::create(path, writeTopologyYaml(topology), note);
    if (!file)
        return file.error();
    return Workspace(std::move(file).value());
}

Result<Workspace> Workspace::open(const std::filesystem::path& path, OpenMode mode)
{
    auto file = WorkspaceFile::open(path, mode);
    if (!file)
        return file.error();
    return Workspace(std::move(file).value());
}

bool Workspace::isWorkspaceFile(const std::filesystem::path& path)
{
    return hasWorkspaceHeader(path);
}

Result<Topology> Workspace::parse(std::int64_t revision, const std::string& text) const
{
    const std::string source = m_file.path().string() + "#revision-" + std::to_string(revision);
    LoadResult loaded = readTopologyYaml(text, source);
    if (loaded.topology)
        return std::move(*loaded.topology);
    std::string why;
    for (const Diagnostic& diagnostic : loaded.diagnostics) {
        if (diagnostic.severity == Severity::Error) {
            why = diagnostic.format();
            break;
        }
    }
    return Error{"invalid-topology", "Revision " + std::to_string(revision) + " of " +
                                         m_file.path().string() + " could not be read" +
                                         (why.empty() ? "" : ": " + why) + ". Restore another revision."};
}

Result<Topology> Workspace::currentTopology() const
{
    auto latest = m_file.latestRevision();
    if (!latest)
        return latest.error();
    return topologyAt(*latest);
}

Result<std::int64_t> Workspace::save(const Topology& topology, const std::string& note)
{
    return m_file.appendRevision(writeTopologyYaml(topology), note);
}

Result<std::vector<RevisionInfo>> Workspace::revisions() const
{
    return m_file.revisions();
}

Result<Topology> Workspace::topologyAt(std::int64_t revision) const
{
    auto text = m_file.revisionText(revision);
    if (!text)
        return text.error();
    return parse(revision, *text);
}

Result<std::int64_t> Workspace::restore(std::int64_t revision)
{
    auto text = m_file.revisionText(revision);
    if (!text)
        return text.error();
    if (auto readable = parse(revision, *text); !readable)
        return readable.error(); // never make an unreadable revision the current one
    return m_file.appendRevision(*text, "Restored revision " + std::to_string(revision));
}

Result<void> Workspace::saveAs(const std::filesystem::path& path)
{
    return m_file.saveAs(path);
}

Result<void> Workspace::close()
{
    return m_file.close();
}

} // namespace firedrill
