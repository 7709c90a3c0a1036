// Corruption: bad data is written and copied to every replica, so only backups help.
#include "RecoveryRules.h"

#include "core/io/Units.h"

#include <algorithm>

namespace firedrill::recovery {

namespace {
struct Outcome
{
    const Component* store = nullptr;
    Path path;
    Loss loss;
};

Outcome restoreFromBackup(const Component& s, const BackupLoss& schedule)
{
    Outcome o;
    o.store = &s;
    o.path.name = "restore of " + s.id.str();
    if (s.failover && s.failover->decision)
        o.path.terms.push_back({"decision", *s.failover->decision,
                                "people decide to restore " + s.id.str() + ": failover.decision " +
                                    quoted(*s.failover->decision)});
    const Backup& b = *s.backup;
    if (s.size && b.restoreRate) {
        const Duration t = restoreTime(*s.size, *b.restoreRate);
        o.path.terms.push_back({"restore", t, s.id.str() + ": " + formatDataSize(*s.size) + " / " +
                                                  formatDataRate(*b.restoreRate) + " = " + readable(t)});
    } else {
        addNote(o.path.notes, s.id.str() + " has no size or restore_rate: its restore time is not counted");
    }
    if (!s.replicas.empty() || s.redundancy)
        addNote(o.path.notes, "the replicas of " + s.id.str() + " copied the corruption: they cannot help");
    o.loss.term = DurationTerm{"backup interval", schedule.worst,
                               s.id.str() + ": " + schedule.basis + ": the restore point is up to " +
                                   readable(schedule.worst) + " before the corruption (" +
                                   readable(schedule.expected) + " on average)"};
    o.loss.expected = schedule.expected;
    return o;
}
} // namespace

RecoveryEstimate estimateCorruption(const Context& ctx)
{
    RecoveryEstimate e;
    e.disruption = DisruptionClass::Corruption;
    std::vector<Outcome> outcomes;
    std::vector<std::string> uncovered;
    bool anyStore = false;
    for (const Component* s : ctx.members) {
        if (!isStore(*s))
            continue;
        anyStore = true;
        const auto schedule = s->backup ? backupLoss(*s->backup) : std::nullopt;
        if (schedule)
            outcomes.push_back(restoreFromBackup(*s, *schedule));
        else
            uncovered.push_back(s->id.str());
    }
    if (!anyStore) {
        e.situation = "corruption of data";
        e.rto.notes.push_back("the workload holds no data of its own: nothing to restore");
        return e;
    }
    std::vector<std::string> notes;
    notes.reserve(uncovered.size());
    for (const auto& id : uncovered)
        notes.push_back(id + " has no backups: corruption there cannot be undone by a restore");
    if (outcomes.empty()) {
        e.situation = "corruption of data";
        e.rto.unbounded = true;
        e.rto.combination = "unbounded: no backups to restore from";
        e.rto.notes = notes;
        e.rpo.unbounded = true;
        e.rpo.combination = e.rto.combination;
        e.rpo.notes.push_back("replicas copy the corruption and no store has backups: all data is at risk");
        return e;
    }
    notes.push_back("counted from the moment the corruption is noticed; writes made after the restore point must be "
                    "replayed or are lost");
    const Outcome& worst = worstOutcome(e, outcomes, "other restores", notes);
    e.situation = "corruption of " + nameOf(*worst.store);
    for (const auto& n : notes)
        if (n.find("has no backups") != std::string::npos)
            addNote(e.rpo.notes, n);
    return e;
}

} // namespace firedrill::recovery
