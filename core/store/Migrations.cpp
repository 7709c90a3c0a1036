#include "Migrations.h"

#include "Database.h"
#include "Transaction.h"

#include <utility>

namespace firedrill {

namespace {

std::string label(const Database& db)
{
    return db.path().empty() ? std::string("the in-memory database") : db.path().string();
}

} // namespace

Migration sqlMigration(int version, std::string description, std::string sql)
{
    return Migration{version, std::move(description),
                     [text = std::move(sql)](Database& db) { return db.exec(text); }};
}

int latestVersion(const Migrations& migrations)
{
    return migrations.empty() ? 0 : migrations.back().version;
}

Result<void> checkMigrations(const Migrations& migrations)
{
    for (std::size_t i = 0; i < migrations.size(); ++i) {
        const Migration& step = migrations[i];
        if (step.version != static_cast<int>(i) + 1)
            return Error{"sql", "Schema migration \"" + step.description + "\" has version " +
                                    std::to_string(step.version) + " but should be " + std::to_string(i + 1) +
                                    ": migrations must be numbered 1, 2, 3 ... in order."};
        if (!step.apply)
            return Error{"sql",
                         "Schema migration " + std::to_string(step.version) + " has nothing to apply."};
    }
    return {};
}

Result<int> migrate(Database& db, const Migrations& migrations, std::optional<int> target)
{
    if (auto valid = checkMigrations(migrations); !valid)
        return valid.error();
    const int goal = target.value_or(latestVersion(migrations));
    if (goal < 0 || goal > latestVersion(migrations))
        return Error{"sql", "There is no schema version " + std::to_string(goal) + " to migrate to."};

    auto current = db.pragmaInt("user_version");
    if (!current)
        return current.error();
    if (*current > latestVersion(migrations))
        return Error{"newer-schema", label(db) + " was written by a newer Firedrill (schema " +
                                         std::to_string(*current) + "); this version reads up to schema " +
                                         std::to_string(latestVersion(migrations)) +
                                         ". Update Firedrill to open it."};

    int version = static_cast<int>(*current);
    while (version < goal) {
        const Migration& step = migrations[static_cast<std::size_t>(version)];
        auto failed = [&](const Error& cause) {
            return Error{cause.code == "disk-full" ? "disk-full" : "migration-failed",
                         "Could not upgrade " + label(db) + " to schema " + std::to_string(step.version) +
                             " (" + step.description + "): " + cause.message +
                             " The file was left unchanged at schema " + std::to_string(version) + "."};
        };
        auto transaction = Transaction::begin(db);
        if (!transaction)
            return failed(transaction.error());
        if (auto applied = step.apply(db); !applied)
            return failed(applied.error()); // the transaction rolls back as it goes out of scope
        if (auto bumped = db.exec("PRAGMA user_version = " + std::to_string(step.version)); !bumped)
            return failed(bumped.error());
        if (auto committed = transaction->commit(); !committed)
            return failed(committed.error());
        version = step.version;
    }
    return version;
}

} // namespace firedrill
