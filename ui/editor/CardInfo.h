#pragma once

#include "core/model/ComponentKind.h"

#include <QString>

namespace firedrill::ui {

/// How a strategy preview changes a card (none outside a preview).
enum class PreviewMark { None, Added, Removed, Rescaled, Modified };

/// How a card stands at the replay's playhead (drawn over the card while a replay shows it).
struct ReplayCardState
{
    enum class Phase { Healthy, Degraded, Down, FailingOver, Promoted, Restoring };
    Phase phase = Phase::Healthy;
    QString detail; ///< "1 of 2 instances down", "answers web-neu · 50% on stale answers"
};

/// What a component card shows; filled by the scene from the topology and core/analysis.
struct CardInfo
{
    QString id;        ///< component id, or replica id for a secondary replica's card
    QString owner;     ///< for a replica card: the component it belongs to; empty otherwise
    ComponentKind kind = ComponentKind::AppService;
    QString title;     ///< name, or the id when the component has none
    QString subtitle;  ///< kind label (and the id when a name is shown)
    QString subtitleShort; ///< the same with the short kind label, shown when the subtitle does not fit
    QString figures;   ///< "×3 · SLA 99.95%"
    QString overlay;   ///< cost / availability overlay line; empty when the overlays are off
    bool spof = false; ///< a single point of failure (overlay on)
    int errors = 0;    ///< validation errors about it (overlay on)
    int warnings = 0;
    QString problems;  ///< the problems' messages, for the tooltip
    PreviewMark preview = PreviewMark::None; ///< what the previewed strategy does to it
};

} // namespace firedrill::ui
