#pragma once

#include "WorkspaceFile.h"
#include "core/drill/DrillSchedule.h"
#include "core/model/Result.h"

#include <string>
#include <vector>

namespace firedrill {

/// The drill schedules kept in a workspace (schema 2): when each plan is run, for how long, how often
/// (the recurrence as its canonical text) and with whom. Works on an open WorkspaceFile, which must
/// outlive it.
///
/// Error codes: read-only, no-such-plan, no-such-schedule, invalid-schedule, corrupt, and the SQL
/// layer's.
class ScheduleStore
{
public:
    /// A store on `file`.
    explicit ScheduleStore(WorkspaceFile& file) : m_file(file) {}

    /// Adds the schedule, or replaces the stored one with the same id, in one transaction. Its plan must
    /// be stored.
    Result<void> save(const DrillSchedule& schedule);
    /// Removes a schedule ("no-such-schedule" when absent).
    Result<void> remove(const std::string& scheduleId);
    /// The schedules of one plan, or of every plan when `planId` is empty, ordered by start then id.
    Result<std::vector<DrillSchedule>> schedules(const std::string& planId = {}) const;

private:
    Result<void> requireWritable() const;

    WorkspaceFile& m_file;
};

} // namespace firedrill
