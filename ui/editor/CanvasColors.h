#pragma once

#include <QColor>

class QPalette;

namespace firedrill::ui {

/// The colours the canvas paints with, derived from the application palette so light and dark themes both
/// read well. Items ask canvasColors() when they paint.
struct CanvasColors
{
    bool dark = false;
    QColor background;      ///< the scene behind everything
    QColor global;          ///< container fills by kind
    QColor region;
    QColor site;
    QColor links;
    QColor unplaced;
    QColor containerBorder;
    QColor containerTitle;
    QColor laneBorder;
    QColor laneFill;        ///< zone lanes
    QColor laneRegionWide;  ///< the region-wide lane
    QColor laneLabel;
    QColor cardFill;
    QColor replicaFill;
    QColor cardBorder;
    QColor cardShadow;
    QColor cardTitle;
    QColor cardSubtitle;
    QColor cardFigures;
    QColor separator;       ///< the " · " between figures
    QColor overlayText;     ///< cost, SLA and availability overlays
    QColor selection;
    QColor danger;          ///< SPOFs and errors
    QColor warning;
    QColor success;         ///< targets met, components added by a strategy preview
    QColor failingOver;     ///< replay: a failover under way
    QColor promoted;        ///< replay: a secondary serving as primary
    QColor restoring;       ///< replay: a restore from backup under way
    QColor edgeDependency;
    QColor edgeEndpoint;
    QColor edgeReplication;
    QColor edgeLink;
    QColor labelFill;       ///< the box behind an edge's label

    /// The colours for `palette` (dark when its window colour is dark).
    static CanvasColors fromPalette(const QPalette& palette);
};

/// The colours for the application's current palette (recomputed when the palette changes).
const CanvasColors& canvasColors();

} // namespace firedrill::ui
