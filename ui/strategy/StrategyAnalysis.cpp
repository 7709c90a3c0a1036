#include "StrategyAnalysis.h"

#include "core/io/PriceTableReader.h"
#include "ui/document/Document.h"
#include "ui/document/WorkloadFocus.h"

namespace firedrill::ui {

StrategyAnalysis::StrategyAnalysis(Document* document, WorkloadFocus* focus, QObject* parent)
    : QObject(parent), m_document(document), m_focus(focus), m_figures(std::make_shared<StrategyFigures>())
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(60); // a burst of edits (typing, dragging) computes once
    connect(&m_timer, &QTimer::timeout, this, &StrategyAnalysis::start);
    connect(document, &Document::changed, this, &StrategyAnalysis::schedule);
    connect(focus, &WorkloadFocus::changed, this, &StrategyAnalysis::schedule);
    schedule();
}

StrategyAnalysis::~StrategyAnalysis() = default; // m_worker waits for its thread and drops its result

StrategyFigures StrategyAnalysis::compute(const Topology& topology, const QString& workload)
{
    StrategyFigures f;
    f.workload = workload;
    f.topology = topology;
    const PriceTable& prices = builtInPriceTable();
    if (!workload.isEmpty()) {
        auto comparison = compareStrategies(topology, WorkloadId(workload.toStdString()), prices);
        if (comparison)
            f.comparison = std::move(*comparison);
    }
    if (!topology.workloads.empty())
        f.pareto = paretoFront(topology, prices);
    return f;
}

void StrategyAnalysis::schedule()
{
    m_timer.start();
}

void StrategyAnalysis::start()
{
    emit started();
    m_worker.request([this]() -> LatestWorker::Work {
        return [this, topology = m_document->topology(), workload = m_focus->id()]() -> LatestWorker::Deliver {
            auto figures = std::make_shared<StrategyFigures>(compute(topology, workload)); // static
            return [this, figures] {
                figures->generation = ++m_generation;
                m_figures = figures;
                emit updated();
            };
        };
    });
}

} // namespace firedrill::ui
