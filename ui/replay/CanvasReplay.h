#pragma once

#include "core/sim/ReplayFrame.h"

#include <QString>

namespace firedrill::ui {

class TopologyScene;

/// "1,250 req/s", "0 of 500 req/s": what an arrow carries.
QString flowLabel(const sim::FlowFrame& flow);
/// "lag 5 s · 50 writes at risk", "CUT · lag 5m 5s · 3,050 writes at risk".
QString replicationLabel(const sim::ReplicationFrame& replication);
/// "answers web-neu · 50% of clients on stale answers".
QString routerDetail(const sim::RouterFrame& router);

/// Paints `frame` on `scene`: every card's phase and detail, traffic on dependency and endpoint arrows
/// (width by requests/s, red where requests fail), lag and data at risk on replication lines, cut
/// links. With nullptr the canvas returns to its normal look.
void showReplayFrame(TopologyScene& scene, const sim::ReplayFrame* frame);

} // namespace firedrill::ui
