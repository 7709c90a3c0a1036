#pragma once

#include "DrillSchedule.h"
#include "core/model/Result.h"

#include <chrono>
#include <span>
#include <string>

namespace firedrill {

/// An iCalendar (RFC 5545) document with one VEVENT per schedule: DTSTART / DTEND in UTC, an RRULE for
/// recurring drills, a UID made from the schedule's id (stable across exports), attendees for
/// participants with an e-mail address. Lines end in CRLF and are folded at 75 octets; text values
/// escape backslash, semicolon, comma and newlines. `stamp` is the DTSTAMP (core has no clock).
/// Errors: "ics-no-id" for a schedule without id, "ics-never" when a recurrence never falls.
Result<std::string> schedulesToICalendar(std::span<const DrillSchedule> schedules,
                                         std::chrono::sys_seconds stamp);

/// Escapes a TEXT value: \ ; , and newlines.
std::string escapeICalendarText(const std::string& text);
/// Folds one content line (without its CRLF) into lines of at most 75 octets, never splitting a
/// UTF-8 character; continuation lines start with a space. Returns the lines joined with CRLF.
std::string foldICalendarLine(const std::string& line);
/// The RRULE value of a recurrence ("FREQ=MONTHLY;INTERVAL=3;BYDAY=1TU"); empty for a one-off drill.
std::string recurrenceRule(const Recurrence& recurrence);

} // namespace firedrill
