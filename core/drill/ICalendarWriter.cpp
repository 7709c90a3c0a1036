#include "ICalendarWriter.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace firedrill {

namespace {

using namespace std::chrono;

std::string stamp(sys_seconds t)
{
    const auto day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss hms{t - day};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02u%02uT%02d%02d%02dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return buf;
}

/// A parameter value: quoted when it holds : ; or , (double quotes cannot appear inside and are dropped).
std::string paramValue(const std::string& v)
{
    std::string clean;
    bool quote = false;
    for (char c : v) {
        if (c == '"' || c == '\r' || c == '\n')
            continue;
        quote = quote || c == ':' || c == ';' || c == ',';
        clean += c;
    }
    return quote ? "\"" + clean + "\"" : clean;
}

void line(std::string& out, const std::string& content)
{
    out += foldICalendarLine(content);
    out += "\r\n";
}

} // namespace

std::string escapeICalendarText(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case ';':
            out += "\\;";
            break;
        case ',':
            out += "\\,";
            break;
        case '\r':
            if (i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            out += "\\n";
            break;
        case '\n':
            out += "\\n";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string foldICalendarLine(const std::string& line)
{
    std::string out;
    std::size_t width = 0; // octets on the current physical line
    for (std::size_t i = 0; i < line.size();) {
        std::size_t len = 1; // octets of this UTF-8 character
        const auto lead = static_cast<unsigned char>(line[i]);
        if (lead >= 0xF0)
            len = 4;
        else if (lead >= 0xE0)
            len = 3;
        else if (lead >= 0xC0)
            len = 2;
        len = std::min(len, line.size() - i);
        if (width + len > 75) {
            out += "\r\n ";
            width = 1;
        }
        out.append(line, i, len);
        width += len;
        i += len;
    }
    return out;
}

std::string recurrenceRule(const Recurrence& r)
{
    if (r.kind == Recurrence::Kind::Once)
        return {};
    static constexpr std::array<const char*, 7> kDays{"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
    std::string rule = "FREQ=MONTHLY";
    if (r.intervalMonths > 1)
        rule += ";INTERVAL=" + std::to_string(r.intervalMonths);
    if (r.weekday)
        rule += ";BYDAY=" + std::to_string(r.weekdayIndex) + kDays[r.weekday->c_encoding()];
    else if (r.dayOfMonth)
        rule += ";BYMONTHDAY=" + std::to_string(*r.dayOfMonth);
    if (r.count)
        rule += ";COUNT=" + std::to_string(*r.count);
    return rule;
}

Result<std::string> schedulesToICalendar(std::span<const DrillSchedule> schedules, sys_seconds dtstamp)
{
    std::string out;
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//Firedrill//Drill schedule//EN");
    line(out, "CALSCALE:GREGORIAN");
    line(out, "METHOD:PUBLISH");
    for (const auto& s : schedules) {
        if (s.id.empty())
            return Error{"ics-no-id",
                         "The drill schedule \"" + s.title +
                             "\" has no id: give it one so calendar entries stay stable across exports."};
        const auto first = firstOccurrence(s);
        if (!first)
            return Error{"ics-never", "The drill schedule \"" + s.id + "\" never falls (" +
                                          formatRecurrence(s.recurrence) +
                                          " from its start): check its recurrence."};
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + escapeICalendarText(s.id) + "@firedrill");
        line(out, "DTSTAMP:" + stamp(dtstamp));
        line(out, "DTSTART:" + stamp(*first));
        line(out, "DTEND:" + stamp(*first + std::max(seconds{1}, ceil<seconds>(milliseconds{s.length.ms}))));
        if (const std::string rule = recurrenceRule(s.recurrence); !rule.empty())
            line(out, "RRULE:" + rule);
        line(out, "SUMMARY:" + escapeICalendarText(s.title));
        if (!s.description.empty())
            line(out, "DESCRIPTION:" + escapeICalendarText(s.description));
        if (!s.location.empty())
            line(out, "LOCATION:" + escapeICalendarText(s.location));
        if (!s.planId.empty())
            line(out, "X-FIREDRILL-PLAN:" + escapeICalendarText(s.planId));
        for (const auto& p : s.participants) {
            if (p.email.empty())
                continue;
            line(out, "ATTENDEE;CN=" + paramValue(p.name) + ";ROLE=REQ-PARTICIPANT:mailto:" + p.email);
        }
        line(out, "END:VEVENT");
    }
    line(out, "END:VCALENDAR");
    return out;
}

} // namespace firedrill
