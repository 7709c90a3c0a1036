#include "ScenarioTimeline.h"

#include "FaultDialog.h"
#include "FaultLabels.h"
#include "InjectDialog.h"
#include "ScenarioEdits.h"
#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"
#include "ui/document/commands/SetScenarioCommand.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace firedrill::ui {

namespace {

/// How close (pixels) to a bar's right end a press stretches it instead of moving it.
constexpr double kEdgeGrip = 7.0;

} // namespace

ScenarioTimeline::ScenarioTimeline(Document* document, QWidget* parent)
    : QWidget(parent), m_document(document)
{
    setObjectName(QStringLiteral("scenarioTimeline"));
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    // Read from the back of a room: a size larger than the application's.
    QFont f = font();
    f.setPointSizeF(std::max(f.pointSizeF() * 1.15, 11.0));
    setFont(f);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    connect(m_document, &Document::changed, this, &ScenarioTimeline::onDocumentChanged);
}

void ScenarioTimeline::setScenario(const QString& id)
{
    const QString next = findScenario(m_document, id) ? id : QString();
    if (next == m_scenarioId)
        return;
    m_scenarioId = next;
    m_drag = Drag::None;
    m_hovered = -1;
    if (const Scenario* s = scenario())
        m_playhead = std::clamp<qint64>(m_playhead, 0, s->duration.ms);
    updateGeometry();
    update();
}

void ScenarioTimeline::setPlayhead(qint64 ms)
{
    const Scenario* s = scenario();
    const qint64 clamped = std::clamp<qint64>(ms, 0, s ? s->duration.ms : std::max<qint64>(ms, 0));
    if (clamped == m_playhead)
        return;
    m_playhead = clamped;
    update();
}

void ScenarioTimeline::setEventMarks(std::vector<qint64> ms)
{
    m_eventMarks = std::move(ms);
    update();
}

void ScenarioTimeline::onDocumentChanged(const ChangeEvent& event)
{
    using K = ChangeEvent::Kind;
    if (event.kind != K::ScenariosChanged && event.kind != K::Reset && event.kind != K::TopologyReplaced &&
        event.kind != K::RegionsChanged && event.kind != K::ComponentChanged &&
        event.kind != K::ComponentRemoved)
        return;
    if (!scenario()) {
        m_scenarioId.clear();
        m_drag = Drag::None;
    } else if (m_dragIndex >= static_cast<int>(scenario()->faults.size())) {
        m_drag = Drag::None;
    }
    updateGeometry();
    update();
}

const Scenario* ScenarioTimeline::scenario() const
{
    return findScenario(m_document, m_scenarioId);
}

ScenarioTimeline::Metrics ScenarioTimeline::metrics() const
{
    const QFontMetricsF fm(font());
    Metrics m;
    m.margin = std::round(fm.height() * 0.5);
    m.flagRow = std::round(fm.height() * 1.1);
    m.clockRow = std::round(fm.height() * 1.3);
    m.tickRow = std::round(fm.height() * 0.6);
    m.laneHeight = std::round(fm.height() * 2.1);
    m.lanesTop = m.margin + m.flagRow + m.clockRow + m.tickRow + 4;
    double widest = fm.horizontalAdvance(tr("Faults"));
    if (const Scenario* s = scenario())
        for (const Fault& f : s->faults)
            widest = std::max(widest, fm.horizontalAdvance(faultLaneLabel(m_document->topology(), f)));
    const double narrowest = 8 * fm.averageCharWidth();
    m.labelWidth = std::clamp(widest + 2 * m.margin, narrowest, std::max(narrowest, width() * 0.38));
    return m;
}

TimelineScale ScenarioTimeline::scale() const
{
    const Metrics m = metrics();
    const double left = m.margin + m.labelWidth + m.margin;
    // Room on the right for half of the last clock label.
    const double right = m.margin + QFontMetricsF(font()).horizontalAdvance(QStringLiteral("00:00")) / 2;
    const Scenario* s = scenario();
    return TimelineScale(s ? s->duration.ms : 3'600'000, left, width() - left - right);
}

double ScenarioTimeline::xOf(qint64 ms) const
{
    return scale().xOf(ms);
}

qint64 ScenarioTimeline::snapStep() const
{
    return scale().snapStep();
}

QRectF ScenarioTimeline::rulerRect() const
{
    const Metrics m = metrics();
    return QRectF(0, m.margin, width(), m.flagRow + m.clockRow + m.tickRow);
}

QRectF ScenarioTimeline::laneRect(int index) const
{
    const Metrics m = metrics();
    return QRectF(0, m.lanesTop + index * m.laneHeight, width(), m.laneHeight);
}

QRectF ScenarioTimeline::faultBarRect(int index) const
{
    const Scenario* s = scenario();
    if (!s || index < 0 || index >= static_cast<int>(s->faults.size()))
        return {};
    const Fault& f = s->faults[static_cast<std::size_t>(index)];
    const TimelineScale sc = scale();
    const qint64 end = f.length ? std::min(f.at.ms + f.length->ms, s->duration.ms) : s->duration.ms;
    const QRectF lane = laneRect(index);
    const double pad = std::round(lane.height() * 0.2);
    const double x0 = sc.xOf(std::min(f.at.ms, s->duration.ms));
    const double x1 = std::max(sc.xOf(end), x0 + 4); // a zero-length fault stays visible and grabbable
    return QRectF(x0, lane.top() + pad, x1 - x0, lane.height() - 2 * pad);
}

int ScenarioTimeline::faultAt(QPoint pos) const
{
    const Scenario* s = scenario();
    if (!s)
        return -1;
    for (int i = 0; i < static_cast<int>(s->faults.size()); ++i)
        if (faultBarRect(i).adjusted(-2, 0, 2, 0).contains(pos))
            return i;
    return -1;
}

int ScenarioTimeline::injectAt(QPoint pos) const
{
    const Scenario* s = scenario();
    if (!s || !rulerRect().contains(pos))
        return -1;
    const TimelineScale sc = scale();
    const double reach = metrics().flagRow * 0.6;
    for (int i = 0; i < static_cast<int>(s->injects.size()); ++i) {
        const double x = sc.xOf(s->injects[static_cast<std::size_t>(i)].at.ms);
        if (pos.x() >= x - 3 && pos.x() <= x + reach && pos.y() <= rulerRect().top() + metrics().flagRow)
            return i;
    }
    return -1;
}

bool ScenarioTimeline::onRightEdge(int index, QPoint pos) const
{
    const QRectF bar = faultBarRect(index);
    return !bar.isEmpty() && std::abs(pos.x() - bar.right()) <= kEdgeGrip && bar.width() > 2 * kEdgeGrip;
}

QSize ScenarioTimeline::sizeHint() const
{
    const Metrics m = metrics();
    const Scenario* s = scenario();
    const int lanes = std::max<int>(s ? static_cast<int>(s->faults.size()) : 0, 1);
    return QSize(900, static_cast<int>(m.lanesTop + lanes * m.laneHeight + m.margin));
}

QSize ScenarioTimeline::minimumSizeHint() const
{
    const Metrics m = metrics();
    return QSize(400, static_cast<int>(m.lanesTop + m.laneHeight + m.margin));
}

bool ScenarioTimeline::event(QEvent* e)
{
    if (e->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(e);
        QString text;
        if (const int inject = injectAt(help->pos()); inject >= 0)
            text = tr("Inject at %1:\n%2")
                       .arg(clockText(scenario()->injects[static_cast<std::size_t>(inject)].at.ms),
                            qstr(scenario()->injects[static_cast<std::size_t>(inject)].prompt));
        else if (const int fault = faultAt(help->pos()); fault >= 0)
            text = faultToolTip(fault);
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    if (e->type() == QEvent::PaletteChange || e->type() == QEvent::ApplicationPaletteChange)
        update();
    if (e->type() == QEvent::FontChange)
        updateGeometry();
    return QWidget::event(e);
}

QString ScenarioTimeline::faultToolTip(int index) const
{
    const Fault& f = scenario()->faults[static_cast<std::size_t>(index)];
    QString text =
        faultLaneLabel(m_document->topology(), f) + QLatin1Char('\n') + clockText(f.at.ms) +
        QStringLiteral(" – ") +
        (f.length ? clockText(f.at.ms + f.length->ms) + QStringLiteral(" (%1)").arg(durationText(*f.length))
                  : tr("the end"));
    if (f.latency)
        text += tr("\nadded latency %1").arg(durationText(*f.latency));
    if (f.errorRate)
        text += tr("\nerror rate %1%").arg(*f.errorRate * 100, 0, 'g', 4);
    if (f.detectedAfter)
        text += tr("\nnoticed after %1").arg(durationText(*f.detectedAfter));
    if (f.multiplier)
        text += tr("\ndemand × %1").arg(*f.multiplier, 0, 'g', 4);
    return text;
}

void ScenarioTimeline::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !scenario())
        return QWidget::mousePressEvent(event);
    const QPoint pos = event->position().toPoint();
    if (const int index = faultAt(pos); index >= 0) {
        m_drag = onRightEdge(index, pos) ? Drag::Resize : Drag::Move;
        m_dragIndex = index;
        m_dragOrigin = scenario()->faults[static_cast<std::size_t>(index)];
        m_pressX = pos.x();
        m_mergeKey = SetScenarioCommand::nextMergeKey();
        return;
    }
    if (rulerRect().contains(pos)) {
        m_drag = Drag::Playhead;
        seekTo(pos.x());
    }
}

void ScenarioTimeline::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (m_drag == Drag::None) {
        const int index = faultAt(pos);
        setCursor(index >= 0 && onRightEdge(index, pos) ? Qt::SizeHorCursor
                  : index >= 0                          ? Qt::OpenHandCursor
                                                        : Qt::ArrowCursor);
        if (index != m_hovered) {
            m_hovered = index;
            update();
        }
        return;
    }
    dragTo(pos);
}

void ScenarioTimeline::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_drag != Drag::None && event->button() == Qt::LeftButton) {
        dragTo(event->position().toPoint());
        m_drag = Drag::None;
        m_dragIndex = -1;
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void ScenarioTimeline::dragTo(QPoint pos)
{
    if (m_drag == Drag::Playhead) {
        seekTo(pos.x());
        return;
    }
    const Scenario* s = scenario();
    if (!s || m_dragIndex < 0 || m_dragIndex >= static_cast<int>(s->faults.size()))
        return;
    const TimelineScale sc = scale();
    const auto delta = static_cast<qint64>(std::llround((pos.x() - m_pressX) / sc.pixelsPerMs()));
    const qint64 step = sc.snapStep();
    Fault f = m_dragOrigin;
    QString text;
    if (m_drag == Drag::Move) {
        const qint64 latest = std::max<qint64>(0, s->duration.ms - step);
        f.at = Duration::milliseconds(std::clamp<qint64>(sc.snap(m_dragOrigin.at.ms + delta), 0, latest));
        text = tr("Move %1").arg(faultLaneLabel(m_document->topology(), f));
    } else {
        const qint64 originalEnd =
            m_dragOrigin.length ? m_dragOrigin.at.ms + m_dragOrigin.length->ms : s->duration.ms;
        const qint64 end = std::clamp<qint64>(sc.snap(originalEnd + delta), f.at.ms + step, s->duration.ms);
        f.length = Duration::milliseconds(end - f.at.ms);
        text = tr("Change the length of %1").arg(faultLaneLabel(m_document->topology(), f));
    }
    replaceFaultInScenario(m_document, m_scenarioId, m_dragIndex, f, text, m_mergeKey);
}

void ScenarioTimeline::seekTo(double x)
{
    const qint64 ms = scale().msAt(x);
    setPlayhead(ms);
    emit seekRequested(m_playhead);
}

void ScenarioTimeline::mouseDoubleClickEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (const int inject = injectAt(pos); inject >= 0) {
        editInject(inject);
        return;
    }
    if (const int index = faultAt(pos); index >= 0) {
        m_drag = Drag::None;
        emit faultActivated(index);
        editFault(index);
    }
}

void ScenarioTimeline::contextMenuEvent(QContextMenuEvent* event)
{
    const Scenario* s = scenario();
    if (!s)
        return;
    QMenu menu(this);
    if (const int index = faultAt(event->pos()); index >= 0) {
        QAction* edit = menu.addAction(tr("Edit…"), this, [this, index] { editFault(index); });
        edit->setObjectName(QStringLiteral("editFaultAction"));
        menu.addAction(tr("Delete"), this, [this, index] { removeFault(index); })
            ->setObjectName(QStringLiteral("deleteFaultAction"));
        menu.addAction(tr("Duplicate"), this, [this, index] { duplicateFault(index); })
            ->setObjectName(QStringLiteral("duplicateFaultAction"));
        menu.setDefaultAction(edit);
    } else if (const int inject = injectAt(event->pos()); inject >= 0) {
        menu.addAction(tr("Edit inject…"), this, [this, inject] { editInject(inject); })
            ->setObjectName(QStringLiteral("editInjectAction"));
        menu.addAction(tr("Delete inject"), this, [this, inject] { removeInject(inject); })
            ->setObjectName(QStringLiteral("deleteInjectAction"));
    } else if (rulerRect().contains(event->pos())) {
        const TimelineScale sc = scale();
        const qint64 at = std::clamp<qint64>(sc.snap(sc.msAt(event->pos().x())), 0, s->duration.ms);
        menu.addAction(tr("Add inject here (%1)").arg(clockText(at)), this, [this, at] { addInjectAt(at); })
            ->setObjectName(QStringLiteral("addInjectAction"));
    } else {
        return;
    }
    menu.exec(event->globalPos());
}

void ScenarioTimeline::editFault(int index)
{
    const Scenario* s = scenario();
    if (!s || index < 0 || index >= static_cast<int>(s->faults.size()))
        return;
    FaultDialog dialog(m_document->topology(), s->duration.ms, this);
    dialog.setFault(s->faults[static_cast<std::size_t>(index)]);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Fault f = dialog.fault();
    replaceFaultInScenario(m_document, m_scenarioId, index, f,
                           tr("Edit %1").arg(faultLaneLabel(m_document->topology(), f)));
}

void ScenarioTimeline::removeFault(int index)
{
    const Scenario* s = scenario();
    if (!s || index < 0 || index >= static_cast<int>(s->faults.size()))
        return;
    Scenario next = *s;
    const QString label =
        faultLaneLabel(m_document->topology(), next.faults[static_cast<std::size_t>(index)]);
    next.faults.erase(next.faults.begin() + index);
    m_document->push(new SetScenarioCommand(m_document, std::move(next), tr("Delete %1").arg(label)));
}

void ScenarioTimeline::duplicateFault(int index)
{
    const Scenario* s = scenario();
    if (s && index >= 0 && index < static_cast<int>(s->faults.size()))
        addFaultToScenario(m_document, m_scenarioId, s->faults[static_cast<std::size_t>(index)]);
}

void ScenarioTimeline::addInjectAt(qint64 ms)
{
    const Scenario* s = scenario();
    if (!s)
        return;
    InjectDialog dialog(s->duration.ms, this);
    dialog.setInject(Inject{Duration::milliseconds(ms), {}});
    if (dialog.exec() == QDialog::Accepted)
        addInjectToScenario(m_document, m_scenarioId, dialog.inject());
}

void ScenarioTimeline::editInject(int index)
{
    const Scenario* s = scenario();
    if (!s || index < 0 || index >= static_cast<int>(s->injects.size()))
        return;
    InjectDialog dialog(s->duration.ms, this);
    dialog.setInject(s->injects[static_cast<std::size_t>(index)]);
    if (dialog.exec() != QDialog::Accepted || dialog.inject() == s->injects[static_cast<std::size_t>(index)])
        return;
    Scenario next = *s;
    next.injects.erase(next.injects.begin() + index);
    const Inject edited = dialog.inject();
    const auto at = std::upper_bound(next.injects.begin(), next.injects.end(), edited.at,
                                     [](Duration t, const Inject& i) { return t < i.at; });
    next.injects.insert(at, edited);
    m_document->push(new SetScenarioCommand(m_document, std::move(next),
                                            tr("Edit inject at %1").arg(clockText(edited.at.ms))));
}

void ScenarioTimeline::removeInject(int index)
{
    const Scenario* s = scenario();
    if (!s || index < 0 || index >= static_cast<int>(s->injects.size()))
        return;
    Scenario next = *s;
    const qint64 at = next.injects[static_cast<std::size_t>(index)].at.ms;
    next.injects.erase(next.injects.begin() + index);
    m_document->push(
        new SetScenarioCommand(m_document, std::move(next), tr("Delete inject at %1").arg(clockText(at))));
}

} // namespace firedrill::ui
