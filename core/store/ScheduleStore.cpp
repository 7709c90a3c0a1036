#include "ScheduleStore.h"

#include "Statement.h"
#include "Transaction.h"
#include "core/drill/UtcTime.h"

#include <map>

namespace firedrill {

Result<void> ScheduleStore::requireWritable() const
{
    return m_file.requireWritable("save the drill schedule");
}

Result<void> ScheduleStore::save(const DrillSchedule& schedule)
{
    if (auto writable = requireWritable(); !writable)
        return writable.error();
    if (schedule.id.empty())
        return Error{"invalid-schedule", "A drill schedule needs an id before it can be stored."};
    if (schedule.length.ms <= 0)
        return Error{"invalid-schedule", "A drill must last longer than zero minutes."};
    Database& db = m_file.database();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    auto plan = db.prepare("SELECT 1 FROM drill_plans WHERE id = ?1");
    if (!plan)
        return plan.error();
    plan->bind(1, schedule.planId);
    auto found = plan->step();
    if (!found)
        return found.error();
    if (!*found)
        return Error{"no-such-plan",
                     m_file.path().string() + " has no drill plan \"" + schedule.planId + "\" to schedule."};
    for (const char* sql : {"DELETE FROM drill_schedule_participants WHERE schedule_id = ?1",
                            "DELETE FROM drill_schedules WHERE id = ?1"}) {
        auto removed = db.prepare(sql);
        if (!removed)
            return removed.error();
        removed->bind(1, schedule.id);
        if (auto done = removed->run(); !done)
            return done.error();
    }
    auto insert =
        db.prepare("INSERT INTO drill_schedules (id, plan_id, title, description, start, recurrence, "
                   "length_ms, location) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!insert)
        return insert.error();
    insert->bind(1, schedule.id)
        .bind(2, schedule.planId)
        .bind(3, schedule.title)
        .bind(4, schedule.description)
        .bind(5, formatUtc(schedule.start))
        .bind(6, formatRecurrence(schedule.recurrence))
        .bind(7, schedule.length.ms)
        .bind(8, schedule.location);
    if (auto done = insert->run(); !done)
        return done.error();
    auto person =
        db.prepare("INSERT INTO drill_schedule_participants (schedule_id, position, name, email, role) "
                   "VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!person)
        return person.error();
    std::int64_t position = 0;
    for (const Participant& p : schedule.participants) {
        person->reset();
        person->bind(1, schedule.id)
            .bind(2, position++)
            .bind(3, p.name)
            .bind(4, p.email)
            .bind(5, roleName(p.role));
        if (auto done = person->run(); !done)
            return done.error();
    }
    return transaction->commit();
}

Result<void> ScheduleStore::remove(const std::string& scheduleId)
{
    if (auto writable = requireWritable(); !writable)
        return writable.error();
    Database& db = m_file.database();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    auto exists = db.prepare("SELECT 1 FROM drill_schedules WHERE id = ?1");
    if (!exists)
        return exists.error();
    exists->bind(1, scheduleId);
    auto row = exists->step();
    if (!row)
        return row.error();
    if (!*row)
        return Error{"no-such-schedule",
                     m_file.path().string() + " has no drill schedule \"" + scheduleId + "\"."};
    exists->reset();
    for (const char* sql : {"DELETE FROM drill_schedule_participants WHERE schedule_id = ?1",
                            "DELETE FROM drill_schedules WHERE id = ?1"}) {
        auto removed = db.prepare(sql);
        if (!removed)
            return removed.error();
        removed->bind(1, scheduleId);
        if (auto done = removed->run(); !done)
            return done.error();
    }
    return transaction->commit();
}

Result<std::vector<DrillSchedule>> ScheduleStore::schedules(const std::string& planId) const
{
    auto stmt = m_file.database().prepare(
        "SELECT id, plan_id, title, description, start, recurrence, length_ms, location FROM drill_schedules "
        "WHERE ?1 = '' OR plan_id = ?1 ORDER BY start, id");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, planId);
    std::vector<DrillSchedule> out;
    std::map<std::string, std::size_t> index;
    std::string damaged;
    auto done = stmt->forEachRow([&](const Statement& row) {
        DrillSchedule s;
        s.id = row.columnText(0);
        s.planId = row.columnText(1);
        s.title = row.columnText(2);
        s.description = row.columnText(3);
        auto start = parseUtc(row.columnText(4));
        auto recurrence = parseRecurrence(row.columnText(5));
        if (!start || !recurrence) {
            damaged = s.id;
            return;
        }
        s.start = *start;
        s.recurrence = *recurrence;
        s.length = Duration{row.columnInt64(6)};
        s.location = row.columnText(7);
        index[s.id] = out.size();
        out.push_back(std::move(s));
    });
    if (!done)
        return done.error();
    if (!damaged.empty())
        return Error{"corrupt", "Drill schedule \"" + damaged + "\" in " + m_file.path().string() +
                                    " is damaged (its start or recurrence cannot be read)."};
    auto people = m_file.database().prepare("SELECT schedule_id, name, email, role FROM "
                                            "drill_schedule_participants ORDER BY schedule_id, position");
    if (!people)
        return people.error();
    auto read = people->forEachRow([&](const Statement& row) {
        const auto at = index.find(row.columnText(0));
        if (at == index.end())
            return;
        out[at->second].participants.push_back(
            Participant{row.columnText(1), row.columnText(2),
                        roleFromName(row.columnText(3)).value_or(DrillRole::Observer)});
    });
    if (!read)
        return read.error();
    return out;
}

} // namespace firedrill
