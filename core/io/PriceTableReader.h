#pragma once

#include "core/analysis/PriceTable.h"
#include "core/model/Result.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace firedrill {

/// The price table format version this build reads.
inline constexpr int kPriceTableFormatVersion = 1;

/// Parses price table YAML (format: docs/pricing.md). Any problem, including an unknown key, is an
/// error: a mistyped price key must not silently price a kind at 0. The error message lists every
/// problem as "file:line:column: error: message", one per line; `fileName` is only used there.
Result<PriceTable> readPriceTable(std::string_view text, const std::string& fileName);

/// Reads a price table file (at most 1 MB).
Result<PriceTable> loadPriceTable(const std::filesystem::path& path);

/// The YAML text of the price table shipped with Firedrill (resources/prices/azure-list-prices.yaml),
/// embedded into the library at build time, so it is available from any working directory.
std::string_view builtInPriceTableText();

/// The shipped price table, parsed once (thread-safe). It always parses: a test guards it.
const PriceTable& builtInPriceTable();

} // namespace firedrill
