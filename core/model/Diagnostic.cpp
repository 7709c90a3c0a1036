#include "Diagnostic.h"

#include <algorithm>

namespace firedrill {

std::string Diagnostic::format() const
{
    std::string out;
    if (!where.file.empty()) {
        out += where.file;
        if (where.line > 0) {
            out += ':' + std::to_string(where.line);
            if (where.column > 0)
                out += ':' + std::to_string(where.column);
        }
        out += ": ";
    }
    out += severity == Severity::Error ? "error: " : "warning: ";
    out += message;
    if (!path.empty())
        out += " [" + path + "]";
    return out;
}

bool hasErrors(const std::vector<Diagnostic>& diagnostics)
{
    return countSeverity(diagnostics, Severity::Error) > 0;
}

std::size_t countSeverity(const std::vector<Diagnostic>& diagnostics, Severity severity)
{
    return static_cast<std::size_t>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                                  [&](const Diagnostic& d) { return d.severity == severity; }));
}

} // namespace firedrill
