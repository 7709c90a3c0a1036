#include "CliOutput.h"
#include "Commands.h"
#include "InputDocument.h"

#include <iostream>

namespace firedrill::cli {

int runValidate(const ValidateOptions& options)
{
    bool allValid = true;
    nlohmann::json files = nlohmann::json::array();
    for (const auto& file : options.files) {
        const InputDocument doc = loadInput(file, InputDepth::Everything);
        const bool warningsFail = options.strict && countSeverity(doc.diagnostics, Severity::Warning) > 0;
        const bool valid = doc.ok() && !warningsFail;
        allValid = allValid && valid;
        if (options.json) {
            files.push_back({{"file", file},
                             {"format", doc.format == FileFormat::Workspace ? "workspace" : "yaml"},
                             {"valid", valid},
                             {"errors", countSeverity(doc.diagnostics, Severity::Error)},
                             {"warnings", countSeverity(doc.diagnostics, Severity::Warning)},
                             {"diagnostics", toJson(doc.diagnostics)}});
            continue;
        }
        printDiagnostics(std::cerr, doc.diagnostics);
        std::cout << file << ": " << (valid ? "valid" : "invalid") << " (" << countText(doc.diagnostics) << ")\n";
    }
    if (options.json)
        std::cout << nlohmann::json{{"valid", allValid}, {"files", files}}.dump(2) << '\n';
    return allValid ? ExitCode::Ok : ExitCode::InvalidInput;
}

} // namespace firedrill::cli
