#pragma once

#include "core/model/Diagnostic.h"

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <vector>

namespace firedrill::cli {

/// One diagnostic as a JSON object (severity, code, message, path, file, line, column).
nlohmann::json toJson(const Diagnostic& diagnostic);
/// All diagnostics as a JSON array.
nlohmann::json toJson(const std::vector<Diagnostic>& diagnostics);
/// Prints diagnostics one per line as "file:line:column: severity: message [path]".
void printDiagnostics(std::ostream& out, const std::vector<Diagnostic>& diagnostics);
/// "1 error, 2 warnings".
std::string countText(const std::vector<Diagnostic>& diagnostics);

} // namespace firedrill::cli
