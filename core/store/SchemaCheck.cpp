#include "SchemaCheck.h"

#include "Database.h"
#include "Statement.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace firedrill {

namespace {

struct SchemaObject
{
    std::string type;
    std::string name;
    std::string table;
    std::string sql;
};

/// Whitespace does not matter to SQLite, so it does not matter here either.
std::string normalized(const std::string& sql)
{
    std::string out;
    bool space = false;
    for (const char c : sql) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

/// A name from an untrusted file, made safe and short enough to quote in a message.
std::string printable(const std::string& name)
{
    std::string out;
    for (const char c : name.substr(0, 60))
        out += std::isprint(static_cast<unsigned char>(c)) ? c : '?';
    return "\"" + out + (name.size() > 60 ? "...\"" : "\"");
}

Result<std::vector<SchemaObject>> listObjects(const Database& db)
{
    auto stmt = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master");
    if (!stmt)
        return stmt.error();
    std::vector<SchemaObject> objects;
    auto done = stmt->forEachRow([&](const Statement& row) {
        objects.push_back({row.columnText(0), row.columnText(1), row.columnText(2), row.columnText(3)});
    });
    if (!done)
        return done.error();
    return objects;
}

Error unexpected(const Database& db, const std::string& what)
{
    return {"unexpected-schema",
            db.path().string() + " is not a valid Firedrill workspace: it " + what +
                ". Another program has changed it, so Firedrill will not open it; restore "
                "it from a backup or import the topology from YAML."};
}

} // namespace

Result<void> checkSchemaObjects(const Database& db, int version, const Migrations& migrations)
{
    auto reference = Database::openMemory();
    if (!reference)
        return reference.error();
    if (auto built = migrate(*reference, migrations, version); !built)
        return built.error();
    auto expected = listObjects(*reference);
    if (!expected)
        return expected.error();
    auto actual = listObjects(db);
    if (!actual)
        return actual.error();

    for (const SchemaObject& object : *actual) {
        if (object.type == "trigger" || object.type == "view")
            return unexpected(db, "contains a " + object.type + " named " + printable(object.name) +
                                      ", which Firedrill never creates");
        if (object.type == "table" && (object.name == "sqlite_stat1" || object.name == "sqlite_stat4"))
            continue;
        const auto match = std::find_if(expected->begin(), expected->end(),
                                        [&](const SchemaObject& e) { return e.name == object.name; });
        if (match == expected->end())
            return unexpected(db, "contains an unknown " + object.type + " named " + printable(object.name));
        if (match->type != object.type || match->table != object.table ||
            normalized(match->sql) != normalized(object.sql))
            return unexpected(db, "has an altered " + match->type + " named " + printable(object.name));
    }
    for (const SchemaObject& object : *expected) {
        const bool present = std::any_of(actual->begin(), actual->end(),
                                         [&](const SchemaObject& a) { return a.name == object.name; });
        if (!present)
            return unexpected(db, "lacks the " + object.type + " named " + printable(object.name));
    }
    return {};
}

} // namespace firedrill
