#include "ReplayChart.h"

#include <QChart>
#include <QEvent>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace firedrill::ui {

ReplayChart::ReplayChart(const QString& title, const QString& unit, double fixedMax, QWidget* parent)
    : QChartView(parent), m_unit(unit), m_fixedMax(fixedMax), m_x(new QValueAxis), m_y(new QValueAxis),
      m_playhead(new QLineSeries)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(260, 150);
    QChart* c = chart();
    c->setTitle(title);
    m_title = title;
    c->setMargins(QMargins(4, 2, 4, 2));
    c->legend()->setAlignment(Qt::AlignBottom);
    c->addAxis(m_x, Qt::AlignBottom);
    c->addAxis(m_y, Qt::AlignLeft);
    m_x->setRange(0, 1);
    m_y->setRange(0, fixedMax > 0 ? fixedMax : 1);
    m_x->setLabelFormat(QStringLiteral("%.0f"));
    c->addSeries(m_playhead);
    m_playhead->attachAxis(m_x);
    m_playhead->attachAxis(m_y);
    m_playhead->setName(tr("now"));
    applyPalette();
    for (QLegendMarker* m : c->legend()->markers(m_playhead))
        m->setVisible(false);
}

QLineSeries* ReplayChart::addLine()
{
    auto* s = new QLineSeries;
    chart()->addSeries(s);
    s->attachAxis(m_x);
    s->attachAxis(m_y);
    connect(s, &QLineSeries::hovered, this, [this, s](const QPointF& p, bool state) {
        if (!state) {
            QToolTip::hideText();
            return;
        }
        QString text = QStringLiteral("<b>%1</b>: %2 %3").arg(s->name().toHtmlEscaped(),
                                                               QLocale(QLocale::English).toString(p.y(), 'f', p.y() < 10 ? 2 : 0),
                                                               m_unit.toHtmlEscaped());
        if (m_eventText) {
            const QString event = m_eventText(p.x());
            if (!event.isEmpty())
                text += QStringLiteral("<br>") + event.toHtmlEscaped();
        }
        QToolTip::showText(QCursor::pos(), text, this);
    });
    m_lines.push_back(s);
    return s;
}

void ReplayChart::setLines(const std::vector<Line>& lines, double xMax, const QString& xTitle)
{
    while (m_lines.size() < lines.size())
        addLine();
    while (m_lines.size() > lines.size()) {
        chart()->removeSeries(m_lines.back());
        delete m_lines.back();
        m_lines.pop_back();
    }
    m_dashed.assign(lines.size(), false);
    m_colors.assign(lines.size(), QColor());
    double top = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        QLineSeries* s = m_lines[i];
        if (s->name() != lines[i].name)
            s->setName(lines[i].name);
        s->replace(lines[i].points);
        m_dashed[i] = lines[i].dashed;
        m_colors[i] = lines[i].color;
        QPen pen(lines[i].color, lines[i].dashed ? 2.0 : 2.6, lines[i].dashed ? Qt::DashLine : Qt::SolidLine);
        if (s->pen() != pen)
            s->setPen(pen);
        for (const QPointF& p : lines[i].points)
            top = std::max(top, p.y());
    }
    m_x->setRange(0, std::max(xMax, 1e-9));
    // The unit goes in the title, so the plot keeps its height in a small chart; one line needs no legend.
    chart()->setTitle(QStringLiteral("%1 (%2)").arg(m_title, m_unit));
    m_x->setLabelFormat(QStringLiteral("%.0f ") + xTitle);
    chart()->legend()->setVisible(lines.size() > 1);
    chart()->legend()->setAlignment(Qt::AlignRight);
    m_x->setTickCount(xMax <= 12 ? static_cast<int>(std::ceil(xMax)) + 1 : 7);
    double yTop = m_fixedMax;
    if (yTop <= 0) {
        // A round top: 1, 2 or 5 x 10^k above the largest value.
        yTop = 1;
        if (top > 0) {
            const double p = std::pow(10.0, std::floor(std::log10(top)));
            yTop = top <= p ? p : top <= 2 * p ? 2 * p : top <= 5 * p ? 5 * p : 10 * p;
        }
    }
    m_y->setRange(0, yTop);
    m_y->setTickCount(5);
    const double step = yTop / 4;
    m_y->setLabelFormat(step >= 1 ? QStringLiteral("%.0f") : step >= 0.1 ? QStringLiteral("%.1f") : QStringLiteral("%.2f"));
    setPlayhead(m_playhead->count() ? m_playhead->at(0).x() : 0);
}

void ReplayChart::setPlayhead(double x)
{
    m_playhead->replace(QList<QPointF>{QPointF(x, m_y->min()), QPointF(x, m_y->max())});
}

double ReplayChart::yMax() const
{
    double top = 0;
    for (QLineSeries* s : m_lines)
        for (const QPointF& p : s->points())
            top = std::max(top, p.y());
    return top;
}

void ReplayChart::setFontScale(double scale)
{
    m_fontScale = scale;
    applyPalette();
}

void ReplayChart::changeEvent(QEvent* event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyPalette();
}

void ReplayChart::applyPalette()
{
    const QPalette& p = palette();
    const bool dark = p.color(QPalette::Window).lightness() < 128;
    QChart* c = chart();
    c->setBackgroundBrush(p.color(QPalette::Base));
    c->setBackgroundRoundness(0);
    c->setTitleBrush(p.color(QPalette::Text));
    QFont base = font();
    base.setPointSizeF(base.pointSizeF() * m_fontScale);
    QFont title = base;
    title.setBold(true);
    title.setPointSizeF(base.pointSizeF() * 1.15);
    c->setTitleFont(title);
    c->legend()->setLabelColor(p.color(QPalette::Text));
    QFont legend = base;
    legend.setPointSizeF(base.pointSizeF() * 0.9);
    c->legend()->setFont(legend);
    const QColor grid = dark ? QColor(255, 255, 255, 40) : QColor(0, 0, 0, 30);
    for (QValueAxis* axis : {m_x, m_y}) {
        axis->setLabelsBrush(p.color(QPalette::Text));
        axis->setTitleBrush(p.color(QPalette::Text));
        axis->setLabelsFont(base);
        axis->setTitleFont(base);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(p.color(QPalette::Mid));
    }
    QPen now(p.color(QPalette::Text), 1.5, Qt::SolidLine);
    m_playhead->setPen(now);
}

} // namespace firedrill::ui
