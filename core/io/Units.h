#pragma once

#include "core/model/Quantity.h"
#include "core/model/Result.h"

#include <string>
#include <string_view>

namespace firedrill {

/// Parses a plain decimal number ("12", "-0.5", "1e3"); rejects nan, inf and trailing text.
Result<double> parseNumber(std::string_view text);
/// Parses a whole number that fits in an int.
Result<int> parseInteger(std::string_view text);
/// Parses "30s", "15m", "1.5h", "2d", "250ms" or compounds such as "1h30m"; a bare "0" is zero.
Result<Duration> parseDuration(std::string_view text);
/// Parses "99.95%".
Result<Percent> parsePercent(std::string_view text);
/// Parses "3TB", "500GB", "750MB" (decimal units: 1 TB = 1,000 GB).
Result<DataSize> parseDataSize(std::string_view text);
/// Parses an event rate "50/s", "3000/m", "10/h" into events per second.
Result<double> parseRate(std::string_view text);
/// Parses a transfer rate "500GB/h", "2TB/h", "100MB/s", "1GB/s" into GB per hour.
Result<DataRate> parseDataRate(std::string_view text);

/// The shortest text that reads back as exactly the same double ("0.1", "1500", "1e-07").
std::string formatNumber(double value);
/// Canonical duration: the largest unit that divides it exactly ("90m", "1h", "1500ms", "0s").
std::string formatDuration(Duration d);
/// Readable compound duration for people: "1h 40m", "2d 3h 5m", "45s", "1.5s", "0s"; from a minute up it
/// is rounded to whole seconds.
std::string formatDurationReadable(Duration d);
/// A duration rounded to its two largest units, half up, for tight spaces: "6h 3m" for 6h 2m 40s,
/// "1d 3h" for 1d 2h 30m; prefixed "≈" when rounding changed it ("≈6h 3m"), as formatDurationReadable()
/// otherwise ("15m 40s").
std::string formatDurationApprox(Duration d);
/// "99.95%".
std::string formatPercent(Percent p);
/// "3TB" when a whole number of TB, "500GB" otherwise, "0.5GB" below 1 GB.
std::string formatDataSize(DataSize s);
/// "50/s".
std::string formatRate(double perSecond);
/// "500GB/h".
std::string formatDataRate(DataRate r);

} // namespace firedrill
