// The scenario builder driven through its widgets: a scenario created from the bar, a fault added from the
// canvas's fault menu, its bar dragged and stretched on the timeline (one undo step each), edited in the
// fault dialog, an inject added from the ruler, the workspace saved and opened again, the scenario deleted.

#include "ui/document/Document.h"
#include "ui/editor/ComponentItem.h"
#include "ui/editor/TopologyScene.h"
#include "ui/replay/FaultDialog.h"
#include "ui/replay/FaultMenu.h"
#include "ui/replay/InjectDialog.h"
#include "ui/replay/ScenarioBar.h"
#include "ui/replay/ScenarioTimeline.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDialogButtonBox>
#include <QDir>
#include <QGraphicsSceneContextMenuEvent>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <cmath>

using namespace firedrill;
using namespace firedrill::ui;

namespace {

constexpr qint64 kMinute = 60'000;

QString sample(const char* name)
{
    return QStringLiteral(FIREDRILL_SAMPLES_DIR "/") + QString::fromLatin1(name);
}

template <class W> W* child(QObject* parent, const char* name)
{
    W* w = parent->findChild<W*>(QString::fromLatin1(name));
    if (!w)
        qFatal("no child named %s", name);
    return w;
}

void clickOk(QDialog* dialog)
{
    QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

/// Types `text` into a unit field, replacing what it held.
void type(QDialog* dialog, const char* field, const QString& text)
{
    auto* edit = child<QLineEdit>(dialog, field);
    edit->selectAll();
    QTest::keyClicks(edit, text);
}

} // namespace

class TestScenarioBuilder : public QObject
{
    Q_OBJECT

    Document m_doc;
    QWidget m_host;
    ScenarioTimeline* m_timeline = nullptr;
    ScenarioBar* m_bar = nullptr;
    QString m_id;

    const Scenario& scenario() const
    {
        return *m_doc.topology().findScenario(ScenarioId(m_id.toStdString()));
    }
    const Fault& fault(int i) const { return scenario().faults[static_cast<std::size_t>(i)]; }

private slots:
    void initTestCase()
    {
        QVERIFY(m_doc.open(sample("two-region.yaml")).ok());
        auto* layout = new QVBoxLayout(&m_host);
        m_timeline = new ScenarioTimeline(&m_doc, &m_host);
        m_bar = new ScenarioBar(&m_doc, m_timeline, &m_host);
        layout->addWidget(m_bar);
        layout->addWidget(m_timeline, 1);
        m_host.resize(1100, 360);
        m_host.show();
        QVERIFY(QTest::qWaitForWindowExposed(&m_host));
    }

    void createScenarioFromTheBar()
    {
        const int before = static_cast<int>(m_doc.topology().scenarios.size());
        QTimer::singleShot(0, this, [] {
            auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QCOMPARE(dialog->objectName(), QStringLiteral("scenarioNameDialog"));
            QTest::keyClicks(dialog->findChild<QLineEdit*>(), QStringLiteral("Region drill"));
            clickOk(dialog);
        });
        QTest::mouseClick(child<QToolButton>(m_bar, "newScenarioButton"), Qt::LeftButton);
        QCOMPARE(static_cast<int>(m_doc.topology().scenarios.size()), before + 1);
        m_id = QStringLiteral("region-drill");
        QCOMPARE(scenario().name, std::string("Region drill"));
        QCOMPARE(scenario().duration, Duration::hours(1));
        QCOMPARE(m_bar->currentScenario(), m_id);
        QCOMPARE(m_timeline->scenarioId(), m_id);
        QCOMPARE(child<QComboBox>(m_bar, "scenarioCombo")->currentText(), QStringLiteral("Region drill"));
        QVERIFY(child<QToolButton>(m_bar, "addFaultButton")->isEnabled());

        // Its length: a bad one is refused with the reason, a good one is one undo step.
        auto* duration = child<QLineEdit>(m_bar, "field-scenarioDuration");
        QCOMPARE(duration->text(), QStringLiteral("1h"));
        duration->selectAll();
        QTest::keyClicks(duration, QStringLiteral("0s"));
        QTest::keyClick(duration, Qt::Key_Return);
        QVERIFY(!child<QLabel>(m_bar, "error-scenarioDuration")->text().isEmpty());
        QCOMPARE(scenario().duration, Duration::hours(1));
        duration->selectAll();
        QTest::keyClicks(duration, QStringLiteral("2h"));
        QTest::keyClick(duration, Qt::Key_Return);
        QCOMPARE(scenario().duration, Duration::hours(2));
        m_doc.undoStack()->undo();
        QCOMPARE(scenario().duration, Duration::hours(1));
        QCOMPARE(duration->text(), QStringLiteral("1h"));
    }

    void canvasAsksForFaultMenus()
    {
        TopologyScene scene(&m_doc);
        QSignalSpy spy(&scene, &TopologyScene::faultTargetMenuRequested);
        const QRectF card = scene.card(QStringLiteral("web-weu"))->sceneCardRect();
        auto rightClick = [&](QPointF at) {
            QGraphicsSceneContextMenuEvent event(QEvent::GraphicsSceneContextMenu);
            event.setScenePos(at);
            event.setScreenPos(QPoint(100, 100));
            QApplication::sendEvent(&scene, &event);
        };
        rightClick(card.center());
        QCOMPARE(spy.count(), 0); // the editor keeps its behaviour
        scene.setFaultMenuEnabled(true);
        rightClick(card.center());
        QCOMPARE(spy.count(), 1);
        auto target = spy.takeFirst().at(0).value<FaultTarget>();
        QCOMPARE(target.scope, FaultTarget::Scope::Component);
        QCOMPARE(target.id, std::string("web-weu"));

        // An empty spot in a zone lane of West Europe, and the region's title area.
        for (const ContainerBox& box : m_doc.layout().containers) {
            if (box.kind != ContainerBox::Kind::Region || box.id != QStringLiteral("weu"))
                continue;
            for (const LaneBox& lane : box.lanes) {
                if (lane.zone <= 0)
                    continue;
                const QPointF spot = lane.rect.bottomRight() - QPointF(3, 3);
                rightClick(spot);
                QCOMPARE(spy.count(), 1);
                const auto args = spy.takeFirst();
                target = args.at(0).value<FaultTarget>();
                QCOMPARE(target.scope, FaultTarget::Scope::Zone);
                QCOMPARE(target.zone, std::optional<int>(lane.zone));
                QCOMPARE(args.at(1).toString(), QStringLiteral("West Europe zone %1").arg(lane.zone));
                break;
            }
            rightClick(box.rect.topLeft() + QPointF(4, 4));
            QCOMPARE(spy.count(), 1);
            const auto args = spy.takeFirst();
            QCOMPARE(args.at(0).value<FaultTarget>().scope, FaultTarget::Scope::Region);
            QCOMPARE(args.at(1).toString(), QStringLiteral("West Europe"));
        }
    }

    void addRegionOutageFromTheFaultMenu()
    {
        m_timeline->setPlayhead(10 * kMinute);
        QMenu menu;
        const FaultTarget weu{FaultTarget::Scope::Region, "weu", std::nullopt};
        FaultMenu::fill(&menu, &m_doc, m_id, weu, QStringLiteral("West Europe"), m_timeline->playhead(),
                        &m_host);
        auto* fail = child<QAction>(&menu, "faultAction-outage");
        QCOMPARE(fail->text(), QStringLiteral("Fail West Europe at 00:10"));
        QVERIFY(!menu.findChild<QAction*>(QStringLiteral("faultAction-corruption"))); // regions hold no data
        QVERIFY(!menu.findChild<QAction*>(QStringLiteral("faultAction-crash")));
        const int steps = m_doc.undoStack()->index();
        fail->trigger();
        QCOMPARE(m_doc.undoStack()->index(), steps + 1);
        QCOMPARE(scenario().faults.size(), std::size_t(1));
        QCOMPARE(fault(0).target, weu);
        QCOMPARE(fault(0).kind, FaultKind::Outage);
        QCOMPARE(fault(0).at, Duration::minutes(10));
        QCOMPARE(fault(0).length, std::optional<Duration>(Duration::minutes(30)));
        QVERIFY(!m_timeline->faultBarRect(0).isEmpty());
    }

    void dragTheBarMovesItsStart()
    {
        const QRectF bar = m_timeline->faultBarRect(0);
        const double perMs = (m_timeline->xOf(3'600'000) - m_timeline->xOf(0)) / 3'600'000.0;
        const qint64 step = m_timeline->snapStep();
        QVERIFY(step == 10'000 || step == kMinute);
        const QPoint from = bar.center().toPoint();
        const int dx = static_cast<int>(std::lround(7.4 * kMinute * perMs));
        QCOMPARE(m_timeline->faultAt(from), 0);
        const int steps = m_doc.undoStack()->index();
        QTest::mousePress(m_timeline, Qt::LeftButton, {}, from);
        for (int i = 1; i <= 4; ++i)
            QTest::mouseMove(m_timeline, from + QPoint(dx * i / 4, 0));
        QTest::mouseRelease(m_timeline, Qt::LeftButton, {}, from + QPoint(dx, 0));
        const auto raw = static_cast<qint64>(std::llround(dx / perMs));
        const qint64 expected = static_cast<qint64>(std::llround(static_cast<double>(10 * kMinute + raw) /
                                                                 static_cast<double>(step))) *
                                step;
        QCOMPARE(fault(0).at.ms, expected);
        QCOMPARE(fault(0).at.ms % step, qint64(0));
        QVERIFY(std::abs(fault(0).at.ms - 17 * kMinute - 24'000) <= step);
        QCOMPARE(fault(0).length, std::optional<Duration>(Duration::minutes(30)));
        QCOMPARE(m_doc.undoStack()->index(), steps + 1); // the whole drag is one step
        m_doc.undoStack()->undo();
        QCOMPARE(fault(0).at, Duration::minutes(10));
        m_doc.undoStack()->redo();
        QCOMPARE(fault(0).at.ms, expected);
    }

    void dragTheRightEdgeChangesTheLength()
    {
        const QRectF bar = m_timeline->faultBarRect(0);
        const double perMs = (m_timeline->xOf(3'600'000) - m_timeline->xOf(0)) / 3'600'000.0;
        const QPoint from(static_cast<int>(bar.right()) - 2, static_cast<int>(bar.center().y()));
        const int steps = m_doc.undoStack()->index();
        const qint64 start = fault(0).at.ms;
        QTest::mousePress(m_timeline, Qt::LeftButton, {}, from);
        QTest::mouseMove(m_timeline, from + QPoint(-30, 0));
        QTest::mouseMove(m_timeline, from + QPoint(static_cast<int>(-10 * kMinute * perMs), 0));
        QTest::mouseRelease(m_timeline, Qt::LeftButton, {},
                            from + QPoint(static_cast<int>(-10 * kMinute * perMs), 0));
        QCOMPARE(fault(0).at.ms, start); // the start stays
        QVERIFY(fault(0).length);
        QVERIFY2(std::abs(fault(0).length->ms - 20 * kMinute) <= m_timeline->snapStep(),
                 qPrintable(QString::number(fault(0).length->ms)));
        QCOMPARE(fault(0).length->ms % m_timeline->snapStep(), qint64(0));
        QCOMPARE(m_doc.undoStack()->index(), steps + 1);
        m_doc.undoStack()->undo();
        QCOMPARE(fault(0).length, std::optional<Duration>(Duration::minutes(30)));
        m_doc.undoStack()->redo();
    }

    void editInTheFaultDialogRefusesBadValues()
    {
        const int steps = m_doc.undoStack()->index();
        bool sawRefusal = false;
        QTimer::singleShot(0, this, [&sawRefusal] {
            auto* dialog = qobject_cast<FaultDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto* target = child<QComboBox>(dialog, "targetCombo");
            auto* kind = child<QComboBox>(dialog, "kindCombo");
            QCOMPARE(target->currentText(), QStringLiteral("Region West Europe"));
            QCOMPARE(kind->findText(QStringLiteral("degradation")), -1); // not on a region
            target->setCurrentIndex(target->findText(QStringLiteral("web-weu")));
            kind->setCurrentIndex(kind->findText(QStringLiteral("degradation")));
            QVERIFY(child<QLineEdit>(dialog, "field-latency")->isVisibleTo(dialog));
            QVERIFY(!child<QLineEdit>(dialog, "field-multiplier")->isVisibleTo(dialog));
            type(dialog, "field-latency", QStringLiteral("fast"));
            type(dialog, "field-errorRate", QStringLiteral("150%"));
            clickOk(dialog);
            QVERIFY(dialog->isVisible()); // refused
            QVERIFY(!child<QLabel>(dialog, "error-latency")->text().isEmpty());
            QVERIFY(child<QLabel>(dialog, "error-latency")->isVisibleTo(dialog));
            QVERIFY(
                child<QLabel>(dialog, "error-errorRate")->text().contains(QStringLiteral("between 0 and 1")));
            sawRefusal = true;
            if (const QString dir = qEnvironmentVariable("FIREDRILL_SCREENSHOT_DIR"); !dir.isEmpty())
                QVERIFY(dialog->grab().save(QDir(dir).filePath(QStringLiteral("fault-dialog.png"))));
            type(dialog, "field-latency", QStringLiteral("2s"));
            type(dialog, "field-errorRate", QStringLiteral("25%"));
            clickOk(dialog);
        });
        QSignalSpy activated(m_timeline, &ScenarioTimeline::faultActivated);
        QTest::mouseDClick(m_timeline, Qt::LeftButton, {}, m_timeline->faultBarRect(0).center().toPoint());
        QVERIFY(sawRefusal);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(m_doc.undoStack()->index(), steps + 1);
        QCOMPARE(fault(0).target, (FaultTarget{FaultTarget::Scope::Component, "web-weu", std::nullopt}));
        QCOMPARE(fault(0).kind, FaultKind::Degradation);
        QCOMPARE(fault(0).latency, std::optional<Duration>(Duration::seconds(2)));
        QCOMPARE(fault(0).errorRate, std::optional<double>(0.25));
    }

    void addFaultsFromTheBar()
    {
        // A region outage back in, from the bar's fault palette (no selection: the dialog, prefilled).
        m_timeline->setPlayhead(5 * kMinute);
        QTimer::singleShot(0, this, [] {
            auto* dialog = qobject_cast<FaultDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto* target = child<QComboBox>(dialog, "targetCombo");
            target->setCurrentIndex(target->findText(QStringLiteral("Region West Europe")));
            QCOMPARE(child<QLineEdit>(dialog, "field-start")->text(), QStringLiteral("5m"));
            QCOMPARE(child<QComboBox>(dialog, "kindCombo")->currentText(), QStringLiteral("outage"));
            child<QCheckBox>(dialog, "untilEndCheck")->setChecked(true);
            clickOk(dialog);
        });
        child<QAction>(m_bar, "addFault-outage")->trigger();
        QCOMPARE(scenario().faults.size(), std::size_t(2));
        QCOMPARE(fault(1).at, Duration::minutes(5));
        QVERIFY(!fault(1).length);
        // With a component selected, a crash goes on it at once.
        m_bar->setSelectedIds({QStringLiteral("sql-ag")});
        child<QAction>(m_bar, "addFault-crash")->trigger();
        QCOMPARE(scenario().faults.size(), std::size_t(3));
        QCOMPARE(fault(2).target.id, std::string("sql-ag"));
        QCOMPARE(fault(2).kind, FaultKind::Crash);
        m_bar->setSelectedIds({});
    }

    void duplicateAndDeleteFromTheBarsMenu()
    {
        auto rightClickBar = [this](int index, const char* action) {
            QTimer::singleShot(0, this, [action] {
                auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
                QVERIFY(menu);
                QVERIFY(menu->findChild<QAction*>(QStringLiteral("editFaultAction")));
                menu->setActiveAction(child<QAction>(menu, action));
                QTest::keyClick(menu, Qt::Key_Return);
            });
            const QPoint at = m_timeline->faultBarRect(index).center().toPoint();
            QContextMenuEvent event(QContextMenuEvent::Mouse, at, m_timeline->mapToGlobal(at));
            QApplication::sendEvent(m_timeline, &event);
        };
        const Fault crash = fault(2);
        rightClickBar(2, "duplicateFaultAction");
        QCOMPARE(scenario().faults.size(), std::size_t(4));
        QCOMPARE(fault(3), crash);
        rightClickBar(3, "deleteFaultAction");
        QCOMPARE(scenario().faults.size(), std::size_t(3));
        m_doc.undoStack()->undo();
        QCOMPARE(scenario().faults.size(), std::size_t(4));
        m_doc.undoStack()->redo();
        QCOMPARE(scenario().faults.size(), std::size_t(3));
    }

    void addInjectFromTheRuler()
    {
        const QRectF ruler = m_timeline->rulerRect();
        const QPoint at(static_cast<int>(m_timeline->xOf(40 * kMinute)),
                        static_cast<int>(ruler.center().y()));
        bool sawRefusal = false;
        QTimer::singleShot(0, this, [this, &sawRefusal] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            QVERIFY(menu);
            auto* add = child<QAction>(menu, "addInjectAction");
            QVERIFY(add->text().startsWith(QStringLiteral("Add inject here")));
            QTimer::singleShot(0, this, [&sawRefusal] {
                auto* dialog = qobject_cast<InjectDialog*>(QApplication::activeModalWidget());
                QVERIFY(dialog);
                clickOk(dialog); // no prompt yet
                QVERIFY(dialog->isVisible());
                QVERIFY(child<QLabel>(dialog, "promptError")->isVisibleTo(dialog));
                sawRefusal = true;
                auto* prompt = child<QPlainTextEdit>(dialog, "promptEdit");
                QTest::keyClicks(prompt, QStringLiteral("West Europe is down."));
                QTest::keyClick(prompt, Qt::Key_Return);
                QTest::keyClicks(prompt, QStringLiteral("Who decides to fail over?"));
                clickOk(dialog);
            });
            menu->setActiveAction(add);
            QTest::keyClick(menu, Qt::Key_Return);
        });
        QContextMenuEvent event(QContextMenuEvent::Mouse, at, m_timeline->mapToGlobal(at));
        QApplication::sendEvent(m_timeline, &event);
        QVERIFY(sawRefusal);
        QCOMPARE(scenario().injects.size(), std::size_t(1));
        QCOMPARE(scenario().injects[0].prompt,
                 std::string("West Europe is down.\nWho decides to fail over?"));
        QCOMPARE(scenario().injects[0].at.ms % m_timeline->snapStep(), qint64(0));
        QVERIFY(std::abs(scenario().injects[0].at.ms - 40 * kMinute) <= m_timeline->snapStep());
        const QPoint flag(static_cast<int>(m_timeline->xOf(scenario().injects[0].at.ms)) + 3,
                          static_cast<int>(ruler.top()) + 4);
        QCOMPARE(m_timeline->injectAt(flag), 0);
    }

    void clickingTheRulerSeeks()
    {
        QSignalSpy seek(m_timeline, &ScenarioTimeline::seekRequested);
        const QRectF ruler = m_timeline->rulerRect();
        const QPoint at(static_cast<int>(m_timeline->xOf(30 * kMinute)),
                        static_cast<int>(ruler.bottom()) - 3);
        QTest::mouseClick(m_timeline, Qt::LeftButton, {}, at);
        QVERIFY(seek.count() >= 1);
        QVERIFY(std::abs(m_timeline->playhead() - 30 * kMinute) < kMinute);
        QCOMPARE(seek.last().at(0).toLongLong(), m_timeline->playhead());
    }

    void screenshot()
    {
        m_timeline->setEventMarks(
            {10 * kMinute + 30'000, 11 * kMinute, 12 * kMinute, 17 * kMinute, 21 * kMinute});
        m_timeline->setPlayhead(24 * kMinute);
        m_host.resize(1100, m_host.sizeHint().height());
        // Light, then dark: the timeline follows the application palette.
        const QPalette light = QApplication::palette();
        QPalette dark;
        for (auto role : {QPalette::Window, QPalette::Base, QPalette::Button})
            dark.setColor(role, QColor(0x26, 0x2a, 0x30));
        for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
            dark.setColor(role, QColor(0xe6, 0xe9, 0xed));
        const QString dir = qEnvironmentVariable("FIREDRILL_SCREENSHOT_DIR");
        for (const auto& [palette, name] :
             {std::pair{light, "scenario-timeline.png"}, std::pair{dark, "scenario-timeline-dark.png"}}) {
            QApplication::setPalette(palette);
            QApplication::processEvents();
            const QImage image = m_host.grab().toImage();
            QVERIFY(!image.isNull());
            if (!dir.isEmpty())
                QVERIFY(image.save(QDir(dir).filePath(QString::fromLatin1(name))));
        }
        QApplication::setPalette(light);
    }

    void saveAndOpenAgain()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("drill.firedrill"));
        QVERIFY(m_doc.saveAs(path, QStringLiteral("Scenario built")).ok());
        Document reopened;
        QVERIFY(reopened.open(path).ok());
        const Scenario* back = reopened.topology().findScenario(ScenarioId(m_id.toStdString()));
        QVERIFY(back);
        QCOMPARE(back->name, scenario().name);
        QCOMPARE(back->duration, scenario().duration);
        QCOMPARE(back->faults, scenario().faults);
        QCOMPARE(back->injects, scenario().injects);
    }

    void fromTemplate()
    {
        auto* button = child<QToolButton>(m_bar, "templateButton");
        emit button->menu()->aboutToShow(); // the menu is filled from the current topology when it opens
        // core's six templates, aimed at the first workload (primary region weu).
        QCOMPARE(button->menu()->actions().size(), 6);
        auto* first = child<QAction>(button->menu(), "template-region-outage");
        QCOMPARE(first->text(), QStringLiteral("Region outage"));
        QVERIFY(first->isEnabled());
        QVERIFY(child<QAction>(button->menu(), "template-vpn-cut")->isEnabled());
        const QString before = m_bar->currentScenario();
        first->trigger();
        const QString id = m_bar->currentScenario();
        QCOMPARE(id, QStringLiteral("region-outage-weu"));
        const Scenario* made = m_doc.topology().findScenario(ScenarioId(id.toStdString()));
        QVERIFY(made);
        QCOMPARE(made->faults[0].target, (FaultTarget{FaultTarget::Scope::Region, "weu", std::nullopt}));
        QCOMPARE(made->faults[0].at, Duration::minutes(10));
        QVERIFY(!made->injects.empty());
        QCOMPARE(m_timeline->scenarioId(), id);
        m_doc.undoStack()->undo();
        QVERIFY(!m_doc.topology().findScenario(ScenarioId(id.toStdString())));
        m_bar->setCurrentScenario(before);
    }

    void deleteIsUndoable()
    {
        const std::size_t count = m_doc.topology().scenarios.size();
        QTest::mouseClick(child<QToolButton>(m_bar, "deleteScenarioButton"), Qt::LeftButton);
        QCOMPARE(m_doc.topology().scenarios.size(), count - 1);
        QVERIFY(!m_doc.topology().findScenario(ScenarioId(m_id.toStdString())));
        QVERIFY(m_bar->currentScenario() != m_id);
        QVERIFY(m_timeline->scenarioId() != m_id);
        m_doc.undoStack()->undo();
        QCOMPARE(m_doc.topology().scenarios.size(), count);
        QCOMPARE(scenario().faults.size(), std::size_t(3));
        m_bar->setCurrentScenario(m_id);
        QCOMPARE(m_timeline->scenarioId(), m_id);
    }

    void faultDomainOutageOfAnAvailabilitySet()
    {
        // web-weu without fault domains: no fault-domain fault is offered.
        const FaultTarget web{FaultTarget::Scope::Component, "web-weu", std::nullopt};
        QVERIFY(!faultKindAllowed(m_doc.topology(), web, FaultKind::FaultDomain));
        Component c = *m_doc.topology().findComponent(ComponentId("web-weu"));
        c.faultDomains = 3;
        m_doc.replaceComponent(c);
        QVERIFY(faultKindAllowed(m_doc.topology(), web, FaultKind::FaultDomain));

        // From the canvas menu: domain 0 at the playhead, one undo step.
        m_timeline->setPlayhead(20 * kMinute);
        QMenu menu;
        FaultMenu::fill(&menu, &m_doc, m_id, web, QStringLiteral("web-weu"), m_timeline->playhead(), &m_host);
        auto* take = child<QAction>(&menu, "faultAction-fault-domain");
        QCOMPARE(take->text(), QStringLiteral("Take fault domain 0 of web-weu down at 00:20"));
        const std::size_t before = scenario().faults.size();
        const int steps = m_doc.undoStack()->index();
        take->trigger();
        QCOMPARE(m_doc.undoStack()->index(), steps + 1);
        QCOMPARE(scenario().faults.size(), before + 1);
        const Fault added = scenario().faults.back();
        QCOMPARE(added.kind, FaultKind::FaultDomain);
        QCOMPARE(added.domain, std::optional<int>(0));
        QCOMPARE(faultLaneLabel(m_doc.topology(), added), QStringLiteral("web-weu — fault domain 0 outage"));

        // The dialog: the domain spin box shows for this kind only, bounded by the component's 3 domains.
        FaultDialog dialog(m_doc.topology(), scenario().duration.ms);
        dialog.setFault(added);
        auto* domain = child<QSpinBox>(&dialog, "domainSpin");
        QVERIFY(domain->isVisibleTo(&dialog));
        QCOMPARE(domain->maximum(), 2);
        domain->setValue(2);
        dialog.accept();
        QCOMPARE(dialog.fault().domain, std::optional<int>(2));
        QCOMPARE(dialog.fault().kind, FaultKind::FaultDomain);
        auto* kind = child<QComboBox>(&dialog, "kindCombo");
        kind->setCurrentIndex(kind->findText(QStringLiteral("outage")));
        QVERIFY(!domain->isVisibleTo(&dialog));
        m_doc.undoStack()->undo();
        QCOMPARE(scenario().faults.size(), before);
    }
};

QTEST_MAIN(TestScenarioBuilder)
#include "test_scenario_builder.moc"
