#pragma once
// Runs the real firedrill-cli (FIREDRILL_CLI_PATH) as a script would and collects what it printed.

#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>

namespace firedrill::test {

/// What one run of firedrill-cli did.
struct Run
{
    int exitCode = -1; ///< -2: it hung and was killed; -3: it crashed
    QString out;
    QString err;
};

/// Runs firedrill-cli with `args`; gives up after 120 s (a hang guard, not a timing check: under the
/// sanitizers, analysing a generated 20,000-component chain takes tens of seconds on a busy machine).
inline Run cli(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(FIREDRILL_CLI_PATH), args);
    if (!p.waitForFinished(120'000)) {
        p.kill();
        p.waitForFinished();
        return Run{-2, {}, QStringLiteral("timed out")};
    }
    return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -3,
               QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

/// The path of a bundled sample, e.g. sample("two-region.yaml").
inline QString sample(const char* name)
{
    return QStringLiteral(FIREDRILL_SAMPLES_DIR "/") + QString::fromLatin1(name);
}

/// Writes a test input to `path`; fails the test when it cannot.
inline void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), qint64(bytes.size()));
}

} // namespace firedrill::test
