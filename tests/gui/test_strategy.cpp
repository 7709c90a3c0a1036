// The strategy and trade-off view driven through its widgets (offscreen): the table shows core/analysis's
// figures, a chosen strategy is previewed on the canvas and applied as one undoable step, chart points and
// column headers choose strategies, recovery settings and policy targets are edited and undone.
#include "EditorTestWindow.h"
#include "core/analysis/StrategyComparison.h"
#include "core/io/PriceTableReader.h"
#include "core/io/TopologyFile.h"
#include "ui/availability/AvailabilityView.h"
#include "ui/document/Document.h"
#include "ui/document/WorkloadFocus.h"
#include "ui/editor/TopologyScene.h"
#include "ui/panels/SummaryStrip.h"
#include "ui/panels/UnitField.h"
#include "ui/strategy/PoliciesPanel.h"
#include "ui/strategy/StrategyAnalysis.h"
#include "ui/strategy/StrategyPanel.h"
#include "ui/strategy/StrategyTableModel.h"
#include "ui/strategy/TradeOffChart.h"
#include "ui/strategy/TradeOffView.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScatterSeries>
#include <QSlider>
#include <QTabWidget>
#include <QTableView>
#include <QUndoStack>

using namespace firedrill;
using namespace firedrill::ui;

namespace {

QString samplePath(const char* name)
{
    return QStringLiteral(FIREDRILL_SAMPLES_DIR "/%1.yaml").arg(QLatin1String(name));
}

using Row = StrategyTableModel::RowKind;

/// Waits (up to 10 s) until the analysis has published figures for the document as it is now.
bool settle(MainWindow& w)
{
    StrategyAnalysis* a = w.strategyAnalysis();
    auto ready = [&] {
        return !a->busy() && a->figures().topology == w.document()->topology() &&
               a->figures().workload == w.workloadFocus()->id();
    };
    for (int i = 0; i < 1000 && !ready(); ++i)
        QTest::qWait(10);
    return ready();
}

QVariant cell(MainWindow& w, Row row, int column, DisruptionClass d = DisruptionClass::Region,
              int role = StrategyTableModel::ValueRole)
{
    StrategyTableModel* m = w.tradeOffView()->model();
    return m->data(m->index(StrategyTableModel::rowOf(row, d), column), role);
}

const Component* find(MainWindow& w, const char* id)
{
    return w.document()->topology().findComponent(ComponentId(id));
}

void commitText(UnitField* field, const QString& text)
{
    field->lineEdit()->setFocus();
    field->lineEdit()->selectAll();
    QTest::keyClicks(field->lineEdit(), text);
    QTest::keyClick(field->lineEdit(), Qt::Key_Return);
}

constexpr int kRedeploy = 0, kActivePassiveDb = 1, kActivePassiveFull = 2, kActiveActive = 3;

} // namespace

class TestStrategy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::isolateTestApplication(); }
    void init()
    {
        PoliciesPanel::restoreBuiltInPresets();
        m_window = test::makeTestWindow();
        QVERIFY(m_window->openFile(samplePath("two-region")));
        QVERIFY(settle(*m_window));
    }
    void cleanup() { m_window.reset(); }

    void tableShowsCoreFigures()
    {
        MainWindow& w = *m_window;
        const auto core = compareStrategies(w.document()->topology(), WorkloadId("sites"), builtInPriceTable());
        QVERIFY(core.ok());
        QCOMPARE(w.tradeOffView()->model()->columnCount(), 4);
        for (int c = 0; c < 4; ++c) {
            const StrategyOption& o = core->options[static_cast<std::size_t>(c)];
            QCOMPARE(cell(w, Row::Cost, c).toDouble(), o.monthlyCost);
            QCOMPARE(cell(w, Row::SecondaryCost, c).toDouble(), o.secondaryCost);
            QCOMPARE(cell(w, Row::Availability, c).toDouble(), o.availability);
            for (const RecoveryEstimate& e : o.estimates) {
                QCOMPARE(cell(w, Row::Rto, c, e.disruption).toLongLong(), e.rto.total.ms);
                QCOMPARE(cell(w, Row::Rpo, c, e.disruption).toLongLong(), e.rpo.total.ms);
            }
        }
        // By hand (docs/estimates.md): the pilot light's region RTO is probes 3 x 30s + 10s, the 15m
        // decision, 30s promotion... = 16m 40s; the full replica costs 6,616 USD a month.
        QCOMPARE(cell(w, Row::Rto, kActivePassiveDb).toLongLong(), Duration::seconds(16 * 60 + 40).ms);
        QCOMPARE(qRound(cell(w, Row::Cost, kActivePassiveFull).toDouble()), 6616);
        QCOMPARE(cell(w, Row::Rpo, kRedeploy).toLongLong(), Duration::minutes(15).ms);
        // Targets colour the cells: the full replica's 5s region RPO meets 1m, its 15m 40s RTO breaches 15m.
        QCOMPARE(cell(w, Row::Rpo, kActivePassiveFull, DisruptionClass::Region, StrategyTableModel::MetRole), QVariant(true));
        QCOMPARE(cell(w, Row::Rto, kActivePassiveFull, DisruptionClass::Region, StrategyTableModel::MetRole), QVariant(false));
        QVERIFY(w.tradeOffView()->headline().contains(QStringLiteral("no strategy meets every target")));
        const QString header = w.tradeOffView()->model()->headerData(kActiveActive, Qt::Horizontal, Qt::DisplayRole).toString();
        QVERIFY2(header.contains(QStringLiteral("current")), qPrintable(header));
    }

    void clickingAFigureExplainsIt()
    {
        MainWindow& w = *m_window;
        w.pages()->setCurrentWidget(w.tradeOffView());
        QTableView* table = w.tradeOffView()->table();
        const QModelIndex index = table->model()->index(StrategyTableModel::rowOf(Row::Rto), kActivePassiveDb);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
        const QString text = w.tradeOffView()->breakdown();
        QVERIFY2(text.contains(QStringLiteral("decision")) && text.contains(QStringLiteral("= RTO")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("16m 40s")));
        QVERIFY(text.contains(QStringLiteral("breached")));
    }

    void chooseApplyUndo()
    {
        MainWindow& w = *m_window;
        const Topology before = w.document()->topology();
        const int steps = w.document()->undoStack()->count();
        auto* button = w.strategyPanel()->findChild<QRadioButton*>(QStringLiteral("strategy-redeploy-from-backup"));
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(8, button->height() / 2));
        QCOMPARE(w.strategyPanel()->choice().kind, StrategyKind::RedeployFromBackup);
        // The canvas previews it: the secondary region's compute is going away; nothing has changed yet.
        QVERIFY(w.scene()->previewing());
        QVERIFY(!w.previewBanner()->isHidden());
        QCOMPARE(w.scene()->previewMark(QStringLiteral("web-neu")), PreviewMark::Removed);
        QVERIFY(w.scene()->card(QStringLiteral("web-neu")));
        QCOMPARE(w.document()->topology(), before);

        QTest::mouseClick(w.strategyPanel()->findChild<QPushButton*>(QStringLiteral("applyStrategy")), Qt::LeftButton);
        QCOMPARE(w.document()->undoStack()->count(), steps + 1);
        QCOMPARE(w.document()->topology().findWorkload(WorkloadId("sites"))->strategy->kind, StrategyKind::RedeployFromBackup);
        QVERIFY(!find(w, "web-neu"));
        QVERIFY(!w.scene()->previewing()); // applied: nothing left to preview
        QVERIFY(w.previewBanner()->isHidden());
        QVERIFY(settle(w));
        QCOMPARE(cell(w, Row::Changes, kRedeploy).toInt(), 0);

        w.document()->undoStack()->undo();
        QCOMPARE(w.document()->topology(), before);
        QVERIFY(settle(w));
        QCOMPARE(cell(w, Row::Changes, kActiveActive).toInt(), 0);
    }

    void scaleFactorRescalesTheSecondary()
    {
        MainWindow& w = *m_window;
        w.strategyPanel()->choose(StrategyKind::ActivePassiveFull);
        QCOMPARE(w.scene()->previewMark(QStringLiteral("agw-neu")), PreviewMark::Rescaled);
        auto* slider = w.strategyPanel()->findChild<QSlider*>(QStringLiteral("scaleFactor"));
        QVERIFY(slider && slider->isEnabled());
        QCOMPARE(slider->value(), 10); // 50 %
        slider->setValue(20);          // full size
        QCOMPARE(w.strategyPanel()->choice().scaleFactor, std::optional(1.0));
        QVERIFY(w.strategyPanel()->apply());
        QCOMPARE(find(w, "web-neu")->instances, std::optional(3)); // as many as web-weu
        QCOMPARE(find(w, "agw-neu")->instances, std::optional(2));
        QCOMPARE(w.document()->topology().findWorkload(WorkloadId("sites"))->strategy->scaleFactor, std::optional(1.0));
    }

    void chartPointsAndHeadersChooseStrategies()
    {
        MainWindow& w = *m_window;
        TradeOffChart* chart = w.tradeOffView()->rtoChart();
        QCOMPARE(chart->plotted().size(), std::size_t(4));
        QCOMPARE(chart->frontSize(), 2); // pilot light and the half-size full replica
        QVERIFY(chart->currentIndex());
        QScatterSeries* pilot = chart->seriesOf(StrategyKind::ActivePassiveDb);
        QVERIFY(pilot && pilot->count() == 1);
        emit pilot->clicked(pilot->at(0));
        QCOMPARE(w.strategyPanel()->choice().kind, StrategyKind::ActivePassiveDb);
        QCOMPARE(w.tradeOffView()->rpoChart()->frontSize(), 1);

        w.pages()->setCurrentWidget(w.tradeOffView());
        QHeaderView* header = w.tradeOffView()->table()->horizontalHeader();
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(kActivePassiveFull) + 10, header->height() / 2));
        QCOMPARE(w.strategyPanel()->choice().kind, StrategyKind::ActivePassiveFull);
    }

    void recoverySettingsChangeTheFigures()
    {
        MainWindow& w = *m_window;
        auto field = [&](const char* name) -> UnitField* {
            for (UnitField* f : w.strategyPanel()->findChildren<UnitField*>())
                if (f->lineEdit()->objectName() == QLatin1String(name))
                    return f;
            return nullptr;
        };
        UnitField* dns = field("field-tm-dnsTtl");
        QVERIFY(dns);
        QCOMPARE(dns->text(), QStringLiteral("1m"));
        commitText(dns, QStringLiteral("soon"));
        QVERIFY(!dns->error().isEmpty());
        QCOMPARE(find(w, "tm")->dnsTtl, std::optional(Duration::minutes(1)));
        commitText(dns, QStringLiteral("30s"));
        QCOMPARE(find(w, "tm")->dnsTtl, std::optional(Duration::seconds(30)));
        w.document()->undoStack()->undo();
        QCOMPARE(find(w, "tm")->dnsTtl, std::optional(Duration::minutes(1)));

        // The manual cross-region decision drops from 15m to 5m: the pilot light's region RTO 16m 40s
        // loses 10m (6m 40s); active-active is then bound by its scale-out path, 7m 40s.
        UnitField* decision = field("field-sql-ag-decision");
        QVERIFY(decision);
        QCOMPARE(decision->text(), QStringLiteral("15m"));
        commitText(decision, QStringLiteral("5m"));
        QCOMPARE(find(w, "sql-ag")->failover->decision, std::optional(Duration::minutes(5)));
        QVERIFY(settle(w));
        QCOMPARE(cell(w, Row::Rto, kActivePassiveDb).toLongLong(), Duration::seconds(6 * 60 + 40).ms);
        QCOMPARE(cell(w, Row::Rto, kActiveActive).toLongLong(), Duration::seconds(7 * 60 + 40).ms);
        w.document()->undoStack()->undo();
        QCOMPARE(find(w, "sql-ag")->failover->decision, std::optional(Duration::minutes(15)));
    }

    void policyTargetsAndPresets()
    {
        MainWindow& w = *m_window;
        PoliciesPanel* p = w.policiesPanel();
        UnitField* regionRto = p->field(DisruptionClass::Region, true);
        QCOMPARE(regionRto->text(), QStringLiteral("15m"));
        commitText(regionRto, QStringLiteral("20m"));
        const Policy* region = nullptr;
        for (const Policy& pol : w.document()->topology().policies)
            if (pol.disruption == DisruptionClass::Region)
                region = &pol;
        QVERIFY(region);
        QCOMPARE(region->rto, std::optional(Duration::minutes(20)));
        QCOMPARE(region->rpo, std::optional(Duration::minutes(1)));
        QVERIFY(settle(w)); // 15m 40s now meets 20m
        QCOMPARE(cell(w, Row::Rto, kActivePassiveFull, DisruptionClass::Region, StrategyTableModel::MetRole), QVariant(true));

        const auto before = w.document()->topology().policies;
        p->presetList()->setCurrentIndex(2); // non-critical
        QTest::mouseClick(p->findChild<QPushButton*>(QStringLiteral("applyPreset")), Qt::LeftButton);
        std::size_t mine = 0;
        for (const Policy& pol : w.document()->topology().policies)
            mine += pol.workload == WorkloadId("sites") ? 1u : 0u;
        QCOMPARE(mine, std::size_t(4));
        QCOMPARE(p->field(DisruptionClass::Region, true)->text(), QStringLiteral("1d"));
        QVERIFY(settle(w));
        QVERIFY(w.tradeOffView()->headline().contains(QStringLiteral("meets every target")));
        w.document()->undoStack()->undo();
        QCOMPARE(w.document()->topology().policies, before);

        // Saving the targets as a preset overwrites it (kept in the settings) until restored.
        p->presetList()->setCurrentIndex(1);
        QTest::mouseClick(p->findChild<QPushButton*>(QStringLiteral("savePreset")), Qt::LeftButton);
        auto presets = PoliciesPanel::presets();
        QCOMPARE(presets[1].targets.size(), std::size_t(4)); // instance, zone, region, corruption
        QCOMPARE(presets[1].targets[2].rto, std::optional(Duration::minutes(20)));
        QTest::mouseClick(p->findChild<QPushButton*>(QStringLiteral("restorePresets")), Qt::LeftButton);
        QCOMPARE(PoliciesPanel::presets()[1], builtInPolicyPresets()[1]);
    }

    void focusFollowsTheWorkload()
    {
        MainWindow& w = *m_window;
        QVERIFY(w.openFile(samplePath("gas-trading")));
        QVERIFY(settle(w));
        const QString first = w.workloadFocus()->id();
        QString other;
        for (const Workload& wl : w.document()->topology().workloads)
            if (QString::fromStdString(wl.id.str()) != first)
                other = QString::fromStdString(wl.id.str());
        QVERIFY(!other.isEmpty());
        auto* combo = w.findChild<QComboBox*>(QStringLiteral("focusWorkload"));
        QVERIFY(combo);
        combo->setCurrentIndex(combo->findData(other));
        emit combo->activated(combo->currentIndex());
        QCOMPARE(w.workloadFocus()->id(), other);
        QVERIFY(settle(w));
        QCOMPARE(w.tradeOffView()->model()->comparison()->workload.str(), other.toStdString());
        const auto core = compareStrategies(w.document()->topology(), WorkloadId(other.toStdString()), builtInPriceTable());
        QCOMPARE(cell(w, Row::Cost, kActiveActive).toDouble(), core->options[kActiveActive].monthlyCost);
    }

    void pagesAndFocusAreShared()
    {
        MainWindow& w = *m_window;
        QVERIFY(w.openFile(samplePath("gas-trading")));
        for (int page : {1, 2, 5, 4, 3}) { // diagram, trade-offs, replay, drill plans, availability
            auto* action = w.findChild<QAction*>(QStringLiteral("actionPage%1").arg(page));
            QVERIFY(action);
            action->trigger();
            QCOMPARE(w.pages()->currentIndex(), page - 1);
        }
        QCOMPARE(w.pages()->count(), 5);
        QCOMPARE(w.pages()->currentWidget(), static_cast<QWidget*>(w.availabilityView()));
        const QString last = QString::fromStdString(w.document()->topology().workloads.back().id.str());
        w.workloadFocus()->setId(last);
        QCOMPARE(w.availabilityView()->selectedWorkload(), last);
        QCOMPARE(w.summaryStrip()->focus(), std::optional(WorkloadId(last.toStdString())));
    }

private:
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestStrategy)
#include "test_strategy.moc"
