#pragma once

#include "core/model/Topology.h"

#include <QString>

namespace firedrill::ui {

/// "2 regions · 9 components · 1 workload": the status bar's one-line count of a topology.
QString countsSummary(const Topology& topology);

} // namespace firedrill::ui
