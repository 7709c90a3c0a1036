// The SQL layer: Database, Statement, Transaction, the migration runner and the schema check.

#include "StoreTestSupport.h"
#include "core/store/Database.h"
#include "core/store/Migrations.h"
#include "core/store/SchemaCheck.h"
#include "core/store/Statement.h"
#include "core/store/Transaction.h"
#include "core/store/WorkspaceSchema.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace firedrill;
using namespace storetest;

namespace {

/// A fresh, empty SQLite file (Database::open never creates files).
std::filesystem::path emptyDatabase(const QTemporaryDir& dir, const char* name)
{
    auto path = pathIn(dir, name);
    writeFile(path, {});
    return path;
}

} // namespace

class TestStoreSql : public QObject
{
    Q_OBJECT

private slots:
    void statementBindsAndReads()
    {
        auto db = Database::openMemory();
        QVERIFY(db.ok());
        QVERIFY(db->exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, n INTEGER)").ok());
        auto insert = db->prepare("INSERT INTO t (name, n) VALUES (?1, ?2)");
        QVERIFY(insert.ok());
        insert->bind(1, std::string_view("a\0b", 3)).bind(2, std::int64_t{1} << 40);
        QVERIFY(insert->run().ok());
        QCOMPARE(db->lastInsertRowId(), std::int64_t{1});
        insert->reset();
        insert->bind(1, std::string_view("second")).bindNull(2);
        QVERIFY(insert->run().ok());

        auto select = db->prepare("SELECT name, n FROM t ORDER BY id");
        QVERIFY(select.ok());
        QCOMPARE(select->columnCount(), 2);
        auto row = select->step();
        QVERIFY(row.ok() && *row);
        QCOMPARE(select->columnText(0), std::string("a\0b", 3));
        QCOMPARE(select->columnInt64(1), std::int64_t{1} << 40);
        row = select->step();
        QVERIFY(row.ok() && *row);
        QVERIFY(select->isNull(1));
        row = select->step();
        QVERIFY(row.ok() && !*row);
    }

    void errorsCarryCodeAndMessage()
    {
        auto db = Database::openMemory();
        QVERIFY(db.ok());
        auto bad = db->prepare("SELEC 1");
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, std::string("sql"));
        QVERIFY(bad.error().message.find("syntax error") != std::string::npos);

        auto stmt = db->prepare("SELECT ?1");
        QVERIFY(stmt.ok());
        stmt->bind(5, std::int64_t{1}); // out of range: reported by step()
        auto row = stmt->step();
        QVERIFY(!row.ok());
        QVERIFY(row.error().message.find("column index out of range") != std::string::npos);

        QTemporaryDir dir;
        auto missing = Database::open(pathIn(dir, "missing.db"), DatabaseAccess::ReadOnly);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, std::string("io"));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("missing.db")))); // never created
    }

    void connectionsAreHardened()
    {
        auto db = Database::openMemory();
        QVERIFY(db.ok());
        QCOMPARE(*db->pragmaInt("trusted_schema"), std::int64_t{0});
        QCOMPARE(*db->pragmaInt("cell_size_check"), std::int64_t{1});
        // Defensive mode: the schema cannot be edited behind SQLite's back.
        QVERIFY(db->exec("PRAGMA writable_schema=ON").ok());
        QVERIFY(!db->exec("UPDATE sqlite_master SET sql = ''").ok());
    }

    void fileConnectionsAreHardened()
    {
        QTemporaryDir dir;
        const auto path = emptyDatabase(dir, "hardened.db");
        for (const auto access : {DatabaseAccess::ReadOnly, DatabaseAccess::ReadWrite}) {
            auto db = Database::open(path, access);
            QVERIFY(db.ok());
            QCOMPARE(*db->pragmaInt("trusted_schema"), std::int64_t{0});
            QCOMPARE(*db->pragmaInt("cell_size_check"), std::int64_t{1});
            QCOMPARE(*db->pragmaInt("mmap_size"), std::int64_t{0});
            const std::pair<int, int> expected[] = {
                {SQLITE_DBCONFIG_DEFENSIVE, 1},      {SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0},
                {SQLITE_DBCONFIG_ENABLE_TRIGGER, 0}, {SQLITE_DBCONFIG_ENABLE_VIEW, 0},
                {SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0},
            };
            for (const auto& [option, value] : expected) {
                int actual = -1;
                QCOMPARE(sqlite3_db_config(db->handle(), option, -1, &actual), SQLITE_OK);
                QCOMPARE(actual, value);
            }
            QCOMPARE(sqlite3_limit(db->handle(), SQLITE_LIMIT_ATTACHED, -1), 0);
        }
    }

    void transactionRollsBackUnlessCommitted()
    {
        auto db = Database::openMemory();
        QVERIFY(db.ok());
        QVERIFY(db->exec("CREATE TABLE t (x INTEGER)").ok());
        {
            auto tx = Transaction::begin(*db);
            QVERIFY(tx.ok());
            QVERIFY(db->exec("INSERT INTO t VALUES (1)").ok());
        } // rolled back
        auto count = [&] {
            auto stmt = db->prepare("SELECT count(*) FROM t");
            (void)stmt->step();
            return stmt->columnInt64(0);
        };
        QCOMPARE(count(), std::int64_t{0});
        {
            auto tx = Transaction::begin(*db);
            QVERIFY(tx.ok());
            QVERIFY(db->exec("INSERT INTO t VALUES (1)").ok());
            QVERIFY(tx->commit().ok());
            QVERIFY(!tx->isActive());
            QVERIFY(!tx->commit().ok());
        }
        QCOMPARE(count(), std::int64_t{1});
    }

    void workspaceSchemaOneIsBuilt()
    {
        QTemporaryDir dir;
        auto path = emptyDatabase(dir, "fresh.db");
        {
            auto db = Database::open(path, DatabaseAccess::ReadWrite);
            QVERIFY(db.ok());
            auto version = migrate(*db, workspaceMigrations());
            QVERIFY2(version.ok(), version.ok() ? "" : version.error().message.c_str());
            QCOMPARE(*version, workspaceSchemaVersion());
            QCOMPARE(*db->pragmaInt("user_version"), std::int64_t{workspaceSchemaVersion()});
            QCOMPARE(*db->pragmaInt("application_id"), std::int64_t{kWorkspaceApplicationId});
            auto meta = db->prepare("SELECT key, value FROM meta ORDER BY key");
            QStringList rows;
            while (*meta->step())
                rows << qs(meta->columnText(0) + "=" + meta->columnText(1));
            QCOMPARE(rows.size(), 3);
            QVERIFY(QRegularExpression(
                        QStringLiteral("^created_at=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"))
                        .match(rows[0])
                        .hasMatch());
            QCOMPARE(rows[1], QStringLiteral("created_by_version=") + qs(std::string(firedrillVersion())));
            QCOMPARE(rows[2], QStringLiteral("min_reader_schema=1"));
            QVERIFY(checkSchemaObjects(*db, workspaceSchemaVersion(), workspaceMigrations()).ok());
        }
        QVERIFY(noSidecars(path));
    }

    void migrationsRunForwardAndKeepData()
    {
        QTemporaryDir dir;
        auto path = emptyDatabase(dir, "forward.db");
        auto db = Database::open(path, DatabaseAccess::ReadWrite);
        QVERIFY(db.ok() && db->configureForWriting().ok());
        QVERIFY(migrate(*db, schemaOne()).ok());
        QVERIFY(db->exec("INSERT INTO revisions (saved_at, topology_yaml, topology_hash) "
                         "VALUES ('2024-01-01T00:00:00.000Z', 'yaml', 'h')")
                    .ok());

        Migrations extended = schemaOne();
        extended.push_back(sqlMigration(2, "add drills",
                                        "CREATE TABLE drills (id INTEGER PRIMARY KEY, title TEXT);"
                                        "ALTER TABLE revisions ADD COLUMN tag TEXT;"
                                        "UPDATE revisions SET tag = 'v1-' || id;"));
        auto version = migrate(*db, extended);
        QVERIFY2(version.ok(), version.ok() ? "" : version.error().message.c_str());
        QCOMPARE(*version, 2);
        QCOMPARE(*db->pragmaInt("user_version"), std::int64_t{2});
        auto tag = db->prepare("SELECT tag, topology_yaml FROM revisions");
        QVERIFY(*tag->step());
        QCOMPARE(tag->columnText(0), std::string("v1-1"));
        QCOMPARE(tag->columnText(1), std::string("yaml"));
        QVERIFY(checkSchemaObjects(*db, 2, extended).ok());
        // Against the shorter list the file is newer and its extra table unknown.
        QCOMPARE(migrate(*db, schemaOne()).error().code, std::string("newer-schema"));
        QCOMPARE(checkSchemaObjects(*db, 1, schemaOne()).error().code,
                 std::string("unexpected-schema"));
    }

    void failingMigrationRollsBackCompletely()
    {
        QTemporaryDir dir;
        auto path = emptyDatabase(dir, "failing.db");
        auto db = Database::open(path, DatabaseAccess::ReadWrite);
        QVERIFY(db.ok() && db->configureForWriting().ok());

        Migrations list = schemaOne();
        list.push_back(sqlMigration(2, "add drills", "CREATE TABLE drills (id INTEGER PRIMARY KEY);"));
        list.push_back(Migration{3, "add approvals", [](Database& d) -> Result<void> {
                                     if (auto made = d.exec("CREATE TABLE approvals (id INTEGER PRIMARY KEY);"
                                                            "INSERT INTO approvals VALUES (1);"
                                                            "DELETE FROM meta;");
                                         !made)
                                         return made.error();
                                     return Error{"test", "synthetic failure"};
                                 }});
        auto version = migrate(*db, list);
        QVERIFY(!version.ok());
        QCOMPARE(version.error().code, std::string("migration-failed"));
        QVERIFY(version.error().message.find("schema 3 (add approvals)") != std::string::npos);
        QVERIFY(version.error().message.find("synthetic failure") != std::string::npos);
        QVERIFY(version.error().message.find("left unchanged at schema 2") != std::string::npos);
        // Steps 1 and 2 committed; step 3 left no trace.
        QCOMPARE(*db->pragmaInt("user_version"), std::int64_t{2});
        auto objects =
            db->prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('drills', 'approvals')");
        QVERIFY(*objects->step());
        QCOMPARE(objects->columnInt64(0), std::int64_t{1});
        auto meta = db->prepare("SELECT count(*) FROM meta");
        QVERIFY(*meta->step());
        QCOMPARE(meta->columnInt64(0), std::int64_t{3});
        QVERIFY(!sidecarExists(path, "-journal"));

        // A failing SQL step (bad SQL after a good statement) behaves the same.
        Migrations badSql = schemaOne();
        badSql.push_back(sqlMigration(2, "add drills", "CREATE TABLE drills (id INTEGER PRIMARY KEY);"));
        badSql.push_back(
            sqlMigration(3, "broken", "CREATE TABLE ok_table (x); INSERT INTO nowhere VALUES (1);"));
        QCOMPARE(migrate(*db, badSql).error().code, std::string("migration-failed"));
        QCOMPARE(*db->pragmaInt("user_version"), std::int64_t{2});
        QVERIFY(checkSchemaObjects(*db, 2, badSql).ok());
    }

    void migrationListsAreChecked()
    {
        Migrations gap = schemaOne();
        gap.push_back(sqlMigration(3, "skips two", "SELECT 1"));
        QVERIFY(!checkMigrations(gap).ok());
        Migrations empty = schemaOne();
        empty.push_back(Migration{2, "nothing", {}});
        QVERIFY(!checkMigrations(empty).ok());
        auto db = Database::openMemory();
        QCOMPARE(migrate(*db, gap).error().code, std::string("sql"));
        QCOMPARE(*db->pragmaInt("user_version"), std::int64_t{0});
    }

    void migrateStopsAtTarget()
    {
        Migrations list = schemaOne();
        list.push_back(sqlMigration(2, "two", "CREATE TABLE two (x);"));
        auto db = Database::openMemory();
        QCOMPARE(*migrate(*db, list, 1), 1);
        QCOMPARE(*db->pragmaInt("user_version"), std::int64_t{1});
        QCOMPARE(*migrate(*db, list), 2);
    }
};

QTEST_GUILESS_MAIN(TestStoreSql)
#include "test_store_sql.moc"
