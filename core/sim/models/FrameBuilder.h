#pragma once

#include "core/sim/ReplayFrame.h"

#include <cstdint>
#include <functional>

namespace firedrill::sim::models {

class ReplayWorld;

/// Reads a replay's live state into a ReplayFrame (docs/engine.md, "Frames"). `buffering(comp)` tells
/// whether a component's outbox is holding writes back now (OutboxModel::buffering).
ReplayFrame buildFrame(const ReplayWorld& world, std::int64_t now, const std::function<bool(int)>& buffering);

} // namespace firedrill::sim::models
