#pragma once

#include <QGraphicsView>

namespace firedrill::ui {

class TopologyScene;

/// The canvas widget: zoom (Ctrl+wheel, pinch, keyboard), pan, fit to window, rubber-band selection, and
/// drops from the palette.
class TopologyView : public QGraphicsView
{
    Q_OBJECT

public:
    /// A view of `scene`.
    explicit TopologyView(TopologyScene* scene, QWidget* parent = nullptr);

    /// The zoom factor (1 = 100 %).
    double zoom() const { return transform().m11(); }
    /// Sets the zoom factor, clamped to 10 %..400 %.
    void setZoom(double factor);

public slots:
    /// Zooms in one step.
    void zoomIn();
    /// Zooms out one step.
    void zoomOut();
    /// Shows the whole diagram, at most at 100 %.
    void fitToWindow();
    /// Back to 100 %.
    void resetZoom();

signals:
    /// The zoom changed; `percent` is rounded.
    void zoomChanged(int percent);

protected:
    void wheelEvent(QWheelEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    /// Over an empty design: what to do first, centred on the canvas.
    void drawForeground(QPainter* painter, const QRectF& rect) override;

private:
    TopologyScene* m_scene;
    bool m_hintShown = false;
};

} // namespace firedrill::ui
