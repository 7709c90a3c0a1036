// Exports of drill plans and schedules: Markdown, YAML (read back to an equal plan) and iCalendar.
#include "DrillTestSupport.h"
#include "core/drill/DrillPlanGenerator.h"
#include "core/drill/ICalendarWriter.h"
#include "core/drill/PlanHtml.h"
#include "core/drill/PlanMarkdown.h"
#include "core/drill/PlanYaml.h"
#include "core/drill/UtcTime.h"

#include <QDir>
#include <QXmlStreamReader>
#include <QtTest>

#ifdef FIREDRILL_HAVE_LIBICAL
#include <libical/ical.h>
#endif

using namespace firedrill;
using namespace std::chrono;

namespace {

DrillPlan gasRegionPlan()
{
    const Topology t = drilltest::sample("gas-trading.yaml");
    return *generateDrillPlan(t, WorkloadId("trading"), ScenarioId("drill-region"));
}

std::string dump(const std::vector<Diagnostic>& diagnostics)
{
    std::string out;
    for (const auto& d : diagnostics)
        out += d.format() + "\n";
    return out;
}

DrillSchedule quarterlySchedule()
{
    DrillSchedule s;
    s.id = "trading-drill-region-q";
    s.planId = "trading-drill-region";
    s.title = "Region drill; trading, nominations \\ settlement";
    s.description = "Fail over to North Europe — the failover group waits 1 hour; force it if the incident "
                    "commander decides so.\nBridge opens 30 minutes before.";
    s.location = "Bridge: https://meet.example.org/drill?room=7;pin=1";
    s.start = *parseUtc("2027-01-01T09:00Z");
    s.length = Duration::hours(4);
    s.recurrence = *parseRecurrence("quarterly on the first tuesday");
    s.participants = {{"Alice Example", "alice@example.org", DrillRole::IncidentCommander},
                      {"Bob, DBA", "bob@example.org", DrillRole::Dba},
                      {"Observer without mail", "", DrillRole::Observer}};
    return s;
}

/// The iCalendar text with folded lines joined again (RFC 5545 section 3.1).
std::string unfold(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 3, "\r\n ") == 0) {
            i += 2;
            continue;
        }
        out += text[i];
    }
    return out;
}

} // namespace

class TestDrillExport : public QObject
{
    Q_OBJECT
private slots:
    void markdownHasEverySection()
    {
        const DrillPlan p = gasRegionPlan();
        const std::string md = planToMarkdown(p);
        QVERIFY(md.rfind("# " + p.title + "\n", 0) == 0);
        for (const char* section :
             {"## Objective", "## Scope and blast radius", "## Roles", "## Pre-checks", "## Runbook",
              "## Success criteria", "## Rollback and failback", "## Communication"})
            QVERIFY2(md.find(section) != std::string::npos, section);
        for (const auto& s : p.steps)
            QVERIFY2(md.find("| " + std::to_string(s.number) + " | **" + s.title + "**") != std::string::npos,
                     s.title.c_str());
        QVERIFY(md.find("| 1h | 1h 30s |") != std::string::npos); // the grace period: 1h, done at 1h 30s
    }

    void htmlIsWellFormedAndEscaped()
    {
        DrillPlan p = gasRegionPlan();
        p.title = "Drill <script>alert(\"x\")</script> & more";
        const std::string html = planToHtml(p);
        QVERIFY(html.find("<script>") == std::string::npos);
        QVERIFY(html.find("<h1>Drill &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more</h1>") !=
                std::string::npos);
        // Well-formed: an XML reader walks it to the end without an error, and finds one row per step.
        QXmlStreamReader xml(QByteArray::fromStdString(html));
        int cells = 0;
        QStringList strong;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QStringLiteral("strong"))
                strong << xml.readElementText();
            if (xml.isStartElement() && xml.name() == QStringLiteral("td"))
                ++cells;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(cells > 0);
        for (const auto& s : p.steps)
            QVERIFY2(strong.contains(QString::fromStdString(s.title)), s.title.c_str());
    }

    void yamlRoundTripsEveryPlan_data()
    {
        QTest::addColumn<QString>("file");
        for (const auto& f :
             QDir(QStringLiteral(FIREDRILL_SAMPLES_DIR)).entryList({QStringLiteral("*.yaml")}, QDir::Files))
            QTest::newRow(qPrintable(f)) << f;
    }
    void yamlRoundTripsEveryPlan()
    {
        QFETCH(QString, file);
        const Topology t = drilltest::sample(file.toStdString());
        for (const auto& w : t.workloads)
            for (const auto& s : t.scenarios) {
                const DrillPlan p = *generateDrillPlan(t, w.id, s.id);
                const std::string yaml = planToYaml(p);
                const auto back = readPlanYaml(yaml, "plan.yaml");
                QVERIFY2(back.ok(), dump(back.diagnostics).c_str());
                QVERIFY2(back.diagnostics.empty(), dump(back.diagnostics).c_str());
                QVERIFY2(*back.plan == p, (w.id.str() + " / " + s.id.str()).c_str());
                QCOMPARE(planToYaml(*back.plan), yaml);
            }
    }

    void yamlErrorsNameLineAndColumn()
    {
        const DrillPlan p = gasRegionPlan();
        std::string yaml = planToYaml(p);
        const std::size_t at = yaml.find("owner: dba");
        QVERIFY(at != std::string::npos);
        yaml.replace(at, 10, "owner: chef");
        const int line =
            static_cast<int>(std::count(yaml.begin(), yaml.begin() + static_cast<long>(at), '\n')) + 1;
        const auto back = readPlanYaml(yaml, "plan.yaml");
        QVERIFY(!back.ok());
        QCOMPARE(back.diagnostics.size(), std::size_t(1));
        QCOMPARE(back.diagnostics[0].where.line, line);
        QVERIFY(back.diagnostics[0].message.find("'chef' is not a valid owner") != std::string::npos);

        const auto missing = readPlanYaml("drill_plan: 1\ntitle: x\n", "bare.yaml");
        QVERIFY(!missing.ok());
        QVERIFY(dump(missing.diagnostics).find("needs 'id'") != std::string::npos);
        const auto newer = readPlanYaml("drill_plan: 99\nid: a\nworkload: w\nscenario: s\n", "new.yaml");
        QVERIFY(!newer.ok());
        QCOMPARE(newer.diagnostics[0].code, std::string("newer-format"));
    }

    void icsFollowsRfc5545()
    {
        const std::vector<DrillSchedule> schedules{quarterlySchedule()};
        const auto stamp = *parseUtc("2026-11-21T10:00Z");
        const auto ics = schedulesToICalendar(schedules, stamp);
        QVERIFY(ics.ok());
        const std::string& text = *ics;
        // Every line ends in CRLF and holds at most 75 octets.
        QVERIFY(text.size() > 2 && text.compare(text.size() - 2, 2, "\r\n") == 0);
        std::size_t start = 0;
        int folded = 0;
        while (start < text.size()) {
            const std::size_t end = text.find("\r\n", start);
            QVERIFY(end != std::string::npos);
            const std::string line = text.substr(start, end - start);
            QVERIFY2(line.size() <= 75, line.c_str());
            QVERIFY2(line.find('\n') == std::string::npos && line.find('\r') == std::string::npos,
                     line.c_str());
            if (!line.empty() && line[0] == ' ')
                ++folded;
            start = end + 2;
        }
        QVERIFY(folded > 0); // the description is long enough to fold
        const std::string flat = unfold(text);
        QVERIFY(flat.find("SUMMARY:Region drill\\; trading\\, nominations \\\\ settlement\r\n") !=
                std::string::npos);
        QVERIFY(flat.find("decides so.\\nBridge opens") != std::string::npos);
        QVERIFY(flat.find("DTSTART:20270105T090000Z\r\n") !=
                std::string::npos); // the first Tuesday, not the 1st
        QVERIFY(flat.find("DTEND:20270105T130000Z\r\n") != std::string::npos); // four hours
        QVERIFY(flat.find("RRULE:FREQ=MONTHLY;INTERVAL=3;BYDAY=1TU\r\n") != std::string::npos);
        QVERIFY(flat.find("UID:trading-drill-region-q@firedrill\r\n") != std::string::npos);
        QVERIFY(flat.find("DTSTAMP:20261121T100000Z\r\n") != std::string::npos);
        QVERIFY(flat.find("ATTENDEE;CN=\"Bob, DBA\";ROLE=REQ-PARTICIPANT:mailto:bob@example.org") !=
                std::string::npos);
        QVERIFY(flat.find("Observer without mail") == std::string::npos);
        // Stable: the same schedule exports to the same text.
        QCOMPARE(*schedulesToICalendar(schedules, stamp), text);
    }

    void icsFoldingKeepsUtf8Whole()
    {
        const std::string line = "DESCRIPTION:" + std::string(40, 'x') + std::string(20, ' ') + "—————";
        const std::string folded = foldICalendarLine(line);
        QCOMPARE(unfold(folded), line);
        std::size_t start = 0;
        while (start < folded.size()) {
            std::size_t end = folded.find("\r\n", start);
            if (end == std::string::npos)
                end = folded.size();
            QVERIFY(end - start <= 75);
            // A physical line never starts in the middle of a UTF-8 character.
            const auto first = static_cast<unsigned char>(folded[start == 0 ? 0 : start + 1]);
            QVERIFY((first & 0xC0) != 0x80);
            start = end + 2;
        }
        QCOMPARE(escapeICalendarText("a,b;c\\d\r\ne\nf"), std::string("a\\,b\\;c\\\\d\\ne\\nf"));
    }

    void icsRefusesUnusableSchedules()
    {
        DrillSchedule noId = quarterlySchedule();
        noId.id.clear();
        auto r = schedulesToICalendar(std::vector<DrillSchedule>{noId}, {});
        QVERIFY(!r);
        QCOMPARE(r.error().code, std::string("ics-no-id"));
        DrillSchedule never = quarterlySchedule();
        never.recurrence = *parseRecurrence("yearly on day 30");
        never.start = *parseUtc("2027-02-01T09:00Z");
        auto n = schedulesToICalendar(std::vector<DrillSchedule>{never}, {});
        QVERIFY(!n);
        QCOMPARE(n.error().code, std::string("ics-never"));
        DrillSchedule once = quarterlySchedule();
        once.recurrence = Recurrence{};
        auto o = schedulesToICalendar(std::vector<DrillSchedule>{once}, {});
        QVERIFY(o.ok());
        QVERIFY(o->find("RRULE") == std::string::npos);
        QVERIFY(o->find("DTSTART:20270101T090000Z") != std::string::npos);
    }

    void icsParsesBackWithLibical()
    {
#ifndef FIREDRILL_HAVE_LIBICAL
        QSKIP("libical is not installed (installer/install-deps.sh installs it)");
#else
        const DrillSchedule s = quarterlySchedule();
        const auto ics = schedulesToICalendar(std::vector<DrillSchedule>{s}, *parseUtc("2026-11-21T10:00Z"));
        QVERIFY(ics.ok());
        icalcomponent* cal = icalparser_parse_string(ics->c_str());
        QVERIFY(cal);
        QCOMPARE(icalcomponent_count_errors(cal), 0);
        icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
        QVERIFY(ev);
        QCOMPARE(std::string(icalcomponent_get_summary(ev)), s.title);
        QCOMPARE(std::string(icalcomponent_get_description(ev)), s.description);
        QCOMPARE(std::string(icalcomponent_get_location(ev)), s.location);
        QCOMPARE(std::string(icalcomponent_get_uid(ev)), std::string("trading-drill-region-q@firedrill"));
        QCOMPARE(icalcomponent_count_properties(ev, ICAL_ATTENDEE_PROPERTY), 2);
        const icaltimetype dtstart = icalcomponent_get_dtstart(ev);
        QVERIFY(icaltime_is_utc(dtstart));
        const icaltimetype dtend = icalcomponent_get_dtend(ev);
        QCOMPARE(static_cast<long long>(icaltime_as_timet(dtend) - icaltime_as_timet(dtstart)), 4LL * 3600);
        // libical's own expansion of the RRULE gives the dates Firedrill computes.
        icalproperty* rp = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY);
        QVERIFY(rp);
        icalrecur_iterator* it = icalrecur_iterator_new(icalproperty_get_rrule(rp), dtstart);
        QVERIFY(it);
        const auto expected = nextOccurrences(s, s.start - seconds{1}, 6);
        QCOMPARE(expected.size(), std::size_t(6));
        for (const auto& want : expected) {
            const icaltimetype got = icalrecur_iterator_next(it);
            QVERIFY(!icaltime_is_null_time(got));
            QCOMPARE(static_cast<long long>(icaltime_as_timet(got)),
                     static_cast<long long>(want.time_since_epoch().count()));
        }
        icalrecur_iterator_free(it);
        icalcomponent_free(cal);
#endif
    }
};

QTEST_GUILESS_MAIN(TestDrillExport)
#include "test_drill_export.moc"
