#pragma once

#include "Component.h"
#include "IdIndexCache.h"

namespace firedrill {

/// The position cache behind Topology::findComponent (see IdIndexCache).
using ComponentIndexCache = IdIndexCache<Component>;

} // namespace firedrill
