// Exports under a crash and a full disk. export_writer exports through the application's code (topology
// YAML through Document::exportYaml; plan Markdown, HTML, YAML and PDF through PlanExport) and is killed
// with SIGKILL at random moments: the target must hold the file as it was before, or a complete export,
// never a part; every file the kill left beside it is counted. On a full disk (the writer runs with
// RLIMIT_FSIZE) the export must fail with a message naming the file and the reason, leaving the target
// unchanged and nothing beside it. FIREDRILL_EXPORT_KILLS sets the kills per kind (default 50),
// FIREDRILL_EXPORT_SEED the random seed (printed, so a failure can be replayed).

#include "ExportCases.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <chrono>
#include <cstring>
#include <random>
#include <thread>

namespace {

const QString kWriter = QStringLiteral(FIREDRILL_EXPORT_WRITER);
const QByteArray kBefore = "The file as it was before the export.\n";

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

/// The last "begin N" and "ack N" the writer printed (0: none).
struct Reported
{
    int begun = 0;
    int acked = 0;
};

Reported parseReport(const QByteArray& output)
{
    Reported r;
    for (const QByteArray& line : output.split('\n')) {
        if (line.startsWith("begin "))
            r.begun = line.mid(6).toInt();
        else if (line.startsWith("ack "))
            r.acked = line.mid(4).toInt();
    }
    return r;
}

/// Starts the writer on `kind` and `target` and waits until it is ready to export.
bool startWriter(QProcess& writer, const QString& kind, const QString& target)
{
    writer.start(kWriter, {kind, target});
    if (!writer.waitForStarted())
        return false;
    QByteArray output;
    while (!output.contains("ready\n")) {
        if (!writer.waitForReadyRead(30000))
            return false;
        output += writer.readAllStandardOutput();
    }
    return true;
}

/// What the kills left, summed over one kind.
struct Tally
{
    int kills = 0;
    int unchanged = 0; ///< the target still held the bytes from before the first export
    int complete = 0;  ///< the target held a complete export (the last acknowledged or the one in flight)
    int leftovers = 0; ///< files other than the target left in the folder
};

/// A PDF holds its creation time and a random document id, also inside compressed streams: a complete
/// export has the reference's length, starts as a PDF, ends with %%EOF, and its startxref points at its
/// cross-reference table.
bool samePdf(const QByteArray& bytes, const QByteArray& reference)
{
    if (bytes.size() != reference.size() || !bytes.startsWith("%PDF-") || !bytes.trimmed().endsWith("%%EOF"))
        return false;
    const qsizetype at = bytes.lastIndexOf("startxref");
    if (at < 0)
        return false;
    bool ok = false;
    const qsizetype xref = bytes.mid(at + 9).trimmed().split('\n').value(0).trimmed().toLongLong(&ok);
    return ok && bytes.mid(xref, 4) == "xref";
}

} // namespace

class TestExportCrash : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void killedExportLeavesTargetWhole_data();
    void killedExportLeavesTargetWhole();
    void staleTemporaryIsRemovedByTheNextExport_data();
    void staleTemporaryIsRemovedByTheNextExport();
    void fullDiskExportFailsCleanly_data();
    void fullDiskExportFailsCleanly();

private:
    /// Export number `n` of `kind`, written by this process as a reference.
    QByteArray reference(const QString& kind, int n);
    bool matches(const QString& kind, int n, const QByteArray& bytes);

    QTemporaryDir m_refDir;
    std::unique_ptr<exportcase::Sources> m_sources;
    QMap<QString, QByteArray> m_references;
    std::mt19937 m_random;
};

void TestExportCrash::initTestCase()
{
    m_sources = std::make_unique<exportcase::Sources>();
    QVERIFY(m_sources->ok());
    QVERIFY(m_refDir.isValid());
    const QByteArray seedText = qgetenv("FIREDRILL_EXPORT_SEED");
    const unsigned seed = seedText.isEmpty() ? std::random_device{}() : seedText.toUInt();
    qInfo("FIREDRILL_EXPORT_SEED=%u", seed);
    m_random.seed(seed);
}

QByteArray TestExportCrash::reference(const QString& kind, int n)
{
    const QString key = kind + QLatin1Char('#') + QString::number(n);
    if (!m_references.contains(key)) {
        const QString path = m_refDir.filePath(key);
        if (!m_sources->write(kind, n, path))
            return {};
        m_references.insert(key, readAll(path));
    }
    return m_references.value(key);
}

bool TestExportCrash::matches(const QString& kind, int n, const QByteArray& bytes)
{
    const QByteArray expected = reference(kind, n);
    if (expected.isEmpty())
        return false;
    return kind == QStringLiteral("plan-pdf") ? samePdf(bytes, expected) : bytes == expected;
}

void TestExportCrash::killedExportLeavesTargetWhole_data()
{
    QTest::addColumn<QString>("kind");
    for (const QString& kind : exportcase::kinds())
        QTest::newRow(kind.toUtf8().constData()) << kind;
}

void TestExportCrash::killedExportLeavesTargetWhole()
{
    QFETCH(QString, kind);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString name = exportcase::fileName(kind);
    const QString target = dir.filePath(name);

    // The window: how long the writer takes from "go" to its second export returning.
    QVERIFY(writeAll(target, kBefore));
    qint64 windowUs = 0;
    {
        QProcess writer;
        QVERIFY(startWriter(writer, kind, target));
        QElapsedTimer clock;
        clock.start();
        writer.write("\n");
        QByteArray output;
        while (parseReport(output).acked < 2) {
            QVERIFY2(writer.waitForReadyRead(30000), output.constData());
            output += writer.readAllStandardOutput();
        }
        windowUs = clock.nsecsElapsed() / 1000;
        writer.kill();
        writer.waitForFinished();
    }

    const int kills = qEnvironmentVariableIsSet("FIREDRILL_EXPORT_KILLS")
                          ? qEnvironmentVariableIntValue("FIREDRILL_EXPORT_KILLS")
                          : 50;
    std::uniform_int_distribution<qint64> delay(0, windowUs);
    Tally tally;
    for (int k = 0; k < kills; ++k) {
        for (const QString& entry : QDir(dir.path()).entryList(QDir::Files | QDir::Hidden))
            QVERIFY(QFile::remove(dir.filePath(entry)));
        QVERIFY(writeAll(target, kBefore));

        QProcess writer;
        QVERIFY(startWriter(writer, kind, target));
        writer.write("\n");
        writer.waitForBytesWritten();
        std::this_thread::sleep_for(std::chrono::microseconds(delay(m_random)));
        writer.kill();
        QVERIFY(writer.waitForFinished(30000));
        const Reported r = parseReport(writer.readAllStandardOutput());
        ++tally.kills;

        const QByteArray bytes = readAll(target);
        if (bytes == kBefore) {
            QVERIFY2(r.acked == 0,
                     qPrintable(QStringLiteral("kill %1: export %2 was acknowledged but the target "
                                               "is unchanged")
                                    .arg(k)
                                    .arg(r.acked)));
            ++tally.unchanged;
        } else {
            const bool whole = (r.acked > 0 && matches(kind, r.acked, bytes)) ||
                               (r.begun > r.acked && matches(kind, r.begun, bytes));
            QVERIFY2(whole,
                     qPrintable(QStringLiteral("kill %1 (begun %2, acknowledged %3): the target holds %4 "
                                               "bytes that are neither the old file nor a whole export")
                                    .arg(k)
                                    .arg(r.begun)
                                    .arg(r.acked)
                                    .arg(bytes.size())));
            ++tally.complete;
        }
        const QStringList others =
            QDir(dir.path())
                .entryList(QDir::Files | QDir::Hidden)
                .filter(QRegularExpression(QStringLiteral("^(?!%1$)").arg(QRegularExpression::escape(name))));
        for (const QString& other : others)
            QVERIFY2(other.startsWith(name + QLatin1Char('.')),
                     qPrintable(other)); // QSaveFile's own names only
        tally.leftovers += static_cast<int>(others.size());
        if (!others.isEmpty()) { // the next export removes what the kill left
            QVERIFY(m_sources->write(kind, 1, target));
            QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{name});
        }
    }
    qInfo(
        "%s: %d kills within %lld us, target unchanged %d, a whole export %d, temporary files left beside it "
        "(removed by the next export) %d",
        qPrintable(kind), tally.kills, windowUs, tally.unchanged, tally.complete, tally.leftovers);
    QVERIFY(tally.unchanged > 0); // kills landed before the first export replaced the file ...
    QVERIFY(tally.complete > 0);  // ... and after
}

void TestExportCrash::staleTemporaryIsRemovedByTheNextExport_data()
{
    killedExportLeavesTargetWhole_data();
}

void TestExportCrash::staleTemporaryIsRemovedByTheNextExport()
{
    QFETCH(QString, kind);
    QTemporaryDir dir;
    const QString name = exportcase::fileName(kind);
    const QStringList planted = {name + QStringLiteral(".Ab12Cd"), name + QStringLiteral(".keep-me"),
                                 QStringLiteral("other.txt.Ab12Cd")};
    for (const QString& file : planted)
        QVERIFY(writeAll(dir.filePath(file), "half an export"));
    QVERIFY(m_sources->write(kind, 1, dir.filePath(name)));
    QStringList expected = {name, planted[1], planted[2]};
    expected.sort();
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden, QDir::Name), expected);
    QVERIFY(matches(kind, 1, readAll(dir.filePath(name))));
}

void TestExportCrash::fullDiskExportFailsCleanly_data()
{
    killedExportLeavesTargetWhole_data();
}

void TestExportCrash::fullDiskExportFailsCleanly()
{
    QFETCH(QString, kind);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString target = dir.filePath(exportcase::fileName(kind));
    QVERIFY(writeAll(target, kBefore));
    QVERIFY(reference(kind, 1).size() > 256); // so the limit below cuts it short

    QProcess writer;
    writer.start(kWriter, {kind, target, QStringLiteral("256")});
    QVERIFY(writer.waitForFinished(30000));
    const QString output = QString::fromUtf8(writer.readAllStandardOutput()).trimmed();
    QCOMPARE(writer.exitStatus(), QProcess::NormalExit);
    QCOMPARE(writer.exitCode(), 2);
    QVERIFY2(output.startsWith(QStringLiteral("error ")), qPrintable(output));
    QVERIFY2(output.contains(target), qPrintable(output));                                       // which file
    QVERIFY2(output.contains(QString::fromLocal8Bit(std::strerror(EFBIG))), qPrintable(output)); // and why
    QCOMPARE(readAll(target), kBefore);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{exportcase::fileName(kind)});
}

QTEST_MAIN(TestExportCrash)
#include "test_export_crash.moc"
