// "Availability over a year" driven through its real buttons (offscreen): the figures it shows equal
// core's Monte Carlo for the same seed and years; Cancel stops a long run without a result; a baseline
// is drawn beside the next run; an edit marks the result stale; closing during a run is clean.
// With FIREDRILL_AVAILABILITY_PNG set, pictures of the view (light and dark) are written there.
#include "ui/availability/AvailabilityChart.h"
#include "ui/availability/AvailabilityView.h"
#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"
#include "ui/document/commands/SetWorkloadCommand.h"
#include "ui/mainwindow/Appearance.h"

#include "core/montecarlo/AvailabilitySummary.h"
#include "core/montecarlo/AvailabilityText.h"
#include "core/montecarlo/MonteCarloRunner.h"

#include "EditorTestWindow.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QtTest>

#include <memory>

using namespace firedrill;
using namespace firedrill::ui;

namespace {

constexpr int kRunTimeoutMs = 120'000;

QString sample(const char* name)
{
    return QStringLiteral(FIREDRILL_SAMPLES_DIR "/") + QString::fromLatin1(name);
}

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

/// What core computes for `topology` with the same seed and years as the view.
montecarlo::MonteCarloResult coreRun(const Topology& topology, std::uint64_t years, std::uint64_t seed)
{
    montecarlo::MonteCarloOptions o;
    o.years = years;
    o.seed = seed;
    o.threads = 1;
    auto r = montecarlo::runMonteCarlo(topology, o);
    if (!r)
        qFatal("core Monte Carlo failed");
    return *r;
}

QString labelText(const QWidget& view, const QString& name)
{
    const auto* label = view.findChild<QLabel*>(name);
    return label ? label->text() : QStringLiteral("<no label %1>").arg(name);
}

QPushButton* button(const QWidget& view, const char* name)
{
    return view.findChild<QPushButton*>(QString::fromLatin1(name));
}

/// Runs the view to completion by clicking Run; true when it ended with a result.
bool clickRunAndWait(AvailabilityView& view)
{
    QSignalSpy finished(&view, &AvailabilityView::runFinished);
    QTest::mouseClick(button(view, "run"), Qt::LeftButton);
    if (!finished.wait(kRunTimeoutMs) && finished.isEmpty())
        return false;
    return !finished.first().at(0).toBool();
}

/// Writes a picture of `widget` next to FIREDRILL_AVAILABILITY_PNG, with `suffix` before ".png".
void savePicture(QWidget& widget, const QString& suffix)
{
    QString path = qEnvironmentVariable("FIREDRILL_AVAILABILITY_PNG");
    if (path.isEmpty())
        return;
    if (!suffix.isEmpty())
        path.replace(QStringLiteral(".png"), suffix + QStringLiteral(".png"));
    QApplication::processEvents(); // let the chart lay itself out before the picture
    QVERIFY2(widget.grab().save(path), qPrintable(path));
}

} // namespace

class TestAvailability : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Document> m_document;

    std::unique_ptr<AvailabilityView> makeView(quint64 years, quint64 seed)
    {
        auto view = std::make_unique<AvailabilityView>(m_document.get());
        view->resize(1500, 820);
        view->show();
        view->findChild<QSpinBox*>(QStringLiteral("years"))->setValue(static_cast<int>(years));
        view->findChild<QSpinBox*>(QStringLiteral("seed"))->setValue(static_cast<int>(seed));
        return view;
    }

private slots:
    void initTestCase()
    {
        test::isolateTestApplication();
        applyAppearance(Theme::Light);
    }

    void init()
    {
        m_document = std::make_unique<Document>();
        QVERIFY(m_document->open(sample("two-region.yaml")).ok());
    }

    void cleanup()
    {
        m_document.reset();
    }

    void figuresEqualCoreForTheSameSeed()
    {
        auto view = makeView(2000, 5);
        QVERIFY(!view->currentRun());
        QVERIFY(labelText(*view, QStringLiteral("headline")).contains(QStringLiteral("No simulation")));
        savePicture(*view, QStringLiteral("-empty"));
        QVERIFY(clickRunAndWait(*view));
        QVERIFY(view->currentRun());
        QVERIFY(!view->isStale());

        const Topology& t = m_document->topology();
        const auto expected = coreRun(t, 2000, 5);
        QCOMPARE(view->currentRun()->result.years, std::uint64_t(2000));
        QCOMPARE(view->currentRun()->result.workloads.size(), expected.workloads.size());
        // Same seed and years: the same statistics, whatever the thread count.
        QCOMPARE(view->currentRun()->result.workloads[0].downtimeMs, expected.workloads[0].downtimeMs);
        QCOMPARE(view->currentRun()->result.workloads[0].breachYears, expected.workloads[0].breachYears);

        const auto s = montecarlo::summarizeWorkload(expected, 0, t);
        QCOMPARE(s.meanDowntimeMs, expected.meanDowntimeMs(0));
        QCOMPARE(s.p95DowntimeMs, expected.workloads[0].histogram.quantileMs(0.95));
        QVERIFY2(s.meanDowntimeMs > 0, "the sample should see some downtime in 2,000 years");
        QCOMPARE(labelText(*view, QStringLiteral("mean.current")), q(montecarlo::formatDowntime(s.meanDowntimeMs)));
        QCOMPARE(labelText(*view, QStringLiteral("p50.current")), q(montecarlo::formatDowntime(s.p50DowntimeMs)));
        QCOMPARE(labelText(*view, QStringLiteral("p95.current")), q(montecarlo::formatDowntime(s.p95DowntimeMs)));
        QCOMPARE(labelText(*view, QStringLiteral("p99.current")), q(montecarlo::formatDowntime(s.p99DowntimeMs)));
        QCOMPARE(labelText(*view, QStringLiteral("availability.current")), q(montecarlo::formatAvailability(s.availability)));
        QCOMPARE(labelText(*view, QStringLiteral("nines.current")), q(montecarlo::formatNines(s.nines)));
        const QString headline = labelText(*view, QStringLiteral("headline"));
        QVERIFY2(headline.contains(q(montecarlo::formatDowntime(s.meanDowntimeMs))) &&
                     headline.contains(q(montecarlo::formatAvailability(s.availability))),
                 qPrintable(headline));

        // Every policy of the workload with an RTO: breached years / years.
        int policiesWithRto = 0;
        for (const auto& p : t.policies)
            if (p.workload == expected.workloads[0].workload && p.rto)
                ++policiesWithRto;
        QCOMPARE(static_cast<int>(s.breaches.size()), policiesWithRto);
        QVERIFY(policiesWithRto > 0);
        for (const auto& b : s.breaches) {
            const auto k = static_cast<std::size_t>(b.disruption);
            QCOMPARE(b.probability, static_cast<double>(expected.workloads[0].breachYears[k]) / 2000.0);
            const QString name = QStringLiteral("breach.%1.current").arg(enumText(b.disruption));
            QCOMPARE(labelText(*view, name), q(montecarlo::formatShare(b.probability)));
        }
        // The largest cause of downtime, with its share.
        QVERIFY(!s.contributions.empty());
        QCOMPARE(labelText(*view, QStringLiteral("cause.0.current")), q(montecarlo::formatShare(s.contributions[0].share)));
        auto* chart = view->findChild<AvailabilityChart*>();
        QVERIFY(chart);
        QCOMPARE(chart->histogramCount(), 1);
    }

    void cancelStopsALongRun()
    {
        auto view = makeView(10'000'000, 3);
        QSignalSpy finished(view.get(), &AvailabilityView::runFinished);
        QTest::mouseClick(button(*view, "run"), Qt::LeftButton);
        QVERIFY(view->isRunning());
        QVERIFY(!button(*view, "run")->isEnabled());
        QVERIFY(button(*view, "cancel")->isEnabled());
        QTest::mouseClick(button(*view, "cancel"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30'000);
        QCOMPARE(finished.first().at(0).toBool(), true);
        QVERIFY(!view->isRunning());
        QVERIFY(button(*view, "run")->isEnabled());
        QVERIFY(!button(*view, "cancel")->isEnabled());
        QVERIFY(!view->currentRun()); // a cancelled run is not a result
        QVERIFY2(labelText(*view, QStringLiteral("status")).contains(QStringLiteral("Cancelled")),
                 qPrintable(labelText(*view, QStringLiteral("status"))));
        QVERIFY(labelText(*view, QStringLiteral("headline")).contains(QStringLiteral("No simulation")));
    }

    void baselineIsDrawnBesideTheNextRun()
    {
        auto view = makeView(2000, 5);
        QVERIFY(!button(*view, "keepBaseline")->isEnabled());
        QVERIFY(clickRunAndWait(*view));
        QTest::mouseClick(button(*view, "keepBaseline"), Qt::LeftButton);
        QVERIFY(view->baselineRun());
        QVERIFY(button(*view, "clearBaseline")->isEnabled());

        view->findChild<QSpinBox*>(QStringLiteral("seed"))->setValue(6);
        QVERIFY(clickRunAndWait(*view));
        QCOMPARE(view->currentRun()->seed, std::uint64_t(6));
        QCOMPARE(view->baselineRun()->seed, std::uint64_t(5));
        auto* chart = view->findChild<AvailabilityChart*>();
        QCOMPARE(chart->histogramCount(), 2);

        const Topology& t = m_document->topology();
        const auto before = montecarlo::summarizeWorkload(coreRun(t, 2000, 5), 0, t);
        const auto after = montecarlo::summarizeWorkload(coreRun(t, 2000, 6), 0, t);
        QCOMPARE(labelText(*view, QStringLiteral("mean.current")), q(montecarlo::formatDowntime(after.meanDowntimeMs)));
        QCOMPARE(labelText(*view, QStringLiteral("mean.baseline")), q(montecarlo::formatDowntime(before.meanDowntimeMs)));
        QCOMPARE(labelText(*view, QStringLiteral("mean.change")),
                 q(montecarlo::formatDowntimeChange(after.meanDowntimeMs - before.meanDowntimeMs)));
        QVERIFY(labelText(*view, QStringLiteral("detail")).contains(QStringLiteral("seed 6")));

        QTest::mouseClick(button(*view, "clearBaseline"), Qt::LeftButton);
        QVERIFY(!view->baselineRun());
        QCOMPARE(chart->histogramCount(), 1);
        QVERIFY(!view->findChild<QLabel*>(QStringLiteral("mean.baseline")));
    }

    void comparesTwoDesigns()
    {
        // Before: everything in one region. After: the same shop active-active over two regions.
        QVERIFY(m_document->open(sample("dr-single-region.yaml")).ok());
        Document other;
        QVERIFY(other.open(sample("dr-active-active.yaml")).ok());
        const Topology before = m_document->topology();
        const Topology after = other.topology();

        auto view = makeView(5000, 11);
        QVERIFY(clickRunAndWait(*view));
        QTest::mouseClick(button(*view, "keepBaseline"), Qt::LeftButton);
        m_document->reset(after, true);
        QVERIFY(view->isStale());
        QVERIFY(clickRunAndWait(*view));
        QVERIFY(!view->isStale());
        QCOMPARE(view->findChild<AvailabilityChart*>()->histogramCount(), 2);

        const auto a = montecarlo::summarizeWorkload(coreRun(before, 5000, 11), 0, before);
        const auto b = montecarlo::summarizeWorkload(coreRun(after, 5000, 11), 0, after);
        QCOMPARE(labelText(*view, QStringLiteral("mean.baseline")), q(montecarlo::formatDowntime(a.meanDowntimeMs)));
        QCOMPARE(labelText(*view, QStringLiteral("mean.current")), q(montecarlo::formatDowntime(b.meanDowntimeMs)));
        QCOMPARE(labelText(*view, QStringLiteral("mean.change")),
                 q(montecarlo::formatDowntimeChange(b.meanDowntimeMs - a.meanDowntimeMs)));
        QCOMPARE(labelText(*view, QStringLiteral("p99.baseline")), q(montecarlo::formatDowntime(a.p99DowntimeMs)));
        for (const auto& breach : b.breaches) {
            const QString key = QStringLiteral("breach.%1.").arg(enumText(breach.disruption));
            QCOMPARE(labelText(*view, key + QStringLiteral("current")), q(montecarlo::formatShare(breach.probability)));
            for (const auto& old : a.breaches)
                if (old.disruption == breach.disruption)
                    QCOMPARE(labelText(*view, key + QStringLiteral("baseline")), q(montecarlo::formatShare(old.probability)));
        }

        savePicture(*view, QString());
        applyAppearance(Theme::Dark);
        savePicture(*view, QStringLiteral("-dark"));
        applyAppearance(Theme::Light);
        view->resize(1000, 700);
        savePicture(*view, QStringLiteral("-narrow"));
    }

    void anEditMarksTheResultStale()
    {
        auto view = makeView(500, 2);
        QVERIFY(clickRunAndWait(*view));
        auto* stale = view->findChild<QLabel*>(QStringLiteral("staleNote"));
        QVERIFY(stale->isHidden());
        const QString mean = labelText(*view, QStringLiteral("mean.current"));

        Workload w = m_document->topology().workloads.front();
        w.demandRps *= 2;
        m_document->push(new SetWorkloadCommand(m_document.get(), w.id, w));
        QVERIFY(view->isStale());
        QVERIFY(!stale->isHidden());
        QCOMPARE(labelText(*view, QStringLiteral("mean.current")), mean); // still shown
        savePicture(*view, QStringLiteral("-stale"));

        QVERIFY(clickRunAndWait(*view));
        QVERIFY(!view->isStale());
        QVERIFY(stale->isHidden());
    }

    void aWorkloadIsChosenWhenThereAreSeveral()
    {
        QVERIFY(m_document->open(sample("gas-trading.yaml")).ok());
        auto view = makeView(300, 1);
        QVERIFY(clickRunAndWait(*view));
        auto* combo = view->findChild<QComboBox*>(QStringLiteral("workload"));
        QVERIFY(!combo->isHidden());
        QCOMPARE(combo->count(), static_cast<int>(m_document->topology().workloads.size()));
        const Topology& t = m_document->topology();
        const auto r = coreRun(t, 300, 1);
        combo->setCurrentIndex(1);
        QCOMPARE(view->selectedWorkload(), q(r.workloads[1].workload.str()));
        const auto s = montecarlo::summarizeWorkload(r, 1, t);
        QCOMPARE(labelText(*view, QStringLiteral("p99.current")), q(montecarlo::formatDowntime(s.p99DowntimeMs)));
        QCOMPARE(labelText(*view, QStringLiteral("mean.current")), q(montecarlo::formatDowntime(s.meanDowntimeMs)));
    }

    void closingDuringARunIsClean()
    {
        auto view = makeView(10'000'000, 9);
        QTest::mouseClick(button(*view, "run"), Qt::LeftButton);
        QVERIFY(view->isRunning());
        QTest::qWait(150); // let the worker report some progress
        view.reset();      // cancels and joins
        m_document.reset();
        QTest::qWait(50); // no late calls into the destroyed view
    }
};

QTEST_MAIN(TestAvailability)
#include "test_availability.moc"
