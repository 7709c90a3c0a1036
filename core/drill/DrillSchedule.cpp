#include "DrillSchedule.h"

namespace firedrill {

namespace {

using namespace std::chrono;

/// Months scanned past the last useful one before giving up (a day that never occurs, e.g. day 30
/// of a yearly February drill).
constexpr int kScanLimit = 1200;

/// Visits occurrences in order until `visit` returns false.
template <class Visit> void forEachOccurrence(const DrillSchedule& s, sys_seconds notBefore, Visit visit)
{
    if (s.recurrence.kind == Recurrence::Kind::Once) {
        if (s.start >= notBefore)
            visit(s.start);
        return;
    }
    const auto startDay = floor<days>(s.start);
    const auto timeOfDay = s.start - startDay;
    const year_month_day ymd{startDay};
    const year_month first{ymd.year(), ymd.month()};
    const int step = static_cast<int>(std::max(1u, s.recurrence.intervalMonths));
    int k = 0;
    if (!s.recurrence.count && notBefore > s.start) {
        // Jump close to `notBefore`: no count to keep, so earlier months need not be visited.
        const year_month_day target{floor<days>(notBefore)};
        const int gap = (static_cast<int>(target.year()) - static_cast<int>(ymd.year())) * 12 +
                        static_cast<int>(static_cast<unsigned>(target.month())) -
                        static_cast<int>(static_cast<unsigned>(ymd.month()));
        k = std::max(0, gap / step - 1);
    }
    unsigned seen = 0;
    int barren = 0;
    for (;; ++k) {
        const year_month month = first + months{k * step};
        const auto day = dayInMonth(s.recurrence, month);
        if (!day) {
            if (++barren * step > kScanLimit)
                return;
            continue;
        }
        barren = 0;
        const sys_seconds t = sys_days{*day} + timeOfDay;
        if (t < s.start)
            continue;
        ++seen;
        if (s.recurrence.count && seen > *s.recurrence.count)
            return;
        if (t >= notBefore && !visit(t))
            return;
    }
}

} // namespace

std::optional<sys_seconds> firstOccurrence(const DrillSchedule& schedule)
{
    std::optional<sys_seconds> out;
    forEachOccurrence(schedule, schedule.start, [&](sys_seconds t) {
        out = t;
        return false;
    });
    return out;
}

std::vector<sys_seconds> nextOccurrences(const DrillSchedule& schedule, sys_seconds after, std::size_t n)
{
    std::vector<sys_seconds> out;
    if (n == 0)
        return out;
    forEachOccurrence(schedule, after + seconds{1}, [&](sys_seconds t) {
        out.push_back(t);
        return out.size() < n;
    });
    return out;
}

std::vector<sys_seconds> occurrencesBetween(const DrillSchedule& schedule, sys_seconds from, sys_seconds to)
{
    std::vector<sys_seconds> out;
    forEachOccurrence(schedule, from, [&](sys_seconds t) {
        if (t >= to)
            return false;
        out.push_back(t);
        return true;
    });
    return out;
}

} // namespace firedrill
