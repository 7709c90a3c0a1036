#include "SummaryStrip.h"

#include "ui/editor/CanvasColors.h"
#include "core/analysis/AvailabilityReport.h"
#include "core/analysis/CostModel.h"
#include "core/analysis/SpofAnalysis.h"
#include "core/io/PriceTableReader.h"
#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QRegularExpression>
#include <memory>
#include <thread>

namespace firedrill::ui {

namespace {

QLabel* figureLabel(QWidget* parent, const char* name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setTextFormat(Qt::RichText);
    return label;
}

} // namespace

SummaryStrip::SummaryStrip(Document* document, QWidget* parent) : QWidget(parent), m_document(document)
{
    setObjectName(QStringLiteral("summaryStrip"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase); // follows the theme
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() + 1);
    setFont(big);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(14, 8, 14, 8);
    layout->setSpacing(16);
    m_workloads = new QComboBox(this);
    m_workloads->setObjectName(QStringLiteral("focusWorkload"));
    m_workloads->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_workloads->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed); // its name is never cut
    m_cost = figureLabel(this, "summaryCost");
    m_sla = figureLabel(this, "summarySla");
    m_spofs = figureLabel(this, "summarySpofs");
    m_spofs->setToolTip(tr("Single points of failure of the workload in focus"));
    layout->addWidget(new QLabel(tr("Workload:"), this));
    layout->addWidget(m_workloads);
    layout->addWidget(m_cost);
    layout->addWidget(m_sla);
    layout->addWidget(m_spofs);
    layout->addStretch(1);

    connect(m_workloads, &QComboBox::currentIndexChanged, this, &SummaryStrip::refresh);
    connect(m_workloads, &QComboBox::activated, this,
            [this] { emit focusWorkloadChanged(m_workloads->currentData().toString()); });
    connect(m_document, &Document::changed, this, [this] {
        fillWorkloads();
        refresh();
    });
    fillWorkloads();
    refresh();
}

SummaryStrip::~SummaryStrip() = default; // m_worker waits for its thread and drops its result

SummaryFigures SummaryStrip::compute(const Topology& topology, const std::optional<WorkloadId>& focus)
{
    SummaryFigures f;
    const PriceTable& prices = builtInPriceTable();
    f.topologyCost = topologyCost(topology, prices).total;
    const Workload* workload = focus ? topology.findWorkload(*focus) : nullptr;
    if (workload && topology.findComponent(workload->entry)) {
        f.workloadCost = workloadCost(topology, *workload, prices).total;
        f.availability = workloadAvailability(topology, *workload, ImportanceDetail::Skipped).availability;
        SpofOptions options;
        options.workload = workload->id;
        f.spofs = findSinglePointsOfFailure(topology, options).singles.size();
    }
    return f;
}

std::optional<WorkloadId> SummaryStrip::focus() const
{
    const QString id = m_workloads->currentData().toString();
    return id.isEmpty() ? std::nullopt : std::optional<WorkloadId>(WorkloadId(id.toStdString()));
}

void SummaryStrip::fillWorkloads()
{
    const QString current = m_workloads->currentData().toString();
    const QSignalBlocker block(m_workloads);
    m_workloads->clear();
    for (const Workload& w : m_document->topology().workloads)
        m_workloads->addItem(labelWithId(w.name, w.id.str()), qstr(w.id.str()));
    if (m_workloads->count() == 0)
        m_workloads->addItem(tr("(no workloads)"), QString());
    m_workloads->setCurrentIndex(std::max(0, m_workloads->findData(current)));
}

void SummaryStrip::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_spofs && !busy())
        showFigures(m_figures); // the colours follow the theme
}

void SummaryStrip::refresh()
{
    if (m_document->topology().components.size() < kWorkerComponents) {
        m_worker.cancel();
        showFigures(compute(m_document->topology(), focus()));
        return;
    }
    for (QLabel* label : {m_cost, m_sla, m_spofs})
        label->setEnabled(false); // the figures shown are for an older version until the worker is done
    m_worker.request([this]() -> LatestWorker::Work {
        return [this, topology = m_document->topology(), workload = focus()]() -> LatestWorker::Deliver {
            SummaryFigures figures = compute(topology, workload); // static: touches nothing of the strip
            return [this, figures] { showFigures(figures); };
        };
    });
}

void SummaryStrip::showFigures(const SummaryFigures& figures)
{
    m_figures = figures;
    for (QLabel* label : {m_cost, m_sla, m_spofs})
        label->setEnabled(true);
    const SummaryFigures& f = m_figures;
    const bool dark = canvasColors().dark;
    const QString muted = dark ? QStringLiteral("#a8b3bf") : QStringLiteral("#5a6470");
    const QString good = dark ? QStringLiteral("#7bd07f") : QStringLiteral("#2e7d32");
    const QString bad = dark ? QStringLiteral("#ff7070") : QStringLiteral("#c62828");
    m_cost->setText(f.workloadCost ? tr("Monthly cost <b>%1</b> <span style='color:%3'>(all %2)</span>")
                                         .arg(moneyText(*f.workloadCost), moneyText(f.topologyCost), muted)
                                   : tr("Monthly cost <b>%1</b>").arg(moneyText(f.topologyCost)));
    m_sla->setText(f.availability ? tr("Composite SLA <b>%1%</b>")
                                        .arg(QLocale(QLocale::English).toString(*f.availability * 100, 'f', 3))
                                  : tr("Composite SLA <b>—</b>"));
    if (!f.spofs)
        m_spofs->setText(tr("SPOFs <b>—</b>"));
    else
        m_spofs->setText(*f.spofs == 0 ? tr("SPOFs <b style='color:%1'>none</b>").arg(good)
                                       : tr("SPOFs <b style='color:%2'>%1</b>").arg(*f.spofs).arg(bad));
}

void SummaryStrip::setFocusWorkload(const QString& id)
{
    const int index = m_workloads->findData(id);
    if (index >= 0)
        m_workloads->setCurrentIndex(index);
}

QString SummaryStrip::text() const
{
    QStringList parts;
    for (const QLabel* label : {m_cost, m_sla, m_spofs}) {
        QString plain = label->text();
        plain.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
        parts << plain;
    }
    return parts.join(QStringLiteral(" · "));
}

} // namespace firedrill::ui
