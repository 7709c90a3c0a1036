#include "AvailabilityView.h"

#include "AvailabilityChart.h"
#include "AvailabilityFigures.h"
#include "AvailabilityHeadline.h"
#include "AvailabilityRunner.h"

#include "core/montecarlo/AvailabilitySummary.h"
#include "core/montecarlo/AvailabilityText.h"
#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <limits>

namespace firedrill::ui {

namespace {

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

/// The index of workload `id` in `run`'s result, or -1.
int workloadIndex(const AvailabilityRun* run, const QString& id)
{
    if (!run)
        return -1;
    for (std::size_t i = 0; i < run->result.workloads.size(); ++i)
        if (q(run->result.workloads[i].workload.str()) == id)
            return static_cast<int>(i);
    return -1;
}

} // namespace

AvailabilityView::AvailabilityView(Document* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
{
    m_runner = new AvailabilityRunner(this);

    m_title = new QLabel(tr("Availability over a year"), this);
    m_workloadLabel = new QLabel(tr("Workload"), this);
    m_workload = new QComboBox(this);
    m_workload->setObjectName(QStringLiteral("workload"));
    m_workload->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_workloadLabel->setBuddy(m_workload);

    auto* yearsLabel = new QLabel(tr("&Years"), this);
    m_years = new QSpinBox(this);
    m_years->setObjectName(QStringLiteral("years"));
    m_years->setRange(100, 10'000'000);
    m_years->setSingleStep(1000);
    m_years->setGroupSeparatorShown(true);
    m_years->setValue(10'000);
    m_years->setToolTip(tr("How many independent years of random failures to simulate"));
    yearsLabel->setBuddy(m_years);
    auto* seedLabel = new QLabel(tr("&Seed"), this);
    m_seed = new QSpinBox(this);
    m_seed->setObjectName(QStringLiteral("seed"));
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setValue(1);
    m_seed->setToolTip(tr("The same seed and years always give the same result"));
    seedLabel->setBuddy(m_seed);

    m_run = new QPushButton(tr("&Run"), this);
    m_run->setObjectName(QStringLiteral("run"));
    m_run->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_progress->setFormat(QString());
    m_progress->setMinimumWidth(160);
    m_keep = new QPushButton(tr("&Keep as baseline"), this);
    m_keep->setObjectName(QStringLiteral("keepBaseline"));
    m_keep->setToolTip(tr("Pin this result; the next run is compared with it"));
    m_clear = new QPushButton(tr("C&lear baseline"), this);
    m_clear->setObjectName(QStringLiteral("clearBaseline"));

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_stale = new QLabel(tr("⚠ The design changed since this run — run again to update the figures."), this);
    m_stale->setObjectName(QStringLiteral("staleNote"));
    m_stale->setWordWrap(true);
    m_stale->setAutoFillBackground(true);
    m_stale->setMargin(6);
    m_stale->hide();

    m_headline = new AvailabilityHeadline(this);
    m_headline->setObjectName(QStringLiteral("headlineBlock"));
    m_figures = new AvailabilityFigures(this);
    m_figures->setObjectName(QStringLiteral("figures"));
    m_chart = new AvailabilityChart(this);
    m_chart->setObjectName(QStringLiteral("chart"));
    m_chartNote = new QLabel(this);
    m_chartNote->setObjectName(QStringLiteral("chartNote"));
    m_chartNote->setWordWrap(true);

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_workloadLabel);
    controls->addWidget(m_workload);
    controls->addSpacing(12);
    controls->addWidget(yearsLabel);
    controls->addWidget(m_years);
    controls->addWidget(seedLabel);
    controls->addWidget(m_seed);
    controls->addWidget(m_run);
    controls->addWidget(m_cancel);
    controls->addWidget(m_progress, 1);
    controls->addSpacing(12);
    controls->addWidget(m_keep);
    controls->addWidget(m_clear);

    auto* chartColumn = new QVBoxLayout;
    chartColumn->addWidget(m_chart, 1);
    chartColumn->addWidget(m_chartNote);
    auto* body = new QHBoxLayout;
    body->addWidget(m_figures, 0);
    body->addSpacing(12);
    body->addLayout(chartColumn, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(controls);
    layout->addWidget(m_status);
    layout->addWidget(m_stale);
    layout->addWidget(m_headline);
    layout->addLayout(body, 1);

    connect(m_run, &QPushButton::clicked, this, &AvailabilityView::run);
    connect(m_cancel, &QPushButton::clicked, this, &AvailabilityView::cancel);
    connect(m_keep, &QPushButton::clicked, this, &AvailabilityView::keepAsBaseline);
    connect(m_clear, &QPushButton::clicked, this, &AvailabilityView::clearBaseline);
    connect(m_workload, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_runner, &AvailabilityRunner::progressed, this, &AvailabilityView::onProgress);
    connect(m_runner, &AvailabilityRunner::finished, this, &AvailabilityView::onFinished);
    if (m_document)
        connect(m_document, &Document::changed, this, &AvailabilityView::onDocumentChanged);

    applyFonts();
    rebuildWorkloads();
    refresh();
    updateControls();
}

AvailabilityView::~AvailabilityView()
{
    // Stop the worker before the widgets it reports to go away.
    delete m_runner;
    m_runner = nullptr;
}

quint64 AvailabilityView::years() const
{
    return static_cast<quint64>(m_years->value());
}

void AvailabilityView::setYears(quint64 years)
{
    m_years->setValue(static_cast<int>(std::min<quint64>(years, static_cast<quint64>(m_years->maximum()))));
}

quint64 AvailabilityView::seed() const
{
    return static_cast<quint64>(m_seed->value());
}

void AvailabilityView::setSeed(quint64 seed)
{
    m_seed->setValue(static_cast<int>(std::min<quint64>(seed, static_cast<quint64>(m_seed->maximum()))));
}

bool AvailabilityView::isRunning() const
{
    return m_runner && m_runner->isRunning();
}

bool AvailabilityView::isStale() const
{
    return m_current && m_current->documentRevision != m_revision;
}

QString AvailabilityView::selectedWorkload() const
{
    return m_workload->count() > 0 ? m_workload->currentData().toString() : m_preferred;
}

void AvailabilityView::selectWorkload(const QString& id)
{
    m_preferred = id; // kept for when a result arrives
    const int i = m_workload->findData(id);
    if (i >= 0)
        m_workload->setCurrentIndex(i);
}

void AvailabilityView::run()
{
    if (!m_document || isRunning())
        return;
    if (!m_runner->start(m_document->topology(), years(), seed(), m_revision))
        return;
    m_clock.start();
    m_progress->setValue(0);
    m_progress->setFormat(QStringLiteral("%p %"));
    m_status->setText(tr("Simulating %1 years…").arg(QLocale().toString(static_cast<qulonglong>(years()))));
    updateControls();
    emit runStarted();
}

void AvailabilityView::cancel()
{
    if (!isRunning())
        return;
    m_runner->cancel();
    m_cancel->setEnabled(false);
    m_status->setText(tr("Cancelling…"));
}

void AvailabilityView::keepAsBaseline()
{
    if (!m_current || isRunning())
        return;
    m_baseline = m_current;
    refresh();
    updateControls();
}

void AvailabilityView::clearBaseline()
{
    m_baseline.reset();
    refresh();
    updateControls();
}

void AvailabilityView::onDocumentChanged(const ChangeEvent&)
{
    ++m_revision;
    m_stale->setVisible(isStale());
}

void AvailabilityView::onProgress(quint64 done, quint64 total)
{
    m_progress->setValue(total ? static_cast<int>(1000 * done / total) : 0);
}

void AvailabilityView::onFinished()
{
    const auto run = m_runner->lastRun();
    const double seconds = static_cast<double>(m_clock.elapsed()) / 1000.0;
    const bool failed = !run || !run->error.isEmpty() || run->cancelled;
    if (!run) {
        m_status->setText(tr("The simulation did not report a result."));
    } else if (!run->error.isEmpty()) {
        m_status->setText(tr("The simulation could not run: %1").arg(run->error));
        m_progress->setFormat(tr("Failed"));
    } else if (run->cancelled) {
        m_status->setText(tr("Cancelled after %1 of %2 years — not a result. %3")
                              .arg(QLocale().toString(static_cast<qulonglong>(run->result.years)),
                                   QLocale().toString(static_cast<qulonglong>(run->years)),
                                   m_current ? tr("The figures below are from the previous run.") : QString()));
        m_progress->setFormat(tr("Cancelled"));
    } else {
        m_current = run;
        m_status->setText(tr("%1 years simulated in %2 s.")
                              .arg(QLocale().toString(static_cast<qulonglong>(run->result.years)), QLocale().toString(seconds, 'f', 1)));
        m_progress->setValue(1000);
        m_progress->setFormat(tr("Done"));
        rebuildWorkloads();
        refresh();
    }
    updateControls();
    emit runFinished(failed);
}

void AvailabilityView::rebuildWorkloads()
{
    const QString keep = selectedWorkload();
    const QSignalBlocker block(m_workload);
    m_workload->clear();
    if (m_current)
        for (const auto& w : m_current->result.workloads) {
            const Workload* wl = m_current->topology.findWorkload(w.workload);
            m_workload->addItem(wl ? labelWithId(wl->name, w.workload.str()) : q(w.workload.str()), q(w.workload.str()));
        }
    const int i = m_workload->findData(keep);
    m_workload->setCurrentIndex(i >= 0 ? i : 0);
    const bool several = m_workload->count() > 1;
    m_workload->setVisible(several);
    m_workloadLabel->setVisible(several);
}

void AvailabilityView::refresh()
{
    m_stale->setVisible(isStale());
    const int w = workloadIndex(m_current.get(), selectedWorkload());
    if (!m_current || w < 0) {
        m_chart->clearBars();
        m_chartNote->clear();
        m_figures->clear();
        if (m_current)
            m_headline->showMessage(tr("No workloads"), tr("This design has no workload to measure. Add one in the Workloads panel."));
        return;
    }
    const auto current = montecarlo::summarizeWorkload(m_current->result, static_cast<std::size_t>(w), m_current->topology);
    const int b = workloadIndex(m_baseline.get(), selectedWorkload());
    std::optional<montecarlo::AvailabilitySummary> baseline;
    if (b >= 0)
        baseline = montecarlo::summarizeWorkload(m_baseline->result, static_cast<std::size_t>(b), m_baseline->topology);
    m_headline->showSummary(current, m_current->seed, baseline ? &*baseline : nullptr);
    m_figures->showSummary(current, baseline ? &*baseline : nullptr);

    constexpr int kBarsPerDecade = 10;
    AvailabilityChart::Histogram now;
    now.bars = montecarlo::regroupHistogram(m_current->result.workloads[static_cast<std::size_t>(w)].histogram, kBarsPerDecade);
    now.name = tr("This design");
    now.meanMs = current.meanDowntimeMs;
    std::optional<AvailabilityChart::Histogram> before;
    if (baseline) {
        before.emplace();
        before->bars = montecarlo::regroupHistogram(m_baseline->result.workloads[static_cast<std::size_t>(b)].histogram, kBarsPerDecade);
        before->name = tr("Baseline");
        before->meanMs = baseline->meanDowntimeMs;
    }
    const QString title = m_workload->count() > 1 ? tr("How much downtime a year? — %1").arg(m_workload->currentText())
                                                  : tr("How much downtime a year?");
    m_chart->setHistograms(title, now, before);

    QString note;
    if (current.yearsWithoutDowntime == 0 && current.yearsUnderASecond == 0)
        note = tr("Every simulated year had at least a second of downtime.");
    else if (current.yearsUnderASecond == 0)
        note = tr("Not drawn: the %1 of years with no downtime at all.").arg(q(montecarlo::formatShare(current.shareOfYearsWithoutDowntime)));
    else
        note = tr("Not drawn: the %1 of years with no downtime at all and the %2 with less than a second.")
                   .arg(q(montecarlo::formatShare(current.shareOfYearsWithoutDowntime)),
                        q(montecarlo::formatShare(current.shareOfYearsUnderASecond)));
    m_chartNote->setText(note + QLatin1Char(' ') + (baseline ? tr("Dashed lines mark the means.") : tr("The dashed line marks the mean.")));
}

void AvailabilityView::updateControls()
{
    const bool running = isRunning();
    m_run->setEnabled(!running && m_document);
    m_cancel->setEnabled(running);
    m_years->setEnabled(!running);
    m_seed->setEnabled(!running);
    m_keep->setEnabled(!running && m_current);
    m_clear->setEnabled(m_baseline != nullptr);
}

void AvailabilityView::applyFonts()
{
    QFont title = font();
    title.setPointSizeF(title.pointSizeF() * 1.4);
    title.setBold(true);
    m_title->setFont(title);
    // The stale warning stands out in the palette's tooltip colours, which both themes keep readable.
    QPalette p = m_stale->palette();
    p.setColor(QPalette::Window, palette().color(QPalette::ToolTipBase));
    p.setColor(QPalette::WindowText, palette().color(QPalette::ToolTipText));
    m_stale->setPalette(p);
    QFont bold = font();
    bold.setBold(true);
    m_stale->setFont(bold);
}

void AvailabilityView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange)
        applyFonts();
}

} // namespace firedrill::ui
