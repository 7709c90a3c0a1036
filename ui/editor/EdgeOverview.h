#pragma once

#include <QGraphicsItem>
#include <QImage>
#include <QTransform>
#include <vector>

namespace firedrill::ui {

class EdgeItem;

/// Every line of the canvas zoomed far out, drawn as one layer. There each line is a plain one-pixel
/// stroke (see EdgeItem::paintFarOut) and a large topology's lines cover the view many times over: drawn
/// one item at a time, every repaint rasterised all of them. In a view, the layer keeps them in an image of
/// the viewport instead, redrawn only when the view's transform or size changes or a line changes; lines
/// added since (a rebuild adds them a slice at a time) are drawn onto it, so a repaint costs one image
/// copy. Painted outside a view (an export), it draws the lines directly. At the normal level of detail it
/// draws nothing: each EdgeItem draws itself.
class EdgeOverview : public QGraphicsItem
{
public:
    /// A layer drawing the lines in `edges` (owned by the scene, which may append to it; the layer is
    /// recreated whenever the scene is cleared).
    explicit EdgeOverview(const std::vector<EdgeItem*>& edges);

    /// Grows the layer's bounds to cover `rect` (a line's bounds, in scene coordinates): they are the
    /// union of its lines', so the layer never widens the scene's items bounds (what exports show).
    void include(const QRectF& rect);
    /// A line already drawn changed (moved, recoloured): the image is redrawn on the next repaint.
    void invalidate();

    QRectF boundingRect() const override { return m_bounds; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    /// Draws every line onto `painter`, whose transform maps the scene to its device.
    void drawLines(QPainter* painter) const;
    /// Draws lines [m_drawn, end) onto m_image.
    void drawNewLines();

    const std::vector<EdgeItem*>& m_edges;
    QRectF m_bounds;
    QImage m_image;            ///< the lines as the view showed them at the last repaint
    QTransform m_transform;    ///< the scene-to-viewport transform m_image was drawn with
    const QWidget* m_widget = nullptr; ///< the viewport m_image was drawn for
    std::size_t m_drawn = 0;   ///< how many of m_edges m_image shows
    bool m_valid = false;
};

} // namespace firedrill::ui
