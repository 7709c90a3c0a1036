#pragma once

namespace firedrill::ui {

/// The overlays a planner can toggle on the canvas.
struct Overlays
{
    bool spofs = false;    ///< single points of failure outlined in red
    bool cost = false;     ///< monthly cost per component
    bool sla = false;      ///< availability per component
    bool problems = true;  ///< validation errors and warnings marked on the cards
    bool operator==(const Overlays&) const = default;
};

} // namespace firedrill::ui
