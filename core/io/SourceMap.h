#pragma once

#include "core/model/Diagnostic.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace firedrill {

/// Remembers where each item path ("components[web].sla") was written, so diagnostics about the
/// model can point back into the file.
class SourceMap
{
public:
    /// Records the position of `path` (first record wins).
    void record(const std::string& path, int line, int column);
    /// The position of `path` or of its nearest recorded parent; line 0 when nothing matches.
    SourceLocation locate(const std::string& path) const;
    /// Fills in file, line and column of diagnostics that have a path but no line.
    void attach(std::vector<Diagnostic>& diagnostics, const std::string& fileName) const;

private:
    std::unordered_map<std::string, std::pair<int, int>> m_positions;
};

/// The parent of an item path: "a[x].b" -> "a[x]" -> "a"; empty at the top.
std::string parentPath(const std::string& path);

} // namespace firedrill
