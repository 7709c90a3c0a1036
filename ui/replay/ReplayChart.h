#pragma once

#include <QChartView>
#include <QColor>
#include <QList>
#include <QPointF>
#include <functional>
#include <vector>

class QLineSeries;
class QValueAxis;

namespace firedrill::ui {

/// One live chart of the replay page: a few lines over the scenario's time axis (minutes or hours since
/// its start), a playhead, and a tooltip with the value and the event at the time under the mouse.
/// Lines are updated in place with replace(), so a paced refresh stays cheap.
class ReplayChart : public QChartView
{
    Q_OBJECT

public:
    /// One line to draw.
    struct Line
    {
        QString name;
        QList<QPointF> points; ///< x in the chart's time unit
        QColor color;
        bool dashed = false;   ///< a compared run, or the demand
    };

    /// An empty chart titled `title`, values in `unit`; `fixedMax` > 0 pins the y axis (availability 100).
    ReplayChart(const QString& title, const QString& unit, double fixedMax = 0, QWidget* parent = nullptr);

    /// Shows `lines` over [0, xMax]; `xTitle` ("minutes") names the time unit in the chart's title.
    void setLines(const std::vector<Line>& lines, double xMax, const QString& xTitle);
    /// Moves the playhead to `x`.
    void setPlayhead(double x);
    /// What the tooltip says at time `x` (the event then); the chart adds the value.
    void setEventText(std::function<QString(double x)> text) { m_eventText = std::move(text); }
    /// Lines drawn (without the playhead).
    int lineCount() const { return static_cast<int>(m_lines.size()); }
    /// Line `i` (tests).
    QLineSeries* line(int i) const { return m_lines.at(static_cast<std::size_t>(i)); }
    /// The largest y of any line.
    double yMax() const;
    /// Scales fonts for a room (trainer mode): 1 normal.
    void setFontScale(double scale);

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyPalette();
    QLineSeries* addLine();

    QString m_title;
    QString m_unit;
    double m_fixedMax;
    double m_fontScale = 1.0;
    QValueAxis* m_x;
    QValueAxis* m_y;
    QLineSeries* m_playhead;
    std::vector<QLineSeries*> m_lines;
    std::vector<bool> m_dashed;
    std::vector<QColor> m_colors;
    std::function<QString(double)> m_eventText;
};

} // namespace firedrill::ui
