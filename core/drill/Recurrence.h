#pragma once

#include "core/model/Result.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace firedrill {

/// How often a drill repeats (docs/drill.md, "Recurrence"). Months are counted from the month of the
/// schedule's first drill, so a quarterly schedule starting in January follows the calendar quarters.
struct Recurrence
{
    enum class Kind { Once, Monthly };
    Kind kind = Kind::Once;
    unsigned intervalMonths = 1;                 ///< 1 monthly, 3 quarterly, 6 half-yearly, 12 yearly
    std::optional<unsigned> dayOfMonth;          ///< "on day 15"; months without that day are skipped
    std::optional<std::chrono::weekday> weekday; ///< "on the first Tuesday"
    int weekdayIndex = 1;                        ///< 1 to 4 (first to fourth), or -1 for the last
    std::optional<unsigned> count;               ///< total number of drills; absent: no end
    bool operator==(const Recurrence&) const = default;
};

/// Parses "once", "monthly on day 15", "quarterly on the first tuesday", "every 2 months on the last
/// friday", "yearly on day 1", each optionally followed by "for N drills". Case does not matter.
Result<Recurrence> parseRecurrence(std::string_view text);
/// The canonical text of a recurrence; parseRecurrence reads it back to the same value.
std::string formatRecurrence(const Recurrence& recurrence);
/// The day a recurrence falls on in one month; nullopt when the month has no such day (day 31 in
/// April). For Once, the day is `dayOfMonth` (or nullopt).
std::optional<std::chrono::year_month_day> dayInMonth(const Recurrence& recurrence,
                                                      std::chrono::year_month month);

} // namespace firedrill
