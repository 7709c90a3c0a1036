// firedrill-cli plan: drill plans as Markdown, YAML and iCalendar; exit codes 0 / 1 / 2; atomic output.
#include "CliRun.h"
#include "core/drill/PlanYaml.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace firedrill;

using firedrill::test::cli;
using firedrill::test::Run;
using firedrill::test::sample;

namespace {

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList gasRegion(const QStringList& more)
{
    return QStringList{QStringLiteral("plan"),       sample("gas-trading.yaml"),
                       QStringLiteral("--workload"), QStringLiteral("trading"),
                       QStringLiteral("--scenario"), QStringLiteral("drill-region")} +
           more;
}

} // namespace

class TestCliPlan : public QObject
{
    Q_OBJECT
private slots:
    void markdownOnStandardOutput()
    {
        const Run r = cli(gasRegion({}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.startsWith(QStringLiteral("# Drill: Trading and nominations")));
        QVERIFY(r.out.contains(QStringLiteral(
            "Wait for the grace period of sqlfg's failover group (1h) or force the failover")));
        QVERIFY(r.out.contains(QStringLiteral("Expected times from: the simulated replay")));
        const Run estimate = cli(gasRegion({QStringLiteral("--no-replay")}));
        QCOMPARE(estimate.exitCode, 0);
        QVERIFY(estimate.out.contains(QStringLiteral("Expected times from: the recovery estimate")));
    }

    void yamlFileReadsBackAndReplacesAtomically()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("plan.yaml"));
        QFile old(out);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old content\n");
        old.close();
        const Run r =
            cli(gasRegion({QStringLiteral("--format"), QStringLiteral("yaml"), QStringLiteral("-o"), out}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("plan trading-drill-region:")));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
                 QStringList{QStringLiteral("plan.yaml")}); // no temp left
        const QByteArray text = readFile(out);
        QVERIFY(text.startsWith("drill_plan: 1\n"));
        const auto plan = readPlanYaml(text.toStdString(), out.toStdString());
        QVERIFY(plan.ok());
        QCOMPARE(plan.plan->workload, std::string("trading"));
        QCOMPARE(plan.plan->timing, TimingSource::Replay);
        QVERIFY(plan.plan->steps.size() > 5);
    }

    void htmlPage()
    {
        const Run r = cli(
            gasRegion({QStringLiteral("--format"), QStringLiteral("html"), QStringLiteral("--no-replay")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(r.out.contains(QStringLiteral("<h2>Runbook</h2>")));
        QVERIFY(r.out.contains(QStringLiteral(
            "Wait for the grace period of sqlfg&#39;s failover group (1h) or force the failover")));
    }

    void icsSchedule()
    {
        const Run r =
            cli(gasRegion({QStringLiteral("--format"), QStringLiteral("ics"), QStringLiteral("--start"),
                           QStringLiteral("2027-01-01T09:00Z"), QStringLiteral("--recurrence"),
                           QStringLiteral("quarterly on the first tuesday"), QStringLiteral("--length"),
                           QStringLiteral("3h")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.startsWith(QStringLiteral("BEGIN:VCALENDAR\r\n")));
        QVERIFY(r.out.contains(QStringLiteral("\r\nDTSTART:20270105T090000Z\r\n")));
        QVERIFY(r.out.contains(QStringLiteral("\r\nDTEND:20270105T120000Z\r\n")));
        QVERIFY(r.out.contains(QStringLiteral("\r\nRRULE:FREQ=MONTHLY;INTERVAL=3;BYDAY=1TU\r\n")));
        QVERIFY(r.out.contains(QStringLiteral("\r\nUID:trading-drill-region@firedrill\r\n")));
    }

    void usageErrorsExitTwo()
    {
        const Run noStart = cli(gasRegion({QStringLiteral("--format"), QStringLiteral("ics")}));
        QCOMPARE(noStart.exitCode, 2);
        QVERIFY(noStart.err.contains(QStringLiteral("needs --start")));
        const Run badRecurrence =
            cli(gasRegion({QStringLiteral("--format"), QStringLiteral("ics"), QStringLiteral("--start"),
                           QStringLiteral("2027-01-01T09:00Z"), QStringLiteral("--recurrence"),
                           QStringLiteral("fortnightly")}));
        QCOMPARE(badRecurrence.exitCode, 2);
        QVERIFY(badRecurrence.err.contains(QStringLiteral("is not a recurrence")));
        const Run pdf = cli(gasRegion({QStringLiteral("--format"), QStringLiteral("pdf")}));
        QCOMPARE(pdf.exitCode, 2);
        QVERIFY(pdf.err.contains(QStringLiteral("needs -o")));
        QCOMPARE(cli(gasRegion({QStringLiteral("--format"), QStringLiteral("docx")})).exitCode, 2);
        QCOMPARE(cli(gasRegion({QStringLiteral("--mode"), QStringLiteral("sometimes")})).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("plan"), sample("gas-trading.yaml"), QStringLiteral("--scenario"),
                      QStringLiteral("drill-region")})
                     .exitCode,
                 2);
    }

    void pdfIsPrintedByTheDesktopApplication()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("region-drill.pdf"));
        const Run r = cli(gasRegion({QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("-o"), out}));
#ifdef FIREDRILL_GUI_BUILT
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QByteArray pdf = readFile(out);
        QVERIFY(pdf.startsWith("%PDF-"));
        const auto pages = QString::fromLatin1(pdf).count(QRegularExpression(QStringLiteral("/Type\\s*/Page(?!s)")));
        QVERIFY2(pages > 1, qPrintable(QString::number(pages)));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1); // nothing else left
#else
        // Without the desktop application there is nothing to print with: a usage error that says so.
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("desktop application")));
        QVERIFY(!QFile::exists(out));
#endif
    }

    void badInputExitsOne()
    {
        const Run workload =
            cli({QStringLiteral("plan"), sample("gas-trading.yaml"), QStringLiteral("--workload"),
                 QStringLiteral("nope"), QStringLiteral("--scenario"), QStringLiteral("drill-region")});
        QCOMPARE(workload.exitCode, 1);
        QVERIFY(workload.err.contains(QStringLiteral("no workload \"nope\"")));
        const Run scenario =
            cli({QStringLiteral("plan"), sample("gas-trading.yaml"), QStringLiteral("--workload"),
                 QStringLiteral("trading"), QStringLiteral("--scenario"), QStringLiteral("nope")});
        QCOMPARE(scenario.exitCode, 1);
        QVERIFY(scenario.err.contains(QStringLiteral("no scenario \"nope\"")));
        QTemporaryDir dir;
        const QString broken = dir.filePath(QStringLiteral("broken.yaml"));
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("firedrill: 1\nname: [\n");
        f.close();
        QCOMPARE(cli({QStringLiteral("plan"), broken, QStringLiteral("--workload"), QStringLiteral("a"),
                      QStringLiteral("--scenario"), QStringLiteral("b")})
                     .exitCode,
                 1);
        const Run unwritable =
            cli(gasRegion({QStringLiteral("-o"), dir.filePath(QStringLiteral("missing/plan.md"))}));
        QCOMPARE(unwritable.exitCode, 1);
        QVERIFY(!unwritable.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliPlan)
#include "test_cli_plan.moc"
