// Inputs and workspaces that trap the user: a FIFO, a device or a folder given as input is refused before
// it is opened (never waited on), a workspace a killed save left with a hot journal is recovered by the
// exact command the message gives, validate and info check every revision, plan version and approval
// trail, and a full disk or appended bytes get messages that say what happened and what to do.
#include "CliRun.h"
#include "store/HotJournal.h"

#include "core/store/Database.h"

#include <QtTest>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace firedrill::test;

namespace {

bool execOn(const QString& path, const std::string& sql)
{
    auto db = firedrill::Database::open(path.toStdString(), firedrill::DatabaseAccess::ReadWrite);
    return db && db->exec(sql).ok() && db->close().ok();
}

/// firedrill-cli with `args`, its files limited to `bytes` (RLIMIT_FSIZE, SIGXFSZ ignored: writes beyond
/// fail with EFBIG, as on a full disk).
Run cliWithFileSizeLimit(const QStringList& args, rlim_t bytes)
{
    QProcess p;
    p.setChildProcessModifier([bytes] {
        ::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{bytes, bytes};
        ::setrlimit(RLIMIT_FSIZE, &limit);
    });
    p.start(QStringLiteral(FIREDRILL_CLI_PATH), args);
    if (!p.waitForFinished(120'000)) {
        p.kill();
        p.waitForFinished();
        return Run{-2, {}, QStringLiteral("timed out")};
    }
    return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -3,
               QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestCliWorkspaceTraps : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void specialFilesAreRefusedBeforeOpening_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("says");
        QTest::newRow("fifo.yaml") << QStringLiteral("fifo.yaml") << QStringLiteral("is a named pipe (FIFO), not a regular file");
        QTest::newRow("fifo.firedrill") << QStringLiteral("fifo.firedrill") << QStringLiteral("is a named pipe (FIFO)");
        QTest::newRow("fifo") << QStringLiteral("fifo") << QStringLiteral("is a named pipe (FIFO)");
        QTest::newRow("/dev/null") << QStringLiteral("/dev/null") << QStringLiteral("is a character device");
        QTest::newRow("folder") << QStringLiteral("folder.yaml") << QStringLiteral("is a folder, not a file");
    }

    void specialFilesAreRefusedBeforeOpening()
    {
        QFETCH(QString, name);
        QFETCH(QString, says);
        const QString path = name.startsWith(QLatin1Char('/')) ? name : m_dir.filePath(name);
        if (name.startsWith(QStringLiteral("fifo")) && !QFile::exists(path))
            QVERIFY(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
        if (name.startsWith(QStringLiteral("folder")))
            QVERIFY(QDir(m_dir.path()).mkpath(name));
        const QString out = m_dir.filePath(QStringLiteral("out.yaml"));
        const QList<QStringList> commands = {
            {QStringLiteral("validate"), path},
            {QStringLiteral("info"), path},
            {QStringLiteral("analyze"), path},
            {QStringLiteral("compare"), path, QStringLiteral("--workload"), QStringLiteral("sites")},
            {QStringLiteral("convert"), path, out},
            {QStringLiteral("simulate"), path, QStringLiteral("--scenario"), QStringLiteral("weu-down")},
            {QStringLiteral("montecarlo"), path, QStringLiteral("--years"), QStringLiteral("1")},
            {QStringLiteral("plan"), path, QStringLiteral("--workload"), QStringLiteral("sites"),
             QStringLiteral("--scenario"), QStringLiteral("weu-down")},
            {QStringLiteral("recover"), path},
            // Secondary inputs too: a price table and a Monte Carlo shard.
            {QStringLiteral("analyze"), sample("two-region.yaml"), QStringLiteral("--prices"), path},
            {QStringLiteral("merge"), sample("two-region.yaml"), path},
        };
        for (const QStringList& args : commands) {
            const Run r = cli(args);
            QVERIFY2(r.exitCode == 1, qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(" -> ") +
                                                 QString::number(r.exitCode) + QLatin1Char(' ') + r.err));
            QVERIFY2(r.err.contains(says), qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": ") + r.err));
        }
        QVERIFY(!QFile::exists(out));
    }

    void hotJournalIsRecoveredByTheCommandTheMessageGives()
    {
        const QString path = m_dir.filePath(QStringLiteral("hot.firedrill"));
        QVERIFY(cli({QStringLiteral("convert"), sample("two-region.yaml"), path}).exitCode == 0);
        QVERIFY(storetest::killMidSave(path.toStdString()));

        for (const QString& command : {QStringLiteral("validate"), QStringLiteral("info")}) {
            const Run r = cli({command, path});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(QStringLiteral("was not closed cleanly")), qPrintable(r.err));
            QVERIFY2(r.err.contains(QStringLiteral("To recover it, run: firedrill-cli recover ") + path),
                     qPrintable(r.err));
        }
        const Run recovered = cli({QStringLiteral("recover"), path});
        QCOMPARE(recovered.exitCode, 0);
        QVERIFY2(recovered.out.contains(QStringLiteral("recovered: the unfinished save a crash left in")),
                 qPrintable(recovered.out));
        QVERIFY2(recovered.out.contains(QStringLiteral("revision 1 (saved ")), qPrintable(recovered.out));
        QVERIFY2(recovered.out.contains(QStringLiteral("is intact and is the newest of 1 revision(s)")),
                 qPrintable(recovered.out));
        QVERIFY(!QFile::exists(path + QStringLiteral("-journal")));
        QVERIFY(!QFile::exists(path + QStringLiteral(".lock")));
        QCOMPARE(cli({QStringLiteral("validate"), path}).exitCode, 0);

        const Run again = cli({QStringLiteral("recover"), path, QStringLiteral("--json")});
        QCOMPARE(again.exitCode, 0);
        const QJsonObject j = QJsonDocument::fromJson(again.out.toUtf8()).object();
        QCOMPARE(j.value(QStringLiteral("recovered")).toBool(true), false);
        QCOMPARE(j.value(QStringLiteral("revisions")).toInt(), 1);
    }

    void validateAndInfoCheckEveryRevision()
    {
        const QString path = m_dir.filePath(QStringLiteral("damaged.firedrill"));
        QVERIFY(cli({QStringLiteral("convert"), sample("two-region.yaml"), path}).exitCode == 0);
        // A second revision, as a save would append it, then damage planted in the first one.
        QVERIFY(execOn(path, "INSERT INTO revisions (saved_at, note, author, app_version, topology_yaml, "
                             "topology_hash) SELECT '2027-01-05T09:00:00.000Z', 'second', author, app_version, "
                             "topology_yaml, topology_hash FROM revisions WHERE id = 1;"
                             "UPDATE revisions SET topology_hash = 'fnv1a64:0000000000000000' WHERE id = 1"));
        const Run v = cli({QStringLiteral("validate"), path});
        QCOMPARE(v.exitCode, 1);
        QVERIFY2(v.out.contains(QStringLiteral("invalid (1 error")), qPrintable(v.out));
        QVERIFY2(v.err.contains(QStringLiteral("Revision 1 (saved ")), qPrintable(v.err));
        QVERIFY2(v.err.contains(QStringLiteral("is damaged: its checksum does not match its text")), qPrintable(v.err));
        QVERIFY2(v.err.contains(QStringLiteral("[revision 1]")), qPrintable(v.err));

        const Run info = cli({QStringLiteral("info"), path});
        QCOMPARE(info.exitCode, 1);
        QVERIFY2(info.err.contains(QStringLiteral("Revision 1 (saved ")), qPrintable(info.err));
        QVERIFY2(info.out.contains(QStringLiteral("damage:      1 damaged item(s)")), qPrintable(info.out));
        QVERIFY2(info.out.contains(QStringLiteral("2 revision(s)")), qPrintable(info.out));
        const Run json = cli({QStringLiteral("info"), path, QStringLiteral("--json")});
        const QJsonObject j = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(j.value(QStringLiteral("valid")).toBool(true), false);
        QCOMPARE(j.value(QStringLiteral("workspace")).toObject().value(QStringLiteral("damaged_items")).toInt(), 1);

        // The commands that work on the newest revision still do.
        QCOMPARE(cli({QStringLiteral("analyze"), path}).exitCode, 0);
    }

    void appendedBytesAreNamed()
    {
        const QString path = m_dir.filePath(QStringLiteral("appended.firedrill"));
        QVERIFY(cli({QStringLiteral("convert"), sample("two-region.yaml"), path}).exitCode == 0);
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        QCOMPARE(file.write("garbage appended here"), qint64(21));
        file.close();
        const Run r = cli({QStringLiteral("validate"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("is not a whole SQLite database: it has 21 extra bytes after its "
                                               "last page")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("truncate -s ")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("probably truncated")), qPrintable(r.err));
    }

    void fullDiskDuringConvertNamesTheOutput()
    {
        const QString out = m_dir.filePath(QStringLiteral("full.firedrill"));
        const Run r = cliWithFileSizeLimit({QStringLiteral("convert"), sample("gas-trading.yaml"), out}, 20 * 1024);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Not enough disk space to write ") + out +
                                QStringLiteral("; nothing was changed.")),
                 qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("schema")), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
        const QStringList left = QDir(m_dir.path()).entryList({QStringLiteral("full.firedrill*")}, QDir::Files);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
    }

    void calendarDatesBeyondYear9999AreRefused()
    {
        const QStringList plan = {QStringLiteral("plan"), sample("two-region.yaml"), QStringLiteral("--workload"),
                                  QStringLiteral("sites"), QStringLiteral("--scenario"), QStringLiteral("weu-down"),
                                  QStringLiteral("--format"), QStringLiteral("ics")};
        const Run late = cli(plan + QStringList{QStringLiteral("--start"), QStringLiteral("9999-12-31T09:00Z"),
                                                QStringLiteral("--length"), QStringLiteral("31d")});
        QCOMPARE(late.exitCode, 2);
        QVERIFY2(late.err.contains(QStringLiteral("the drill would end after the year 9999")), qPrintable(late.err));
        QVERIFY(!late.out.contains(QStringLiteral("DTEND")));
        const Run early = cli(plan + QStringList{QStringLiteral("--start"), QStringLiteral("0001-01-01T00:00Z")});
        QCOMPARE(early.exitCode, 2);
        QVERIFY2(early.err.contains(QStringLiteral("the drill would start on 0001-01-01")), qPrintable(early.err));
        const Run fine = cli(plan + QStringList{QStringLiteral("--start"), QStringLiteral("9999-12-01T09:00Z")});
        QCOMPARE(fine.exitCode, 0);
        QVERIFY(fine.out.contains(QStringLiteral("DTEND:99991201T130000Z")));
        // A negative seed is refused, not wrapped to 2^64 - 1.
        const Run seed = cli(plan + QStringList{QStringLiteral("--seed"), QStringLiteral("-1")});
        QCOMPARE(seed.exitCode, 2);
        QVERIFY2(seed.err.contains(QStringLiteral("'-1' is not a whole number")), qPrintable(seed.err));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCliWorkspaceTraps)
#include "test_cli_workspace_traps.moc"
