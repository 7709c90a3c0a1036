#pragma once

#include "core/model/Result.h"

#include <chrono>
#include <string>
#include <string_view>

namespace firedrill {

/// "2027-01-05T09:00:00Z": a UTC time as ISO 8601 text.
std::string formatUtc(std::chrono::sys_seconds t);
/// "2027-01-05": the date of a day.
std::string formatDate(std::chrono::year_month_day d);
/// Parses "2027-01-05T09:00:00Z", "2027-01-05T09:00Z" or "2027-01-05" (midnight) as UTC; an error
/// says which form is expected.
Result<std::chrono::sys_seconds> parseUtc(std::string_view text);

} // namespace firedrill
