// Writes workspace seeds for fuzzing.
//   make_workspace_seeds <folder>                  small valid workspaces and the damaged, foreign and
//                                                  tampered files the store refuses (the damage the store
//                                                  tests plant): tests/fuzz/corpus/workspace
//   make_workspace_seeds <folder> <topology.yaml>... each topology as a workspace, as `firedrill-cli
//                                                  convert` makes it (used for the samples)

#include "core/io/TopologyFile.h"
#include "core/store/Database.h"
#include "core/store/Statement.h"
#include "core/store/Workspace.h"
#include "core/store/WorkspaceFile.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

using namespace firedrill;
namespace fs = std::filesystem;

namespace {

const char* const kTopology = R"(firedrill: 1
name: Seed
regions:
  - {id: weu, name: West Europe, pair: neu, zones: 3}
  - {id: neu, name: North Europe, pair: weu, zones: 3}
components:
  - {id: web, kind: app-service, region: weu, instances: 2, depends_on: [db]}
  - id: db
    kind: sql-database
    replicas:
      - {id: db-weu, region: weu, role: primary}
      - {id: db-neu, region: neu, role: secondary, sync: asynchronous, lag: 5s}
workloads:
  - {id: shop, name: Shop, entry: web, demand_rps: 100, write_fraction: 0.1}
)";

std::string readBytes(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool writeBytes(const fs::path& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    return static_cast<bool>(out.flush());
}

bool exec(const fs::path& path, const std::string& sql)
{
    auto db = Database::open(path, DatabaseAccess::ReadWrite);
    return db && db->exec(sql).ok() && db->close().ok();
}

long long queryInt(const fs::path& path, const std::string& sql)
{
    auto db = Database::open(path, DatabaseAccess::ReadOnly);
    if (!db)
        return -1;
    auto stmt = db->prepare(sql);
    if (!stmt)
        return -1;
    auto row = stmt->step();
    return row && *row ? stmt->columnInt64(0) : -1;
}

/// A valid workspace with `revisions` revisions of the seed topology.
bool makeWorkspace(const fs::path& path, int revisions)
{
    auto ws = WorkspaceFile::create(path, kTopology, "first");
    if (!ws)
        return false;
    for (int i = 1; i < revisions; ++i)
        if (!ws->appendRevision(std::string(kTopology) + "# save " + std::to_string(i) + "\n", "save").ok())
            return false;
    return ws->close().ok();
}

bool flip(const fs::path& path, long long offset, int count)
{
    std::string bytes = readBytes(path);
    if (offset < 0 || offset + count > static_cast<long long>(bytes.size()))
        return false;
    for (int i = 0; i < count; ++i)
        bytes[static_cast<std::size_t>(offset + i)] = static_cast<char>(bytes[static_cast<std::size_t>(offset + i)] ^ 0xFF);
    return writeBytes(path, bytes);
}

/// Flips the cell count and first cell pointers of the revisions table's root page.
bool flipRevisionsPage(const fs::path& path)
{
    const long long root = queryInt(path, "SELECT rootpage FROM sqlite_master WHERE name = 'revisions'");
    const long long pageSize = queryInt(path, "PRAGMA page_size");
    if (root < 2 || pageSize < 512)
        return false;
    const long long page = (root - 1) * pageSize;
    return flip(path, page + 3, 2) && flip(path, page + 12, 4);
}

bool truncateTo(const fs::path& path, std::uintmax_t size)
{
    std::error_code ec;
    fs::resize_file(path, size, ec);
    return !ec;
}

struct Seed
{
    const char* name;
    std::function<bool(const fs::path&)> damage; ///< applied to a fresh 3-revision workspace; null: none
    bool fromScratch = false;                      ///< damage builds the file itself
};

/// Converts each YAML topology into `<folder>/<name>.firedrill`; returns the number of failures.
int convertTopologies(const fs::path& folder, int count, char** files)
{
    int failures = 0;
    for (int i = 0; i < count; ++i) {
        const fs::path yaml = files[i];
        const LoadResult loaded = loadTopologyYamlFile(yaml);
        const fs::path out = folder / (yaml.stem().string() + ".firedrill");
        bool ok = loaded.ok();
        if (ok) {
            auto ws = Workspace::create(out, *loaded.topology, "Bundled sample");
            ok = ws && ws->close().ok();
        }
        if (!ok) {
            std::fprintf(stderr, "make_workspace_seeds: could not convert %s\n", yaml.c_str());
            ++failures;
        }
    }
    return failures;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: make_workspace_seeds <folder> [topology.yaml...]\n");
        return 2;
    }
    const fs::path folder = argv[1];
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (argc > 2)
        return convertTopologies(folder, argc - 2, argv + 2) == 0 ? 0 : 1;

    const std::vector<Seed> seeds = {
        {"valid-one-revision", [](const fs::path& p) { return makeWorkspace(p, 1); }, true},
        {"valid-three-revisions", nullptr},
        {"empty", [](const fs::path& p) { return writeBytes(p, ""); }, true},
        {"text", [](const fs::path& p) { return writeBytes(p, kTopology); }, true},
        {"foreign", [](const fs::path& p) {
             return writeBytes(p, "") && exec(p, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ann');");
         }, true},
        {"truncated", [](const fs::path& p) { return truncateTo(p, fs::file_size(p) / 2); }},
        {"truncated-odd", [](const fs::path& p) { return truncateTo(p, fs::file_size(p) / 2 + 100); }},
        {"flipped-page", flipRevisionsPage},
        {"zeroed-header", [](const fs::path& p) {
             std::string bytes = readBytes(p);
             bytes.replace(0, 16, std::string(16, '\0'));
             return writeBytes(p, bytes);
         }},
        {"wrong-application-id", [](const fs::path& p) { return exec(p, "PRAGMA application_id = 305419896"); }},
        {"newer-schema", [](const fs::path& p) { return exec(p, "PRAGMA user_version = 99"); }},
        {"no-schema-version", [](const fs::path& p) { return exec(p, "PRAGMA user_version = 0"); }},
        {"trigger", [](const fs::path& p) {
             return exec(p, "CREATE TRIGGER wipe AFTER INSERT ON revisions BEGIN DELETE FROM meta; END");
         }},
        {"view", [](const fs::path& p) { return exec(p, "CREATE VIEW peek AS SELECT note FROM revisions"); }},
        {"unknown-table", [](const fs::path& p) { return exec(p, "CREATE TABLE extra (x)"); }},
        {"unknown-index", [](const fs::path& p) { return exec(p, "CREATE INDEX by_note ON revisions (note)"); }},
        {"altered-table", [](const fs::path& p) { return exec(p, "ALTER TABLE revisions ADD COLUMN payload TEXT"); }},
        {"dropped-table", [](const fs::path& p) { return exec(p, "DROP TABLE meta"); }},
        {"damaged-revision-text", [](const fs::path& p) {
             return exec(p, "UPDATE revisions SET topology_yaml = topology_yaml || ' ' WHERE id = 3");
         }},
        {"invalid-revision-yaml", [](const fs::path& p) {
             return exec(p, "UPDATE revisions SET topology_yaml = 'a: [1, 2', topology_hash = "
                            "'fnv1a64:0000000000000000' WHERE id = 3");
         }},
    };

    int failures = 0;
    for (const Seed& seed : seeds) {
        const fs::path path = folder / (std::string(seed.name) + ".firedrill");
        fs::remove(path, ec);
        bool ok = seed.fromScratch ? seed.damage(path) : makeWorkspace(path, 3) && (!seed.damage || seed.damage(path));
        fs::remove(fs::path(path.string() + ".lock"), ec);
        if (!ok) {
            std::fprintf(stderr, "make_workspace_seeds: could not build %s\n", seed.name);
            ++failures;
        }
    }
    return failures == 0 ? 0 : 1;
}
