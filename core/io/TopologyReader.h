#pragma once

#include "core/io/SourceMap.h"
#include "core/io/YamlTree.h"
#include "core/model/Topology.h"

#include <optional>
#include <string>
#include <vector>

namespace firedrill {

/// A topology built from a YAML tree, the schema problems met on the way, and where each item was.
struct MappedTopology
{
    std::optional<Topology> topology;
    std::vector<Diagnostic> diagnostics;
    SourceMap sources;
};

/// Maps a parsed YAML document onto the model: checks types and units, warns about unknown keys.
/// Meaning (references, ranges) is checked later by validate().
MappedTopology mapTopology(const YamlNode& root, const std::string& fileName);

} // namespace firedrill
