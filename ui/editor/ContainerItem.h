#pragma once

#include "DiagramLayout.h"

#include <QGraphicsItem>

namespace firedrill::ui {

/// A labelled container on the canvas: a region with its zone lanes, a site, or a band (global, links).
/// A drop target for palette kinds and dragged cards; never selected or moved itself.
class ContainerItem : public QGraphicsItem
{
public:
    /// Draws `box`.
    explicit ContainerItem(ContainerBox box, QGraphicsItem* parent = nullptr);

    /// The layout box drawn.
    const ContainerBox& box() const { return m_box; }
    /// Marks the whole container, or one lane (zone >= 0), as a single point of failure.
    void setSpof(bool whole, std::vector<int> lanes);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    ContainerBox m_box;
    bool m_spof = false;
    std::vector<int> m_spofLanes;
};

} // namespace firedrill::ui
