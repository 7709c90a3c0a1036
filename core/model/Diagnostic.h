#pragma once

#include <string>
#include <vector>

namespace firedrill {

/// How bad a reported problem is: errors make input unusable, warnings do not.
enum class Severity { Error, Warning };

/// A place in a source file; line and column are 1-based, 0 when unknown.
struct SourceLocation
{
    std::string file;
    int line = 0;
    int column = 0;
    bool operator==(const SourceLocation&) const = default;
};

/// One problem found while reading or validating a topology.
struct Diagnostic
{
    Severity severity = Severity::Error;
    std::string code;    ///< stable machine name, e.g. "unknown-reference"
    std::string message; ///< what is wrong and what was expected
    std::string path;    ///< item path, e.g. "components[sql-ag].replicas[sql-neu-1].region"
    SourceLocation where;

    /// "file:line:column: error: message" (parts that are unknown are left out).
    std::string format() const;
    bool operator==(const Diagnostic&) const = default;
};

/// True when any diagnostic is an error.
bool hasErrors(const std::vector<Diagnostic>& diagnostics);
/// Number of diagnostics with the given severity.
std::size_t countSeverity(const std::vector<Diagnostic>& diagnostics, Severity severity);

} // namespace firedrill
