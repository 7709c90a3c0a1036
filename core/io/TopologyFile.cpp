#include "TopologyFile.h"

#include "TopologyReader.h"
#include "YamlTree.h"

#include "core/model/Validator.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <utility>
#include <tuple>
#include <system_error>

namespace firedrill {

LoadResult readTopologyYaml(std::string_view text, const std::string& fileName, const ReadLimits& limits)
{
    LoadResult result;
    YamlDocument doc = parseYaml(text, fileName, limits);
    result.diagnostics = std::move(doc.diagnostics);
    if (!doc.root)
        return result;
    MappedTopology mapped = mapTopology(*doc.root, fileName);
    result.diagnostics.insert(result.diagnostics.end(), mapped.diagnostics.begin(), mapped.diagnostics.end());
    if (!mapped.topology)
        return result;
    auto semantic = validate(*mapped.topology);
    mapped.sources.attach(semantic, fileName);
    // A value that could not be read is already reported; its default must not be reported again.
    std::set<std::pair<int, int>> unreadable; // positions of read errors (a search per finding is quadratic)
    for (const Diagnostic& m : mapped.diagnostics)
        if (m.severity == Severity::Error)
            unreadable.emplace(m.where.line, m.where.column);
    std::erase_if(semantic,
                  [&](const Diagnostic& s) { return unreadable.count({s.where.line, s.where.column}) > 0; });
    result.diagnostics.insert(result.diagnostics.end(), semantic.begin(), semantic.end());
    std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
    });
    result.topology = std::move(mapped.topology);
    return result;
}

LoadResult loadTopologyYamlFile(const std::filesystem::path& path, const ReadLimits& limits)
{
    LoadResult result;
    const std::string name = path.string();
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) {
        result.diagnostics.push_back({Severity::Error, "not-found", "the file does not exist", "", {name, 0, 0}});
        return result;
    }
    if (!std::filesystem::is_regular_file(status)) {
        result.diagnostics.push_back({Severity::Error, "not-a-file", "not a regular file", "", {name, 0, 0}});
        return result;
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > limits.maxBytes) {
        result.diagnostics.push_back({Severity::Error, "too-large",
                                      "the file is " + std::to_string(size) + " bytes; the limit is " +
                                          std::to_string(limits.maxBytes) + " bytes",
                                      "", {name, 0, 0}});
        return result;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        result.diagnostics.push_back({Severity::Error, "io", "cannot open the file for reading", "", {name, 0, 0}});
        return result;
    }
    std::string text;
    text.resize(static_cast<std::size_t>(size));
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    return readTopologyYaml(text, name, limits);
}

} // namespace firedrill
