#pragma once

#include "core/model/Diagnostic.h"
#include "core/model/Topology.h"
#include "core/io/ReadLimits.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace firedrill {

/// The outcome of reading a topology: the topology when it could be built, and every diagnostic.
struct LoadResult
{
    std::optional<Topology> topology;   ///< absent when the text could not be read at all
    std::vector<Diagnostic> diagnostics; ///< syntax, schema and validation problems, in file order

    /// True when a topology was built and nothing is an error (warnings are fine).
    bool ok() const { return topology.has_value() && !hasErrors(diagnostics); }
};

/// Parses, maps and validates YAML text. `fileName` is only used in diagnostics.
LoadResult readTopologyYaml(std::string_view text, const std::string& fileName, const ReadLimits& limits = {});

/// Reads a YAML topology file (size capped before reading) and validates it.
LoadResult loadTopologyYamlFile(const std::filesystem::path& path, const ReadLimits& limits = {});

/// Writes a topology as canonical, diff-friendly YAML (fixed key order, canonical units).
std::string writeTopologyYaml(const Topology& topology);

} // namespace firedrill
