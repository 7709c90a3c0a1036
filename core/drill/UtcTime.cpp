#include "UtcTime.h"

#include <cctype>
#include <cstdio>

namespace firedrill {

namespace {
bool digits(std::string_view s, std::size_t at, std::size_t n, int& out)
{
    if (at + n > s.size())
        return false;
    out = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(s[i])))
            return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}
} // namespace

std::string formatDate(std::chrono::year_month_day d)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf;
}

std::string formatUtc(std::chrono::sys_seconds t)
{
    const auto day = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::hh_mm_ss hms{t - day};
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02dZ", static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
    return formatDate(std::chrono::year_month_day{day}) + buf;
}

Result<std::chrono::sys_seconds> parseUtc(std::string_view text)
{
    const Error bad{"bad-time",
                    "\"" + std::string(text) +
                        "\" is not a UTC time: write 2027-01-05T09:00Z, 2027-01-05T09:00:00Z or 2027-01-05."};
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (!digits(text, 0, 4, y) || text.size() < 10 || text[4] != '-' || !digits(text, 5, 2, mo) ||
        text[7] != '-' || !digits(text, 8, 2, d))
        return bad;
    std::string_view rest = text.substr(10);
    if (!rest.empty()) {
        if (rest.size() < 7 || (rest[0] != 'T' && rest[0] != 't') || !digits(rest, 1, 2, h) ||
            rest[3] != ':' || !digits(rest, 4, 2, mi))
            return bad;
        rest = rest.substr(6);
        if (!rest.empty() && rest[0] == ':') {
            if (!digits(rest, 1, 2, s))
                return bad;
            rest = rest.substr(3);
        }
        if (rest != "Z" && rest != "z")
            return bad;
    }
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(mo)},
                                          std::chrono::day{static_cast<unsigned>(d)}};
    if (!ymd.ok() || h > 23 || mi > 59 || s > 59)
        return Error{"bad-time", "\"" + std::string(text) + "\" is not a valid date and time."};
    return std::chrono::sys_days{ymd} + std::chrono::hours{h} + std::chrono::minutes{mi} +
           std::chrono::seconds{s};
}

} // namespace firedrill
