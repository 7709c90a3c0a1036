#include "SourceMap.h"

namespace firedrill {

void SourceMap::record(const std::string& path, int line, int column)
{
    m_positions.emplace(path, std::make_pair(line, column));
}

SourceLocation SourceMap::locate(const std::string& path) const
{
    for (std::string p = path; !p.empty(); p = parentPath(p)) {
        const auto it = m_positions.find(p);
        if (it != m_positions.end())
            return SourceLocation{"", it->second.first, it->second.second};
    }
    return {};
}

void SourceMap::attach(std::vector<Diagnostic>& diagnostics, const std::string& fileName) const
{
    for (auto& d : diagnostics) {
        if (d.where.file.empty())
            d.where.file = fileName;
        if (d.where.line == 0 && !d.path.empty()) {
            const SourceLocation at = locate(d.path);
            d.where.line = at.line;
            d.where.column = at.column;
        }
    }
}

std::string parentPath(const std::string& path)
{
    // Walk back to the last separator that is not inside brackets.
    int depth = 0;
    for (std::size_t i = path.size(); i-- > 0;) {
        const char c = path[i];
        if (c == ']') {
            if (depth == 0 && i + 1 == path.size()) {
                // strip the trailing [..] group
                int d = 0;
                for (std::size_t j = i + 1; j-- > 0;) {
                    if (path[j] == ']')
                        ++d;
                    else if (path[j] == '[' && --d == 0)
                        return path.substr(0, j);
                }
                return {};
            }
            ++depth;
        } else if (c == '[') {
            --depth;
        } else if (c == '.' && depth == 0) {
            return path.substr(0, i);
        }
    }
    return {};
}

} // namespace firedrill
