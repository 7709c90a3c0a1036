// Helper for test_crash_during_save: saves workspace revisions in a loop until it is killed, reporting each
// save on stdout ("begin N" before the step that makes revision "save N" visible, "ack N" once it returned).
//   save_writer create <workspace>           creates <workspace> with revision "Crash test 0" and exits
//   save_writer save <workspace>             appends revisions to <workspace>
//   save_writer saveas <source> <target>     appends to <source>, Save As <target>, Save As <source> again
// A revision's note is "save N" and its topology is named "Crash test N"; N continues from the file.

#include "core/io/TopologyFile.h"
#include "core/store/Workspace.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

using namespace firedrill;

namespace {

const char* const kTopology = R"(firedrill: 1
name: Crash test 0
regions:
  - {id: weu, name: West Europe, pair: neu, zones: 3}
  - {id: neu, name: North Europe, pair: weu, zones: 3}
components:
  - {id: web, kind: app-service, region: weu, instances: 2, depends_on: [db]}
  - {id: db, kind: sql-database, region: weu}
workloads:
  - {id: shop, name: Shop, entry: web, demand_rps: 100, write_fraction: 0.1}
)";

/// One unbuffered line on stdout, so a kill right after it loses nothing the parent should have seen.
void report(const char* what, long n)
{
    char line[64];
    const int length = std::snprintf(line, sizeof line, "%s %ld\n", what, n);
    if (length > 0 && ::write(STDOUT_FILENO, line, static_cast<std::size_t>(length)) != length)
        std::_Exit(4);
}

[[noreturn]] void fail(const std::string& message)
{
    std::fprintf(stderr, "save_writer: %s\n", message.c_str());
    std::exit(3);
}

/// N of the newest revision's note "save N" (0 for the first revision, whatever its note).
long lastNumber(const Workspace& ws)
{
    auto revisions = ws.revisions();
    if (!revisions || revisions->empty())
        fail("cannot list the revisions");
    const std::string& note = revisions->back().note;
    return note.rfind("save ", 0) == 0 ? std::stol(note.substr(5)) : 0;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string mode = argc > 1 ? argv[1] : "";
    if (!(((mode == "create" || mode == "save") && argc == 3) || (mode == "saveas" && argc == 4)))
        fail("usage: save_writer create <workspace> | save <workspace> | saveas <source> <target>");
    const std::string source = argv[2];
    const LoadResult loaded = readTopologyYaml(kTopology, "crash-test.yaml");
    if (!loaded.ok())
        fail("the built-in topology does not load");
    Topology topology = *loaded.topology;

    if (mode == "create") {
        auto created = Workspace::create(source, topology, "first");
        if (!created)
            fail(created.error().message);
        return 0;
    }

    auto ws = Workspace::open(source);
    if (!ws)
        fail(ws.error().message);
    long n = lastNumber(*ws);
    for (int saves = 0; saves < 1000; ++saves) {
        ++n;
        topology.name = "Crash test " + std::to_string(n);
        if (mode == "save")
            report("begin", n);
        if (auto saved = ws->save(topology, "save " + std::to_string(n)); !saved)
            fail(saved.error().message);
        if (mode == "saveas") {
            report("begin", n);
            if (auto copied = ws->saveAs(argv[3]); !copied)
                fail(copied.error().message);
        }
        report("ack", n);
        if (mode == "saveas")
            if (auto back = ws->saveAs(source); !back)
                fail(back.error().message);
    }
    return 0;
}
