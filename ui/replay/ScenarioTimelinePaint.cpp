// ScenarioTimeline's painting: ruler, lanes with fault bars, inject flags, event ticks, playhead.
#include "FaultLabels.h"
#include "ScenarioTimeline.h"
#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"
#include "ui/editor/CanvasColors.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace firedrill::ui {

namespace {

/// The colour of a fault's bar: red for what takes things down, amber for what slows them or loads
/// them, the data colour for corruption.
QColor barColor(FaultKind kind, const CanvasColors& c)
{
    switch (kind) {
    case FaultKind::Degradation:
    case FaultKind::Surge:
        return c.warning;
    case FaultKind::Corruption:
        return c.edgeReplication;
    default:
        return c.danger;
    }
}

/// Black or white, whichever reads better on `fill`.
QColor textOn(const QColor& fill)
{
    return fill.lightnessF() > 0.62 ? QColor(0x1d, 0x23, 0x2b) : QColor(Qt::white);
}

} // namespace

void ScenarioTimeline::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const CanvasColors& c = canvasColors();
    p.fillRect(rect(), c.background);
    const Scenario* s = scenario();
    if (!s) {
        p.setPen(c.laneLabel);
        p.drawText(rect(), Qt::AlignCenter, tr("No scenario selected"));
        return;
    }
    const Metrics m = metrics();
    const TimelineScale sc = scale();
    paintRuler(p, *s, sc, m);
    paintLanes(p, *s, sc, m);
    paintPlayhead(p, sc, m);
}

void ScenarioTimeline::paintRuler(QPainter& p, const Scenario& s, const TimelineScale& sc,
                                  const Metrics& m) const
{
    const CanvasColors& c = canvasColors();
    const QFontMetricsF fm(font());
    const QRectF ruler = rulerRect();
    const double left = sc.xOf(0);
    const double right = sc.xOf(s.duration.ms);
    p.fillRect(QRectF(left, ruler.top(), right - left, ruler.height()), c.region);
    p.setPen(QPen(c.containerBorder, 1));
    p.drawLine(QPointF(left, ruler.bottom()), QPointF(right, ruler.bottom()));

    // Clock labels and grid lines through the lanes.
    const bool seconds = sc.labelStep(fm.horizontalAdvance(QStringLiteral("00:00:00")) * 1.6) < 60'000;
    const QString widest = seconds ? QStringLiteral("00:00:00") : QStringLiteral("00:00");
    const qint64 step = sc.labelStep(fm.horizontalAdvance(widest) * 1.6);
    const double clockTop = ruler.top() + m.flagRow;
    const double lanesBottom =
        m.lanesTop + static_cast<double>(std::max<std::size_t>(s.faults.size(), 1)) * m.laneHeight;
    for (qint64 t = 0; t <= s.duration.ms; t += step) {
        const double x = sc.xOf(t);
        p.setPen(QPen(c.laneBorder, 1, Qt::DotLine));
        p.drawLine(QPointF(x, m.lanesTop), QPointF(x, lanesBottom));
        p.setPen(QPen(c.containerBorder, 1));
        p.drawLine(QPointF(x, ruler.bottom() - m.tickRow * 0.6), QPointF(x, ruler.bottom()));
        const QString label = clockText(t, seconds);
        const double w = fm.horizontalAdvance(label);
        p.setPen(c.containerTitle);
        p.drawText(QRectF(x - w / 2 - 2, clockTop, w + 4, m.clockRow), Qt::AlignCenter, label);
    }

    // The scenario's length, above the lane labels.
    p.setPen(c.laneLabel);
    p.drawText(QRectF(m.margin, clockTop, m.labelWidth, m.clockRow), Qt::AlignVCenter | Qt::AlignLeft,
               fm.elidedText(tr("Duration %1").arg(durationText(s.duration)), Qt::ElideRight, m.labelWidth));

    // Events of a run: short ticks along the bottom of the ruler.
    p.setPen(QPen(c.edgeDependency, 2));
    for (qint64 t : m_eventMarks)
        if (t >= 0 && t <= s.duration.ms) {
            const double x = sc.xOf(t);
            p.drawLine(QPointF(x, ruler.bottom() - m.tickRow), QPointF(x, ruler.bottom() - 1));
        }

    // Injects: a flag on a pole, the pole running down through the lanes.
    for (const Inject& inject : s.injects) {
        const double x = sc.xOf(inject.at.ms);
        const double top = ruler.top() + 2;
        const double flagH = m.flagRow * 0.62;
        p.setPen(QPen(c.success, 2));
        // The pole leaves the clock labels free.
        p.drawLine(QPointF(x, top), QPointF(x, clockTop));
        p.drawLine(QPointF(x, clockTop + m.clockRow), QPointF(x, lanesBottom));
        QPainterPath flag;
        flag.moveTo(x, top);
        flag.lineTo(x + flagH * 1.2, top + flagH / 2);
        flag.lineTo(x, top + flagH);
        flag.closeSubpath();
        p.fillPath(flag, c.success);
    }
}

void ScenarioTimeline::paintLanes(QPainter& p, const Scenario& s, const TimelineScale& sc,
                                  const Metrics& m) const
{
    const CanvasColors& c = canvasColors();
    const QFontMetricsF fm(font());
    if (s.faults.empty()) {
        const QRectF lane = laneRect(0);
        p.setPen(c.laneLabel);
        p.drawText(lane.adjusted(sc.xOf(0), 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                   tr("No faults yet: use Add fault, or right-click a region or component on the canvas"));
        return;
    }
    for (int i = 0; i < static_cast<int>(s.faults.size()); ++i) {
        const QRectF lane = laneRect(i);
        if (i % 2 == 1)
            p.fillRect(lane, c.laneRegionWide);
        p.setPen(QPen(c.laneBorder, 1));
        p.drawLine(lane.bottomLeft(), lane.bottomRight());
        const QString label = faultLaneLabel(m_document->topology(), s.faults[static_cast<std::size_t>(i)]);
        const QRectF labelRect(m.margin, lane.top(), m.labelWidth, lane.height());
        p.setPen(c.cardTitle);
        p.drawText(labelRect, Qt::AlignVCenter | Qt::AlignLeft,
                   fm.elidedText(label, Qt::ElideRight, m.labelWidth));
    }
    // The scenario's end.
    p.setPen(QPen(c.containerBorder, 1));
    const double end = sc.xOf(s.duration.ms);
    p.drawLine(QPointF(end, m.lanesTop),
               QPointF(end, laneRect(static_cast<int>(s.faults.size()) - 1).bottom()));
    for (int i = 0; i < static_cast<int>(s.faults.size()); ++i)
        paintBar(p, s, i, sc);
}

void ScenarioTimeline::paintBar(QPainter& p, const Scenario& s, int index, const TimelineScale& sc) const
{
    Q_UNUSED(sc);
    const CanvasColors& c = canvasColors();
    const Fault& f = s.faults[static_cast<std::size_t>(index)];
    const QRectF bar = faultBarRect(index);
    const QColor fill = barColor(f.kind, c);
    const double radius = std::min(4.0, bar.height() / 4);
    QPainterPath path;
    path.addRoundedRect(bar, radius, radius);
    p.fillPath(path, fill);
    const bool active = index == m_hovered || (m_drag != Drag::None && index == m_dragIndex);
    if (active) {
        p.setPen(QPen(c.selection, 2));
        p.drawPath(path);
    }
    if (!f.length) {
        // Open-ended: arrow heads at the right end say "until the end".
        p.setPen(QPen(textOn(fill), 2));
        const double h = bar.height() * 0.22;
        const double x = bar.right() - h - 3;
        const double y = bar.center().y();
        p.drawLine(QPointF(x - h, y - h), QPointF(x, y));
        p.drawLine(QPointF(x, y), QPointF(x - h, y + h));
    } else if (bar.width() > 2 * 7.0) {
        // The grip of the right edge: two short ridges.
        QColor ridge = textOn(fill);
        ridge.setAlphaF(0.6f);
        p.setPen(QPen(ridge, 1.2));
        for (double x : {bar.right() - 4.5, bar.right() - 7.5})
            p.drawLine(QPointF(x, bar.top() + bar.height() * 0.3),
                       QPointF(x, bar.bottom() - bar.height() * 0.3));
    }
    // The length inside the bar when it fits.
    const QString text = f.length ? durationText(*f.length) : tr("until the end");
    const QFontMetricsF fm(font());
    if (fm.horizontalAdvance(text) + 24 < bar.width()) {
        p.setPen(textOn(fill));
        p.drawText(bar.adjusted(8, 0, -16, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
    }
}

void ScenarioTimeline::paintPlayhead(QPainter& p, const TimelineScale& sc, const Metrics& m) const
{
    const CanvasColors& c = canvasColors();
    const Scenario* s = scenario();
    const double x = sc.xOf(m_playhead);
    const QRectF ruler = rulerRect();
    const double bottom =
        m.lanesTop + static_cast<double>(std::max<std::size_t>(s ? s->faults.size() : 0, 1)) * m.laneHeight;
    p.setPen(QPen(c.selection, 2));
    p.drawLine(QPointF(x, ruler.top() + m.flagRow), QPointF(x, bottom));
    const double h = m.tickRow;
    QPainterPath head;
    head.moveTo(x - h, ruler.bottom() - h);
    head.lineTo(x + h, ruler.bottom() - h);
    head.lineTo(x, ruler.bottom());
    head.closeSubpath();
    p.fillPath(head, c.selection);
}

} // namespace firedrill::ui
