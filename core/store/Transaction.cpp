#include "Transaction.h"

#include "Database.h"

#include <sqlite3.h>
#include <utility>

namespace firedrill {

Result<Transaction> Transaction::begin(Database& db, Kind kind)
{
    auto started = db.exec(kind == Kind::Immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
    if (!started)
        return started.error();
    return Transaction(&db);
}

Transaction::Transaction(Transaction&& other) noexcept : m_db(std::exchange(other.m_db, nullptr)) {}

Transaction& Transaction::operator=(Transaction&& other) noexcept
{
    if (this != &other) {
        rollback();
        m_db = std::exchange(other.m_db, nullptr);
    }
    return *this;
}

Transaction::~Transaction()
{
    rollback();
}

Result<void> Transaction::commit()
{
    if (!m_db)
        return Error{"sql", "Commit without an active transaction."};
    auto committed = m_db->exec("COMMIT");
    if (!committed)
        return committed.error(); // still active: the destructor rolls back
    m_db = nullptr;
    return {};
}

void Transaction::rollback()
{
    Database* db = std::exchange(m_db, nullptr);
    // SQLite may already have rolled back by itself (e.g. after SQLITE_FULL); then there is nothing to do.
    if (db && db->isOpen() && sqlite3_get_autocommit(db->handle()) == 0)
        (void)db->exec("ROLLBACK");
}

} // namespace firedrill
