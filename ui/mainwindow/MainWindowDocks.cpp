// MainWindow's docks: palette and outline on the left; inspector, details and workloads on the right;
// problems, revisions and undo history at the bottom. (Kept apart so MainWindow.cpp stays short.)
#include "MainWindow.h"

#include "ui/document/Document.h"
#include "ui/document/DocumentEditing.h"
#include "ui/document/WorkloadFocus.h"
#include "ui/editor/PaletteList.h"
#include "ui/editor/TopologyScene.h"
#include "ui/panels/DetailsPanel.h"
#include "ui/panels/InspectorPanel.h"
#include "ui/panels/ProblemsPanel.h"
#include "ui/panels/RevisionsPanel.h"
#include "ui/panels/SummaryStrip.h"
#include "ui/panels/TopologyTree.h"
#include "ui/panels/WorkloadsPanel.h"

#include <QDockWidget>
#include <QUndoStack>
#include <QUndoView>

namespace firedrill::ui {

QDockWidget* MainWindow::addDock(QWidget* widget, const QString& title, const char* name, Qt::DockWidgetArea area)
{
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(QLatin1String(name));
    dock->setWidget(widget);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::createDocks()
{
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

    m_palette = new PaletteList(this);
    QDockWidget* paletteDock = addDock(m_palette, tr("Palette"), "paletteDock", Qt::LeftDockWidgetArea);
    m_tree = new TopologyTree(this);
    QDockWidget* treeDock = addDock(m_tree, tr("Outline"), "topologyDock", Qt::LeftDockWidgetArea);
    tabifyDockWidget(paletteDock, treeDock);
    paletteDock->raise();

    m_inspector = new InspectorPanel(m_document, this);
    m_inspectorDock = addDock(m_inspector, tr("Inspector"), "inspectorDock", Qt::RightDockWidgetArea);
    m_details = new DetailsPanel(this);
    QDockWidget* detailsDock = addDock(m_details, tr("Details"), "detailsDock", Qt::RightDockWidgetArea);
    m_workloads = new WorkloadsPanel(m_document, this);
    QDockWidget* workloadsDock = addDock(m_workloads, tr("Workloads"), "workloadsDock", Qt::RightDockWidgetArea);
    tabifyDockWidget(m_inspectorDock, detailsDock);
    tabifyDockWidget(detailsDock, workloadsDock);
    m_inspectorDock->raise();
    connect(m_workloads, &WorkloadsPanel::workloadSelected, m_focus, &WorkloadFocus::setId);
    connect(m_summary, &SummaryStrip::focusWorkloadChanged, m_focus, &WorkloadFocus::setId);
    connect(m_focus, &WorkloadFocus::changed, m_summary, &SummaryStrip::setFocusWorkload);
    createStrategyDocks();

    m_problems = new ProblemsPanel(this);
    m_problemsDock = addDock(m_problems, tr("Problems"), "problemsDock", Qt::BottomDockWidgetArea);
    m_revisions = new RevisionsPanel(this);
    m_revisionsDock = addDock(m_revisions, tr("Revisions"), "revisionsDock", Qt::BottomDockWidgetArea);
    m_history = new QUndoView(m_document->undoStack(), this);
    m_history->setObjectName(QStringLiteral("undoHistory"));
    m_history->setEmptyLabel(tr("<opened>"));
    QDockWidget* historyDock = addDock(m_history, tr("History"), "historyDock", Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_problemsDock, m_revisionsDock);
    tabifyDockWidget(m_revisionsDock, historyDock);
    m_problemsDock->raise();

    m_palette->setMinimumWidth(150);
    m_inspector->setMinimumWidth(220);
    resizeDocks({paletteDock, m_inspectorDock}, {190, 320}, Qt::Horizontal);
    resizeDocks({m_problemsDock}, {90}, Qt::Vertical);
    connect(m_problems, &ProblemsPanel::countChanged, this, [this](int count) {
        m_problemsDock->setWindowTitle(count > 0 ? tr("Problems (%1)").arg(count) : tr("Problems"));
    });
    connect(m_palette, &PaletteList::kindActivated, this, [this](ComponentKind kind) {
        const Placement where = m_document->topology().regions.empty()
                                    ? Placement{}
                                    : Placement{m_document->topology().regions.front().id, std::nullopt, std::nullopt};
        m_scene->selectIds({addComponentOfKind(*m_document, kind, where)});
    });
}

} // namespace firedrill::ui
