// Valid but hostile: no output option or file-system trap overwrites anything, and no name, key or note
// from a file reaches the terminal as a control sequence.
#include "CliRun.h"

#include <QtTest>

#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace firedrill::test;

namespace {

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

mode_t typeOf(const QString& path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & S_IFMT) : 0;
}

/// The bundled two-region sample with ESC / BEL / C1 sequences in its name, a workload name, a scenario
/// name and an unknown key.
QByteArray hostileTopology()
{
    QByteArray text = readFile(sample("two-region.yaml"));
    text.replace("\nname: Two-region web platform with SQL Server Always On\n",
                 "\nname: \"evil \\e]0;pwned\\a \\u009b31m\"\n\"bad\\e[2Jkey\": 1\n");
    text.replace("name: Customer web sites", "name: \"Customer \\e[2J web sites\"");
    text.replace("name: West Europe region outage during business hours", "name: \"Outage \\e]0;pwned\\a\"");
    return text;
}

/// A pid that no process has: a child that has already exited and been reaped.
pid_t deadPid()
{
    const pid_t child = ::fork();
    if (child == 0)
        ::_exit(0);
    int status = 0;
    ::waitpid(child, &status, 0);
    return child;
}

/// No control character a terminal acts on (C0 but tab and newline, DEL, UTF-8 encoded C1).
bool terminalClean(const QString& text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != '\t' && u != '\n') || (u >= 0x7F && u <= 0x9F))
            return false;
    }
    return true;
}

} // namespace

class TestCliTraps : public QObject
{
    Q_OBJECT
private slots:
    void planAndConvertWriteIntoAFifoWithoutReplacingIt()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("out.yaml"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        // The reader is open before the writer, so neither blocks; the text stays in the pipe's buffer.
        const int reader = ::open(QFile::encodeName(fifo).constData(), O_RDONLY | O_NONBLOCK);
        QVERIFY(reader >= 0);

        Run r = cli({QStringLiteral("plan"), sample("two-region.yaml"), QStringLiteral("--workload"), QStringLiteral("sites"),
                     QStringLiteral("--scenario"), QStringLiteral("weu-down"), QStringLiteral("-o"), fifo});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(typeOf(fifo), mode_t(S_IFIFO));
        char buf[256] = {};
        const ssize_t n = ::read(reader, buf, sizeof buf - 1);
        QVERIFY(n > 0);
        QVERIFY(QByteArray(buf).startsWith("# Drill:"));
        while (::read(reader, buf, sizeof buf) > 0) {
        }

        r = cli({QStringLiteral("convert"), sample("two-region.yaml"), fifo});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(typeOf(fifo), mode_t(S_IFIFO));
        QVERIFY(::read(reader, buf, sizeof buf) > 0);
        ::close(reader);

        // A workspace is a database: it cannot go into a FIFO, and the FIFO stays.
        const QString fifoWs = dir.filePath(QStringLiteral("out.firedrill"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifoWs).constData(), 0600), 0);
        r = cli({QStringLiteral("convert"), sample("two-region.yaml"), fifoWs, QStringLiteral("--force")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("refusing")), qPrintable(r.err));
        QCOMPARE(typeOf(fifoWs), mode_t(S_IFIFO));
    }

    void aDirectoryAsTargetIsRefused()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("plan.md"));
        QVERIFY(QDir().mkdir(target));
        Run r = cli({QStringLiteral("plan"), sample("two-region.yaml"), QStringLiteral("--workload"), QStringLiteral("sites"),
                     QStringLiteral("--scenario"), QStringLiteral("weu-down"), QStringLiteral("-o"), target});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("is a directory")), qPrintable(r.err));
        const QString yamlDir = dir.filePath(QStringLiteral("d.yaml"));
        QVERIFY(QDir().mkdir(yamlDir));
        r = cli({QStringLiteral("convert"), sample("two-region.yaml"), yamlDir, QStringLiteral("--force")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(typeOf(target), mode_t(S_IFDIR));
        QCOMPARE(typeOf(yamlDir), mode_t(S_IFDIR));

        // The desktop application writes a PDF as a regular file: a device as its target is refused first.
        r = cli({QStringLiteral("plan"), sample("two-region.yaml"), QStringLiteral("--workload"), QStringLiteral("sites"),
                 QStringLiteral("--scenario"), QStringLiteral("weu-down"), QStringLiteral("--format"), QStringLiteral("pdf"),
                 QStringLiteral("-o"), QStringLiteral("/dev/null")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("refusing")), qPrintable(r.err));
    }

    void aFullDeviceFailsAndStaysADevice()
    {
        if (typeOf(QStringLiteral("/dev/full")) != S_IFCHR)
            QSKIP("no /dev/full here");
        Run r = cli({QStringLiteral("plan"), sample("two-region.yaml"), QStringLiteral("--workload"), QStringLiteral("sites"),
                     QStringLiteral("--scenario"), QStringLiteral("weu-down"), QStringLiteral("-o"), QStringLiteral("/dev/full")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("No space left")), qPrintable(r.err));
        QCOMPARE(typeOf(QStringLiteral("/dev/full")), mode_t(S_IFCHR));

        // Through a symbolic link named like a YAML file, and as one of simulate's CSV files.
        QTemporaryDir dir;
        const QString link = dir.filePath(QStringLiteral("full.yaml"));
        QVERIFY(QFile::link(QStringLiteral("/dev/full"), link));
        r = cli({QStringLiteral("convert"), sample("two-region.yaml"), link});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(QFileInfo(link).isSymLink());

        const QString csv = dir.filePath(QStringLiteral("csv"));
        QVERIFY(QDir().mkdir(csv));
        QVERIFY(QFile::link(QStringLiteral("/dev/full"), csv + QStringLiteral("/sites-availability.csv")));
        r = cli({QStringLiteral("simulate"), sample("two-region.yaml"), QStringLiteral("--scenario"), QStringLiteral("weu-down"),
                 QStringLiteral("--csv"), csv});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("No space left")), qPrintable(r.err));
        for (const QString& name : QDir(csv).entryList(QDir::Files | QDir::System))
            QVERIFY2(!name.contains(QStringLiteral(".tmp-")), qPrintable(name));
    }

    void aSymlinkPlantedAtATempNameIsNeverFollowed()
    {
        QTemporaryDir dir;
        const QString victim = dir.filePath(QStringLiteral("victim.txt"));
        writeFile(victim, "precious\n");
        // The old writer used "<out>.tmp-<pid>": plant that name for the pids the child is likely to get.
        const QString out = dir.filePath(QStringLiteral("out.yaml"));
        for (pid_t pid = ::getpid() + 1; pid < ::getpid() + 300; ++pid)
            QVERIFY(QFile::link(victim, out + QStringLiteral(".tmp-") + QString::number(pid)));
        const Run r = cli({QStringLiteral("convert"), sample("two-region.yaml"), out});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(readFile(victim), QByteArray("precious\n"));
        QVERIFY(!QFileInfo(out).isSymLink());
        QVERIFY(readFile(out).contains("firedrill: 1"));
    }

    void staleTempFilesOfDeadWritersAreRemoved()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("out.yaml"));
        const QString dead = out + QStringLiteral(".tmp-") + QString::number(deadPid());
        const QString alive = out + QStringLiteral(".tmp-") + QString::number(::getpid()) + QStringLiteral("-keepmine");
        const QString victim = dir.filePath(QStringLiteral("victim.txt"));
        writeFile(dead + QStringLiteral("-abcdefgh"), "half a file");
        writeFile(dead, "half a file from the old naming");
        writeFile(alive, "a live writer's file");
        writeFile(victim, "precious\n");
        QVERIFY(QFile::link(victim, dead + QStringLiteral("-link")));

        const Run r = cli({QStringLiteral("convert"), sample("two-region.yaml"), out});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!QFileInfo::exists(dead + QStringLiteral("-abcdefgh")));
        QVERIFY(!QFileInfo::exists(dead));
        QVERIFY(QFileInfo::exists(alive));
        QVERIFY(QFileInfo(dead + QStringLiteral("-link")).isSymLink()); // not a file of ours: left alone
        QCOMPARE(readFile(victim), QByteArray("precious\n"));
    }

    void controlSequencesReachTheTerminalEscaped()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("evil.yaml"));
        writeFile(file, hostileTopology());
        const QString ws = dir.filePath(QStringLiteral("evil.firedrill"));
        Run r = cli({QStringLiteral("convert"), file, ws, QStringLiteral("--note"), QStringLiteral("note \x1b]0;pwned\x07")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(terminalClean(r.out + r.err), qPrintable(r.err));

        const QList<QStringList> commands = {
            {QStringLiteral("validate"), file},
            {QStringLiteral("info"), file},
            {QStringLiteral("info"), ws},
            {QStringLiteral("analyze"), file},
            {QStringLiteral("compare"), file, QStringLiteral("--workload"), QStringLiteral("sites")},
            {QStringLiteral("simulate"), file, QStringLiteral("--scenario"), QStringLiteral("weu-down")},
            {QStringLiteral("montecarlo"), file, QStringLiteral("--years"), QStringLiteral("20")},
        };
        for (const QStringList& args : commands) {
            r = cli(args);
            QVERIFY2(r.exitCode == 0, qPrintable(args.join(u' ') + QStringLiteral(": ") + r.err));
            QVERIFY2(terminalClean(r.out), qPrintable(args.join(u' ')));
            QVERIFY2(terminalClean(r.err), qPrintable(args.join(u' ')));
        }
        // File names and arguments quoted by error messages, usage errors included.
        r = cli({QStringLiteral("validate"), dir.filePath(QStringLiteral("no\x1b[2Jsuch.yaml"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(terminalClean(r.out + r.err) && r.err.contains(QStringLiteral("no\\x1b[2Jsuch")), qPrintable(r.err));
        r = cli({QStringLiteral("info"), file, QStringLiteral("extra\x1b]0;pwned\x07")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(terminalClean(r.out + r.err), qPrintable(r.err));

        r = cli({QStringLiteral("validate"), file});
        QVERIFY2(r.err.contains(QStringLiteral("bad\\x1b[2Jkey")), qPrintable(r.err));
        r = cli({QStringLiteral("info"), file});
        QVERIFY2(r.out.contains(QStringLiteral("evil \\x1b]0;pwned\\x07 \\u009b31m")), qPrintable(r.out));
        r = cli({QStringLiteral("info"), ws});
        QVERIFY2(r.out.contains(QStringLiteral("note \\x1b]0;pwned\\x07")), qPrintable(r.out));

        // A plan written into a terminal device (-o /dev/tty) is escaped too.
        const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
        if (master >= 0 && ::grantpt(master) == 0 && ::unlockpt(master) == 0 && ::ptsname(master)) {
            ::fcntl(master, F_SETFL, ::fcntl(master, F_GETFL) | O_NONBLOCK);
            QProcess p;
            p.start(QStringLiteral(FIREDRILL_CLI_PATH),
                    {QStringLiteral("plan"), file, QStringLiteral("--workload"), QStringLiteral("sites"),
                     QStringLiteral("--scenario"), QStringLiteral("weu-down"), QStringLiteral("-o"),
                     QString::fromLocal8Bit(::ptsname(master))});
            QByteArray seen;
            char buf[4096];
            for (int i = 0; i < 600 && !p.waitForFinished(50); ++i)
                for (ssize_t n; (n = ::read(master, buf, sizeof buf)) > 0;)
                    seen.append(buf, static_cast<qsizetype>(n));
            for (ssize_t n; (n = ::read(master, buf, sizeof buf)) > 0;)
                seen.append(buf, static_cast<qsizetype>(n));
            QCOMPARE(p.exitCode(), 0);
            QVERIFY2(seen.contains("Customer \\x1b[2J web sites"), seen.left(300).constData());
            QVERIFY(!seen.contains('\x1b'));
        }
        if (master >= 0)
            ::close(master);

        // --json keeps the real text, in standard JSON escaping.
        r = cli({QStringLiteral("info"), ws, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error{};
        const QJsonDocument json = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(r.out.contains(QStringLiteral("\\u001b]0;pwned\\u0007")));
    }
};

QTEST_GUILESS_MAIN(TestCliTraps)
#include "test_cli_traps.moc"
