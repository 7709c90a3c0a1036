#pragma once

#include "core/model/Result.h"

namespace firedrill {

class Database;

/// An SQL transaction (RAII): rolled back when it goes out of scope without commit().
class Transaction
{
public:
    /// When the write lock is taken: at BEGIN (Immediate, for writers) or at the first write (Deferred).
    enum class Kind { Deferred, Immediate };

    /// Begins a transaction on `db`, which must outlive it.
    static Result<Transaction> begin(Database& db, Kind kind = Kind::Immediate);

    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&& other) noexcept;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    /// Commits; on failure the transaction is rolled back when this object is destroyed.
    Result<void> commit();
    /// Rolls back now (the destructor does it too).
    void rollback();
    /// True until committed or rolled back.
    bool isActive() const { return m_db != nullptr; }

private:
    explicit Transaction(Database* db) : m_db(db) {}

    Database* m_db = nullptr;
};

} // namespace firedrill
