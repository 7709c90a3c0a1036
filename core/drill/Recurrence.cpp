#include "Recurrence.h"

#include <array>
#include <cctype>
#include <sstream>
#include <vector>

namespace firedrill {

namespace {

constexpr std::array<std::string_view, 7> kWeekdays{"sunday",   "monday", "tuesday", "wednesday",
                                                    "thursday", "friday", "saturday"};
constexpr std::array<std::string_view, 5> kOrdinals{"last", "first", "second", "third", "fourth"};

std::vector<std::string> words(std::string_view text)
{
    std::vector<std::string> out;
    std::string w;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c)) || c == ',') {
            if (!w.empty())
                out.push_back(std::move(w));
            w.clear();
        } else {
            w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    if (!w.empty())
        out.push_back(std::move(w));
    return out;
}

std::optional<unsigned> number(const std::string& w)
{
    if (w.empty() || w.size() > 4)
        return std::nullopt;
    unsigned v = 0;
    for (char c : w) {
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return std::nullopt;
        v = v * 10 + static_cast<unsigned>(c - '0');
    }
    return v;
}

Error bad(std::string_view text, const std::string& why)
{
    return Error{"bad-recurrence",
                 "\"" + std::string(text) + "\" is not a recurrence: " + why +
                     ". Write for example \"quarterly on the first tuesday\", \"every 3 months on "
                     "day 15\" or \"once\"."};
}

} // namespace

Result<Recurrence> parseRecurrence(std::string_view text)
{
    const auto w = words(text);
    Recurrence r;
    std::size_t i = 0;
    const auto at = [&](std::size_t k) { return k < w.size() ? w[k] : std::string(); };
    if (w.empty())
        return bad(text, "it is empty");
    if (w[0] == "once") {
        r.kind = Recurrence::Kind::Once;
        i = 1;
        if (i < w.size())
            return bad(text, "nothing may follow \"once\"");
        return r;
    }
    r.kind = Recurrence::Kind::Monthly;
    if (w[0] == "monthly") {
        r.intervalMonths = 1;
        i = 1;
    } else if (w[0] == "quarterly") {
        r.intervalMonths = 3;
        i = 1;
    } else if (w[0] == "yearly" || w[0] == "annually") {
        r.intervalMonths = 12;
        i = 1;
    } else if (w[0] == "every") {
        const auto n = number(at(1));
        if (!n || *n == 0 || *n > 120)
            return bad(text, "\"every\" needs a number of months from 1 to 120");
        if (at(2) != "months" && at(2) != "month")
            return bad(text, "\"every N\" must be followed by \"months\"");
        r.intervalMonths = *n;
        i = 3;
    } else {
        return bad(text, "it must start with once, monthly, quarterly, yearly or every N months");
    }
    if (at(i) != "on")
        return bad(text,
                   "say which day with \"on day D\" or \"on the first/second/third/fourth/last WEEKDAY\"");
    ++i;
    if (at(i) == "day") {
        const auto d = number(at(i + 1));
        if (!d || *d < 1 || *d > 31)
            return bad(text, "the day of the month must be 1 to 31");
        r.dayOfMonth = *d;
        i += 2;
    } else {
        if (at(i) == "the")
            ++i;
        int index = -2;
        for (std::size_t k = 0; k < kOrdinals.size(); ++k)
            if (at(i) == kOrdinals[k])
                index = k == 0 ? -1 : static_cast<int>(k);
        if (index == -2)
            return bad(text, "expected first, second, third, fourth or last before the weekday");
        std::optional<unsigned> day;
        for (std::size_t k = 0; k < kWeekdays.size(); ++k)
            if (at(i + 1) == kWeekdays[k])
                day = static_cast<unsigned>(k);
        if (!day)
            return bad(text, "expected a weekday (monday ... sunday) after the ordinal");
        r.weekday = std::chrono::weekday{*day};
        r.weekdayIndex = index;
        i += 2;
        if (at(i) == "of" && (at(i + 1) == "the" && (at(i + 2) == "month" || at(i + 2) == "quarter")))
            i += 3;
    }
    if (at(i) == "for") {
        const auto n = number(at(i + 1));
        if (!n || *n == 0 || (at(i + 2) != "drills" && at(i + 2) != "drill"))
            return bad(text, "write the number of drills as \"for N drills\"");
        r.count = *n;
        i += 3;
    }
    if (i < w.size())
        return bad(text, "unexpected \"" + w[i] + "\"");
    return r;
}

std::string formatRecurrence(const Recurrence& r)
{
    if (r.kind == Recurrence::Kind::Once)
        return "once";
    std::ostringstream out;
    switch (r.intervalMonths) {
    case 1:
        out << "monthly";
        break;
    case 3:
        out << "quarterly";
        break;
    case 12:
        out << "yearly";
        break;
    default:
        out << "every " << r.intervalMonths << " months";
        break;
    }
    if (r.weekday) {
        const auto ordinal =
            r.weekdayIndex < 0 ? kOrdinals[0] : kOrdinals[static_cast<std::size_t>(r.weekdayIndex)];
        out << " on the " << ordinal << ' ' << kWeekdays[r.weekday->c_encoding()];
    } else {
        out << " on day " << r.dayOfMonth.value_or(1);
    }
    if (r.count)
        out << " for " << *r.count << (*r.count == 1 ? " drill" : " drills");
    return out.str();
}

std::optional<std::chrono::year_month_day> dayInMonth(const Recurrence& r, std::chrono::year_month month)
{
    using namespace std::chrono;
    if (r.weekday) {
        if (r.weekdayIndex < 0) {
            const year_month_weekday_last last{month.year(), month.month(), weekday_last{*r.weekday}};
            return year_month_day{sys_days{last}};
        }
        const year_month_weekday nth{month.year(), month.month(),
                                     weekday_indexed{*r.weekday, static_cast<unsigned>(r.weekdayIndex)}};
        if (!nth.ok())
            return std::nullopt;
        return year_month_day{sys_days{nth}};
    }
    if (!r.dayOfMonth)
        return std::nullopt;
    const year_month_day d{month.year(), month.month(), day{*r.dayOfMonth}};
    if (!d.ok())
        return std::nullopt;
    return d;
}

} // namespace firedrill
