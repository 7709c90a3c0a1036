#pragma once

#include "WorkspaceFile.h"
#include "core/model/Result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace firedrill {

/// One damaged item found by auditWorkspace().
struct WorkspaceDamage
{
    std::string item;          ///< what is damaged, e.g. "revision 2", "drill plan \"dp-1\" version 3"
    std::string message;       ///< what is wrong and what to do, as a sentence
    std::int64_t revision = 0; ///< the topology revision when `item` is one, else 0
};

/// Checks everything a workspace keeps, not only what opening it reads: every topology revision (its
/// checksum, and that its YAML can be read), every stored version of every drill plan (checksum, plan
/// YAML), every approval trail (entries in order with known names, transitions that hold together), the
/// drill schedules and drill records. `alreadyRead` is a revision the caller has read in full (checksum
/// and topology, as Workspace::currentTopology() does): it is not read again. Reads only. Returns each
/// damage found (empty: all sound); an error only when the tables themselves cannot be read.
Result<std::vector<WorkspaceDamage>> auditWorkspace(WorkspaceFile& file, std::int64_t alreadyRead = 0);

} // namespace firedrill
