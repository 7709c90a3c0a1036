#pragma once

#include "CardInfo.h"
#include "DiagramLayout.h"
#include "core/model/Topology.h"

#include <QString>
#include <map>

namespace firedrill::ui {

/// A topology the canvas shows instead of the document's, read-only, with marks on the cards that differ
/// (a strategy's preview: what applying it would add, remove, rescale or change).
struct CanvasPreview
{
    Topology topology;                     ///< what to draw (removed components included, marked)
    std::map<QString, PreviewMark> marks;  ///< by component id
    DiagramLayout layout;                  ///< where the cards of `topology` go (computeLayout)
};

} // namespace firedrill::ui
