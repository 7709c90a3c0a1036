#pragma once

#include <QColor>
#include <QGraphicsPathItem>
#include <optional>

namespace firedrill::ui {

/// A line between two canvas items: a dependency (hard: solid arrow, soft: dashed arrow), a routing
/// endpoint, a replication (dotted, with mode and lag) or a link's end.
class EdgeOverview;

class EdgeItem : public QGraphicsPathItem
{
public:
    /// How the edge is drawn.
    enum class Style { Hard, Soft, Endpoint, Replication, LinkEnd };

    /// An edge from `source` to `target` (both must outlive it) with an optional `label`.
    EdgeItem(QGraphicsItem* source, QGraphicsItem* target, Style style, QString label = {});

    /// What a replay shows on the edge: traffic or lag as a label, a width and a colour.
    struct ReplayFlow
    {
        QString label;
        double width = 2;
        QColor color;
    };
    /// Shows `flow` instead of the normal look (nullopt returns to it).
    void setReplayFlow(std::optional<ReplayFlow> flow);
    /// The replay flow shown, if any.
    const std::optional<ReplayFlow>& replayFlow() const { return m_replay; }
    /// Re-routes the edge after either end moved.
    void adjust();
    /// How the edge is drawn.
    Style style() const { return m_style; }
    /// Ids of the ends, for tests and selection: "from" and "to".
    void setEndIds(const QString& from, const QString& to) { m_from = from; m_to = to; }
    /// The caller's id.
    const QString& fromId() const { return m_from; }
    /// The callee's id.
    const QString& toId() const { return m_to; }

    /// Zoomed far out, leaves drawing the line to `overview` (which it tells when the line changes).
    void setOverview(EdgeOverview* overview);
    /// Draws the line as it looks zoomed far out: dashes, dots and arrowheads would be smaller than a
    /// pixel, so a plain line in the edge's colour, without antialiasing.
    void paintFarOut(QPainter* painter) const;
    /// The pen of that plain line: the edge's colour and width, solid.
    QPen farOutPen() const;
    /// Where the line runs, in scene coordinates (from the source card's border to the target's).
    const QLineF& line() const { return m_line; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QPen pen() const;
    /// Tells the overview the line changed (its bounds may have grown).
    void tellOverview();

    QGraphicsItem* m_source;
    QGraphicsItem* m_target;
    Style m_style;
    QString m_label;
    QString m_from;
    QString m_to;
    QLineF m_line;
    std::optional<ReplayFlow> m_replay;
    EdgeOverview* m_overview = nullptr;
};

} // namespace firedrill::ui
