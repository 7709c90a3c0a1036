#include "CliOutput.h"

#include <ostream>

namespace firedrill::cli {

nlohmann::json toJson(const Diagnostic& d)
{
    nlohmann::json j{{"severity", d.severity == Severity::Error ? "error" : "warning"},
                     {"code", d.code},
                     {"message", d.message},
                     {"file", d.where.file}};
    if (!d.path.empty())
        j["path"] = d.path;
    if (d.where.line > 0)
        j["line"] = d.where.line;
    if (d.where.column > 0)
        j["column"] = d.where.column;
    return j;
}

nlohmann::json toJson(const std::vector<Diagnostic>& diagnostics)
{
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& d : diagnostics)
        arr.push_back(toJson(d));
    return arr;
}

void printDiagnostics(std::ostream& out, const std::vector<Diagnostic>& diagnostics)
{
    for (const auto& d : diagnostics)
        out << d.format() << '\n';
}

std::string countText(const std::vector<Diagnostic>& diagnostics)
{
    const auto plural = [](std::size_t n, const char* word) {
        return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
    };
    return plural(countSeverity(diagnostics, Severity::Error), "error") + ", " +
           plural(countSeverity(diagnostics, Severity::Warning), "warning");
}

} // namespace firedrill::cli
