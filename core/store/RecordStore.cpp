#include "RecordStore.h"

#include "Provenance.h"
#include "Statement.h"
#include "Transaction.h"
#include "core/drill/RecordComparison.h"
#include "core/drill/UtcTime.h"

#include <optional>

namespace firedrill {

namespace {

std::optional<StepOutcome> outcomeFromName(const std::string& name)
{
    for (const StepOutcome o : {StepOutcome::Done, StepOutcome::Failed, StepOutcome::Skipped})
        if (outcomeName(o) == name)
            return o;
    return std::nullopt;
}

void bindDuration(Statement& stmt, int index, const std::optional<Duration>& value)
{
    if (value)
        stmt.bind(index, value->ms);
    else
        stmt.bindNull(index);
}

std::optional<Duration> durationAt(const Statement& row, int index)
{
    if (row.isNull(index))
        return std::nullopt;
    return Duration{row.columnInt64(index)};
}

Result<void> runWithId(Database& db, const char* sql, std::int64_t id)
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id);
    return stmt->run();
}

} // namespace

Result<void> RecordStore::requireWritable() const
{
    return m_file.requireWritable("save the drill record");
}

Result<std::int64_t> RecordStore::add(const DrillRecord& record)
{
    if (auto writable = requireWritable(); !writable)
        return writable.error();
    Database& db = m_file.database();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    auto plan = db.prepare("SELECT 1 FROM drill_plans WHERE id = ?1");
    if (!plan)
        return plan.error();
    plan->bind(1, record.planId);
    auto found = plan->step();
    if (!found)
        return found.error();
    if (!*found)
        return Error{"no-such-plan", m_file.path().string() + " has no drill plan \"" + record.planId +
                                         "\" to record a drill of."};
    auto insert = db.prepare("INSERT INTO drill_records (plan_id, plan_revision, saved_at, fault_start) "
                             "VALUES (?1, ?2, ?3, ?4)");
    if (!insert)
        return insert.error();
    insert->bind(1, record.planId)
        .bind(2, std::int64_t{record.planRevision})
        .bind(3, utcTimestampNow())
        .bind(4, formatUtc(record.faultStart));
    if (auto done = insert->run(); !done)
        return done.error();
    const std::int64_t id = db.lastInsertRowId();
    if (auto details = writeDetails(id, record); !details)
        return details.error();
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return id;
}

Result<void> RecordStore::update(std::int64_t id, const DrillRecord& record)
{
    if (auto writable = requireWritable(); !writable)
        return writable.error();
    Database& db = m_file.database();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    auto existing = db.prepare("SELECT plan_id FROM drill_records WHERE id = ?1");
    if (!existing)
        return existing.error();
    existing->bind(1, id);
    auto found = existing->step();
    if (!found)
        return found.error();
    if (!*found)
        return Error{"no-such-record",
                     m_file.path().string() + " has no drill record " + std::to_string(id) + "."};
    if (existing->columnText(0) != record.planId)
        return Error{"no-such-plan", "Drill record " + std::to_string(id) + " belongs to another plan."};
    existing->reset();
    for (const char* sql : {"DELETE FROM drill_record_steps WHERE record_id = ?1",
                            "DELETE FROM drill_record_notes WHERE record_id = ?1",
                            "DELETE FROM drill_action_items WHERE record_id = ?1"})
        if (auto done = runWithId(db, sql, id); !done)
            return done.error();
    auto change = db.prepare("UPDATE drill_records SET plan_revision = ?2, saved_at = ?3, fault_start = ?4 "
                             "WHERE id = ?1");
    if (!change)
        return change.error();
    change->bind(1, id)
        .bind(2, std::int64_t{record.planRevision})
        .bind(3, utcTimestampNow())
        .bind(4, formatUtc(record.faultStart));
    if (auto done = change->run(); !done)
        return done.error();
    if (auto details = writeDetails(id, record); !details)
        return details.error();
    return transaction->commit();
}

Result<void> RecordStore::writeDetails(std::int64_t id, const DrillRecord& record)
{
    Database& db = m_file.database();
    auto measured =
        db.prepare("UPDATE drill_records SET measured_rto_ms = ?2, measured_rpo_ms = ?3 WHERE id = ?1");
    if (!measured)
        return measured.error();
    measured->bind(1, id);
    bindDuration(*measured, 2, record.measuredRto);
    bindDuration(*measured, 3, record.measuredRpo);
    if (auto done = measured->run(); !done)
        return done.error();

    auto step =
        db.prepare("INSERT INTO drill_record_steps (record_id, step, started_ms, finished_ms, outcome, "
                   "note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!step)
        return step.error();
    for (const StepRecord& s : record.steps) {
        step->reset();
        step->bind(1, id).bind(2, std::int64_t{s.step});
        bindDuration(*step, 3, s.started);
        bindDuration(*step, 4, s.finished);
        step->bind(5, outcomeName(s.outcome)).bind(6, s.note);
        if (auto done = step->run(); !done)
            return Error{done.error().code,
                         "Step " + std::to_string(s.step) +
                             " is recorded twice or cannot be stored: " + done.error().message};
    }

    auto note = db.prepare(
        "INSERT INTO drill_record_notes (record_id, kind, position, text) VALUES (?1, ?2, ?3, ?4)");
    if (!note)
        return note.error();
    for (const auto& [kind, texts] :
         {std::pair{"observation", &record.observations}, std::pair{"issue", &record.issues}}) {
        std::int64_t position = 0;
        for (const std::string& text : *texts) {
            note->reset();
            note->bind(1, id).bind(2, std::string_view(kind)).bind(3, position++).bind(4, text);
            if (auto done = note->run(); !done)
                return done.error();
        }
    }

    auto item = db.prepare("INSERT INTO drill_action_items (record_id, position, title, owner, due, done) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!item)
        return item.error();
    std::int64_t position = 0;
    for (const ActionItem& a : record.actionItems) {
        item->reset();
        item->bind(1, id).bind(2, position++).bind(3, a.title).bind(4, a.owner);
        if (a.due)
            item->bind(5, formatDate(*a.due));
        else
            item->bindNull(5);
        item->bind(6, std::int64_t{a.done ? 1 : 0});
        if (auto done = item->run(); !done)
            return done.error();
    }
    return {};
}

Result<void> RecordStore::readDetails(StoredRecord& stored) const
{
    const Database& db = m_file.database();
    DrillRecord& r = stored.record;
    bool damaged = false;
    auto steps = db.prepare("SELECT step, started_ms, finished_ms, outcome, note FROM drill_record_steps "
                            "WHERE record_id = ?1 ORDER BY step");
    if (!steps)
        return steps.error();
    steps->bind(1, stored.id);
    auto readSteps = steps->forEachRow([&](const Statement& row) {
        const auto outcome = outcomeFromName(row.columnText(3));
        damaged = damaged || !outcome;
        r.steps.push_back(StepRecord{static_cast<int>(row.columnInt64(0)), durationAt(row, 1),
                                     durationAt(row, 2), outcome.value_or(StepOutcome::Done),
                                     row.columnText(4)});
    });
    if (!readSteps)
        return readSteps.error();

    auto notes =
        db.prepare("SELECT kind, text FROM drill_record_notes WHERE record_id = ?1 ORDER BY kind, position");
    if (!notes)
        return notes.error();
    notes->bind(1, stored.id);
    auto readNotes = notes->forEachRow([&](const Statement& row) {
        const std::string kind = row.columnText(0);
        if (kind == "observation")
            r.observations.push_back(row.columnText(1));
        else if (kind == "issue")
            r.issues.push_back(row.columnText(1));
        else
            damaged = true;
    });
    if (!readNotes)
        return readNotes.error();

    auto items = db.prepare("SELECT title, owner, due, done FROM drill_action_items WHERE record_id = ?1 "
                            "ORDER BY position");
    if (!items)
        return items.error();
    items->bind(1, stored.id);
    auto readItems = items->forEachRow([&](const Statement& row) {
        ActionItem a{row.columnText(0), row.columnText(1), std::nullopt, row.columnInt64(3) != 0};
        if (!row.isNull(2)) {
            auto due = parseUtc(row.columnText(2));
            if (due)
                a.due = std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(*due)};
            else
                damaged = true;
        }
        r.actionItems.push_back(std::move(a));
    });
    if (!readItems)
        return readItems.error();
    if (damaged)
        return Error{"corrupt", "Drill record " + std::to_string(stored.id) + " in " +
                                    m_file.path().string() +
                                    " is damaged. Restore the workspace from a backup."};
    return {};
}

Result<std::vector<StoredRecord>> RecordStore::records(const std::string& planId) const
{
    auto stmt = m_file.database().prepare(
        "SELECT id, plan_id, plan_revision, saved_at, fault_start, measured_rto_ms, measured_rpo_ms "
        "FROM drill_records WHERE ?1 = '' OR plan_id = ?1 ORDER BY id");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, planId);
    std::vector<StoredRecord> out;
    bool damaged = false;
    auto done = stmt->forEachRow([&](const Statement& row) {
        StoredRecord s;
        s.id = row.columnInt64(0);
        s.record.planId = row.columnText(1);
        s.record.planRevision = static_cast<int>(row.columnInt64(2));
        s.savedAt = row.columnText(3);
        auto start = parseUtc(row.columnText(4));
        damaged = damaged || !start;
        s.record.faultStart = start ? *start : std::chrono::sys_seconds{};
        s.record.measuredRto = durationAt(row, 5);
        s.record.measuredRpo = durationAt(row, 6);
        out.push_back(std::move(s));
    });
    if (!done)
        return done.error();
    if (damaged)
        return Error{"corrupt", "A drill record in " + m_file.path().string() +
                                    " has an unreadable fault start. Restore the workspace from a backup."};
    for (StoredRecord& s : out)
        if (auto details = readDetails(s); !details)
            return details.error();
    return out;
}

} // namespace firedrill
