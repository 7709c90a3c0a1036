// Damaged, foreign and tampered files are refused with the right code, and their bytes stay unchanged.

#include "StoreTestSupport.h"
#include "core/store/WorkspaceFile.h"

#include <QTemporaryDir>
#include <QTest>

using namespace firedrill;
using namespace storetest;

namespace {

/// A workspace with enough revisions that the revisions table spans several pages.
bool makeWorkspace(const std::filesystem::path& path)
{
    auto ws = WorkspaceFile::create(path, sampleYaml(0), "first");
    if (!ws)
        return false;
    for (int i = 1; i < 12; ++i)
        if (!ws->appendRevision(sampleYaml(i) + "# " + std::string(1500, 'x') + "\n", "save").ok())
            return false;
    return ws->close().ok();
}

/// Flips bytes in the page header and cell pointer array of the revisions table's root b-tree page.
bool flipRevisionsPage(const std::filesystem::path& path)
{
    const qint64 root = queryInt(path, "SELECT rootpage FROM sqlite_master WHERE name = 'revisions'");
    const qint64 pageSize = queryInt(path, "PRAGMA page_size");
    const qint64 cells = queryInt(path, "SELECT count(*) FROM revisions");
    if (root < 2 || pageSize < 512 || cells < 1)
        return false;
    const qint64 page = (root - 1) * pageSize;
    return flipBytes(path, page + 3, 2) && flipBytes(path, page + 12, 4); // cell count, first cell pointers
}

} // namespace

class TestWorkspaceRefusal : public QObject
{
    Q_OBJECT

private slots:
    void refusesBadFiles_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("says");

        QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("not-found")
                                 << QStringLiteral("does not exist");
        QTest::newRow("empty") << QStringLiteral("empty") << QStringLiteral("empty-file")
                               << QStringLiteral("0 bytes");
        QTest::newRow("text") << QStringLiteral("text") << QStringLiteral("not-sqlite")
                              << QStringLiteral("does not start with an SQLite header");
        QTest::newRow("directory") << QStringLiteral("directory") << QStringLiteral("io")
                                   << QStringLiteral("not a regular file");
        QTest::newRow("truncated") << QStringLiteral("truncated") << QStringLiteral("corrupt")
                                   << QStringLiteral("truncated");
        QTest::newRow("truncated-odd") << QStringLiteral("truncated-odd") << QStringLiteral("corrupt")
                                       << QStringLiteral("cut off in the middle of a page");
        QTest::newRow("appended") << QStringLiteral("appended") << QStringLiteral("corrupt")
                                  << QStringLiteral("is not a whole SQLite database: it has 21 extra bytes after "
                                                    "its last page");
        QTest::newRow("flipped-page") << QStringLiteral("flipped-page") << QStringLiteral("corrupt")
                                      << QStringLiteral("integrity check failed");
        QTest::newRow("zeroed-header")
            << QStringLiteral("zeroed-header") << QStringLiteral("not-sqlite") << QStringLiteral("header");
        QTest::newRow("unknown-format-version") << QStringLiteral("unknown-format-version") << QStringLiteral("corrupt")
                                                << QStringLiteral("unknown file format versions (1, 7)");
        QTest::newRow("foreign") << QStringLiteral("foreign") << QStringLiteral("not-a-workspace")
                                 << QStringLiteral("is an SQLite database but not a Firedrill workspace");
        QTest::newRow("wrong-application-id")
            << QStringLiteral("wrong-application-id") << QStringLiteral("not-a-workspace")
            << QStringLiteral("0x12345678");
        QTest::newRow("newer-schema") << QStringLiteral("newer-schema") << QStringLiteral("newer-schema")
                                      << QStringLiteral("was written by a newer Firedrill (schema 99); "
                                                        "this version reads up to schema %1")
                                             .arg(workspaceSchemaVersion());
        QTest::newRow("no-schema-version") << QStringLiteral("no-schema-version") << QStringLiteral("corrupt")
                                           << QStringLiteral("no schema version");
        QTest::newRow("trigger") << QStringLiteral("trigger") << QStringLiteral("unexpected-schema")
                                 << QStringLiteral("trigger named \"wipe\"");
        QTest::newRow("view") << QStringLiteral("view") << QStringLiteral("unexpected-schema")
                              << QStringLiteral("view named \"peek\"");
        QTest::newRow("unknown-table")
            << QStringLiteral("unknown-table") << QStringLiteral("unexpected-schema")
            << QStringLiteral("unknown table named \"extra\"");
        QTest::newRow("unknown-index")
            << QStringLiteral("unknown-index") << QStringLiteral("unexpected-schema")
            << QStringLiteral("unknown index named \"by_note\"");
        QTest::newRow("altered-table")
            << QStringLiteral("altered-table") << QStringLiteral("unexpected-schema")
            << QStringLiteral("altered table named \"revisions\"");
        QTest::newRow("dropped-table")
            << QStringLiteral("dropped-table") << QStringLiteral("unexpected-schema")
            << QStringLiteral("lacks the table named \"meta\"");
    }

    void refusesBadFiles()
    {
        QFETCH(QString, damage);
        QFETCH(QString, code);
        QFETCH(QString, says);

        QTemporaryDir dir;
        const auto path = pathIn(dir, "plan.firedrill");
        const std::string fileName = path.string();
        if (damage == QStringLiteral("empty")) {
            QVERIFY(writeFile(path, {}));
        } else if (damage == QStringLiteral("text")) {
            QVERIFY(writeFile(path, QByteArray::fromStdString(sampleYaml(1))));
        } else if (damage == QStringLiteral("directory")) {
            QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("plan.firedrill")));
        } else if (damage == QStringLiteral("foreign")) {
            QVERIFY(writeFile(path, {}));
            QVERIFY(execOn(path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ann');"));
        } else if (damage != QStringLiteral("missing")) {
            QVERIFY(makeWorkspace(path));
            if (damage == QStringLiteral("truncated")) {
                QVERIFY(
                    QFile::resize(dir.filePath(QStringLiteral("plan.firedrill")), readFile(path).size() / 2 / 4096 * 4096));
                QVERIFY(readFile(path).size() % 4096 == 0);
            } else if (damage == QStringLiteral("truncated-odd")) {
                QVERIFY(QFile::resize(dir.filePath(QStringLiteral("plan.firedrill")),
                                      readFile(path).size() / 2 + 100));
            } else if (damage == QStringLiteral("appended")) {
                QVERIFY(writeFile(path, readFile(path) + QByteArray("garbage appended here")));
            } else if (damage == QStringLiteral("flipped-page")) {
                QVERIFY(flipRevisionsPage(path));
            } else if (damage == QStringLiteral("zeroed-header")) {
                QByteArray bytes = readFile(path);
                bytes.replace(0, 16, QByteArray(16, '\0'));
                QVERIFY(writeFile(path, bytes));
            } else if (damage == QStringLiteral("unknown-format-version")) {
                QByteArray bytes = readFile(path);
                bytes[19] = 7;
                QVERIFY(writeFile(path, bytes));
            } else if (damage == QStringLiteral("wrong-application-id")) {
                QVERIFY(execOn(path, "PRAGMA application_id = 305419896")); // 0x12345678
            } else if (damage == QStringLiteral("newer-schema")) {
                QVERIFY(execOn(path, "PRAGMA user_version = 99"));
            } else if (damage == QStringLiteral("no-schema-version")) {
                QVERIFY(execOn(path, "PRAGMA user_version = 0"));
            } else if (damage == QStringLiteral("trigger")) {
                QVERIFY(execOn(path,
                               "CREATE TRIGGER wipe AFTER INSERT ON revisions BEGIN DELETE FROM meta; END"));
            } else if (damage == QStringLiteral("view")) {
                QVERIFY(execOn(path, "CREATE VIEW peek AS SELECT note FROM revisions"));
            } else if (damage == QStringLiteral("unknown-table")) {
                QVERIFY(execOn(path, "CREATE TABLE extra (x)"));
            } else if (damage == QStringLiteral("unknown-index")) {
                QVERIFY(execOn(path, "CREATE INDEX by_note ON revisions (note)"));
            } else if (damage == QStringLiteral("altered-table")) {
                QVERIFY(execOn(path, "ALTER TABLE revisions ADD COLUMN payload TEXT"));
            } else if (damage == QStringLiteral("dropped-table")) {
                QVERIFY(execOn(path, "DROP TABLE meta"));
            }
        }
        const QByteArray before = fileHash(path);
        const QStringList entries = folderEntries(dir);

        for (const OpenMode mode : {OpenMode::ReadWrite, OpenMode::ReadOnly}) {
            auto ws = WorkspaceFile::open(path, mode);
            QVERIFY2(!ws.ok(), "a bad file was opened");
            const QString message = qs(ws.error().message);
            QCOMPARE(qs(ws.error().code), code);
            QVERIFY2(message.contains(says), qPrintable(message));
            QVERIFY2(message.contains(qs(fileName)), qPrintable(message));
            QCOMPARE(fileHash(path), before);
            QCOMPARE(folderEntries(dir), entries); // no lock file, journal or temporary file left behind
        }
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceRefusal)
#include "test_workspace_refusal.moc"
