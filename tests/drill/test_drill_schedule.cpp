// Drill schedules: the recurrence syntax and the next occurrences, against dates checked by hand.
#include "core/drill/DrillSchedule.h"
#include "core/drill/UtcTime.h"

#include <QtTest>

using namespace firedrill;
using namespace std::chrono;

namespace {
sys_seconds utc(const char* text)
{
    auto t = parseUtc(text);
    if (!t)
        qFatal("%s", t.error().message.c_str());
    return *t;
}

DrillSchedule schedule(const char* recurrence, const char* start)
{
    DrillSchedule s;
    s.id = "test";
    auto r = parseRecurrence(recurrence);
    if (!r)
        qFatal("%s", r.error().message.c_str());
    s.recurrence = *r;
    s.start = utc(start);
    return s;
}

std::vector<std::string> texts(const std::vector<sys_seconds>& times)
{
    std::vector<std::string> out;
    for (auto t : times)
        out.push_back(formatUtc(t));
    return out;
}
} // namespace

class TestDrillSchedule : public QObject
{
    Q_OBJECT
private slots:
    void firstTuesdayOfEachQuarter()
    {
        const auto s = schedule("quarterly on the first tuesday", "2027-01-01T09:00Z");
        QCOMPARE(s.recurrence.intervalMonths, 3u);
        // 2027-01-01 is a Friday; the quarters start on Fri, Thu, Thu, Fri.
        const std::vector<std::string> expected{"2027-01-05T09:00:00Z", "2027-04-06T09:00:00Z",
                                                "2027-07-06T09:00:00Z", "2027-10-05T09:00:00Z"};
        QCOMPARE(texts(nextOccurrences(s, utc("2026-12-31"), 4)), expected);
        QCOMPARE(formatUtc(*firstOccurrence(s)), expected.front());
        // "of the quarter" may be spelled out.
        QCOMPARE(*parseRecurrence("Quarterly on the first Tuesday of the quarter"), s.recurrence);
    }

    void everyThreeMonthsOnDay15()
    {
        const auto s = schedule("every 3 months on day 15", "2027-01-10T08:30Z");
        const std::vector<std::string> expected{"2027-01-15T08:30:00Z", "2027-04-15T08:30:00Z",
                                                "2027-07-15T08:30:00Z", "2027-10-15T08:30:00Z",
                                                "2028-01-15T08:30:00Z"};
        QCOMPARE(texts(nextOccurrences(s, s.start, 5)), expected);
    }

    void lastFridayOfTheMonth()
    {
        const auto s = schedule("monthly on the last friday", "2027-01-01T14:00Z");
        const std::vector<std::string> expected{"2027-01-29T14:00:00Z", "2027-02-26T14:00:00Z",
                                                "2027-03-26T14:00:00Z"};
        QCOMPARE(texts(nextOccurrences(s, s.start, 3)), expected);
    }

    void monthsWithoutTheDayAreSkipped()
    {
        const auto s = schedule("monthly on day 31", "2027-01-01T09:00Z");
        const std::vector<std::string> expected{"2027-01-31T09:00:00Z", "2027-03-31T09:00:00Z",
                                                "2027-05-31T09:00:00Z", "2027-07-31T09:00:00Z"};
        QCOMPARE(texts(nextOccurrences(s, s.start, 4)), expected);
    }

    void startAfterTheDayMovesToTheNextPeriod()
    {
        const auto s = schedule("quarterly on the first tuesday", "2027-01-06T09:00Z");
        QCOMPARE(formatUtc(*firstOccurrence(s)), std::string("2027-04-06T09:00:00Z"));
        // Strictly after: an occurrence at `after` itself is not repeated.
        QCOMPARE(texts(nextOccurrences(s, utc("2027-04-06T09:00Z"), 1)),
                 std::vector<std::string>{"2027-07-06T09:00:00Z"});
        // Far ahead: 2030's first Tuesdays of the quarter are Jan 1, Apr 2, Jul 2, Oct 1.
        QCOMPARE(texts(nextOccurrences(s, utc("2030-02-01"), 3)),
                 (std::vector<std::string>{"2030-04-02T09:00:00Z", "2030-07-02T09:00:00Z",
                                           "2030-10-01T09:00:00Z"}));
    }

    void countEndsTheSchedule()
    {
        const auto s = schedule("quarterly on the first tuesday for 2 drills", "2027-01-01T09:00Z");
        QCOMPARE(s.recurrence.count, std::optional<unsigned>(2));
        QCOMPARE(nextOccurrences(s, s.start, 10).size(), std::size_t(2));
        QVERIFY(nextOccurrences(s, utc("2027-04-07"), 10).empty());
    }

    void oneOffDrill()
    {
        const auto s = schedule("once", "2027-03-03T10:00Z");
        QCOMPARE(texts(nextOccurrences(s, utc("2027-01-01"), 5)),
                 std::vector<std::string>{"2027-03-03T10:00:00Z"});
        QVERIFY(nextOccurrences(s, s.start, 5).empty());
    }

    void pastAndUpcomingInARange()
    {
        const auto s = schedule("monthly on day 1", "2027-01-01T09:00Z");
        const auto between = occurrencesBetween(s, utc("2027-02-01T09:00Z"), utc("2027-05-01T09:00Z"));
        QCOMPARE(texts(between), (std::vector<std::string>{"2027-02-01T09:00:00Z", "2027-03-01T09:00:00Z",
                                                           "2027-04-01T09:00:00Z"}));
    }

    void neverFallingRecurrenceEnds()
    {
        // Day 30 of a yearly drill that starts in February never falls.
        const auto s = schedule("yearly on day 30", "2027-02-01T09:00Z");
        QVERIFY(!firstOccurrence(s));
        QVERIFY(nextOccurrences(s, s.start, 3).empty());
    }

    void syntaxRoundTripsAndRefusesNonsense()
    {
        for (const char* text :
             {"once", "monthly on day 15", "quarterly on the first tuesday",
              "every 2 months on the last friday", "yearly on the fourth sunday for 3 drills",
              "every 6 months on day 1 for 1 drill"}) {
            auto r = parseRecurrence(text);
            QVERIFY2(r.ok(), text);
            QCOMPARE(formatRecurrence(*r), std::string(text));
        }
        for (const char* text : {"", "fortnightly", "every 0 months on day 1", "monthly on day 32", "monthly",
                                 "monthly on the fifth monday", "monthly on the first funday", "once a year",
                                 "monthly on day 1 for many drills"}) {
            auto r = parseRecurrence(text);
            QVERIFY2(!r.ok(), text);
            QCOMPARE(r.error().code, std::string("bad-recurrence"));
        }
    }

    void utcTimes()
    {
        QCOMPARE(formatUtc(utc("2027-01-05T09:00:07Z")), std::string("2027-01-05T09:00:07Z"));
        QCOMPARE(formatUtc(utc("2027-01-05")), std::string("2027-01-05T00:00:00Z"));
        QVERIFY(!parseUtc("2027-02-30T09:00Z"));
        QVERIFY(!parseUtc("2027-01-05 09:00"));
        QVERIFY(!parseUtc("2027-01-05T09:00+01:00"));
    }
};

QTEST_GUILESS_MAIN(TestDrillSchedule)
#include "test_drill_schedule.moc"
