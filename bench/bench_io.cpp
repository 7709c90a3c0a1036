// Times reading, validating, writing and storing topologies: bundled samples, hostile inputs and
// generated topologies of growing size. Prints a Markdown table; bench/run.sh records it.
#include "TopologyGenerator.h"

#include "core/io/TopologyFile.h"
#include "core/model/Validator.h"
#include "core/store/Workspace.h"

#include <algorithm>
#include <chrono>
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

/// Median wall time of `runs` calls, in milliseconds.
double medianMs(int runs, const std::function<void()>& work)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

void row(const std::string& what, const std::string& size, double ms)
{
    std::printf("| %s | %s | %.2f |\n", what.c_str(), size.c_str(), ms);
}

/// The "billion laughs" of the hostile-input tests (tests/data/hostile), read from the source tree.
std::string billionLaughs(const fs::path& samples)
{
    std::ifstream in(samples / ".." / ".." / "tests" / "data" / "hostile" / "billion-laughs.yaml", std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

int main(int argc, char** argv)
{
    const fs::path samples = argc > 1 ? fs::path(argv[1]) : fs::path("resources/samples");
    const std::size_t largest = argc > 2 ? std::stoul(argv[2]) : 100'000;
    const fs::path scratch = fs::temp_directory_path() / "firedrill-bench";
    fs::create_directories(scratch);

    std::printf("| operation | input | median ms |\n|---|---|---|\n");
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(samples))
        if (entry.path().extension() == ".yaml")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files)
        row("load + validate sample", f.filename().string(), medianMs(20, [&] { (void)loadTopologyYamlFile(f); }));

    const std::vector<std::pair<std::string, std::string>> hostile{
        {"billion laughs (377 bytes)", billionLaughs(samples)},
        {"alias cycle", "a: &x [1, *x]\n"},
        {"nesting 10,000 deep", "a: " + std::string(10'000, '[') + std::string(10'000, ']')},
        {"lone comma", ","},
        {"1 MB of invalid UTF-8", std::string(1 << 20, '\xff')},
        {"30 MB string (under the 32 MiB cap)", "a: \"" + std::string(30u << 20, 'x') + "\"\n"},
    };
    for (const auto& [name, text] : hostile)
        row("reject hostile input", name, medianMs(5, [&] { (void)readTopologyYaml(text, "h.yaml"); }));

    for (std::size_t n = 1000; n <= largest; n *= 10) {
        const Topology t = bench::generateTopology(n, 5);
        std::size_t deps = 0;
        for (const auto& c : t.components)
            deps += c.dependsOn.size();
        const std::string label = std::to_string(n) + " components, " + std::to_string(deps) + " deps";
        std::string yaml;
        const int runs = n >= 100'000 ? 3 : 5;
        row("validate", label, medianMs(runs, [&] { (void)validate(t); }));
        row("write YAML", label, medianMs(runs, [&] { yaml = writeTopologyYaml(t); }));
        ReadLimits limits;
        limits.maxBytes = 1u << 30;
        limits.maxNodes = 100'000'000;
        row("read + validate YAML (" + std::to_string(yaml.size() / 1024) + " KiB)", label,
            medianMs(runs, [&] { (void)readTopologyYaml(yaml, "big.yaml", limits); }));
        const fs::path ws = scratch / ("big-" + std::to_string(n) + ".firedrill");
        row("create workspace", label, medianMs(runs, [&] {
                fs::remove(ws);
                auto w = Workspace::create(ws, t, "bench");
                if (!w)
                    std::fprintf(stderr, "create failed: %s\n", w.error().message.c_str());
            }));
        row("open workspace + read topology", label, medianMs(runs, [&] {
                auto w = Workspace::open(ws, OpenMode::ReadOnly);
                auto read = w ? w->currentTopology() : Result<Topology>(w.error());
                if (!read || read->components.size() != n)
                    std::fprintf(stderr, "workspace did not read back: %s\n",
                                 read ? "wrong component count" : read.error().message.c_str());
            }));
    }
    fs::remove_all(scratch);
    return 0;
}
