#include "AnalysisInput.h"

#include "CliOutput.h"
#include "Commands.h"

#include "core/io/InputPath.h"

#include <iostream>

namespace firedrill::cli {

AnalysisInput loadForAnalysis(const std::string& file, const std::string& pricesPath, bool json)
{
    AnalysisInput in;
    in.document = loadInput(file);
    if (!in.document.ok()) {
        printDiagnostics(std::cerr, in.document.diagnostics);
        std::cerr << file << ": cannot analyze an invalid topology (" << countText(in.document.diagnostics) << ")\n";
        if (json)
            std::cout << nlohmann::json{{"file", file}, {"valid", false}, {"diagnostics", toJson(in.document.diagnostics)}}.dump(2)
                      << '\n';
        in.exitCode = ExitCode::InvalidInput;
        return in;
    }
    if (pricesPath.empty()) {
        in.prices = builtInPriceTable();
        return in;
    }
    if (auto regular = checkInputFile(pricesPath); !regular) {
        std::cerr << regular.error().message << '\n';
        in.exitCode = ExitCode::InvalidInput;
        return in;
    }
    auto table = loadPriceTable(pricesPath);
    if (!table) {
        std::cerr << table.error().message << '\n';
        in.exitCode = ExitCode::InvalidInput;
        return in;
    }
    in.prices = std::move(*table);
    return in;
}

} // namespace firedrill::cli
