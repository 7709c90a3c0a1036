#pragma once

#include "WorkspaceFile.h"
#include "core/drill/DrillRecord.h"
#include "core/model/Result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace firedrill {

/// A drill record as the workspace keeps it.
struct StoredRecord
{
    std::int64_t id = 0;
    std::string savedAt; ///< ISO-8601 UTC of the last save
    DrillRecord record;
};

/// The records of real drills kept in a workspace (schema 2): actual times and outcome per step,
/// measured RTO / RPO, observations, issues and action items. Works on an open WorkspaceFile, which
/// must outlive it.
///
/// Error codes: read-only, no-such-plan, no-such-record, corrupt, and the SQL layer's.
class RecordStore
{
public:
    /// A store on `file`.
    explicit RecordStore(WorkspaceFile& file) : m_file(file) {}

    /// Adds a record of a stored plan; returns its id.
    Result<std::int64_t> add(const DrillRecord& record);
    /// Replaces the content of record `id` (a record is written down during and after the drill).
    Result<void> update(std::int64_t id, const DrillRecord& record);
    /// The records of one plan (all plans when `planId` is empty), oldest first.
    Result<std::vector<StoredRecord>> records(const std::string& planId = {}) const;

private:
    Result<void> requireWritable() const;
    Result<void> writeDetails(std::int64_t id, const DrillRecord& record);
    Result<void> readDetails(StoredRecord& stored) const;

    WorkspaceFile& m_file;
};

} // namespace firedrill
