// MainWindow's strategy pages and docks: the trade-off page beside the diagram, the Strategy and Policies
// docks, and the banner above the canvas while a strategy is previewed. (Kept apart so MainWindow.cpp
// stays short.)
#include "MainWindow.h"

#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"
#include "ui/document/WorkloadFocus.h"
#include "ui/editor/CanvasColors.h"
#include "ui/editor/TopologyScene.h"
#include "ui/editor/TopologyView.h"
#include "ui/strategy/BreakdownText.h"
#include "ui/strategy/PoliciesPanel.h"
#include "ui/strategy/StrategyPanel.h"
#include "ui/strategy/StrategyTableModel.h"
#include "ui/strategy/TradeOffChart.h"
#include "ui/strategy/TradeOffView.h"

#include <QAction>
#include <QCheckBox>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabBar>
#include <QToolBar>
#include "ui/replay/ReplayView.h"

namespace firedrill::ui {

QWidget* MainWindow::createPreviewBanner(QWidget* parent)
{
    m_previewBanner = new QWidget(parent);
    m_previewBanner->setObjectName(QStringLiteral("previewBanner"));
    m_previewBanner->setAutoFillBackground(true);
    QPalette palette = m_previewBanner->palette();
    QColor fill = canvasColors().warning;
    fill.setAlphaF(0.25f);
    palette.setColor(QPalette::Window, fill);
    m_previewBanner->setPalette(palette);
    auto* layout = new QHBoxLayout(m_previewBanner);
    layout->setContentsMargins(14, 6, 14, 6);
    m_previewLabel = new QLabel(m_previewBanner);
    m_previewLabel->setTextFormat(Qt::RichText);
    m_previewLabel->setWordWrap(true);
    auto* apply = new QPushButton(tr("Apply"), m_previewBanner);
    apply->setObjectName(QStringLiteral("bannerApply"));
    auto* discard = new QPushButton(tr("Hide preview"), m_previewBanner);
    discard->setObjectName(QStringLiteral("bannerHide"));
    layout->addWidget(m_previewLabel, 1);
    layout->addWidget(apply);
    layout->addWidget(discard);
    connect(apply, &QPushButton::clicked, this, [this] { m_strategy->apply(); });
    connect(discard, &QPushButton::clicked, this,
            [this] { m_strategy->findChild<QCheckBox*>(QStringLiteral("showPreview"))->setChecked(false); });
    m_previewBanner->hide();
    return m_previewBanner;
}

void MainWindow::createStrategyDocks()
{
    m_strategy = new StrategyPanel(m_document, m_focus, m_strategyAnalysis, this);
    m_strategyDock = addDock(m_strategy, tr("Strategy"), "strategyDock", Qt::RightDockWidgetArea);
    m_policies = new PoliciesPanel(m_document, m_focus, this);
    QDockWidget* policiesDock = addDock(m_policies, tr("Policies"), "policiesDock", Qt::RightDockWidgetArea);
    tabifyDockWidget(m_inspectorDock, m_strategyDock);
    tabifyDockWidget(m_strategyDock, policiesDock);
    m_inspectorDock->raise();

    connect(m_strategy, &StrategyPanel::previewChanged, this, &MainWindow::showPreview);
    connect(m_strategy, &StrategyPanel::previewPending, this, [this] {
        // A large topology's preview comes from a worker: the canvas waits for it and is built once.
        m_scene->expectPreview();
        m_previewBanner->hide();
    });
    // Clicking a point of a trade-off chart, or a strategy's column, chooses that strategy in the panel.
    auto chooseFromCombination = [this](const std::vector<StrategyKind>& choice) {
        const Topology& t = m_document->topology();
        for (std::size_t i = 0; i < t.workloads.size() && i < choice.size(); ++i)
            if (qstr(t.workloads[i].id.str()) == m_focus->id()) {
                m_strategy->choose(choice[i]);
                m_strategyDock->raise();
            }
    };
    connect(m_tradeOffs->rtoChart(), &TradeOffChart::combinationPicked, this, chooseFromCombination);
    connect(m_tradeOffs->rpoChart(), &TradeOffChart::combinationPicked, this, chooseFromCombination);
    connect(m_tradeOffs->table()->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int column) {
        const auto& kinds = comparedStrategies();
        if (column >= 0 && column < static_cast<int>(kinds.size())) {
            m_strategy->choose(kinds[static_cast<std::size_t>(column)]);
            m_strategyDock->raise();
        }
    });
}

void MainWindow::showPreview(const std::optional<CanvasPreview>& preview)
{
    m_scene->setPreview(preview);
    m_previewBanner->setVisible(preview.has_value());
    if (!preview)
        return;
    const Workload* w = m_document->topology().findWorkload(WorkloadId(m_focus->id().toStdString()));
    const auto& p = m_strategy->preview();
    m_previewLabel->setText(
        tr("<b>Preview:</b> %1 for %2 — %3 (<span style='color:%4'>NEW</span>, "
           "<span style='color:%5'>REMOVED</span>, <span style='color:%6'>RESCALED / CHANGED</span>). "
           "Nothing is changed until you apply it.")
            .arg(strategyTitle(m_strategy->choice()), w ? labelWithId(w->name, w->id.str()).toHtmlEscaped() : QString(),
                 countText(p ? p->plan.changes.size() : 0, "%1 change", "%1 changes"), canvasColors().success.name(),
                 canvasColors().danger.name(), canvasColors().warning.name()));
}

void MainWindow::addPageActions(QMenu* view)
{
    const QStringList names{tr("&Diagram"), tr("&Strategies and trade-offs"), tr("&Availability over a year"),
                            tr("Drill &plans"), tr("Outage &replay")};
    for (int i = 0; i < names.size(); ++i) {
        QAction* page = view->addAction(names[i], this, [this, i] { m_pages->setCurrentIndex(i); });
        page->setObjectName(QStringLiteral("actionPage%1").arg(i + 1));
        page->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
    }
}

void MainWindow::onPageChanged(int index)
{
    // The docks edit the diagram and its strategies; the pages after those (availability, drill plans,
    // replay) take the whole window.
    const bool fullWindow = index >= 2;
    if (fullWindow && m_dockStateBeforePage.isEmpty()) {
        m_dockStateBeforePage = saveState(kSettingsVersion);
        for (QDockWidget* dock : findChildren<QDockWidget*>(Qt::FindDirectChildrenOnly))
            dock->hide();
    } else if (!fullWindow && !m_dockStateBeforePage.isEmpty()) {
        restoreState(m_dockStateBeforePage, kSettingsVersion);
        m_dockStateBeforePage.clear();
    }
}

void MainWindow::setTrainerLayout(bool on)
{
    if (on == !m_stateBeforeTrainer.isEmpty())
        return;
    if (on) {
        m_stateBeforeTrainer = saveState();
        m_wasFullScreen = isFullScreen();
        for (QDockWidget* dock : findChildren<QDockWidget*>(Qt::FindDirectChildrenOnly))
            dock->hide();
        for (QToolBar* bar : findChildren<QToolBar*>(Qt::FindDirectChildrenOnly))
            bar->hide();
        menuBar()->hide();
        statusBar()->hide();
        m_pages->tabBar()->hide();
        m_pages->setCurrentWidget(m_replay);
        showFullScreen();
    } else {
        menuBar()->show();
        statusBar()->show();
        m_pages->tabBar()->show();
        restoreState(m_stateBeforeTrainer);
        m_stateBeforeTrainer.clear();
        if (!m_wasFullScreen)
            showNormal();
    }
}

} // namespace firedrill::ui
