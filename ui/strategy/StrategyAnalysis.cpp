#include "StrategyAnalysis.h"

#include "core/io/PriceTableReader.h"
#include "ui/document/Document.h"
#include "ui/document/WorkloadFocus.h"

#include <QMetaObject>
#include <thread>

namespace firedrill::ui {

/// The thread of the computation under way (joined before the next starts and on destruction).

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

StrategyAnalysis::~StrategyAnalysis()
{
    if (m_worker.joinable())
        m_worker.join(); // its queued result is dropped with this object
}

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
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    emit started();
    const std::uint64_t generation = ++m_generation;
    // Assigning joins the previous worker, which has already delivered its result.
    m_worker = std::jthread([this, generation, topology = m_document->topology(), workload = m_focus->id()] {
        auto figures = std::make_shared<StrategyFigures>(compute(topology, workload));
        figures->generation = generation;
        // This object outlives the thread (its destructor joins first), and a call queued to it is
        // dropped if it is destroyed before the call runs.
        QMetaObject::invokeMethod(this, [this, figures] { finished(figures); }, Qt::QueuedConnection);
    });
}

void StrategyAnalysis::finished(std::shared_ptr<StrategyFigures> figures)
{
    m_running = false;
    m_figures = std::move(figures);
    if (m_again) {
        m_again = false;
        start();
    }
    emit updated();
}

} // namespace firedrill::ui
