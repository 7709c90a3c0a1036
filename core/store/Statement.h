#pragma once

#include "core/model/Result.h"

#include <cstdint>
#include <string>
#include <string_view>

struct sqlite3_stmt;

namespace firedrill {

/// A prepared statement (RAII). Parameters and columns are numbered as in SQLite: binds from 1,
/// columns from 0. A failed bind is remembered and reported by the next step().
class Statement
{
public:
    /// Takes ownership of a prepared statement.
    explicit Statement(sqlite3_stmt* statement) : m_stmt(statement) {}
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    /// Binds an integer parameter.
    Statement& bind(int index, std::int64_t value);
    /// Binds a text parameter (copied).
    Statement& bind(int index, std::string_view text);
    /// Binds NULL.
    Statement& bindNull(int index);

    /// Advances: true when a row is available, false when the statement has finished.
    Result<bool> step();
    /// Steps until the statement finishes, ignoring rows.
    Result<void> run();
    /// Steps through every row, calling `each(*this)` on each; stops at the first error.
    template <class Each>
    Result<void> forEachRow(Each&& each)
    {
        for (;;) {
            auto row = step();
            if (!row)
                return row.error();
            if (!*row)
                return {};
            each(*this);
        }
    }
    /// Rewinds so the statement can run again and clears its bindings.
    void reset();

    /// Number of columns in the result.
    int columnCount() const;
    /// True when column `index` of the current row is NULL.
    bool isNull(int index) const;
    /// Column `index` of the current row as an integer.
    std::int64_t columnInt64(int index) const;
    /// Column `index` of the current row as text (empty for NULL).
    std::string columnText(int index) const;

private:
    sqlite3_stmt* m_stmt = nullptr;
    int m_bindError = 0; ///< first failed bind's result code, 0 when none
};

} // namespace firedrill
