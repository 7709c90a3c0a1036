#pragma once

#include "TimelineScale.h"
#include "core/model/Scenario.h"

#include <QRectF>
#include <QWidget>
#include <vector>

namespace firedrill::ui {

class Document;
struct ChangeEvent;

/// One scenario of the document on a timeline: a clock ruler, one lane per fault with a bar from its
/// start to its end, inject flags, event ticks and a playhead. Bars are dragged (start) and stretched
/// (right edge), each drag one undo step; double-click edits a fault, right-click offers Edit / Delete /
/// Duplicate, right-click on the ruler adds an inject, and clicking the ruler moves the playhead.
class ScenarioTimeline : public QWidget
{
    Q_OBJECT

public:
    /// A timeline of `document`'s scenarios, showing none until setScenario().
    ScenarioTimeline(Document* document, QWidget* parent = nullptr);

    /// Shows scenario `id` (empty or unknown: none).
    void setScenario(const QString& id);
    /// The id of the scenario shown, or empty.
    QString scenarioId() const { return m_scenarioId; }
    /// Moves the playhead to `ms` from the start (clamped to the scenario); emits nothing.
    void setPlayhead(qint64 ms);
    /// Where the playhead is, in ms from the start.
    qint64 playhead() const { return m_playhead; }
    /// Draws a tick on the ruler at each of these times (events of a run).
    void setEventMarks(std::vector<qint64> ms);
    /// The fault whose bar is at `pos`, or -1.
    int faultAt(QPoint pos) const;
    /// The inject whose flag is at `pos`, or -1.
    int injectAt(QPoint pos) const;
    /// The bar of fault `index` in widget coordinates (empty when there is none).
    QRectF faultBarRect(int index) const;
    /// The x of time `ms` in widget coordinates.
    double xOf(qint64 ms) const;
    /// The ruler band (clock labels, inject flags, event ticks).
    QRectF rulerRect() const;
    /// What drags snap to at the current width: 10 s, or 1 min when the scale is coarse.
    qint64 snapStep() const;
    /// Opens the fault dialog on fault `index`; an accepted change is one undo step.
    void editFault(int index);
    /// Asks for an inject at `ms` and adds it.
    void addInjectAt(qint64 ms);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    /// The user clicked or dragged on the ruler: the replay should go to `ms`.
    void seekRequested(qint64 ms);
    /// The user double-clicked the bar of fault `index` (before its dialog opens).
    void faultActivated(int index);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    enum class Drag { None, Move, Resize, Playhead };
    /// Sizes derived from the font, recomputed when the widget or its scenario changes.
    struct Metrics
    {
        double margin = 8;
        double labelWidth = 0; ///< the lane label column
        double flagRow = 0;    ///< inject flags above the clock labels
        double clockRow = 0;
        double tickRow = 0; ///< event ticks under the clock labels
        double laneHeight = 0;
        double lanesTop = 0;
    };

    void onDocumentChanged(const ChangeEvent& event);
    const Scenario* scenario() const;
    Metrics metrics() const;
    TimelineScale scale() const;
    QRectF laneRect(int index) const;
    bool onRightEdge(int index, QPoint pos) const;
    void dragTo(QPoint pos);
    void seekTo(double x);
    void editInject(int index);
    void removeFault(int index);
    void duplicateFault(int index);
    void removeInject(int index);
    QString faultToolTip(int index) const;

    // Painting (ScenarioTimelinePaint.cpp).
    void paintRuler(QPainter& p, const Scenario& s, const TimelineScale& sc, const Metrics& m) const;
    void paintLanes(QPainter& p, const Scenario& s, const TimelineScale& sc, const Metrics& m) const;
    void paintBar(QPainter& p, const Scenario& s, int index, const TimelineScale& sc) const;
    void paintPlayhead(QPainter& p, const TimelineScale& sc, const Metrics& m) const;

    Document* m_document;
    QString m_scenarioId;
    qint64 m_playhead = 0;
    std::vector<qint64> m_eventMarks;
    Drag m_drag = Drag::None;
    int m_dragIndex = -1;
    Fault m_dragOrigin;
    int m_pressX = 0;
    int m_mergeKey = 0;
    int m_hovered = -1;
};

} // namespace firedrill::ui
