#pragma once

#include "InputDocument.h"

#include "core/analysis/PriceTable.h"
#include "core/io/PriceTableReader.h"

#include <optional>
#include <string>

namespace firedrill::cli {

/// A valid topology and price table ready for analysis, or the exit code to return.
struct AnalysisInput
{
    InputDocument document;
    PriceTable prices;
    int exitCode = 0; ///< non-zero when loading failed (the message has been printed)
};

/// Loads a topology that must be free of errors, and the price table (`pricesPath` or the built-in one).
AnalysisInput loadForAnalysis(const std::string& file, const std::string& pricesPath, bool json);

} // namespace firedrill::cli
