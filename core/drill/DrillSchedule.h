#pragma once

#include "DrillRole.h"
#include "Recurrence.h"
#include "core/model/Quantity.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace firedrill {

/// Someone taking part in a scheduled drill.
struct Participant
{
    std::string name;
    std::string email; ///< optional; becomes the calendar invitation's address
    DrillRole role = DrillRole::Observer;
    bool operator==(const Participant&) const = default;
};

/// When a drill plan is run: once or recurring, with who takes part and for how long.
struct DrillSchedule
{
    std::string id; ///< stable; the calendar entry's UID is made from it
    std::string planId;
    std::string title;
    std::string description;
    std::chrono::sys_seconds
        start{}; ///< the first drill may not be before this time (UTC); sets the time of day
    Duration length = Duration::hours(4);
    Recurrence recurrence;
    std::vector<Participant> participants;
    std::string location; ///< bridge, room or call link
    bool operator==(const DrillSchedule&) const = default;
};

/// The start of the schedule's first drill: `start` for a one-off drill, else the first day of the
/// recurrence at or after `start` (at start's time of day); nullopt when the recurrence never falls.
std::optional<std::chrono::sys_seconds> firstOccurrence(const DrillSchedule& schedule);

/// The starts of the next `n` drills strictly after `after`, in order; fewer when the schedule ends
/// (a one-off drill, or a recurrence with a count).
std::vector<std::chrono::sys_seconds> nextOccurrences(const DrillSchedule& schedule,
                                                      std::chrono::sys_seconds after, std::size_t n);

/// The starts of the drills in [from, to): past and upcoming drills for a calendar view.
std::vector<std::chrono::sys_seconds>
occurrencesBetween(const DrillSchedule& schedule, std::chrono::sys_seconds from, std::chrono::sys_seconds to);

} // namespace firedrill
