#include "Statement.h"

#include "Database.h"

#include <sqlite3.h>
#include <utility>

namespace firedrill {

Statement::Statement(Statement&& other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr)), m_bindError(std::exchange(other.m_bindError, 0))
{
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_bindError = std::exchange(other.m_bindError, 0);
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, std::int64_t value)
{
    const int rc = sqlite3_bind_int64(m_stmt, index, value);
    if (rc != SQLITE_OK && m_bindError == 0)
        m_bindError = rc;
    return *this;
}

Statement& Statement::bind(int index, std::string_view text)
{
    const int rc =
        sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK && m_bindError == 0)
        m_bindError = rc;
    return *this;
}

Statement& Statement::bindNull(int index)
{
    const int rc = sqlite3_bind_null(m_stmt, index);
    if (rc != SQLITE_OK && m_bindError == 0)
        m_bindError = rc;
    return *this;
}

Result<bool> Statement::step()
{
    sqlite3* db = sqlite3_db_handle(m_stmt);
    if (m_bindError != 0)
        return Database::makeError(db, m_bindError, "binding a value for");
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return Database::makeError(db, rc, "reading");
}

Result<void> Statement::run()
{
    for (;;) {
        auto row = step();
        if (!row)
            return row.error();
        if (!*row)
            return {};
    }
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_bindError = 0;
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

bool Statement::isNull(int index) const
{
    return sqlite3_column_type(m_stmt, index) == SQLITE_NULL;
}

std::int64_t Statement::columnInt64(int index) const
{
    return sqlite3_column_int64(m_stmt, index);
}

std::string Statement::columnText(int index) const
{
    const unsigned char* text = sqlite3_column_text(m_stmt, index);
    const int bytes = sqlite3_column_bytes(m_stmt, index);
    if (!text || bytes <= 0)
        return {};
    return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(bytes));
}

} // namespace firedrill
