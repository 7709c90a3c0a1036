#pragma once

#include <QWidget>

class QLabel;
class QTableView;
class QTextBrowser;

namespace firedrill::ui {

class StrategyAnalysis;
class StrategyTableModel;
class TradeOffChart;
class WorkloadFocus;

/// The decision page: a headline (the cheapest strategy that meets every target, or the closest), the four
/// strategies side by side with every figure explained on hover or click, and the cost / RTO and
/// cost / RPO trade-off charts. Follows the workload in focus and the design as it changes.
class TradeOffView : public QWidget
{
    Q_OBJECT

public:
    TradeOffView(StrategyAnalysis* analysis, WorkloadFocus* focus, QWidget* parent = nullptr);

    StrategyTableModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    TradeOffChart* rtoChart() const { return m_rtoChart; }
    TradeOffChart* rpoChart() const { return m_rpoChart; }
    /// The headline text.
    QString headline() const;
    /// The breakdown shown for the clicked cell.
    QString breakdown() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void showDetail();

    StrategyAnalysis* m_analysis;
    WorkloadFocus* m_focus;
    QLabel* m_headline = nullptr;
    QLabel* m_busy = nullptr;
    QLabel* m_legend = nullptr;
    StrategyTableModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QTextBrowser* m_detail = nullptr;
    TradeOffChart* m_rtoChart = nullptr;
    TradeOffChart* m_rpoChart = nullptr;
};

} // namespace firedrill::ui
