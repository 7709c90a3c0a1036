#include "TopologyView.h"

#include "PaletteList.h"
#include "TopologyScene.h"
#include "core/model/EnumNames.h"

#include <QDragEnterEvent>
#include <QMimeData>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace firedrill::ui {

namespace {
constexpr double kStep = 1.2;
constexpr double kMinZoom = 0.1;
constexpr double kMaxZoom = 4.0;
} // namespace

TopologyView::TopologyView(TopologyScene* scene, QWidget* parent) : QGraphicsView(scene, parent), m_scene(scene)
{
    setObjectName(QStringLiteral("topologyView"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setAcceptDrops(true);
    setFrameShape(QFrame::NoFrame);
    viewport()->grabGesture(Qt::PinchGesture);
    // The hint over an empty design comes and goes with the design, not with the items repainted.
    connect(scene, &QGraphicsScene::changed, this, [this] {
        if (m_scene->showsEmptyDesign() != m_hintShown)
            viewport()->update();
    });
}

void TopologyView::drawForeground(QPainter* painter, const QRectF& rect)
{
    QGraphicsView::drawForeground(painter, rect);
    m_hintShown = m_scene->showsEmptyDesign();
    if (!m_hintShown)
        return;
    painter->save();
    painter->resetTransform();
    QFont font = this->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    painter->setFont(font);
    painter->setPen(palette().color(QPalette::PlaceholderText));
    const QRect area = viewport()->rect().adjusted(48, 48, -48, -48);
    painter->drawText(area, Qt::AlignCenter | Qt::TextWordWrap,
                      tr("An empty design. To draw one:\n\n"
                         "1. Add a region: Edit ▸ Add Region (Ctrl+Shift+R).\n"
                         "2. Drag components from the palette into its zones; Traffic Manager and Front Door "
                         "go anywhere.\n"
                         "3. Press C and drag from one card to another: from a Traffic Manager or Front Door "
                         "this adds an endpoint, otherwise a dependency.\n"
                         "4. Select a card to edit it in the inspector: endpoints, replicas, figures.\n\n"
                         "Or open a bundled sample with File ▸ Open."));
    painter->restore();
}

void TopologyView::setZoom(double factor)
{
    factor = std::clamp(factor, kMinZoom, kMaxZoom);
    setTransform(QTransform::fromScale(factor, factor));
    emit zoomChanged(static_cast<int>(std::lround(factor * 100)));
}

void TopologyView::zoomIn()
{
    setZoom(zoom() * kStep);
}

void TopologyView::zoomOut()
{
    setZoom(zoom() / kStep);
}

void TopologyView::resetZoom()
{
    setZoom(1.0);
}

void TopologyView::fitToWindow()
{
    if (m_scene->isStale() && !isVisible())
        return; // a hidden page's canvas is built, and fitted, when it is shown
    m_scene->ensureCardsCurrent(); // the bounds come with the cards
    const QRectF content = m_scene->sceneRect(); // the layout's bounds with a margin
    if (content.isEmpty() || viewport()->width() < 10)
        return;
    const double sx = viewport()->width() / content.width();
    const double sy = viewport()->height() / content.height();
    setZoom(std::min({sx, sy, 1.0}));
    centerOn(content.center());
}

void TopologyView::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = event->angleDelta().y() / 120.0;
        setZoom(zoom() * std::pow(kStep, steps));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

bool TopologyView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::NativeGesture) {
        auto* gesture = static_cast<QNativeGestureEvent*>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            setZoom(zoom() * (1.0 + gesture->value()));
            return true;
        }
    }
    return QGraphicsView::viewportEvent(event);
}

void TopologyView::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasFormat(PaletteList::kMimeType))
        event->acceptProposedAction();
    else
        QGraphicsView::dragEnterEvent(event);
}

void TopologyView::dragMoveEvent(QDragMoveEvent* event)
{
    if (event->mimeData()->hasFormat(PaletteList::kMimeType))
        event->acceptProposedAction();
    else
        QGraphicsView::dragMoveEvent(event);
}

void TopologyView::dropEvent(QDropEvent* event)
{
    const QByteArray name = event->mimeData()->data(PaletteList::kMimeType);
    const auto kind = fromName<ComponentKind>(std::string_view(name.constData(), static_cast<std::size_t>(name.size())));
    if (!kind) {
        QGraphicsView::dropEvent(event);
        return;
    }
    m_scene->dropKind(*kind, mapToScene(event->position().toPoint()));
    event->acceptProposedAction();
}

} // namespace firedrill::ui
