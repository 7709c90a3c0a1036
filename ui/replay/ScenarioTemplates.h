#pragma once

#include "core/model/Topology.h"

#include <QString>
#include <vector>

namespace firedrill::ui {

/// A ready-made scenario offered by the scenario bar's "From template" menu.
struct ScenarioTemplate
{
    QString title;     ///< menu text, e.g. "Region West Europe outage"
    Scenario scenario; ///< id left empty: the bar gives it a unique one
};

/// The templates that fit `topology`: an outage of each region, of one zone per region with zones, a
/// corruption of each component that holds data and a cut of each link. (The bar takes its list from here
/// until core offers its own.)
std::vector<ScenarioTemplate> scenarioTemplatesFor(const Topology& topology);

} // namespace firedrill::ui
