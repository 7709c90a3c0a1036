#include "TimelineChart.h"

#include "DrillText.h"
#include "ui/common/DisplayText.h"

#include <QFontMetrics>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace firedrill::ui {

namespace {

QColor phaseColor(StepPhase phase)
{
    switch (phase) {
    case StepPhase::Start:
        return QColor(0x64, 0x74, 0x8b);
    case StepPhase::Fault:
        return QColor(0xdc, 0x26, 0x26);
    case StepPhase::Recovery:
        return QColor(0x25, 0x63, 0xeb);
    case StepPhase::Verification:
        return QColor(0x16, 0x85, 0x3e);
    }
    return Qt::gray;
}

/// A round tick step (in seconds) giving about `wanted` ticks over `span` seconds.
double tickStep(double span, int wanted)
{
    static const double steps[] = {10,   30,   60,   120,   300,   600,   900,
                                   1800, 3600, 7200, 14400, 21600, 43200, 86400};
    for (const double s : steps)
        if (span / s <= wanted)
            return s;
    return 86400 * std::ceil(span / 86400 / wanted);
}

} // namespace

QImage TimelineChart::render(const DrillPlan& plan, int width)
{
    const int rows = std::max<int>(1, static_cast<int>(plan.steps.size()));
    const int rowHeight = 36;
    const int top = 64;
    const int bottom = 56;
    const int height = top + rows * rowHeight + bottom;
    QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    QFont font = p.font();
    font.setPixelSize(20);
    p.setFont(font);
    const QFontMetrics fm(font);

    const int labelWidth = width * 2 / 5;
    const int left = labelWidth + 16;
    const int right = width - 24;
    double span = 60;
    for (const RunbookStep& s : plan.steps)
        span = std::max(span, s.expectedElapsed.toSeconds());
    if (plan.objective.rtoTarget)
        span = std::max(span, plan.objective.rtoTarget->toSeconds());
    span *= 1.05;
    auto x = [&](double seconds) { return left + (right - left) * seconds / span; };

    QFont bold = font;
    bold.setBold(true);
    bold.setPixelSize(24);
    p.setFont(bold);
    p.setPen(QColor(0x11, 0x18, 0x27));
    p.drawText(QRect(0, 8, width, 30), Qt::AlignLeft | Qt::AlignVCenter,
               QObject::tr("Expected timeline from the start of the fault"));
    p.setFont(font);

    // Grid and axis.
    const double step = tickStep(span, 6);
    const int axisY = top + rows * rowHeight;
    for (double t = 0; t <= span; t += step) {
        const int gx = static_cast<int>(x(t));
        p.setPen(QColor(0xe5, 0xe7, 0xeb));
        p.drawLine(gx, top - 6, gx, axisY);
        p.setPen(QColor(0x4b, 0x55, 0x63));
        p.drawText(QRect(gx - 70, axisY + 6, 140, 26), Qt::AlignCenter,
                   clockText(Duration::seconds(static_cast<std::int64_t>(t)))
                       .replace(QStringLiteral("—"), QStringLiteral("0")));
    }
    p.setPen(QColor(0x9c, 0xa3, 0xaf));
    p.drawLine(left, axisY, right, axisY);

    for (int i = 0; i < static_cast<int>(plan.steps.size()); ++i) {
        const RunbookStep& s = plan.steps[static_cast<std::size_t>(i)];
        const int y = top + i * rowHeight;
        if (i % 2 == 1)
            p.fillRect(QRect(0, y, width, rowHeight), QColor(0xf9, 0xfa, 0xfb));
        p.setPen(QColor(0x11, 0x18, 0x27));
        const QString label = QStringLiteral("%1. %2").arg(s.number).arg(qstr(s.title));
        p.drawText(QRect(8, y, labelWidth, rowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(label, Qt::ElideRight, labelWidth));
        const double end = s.expectedElapsed.toSeconds();
        const double begin = std::max(0.0, end - s.expectedDuration.toSeconds());
        QRectF bar(x(begin), y + 7, std::max(4.0, x(end) - x(begin)), rowHeight - 14);
        p.setPen(Qt::NoPen);
        p.setBrush(phaseColor(s.phase));
        p.drawRoundedRect(bar, 4, 4);
    }

    if (plan.objective.rtoTarget) {
        const int rx = static_cast<int>(x(plan.objective.rtoTarget->toSeconds()));
        QPen pen(QColor(0xb9, 0x1c, 0x1c), 2, Qt::DashLine);
        p.setPen(pen);
        p.drawLine(rx, top - 10, rx, axisY);
        p.drawText(QRect(rx - 300, top - 34, 296, 26), Qt::AlignRight | Qt::AlignVCenter,
                   QObject::tr("RTO target %1").arg(clockText(*plan.objective.rtoTarget)));
    }

    // Legend.
    int lx = left;
    const int ly = height - 24;
    for (const auto& [phase, name] : {std::pair{StepPhase::Start, QObject::tr("Start")},
                                      std::pair{StepPhase::Fault, QObject::tr("Fault")},
                                      std::pair{StepPhase::Recovery, QObject::tr("Recovery")},
                                      std::pair{StepPhase::Verification, QObject::tr("Verification")}}) {
        p.setPen(Qt::NoPen);
        p.setBrush(phaseColor(phase));
        p.drawRoundedRect(QRectF(lx, ly - 7, 16, 14), 3, 3);
        p.setPen(QColor(0x37, 0x41, 0x51));
        p.drawText(QPoint(lx + 22, ly + 6), name);
        lx += 40 + fm.horizontalAdvance(name);
    }
    p.end();
    return image;
}

} // namespace firedrill::ui
