#pragma once

#include "core/analysis/PolicyCheck.h"

#include <QString>

namespace firedrill::ui {

/// "Region", "Zone", ...: a disruption class as a table label.
QString disruptionText(DisruptionClass disruption);
/// "Redeploy from backup", "Active-passive (database)", "Active-passive (full) ×0.5", "Active-active".
QString strategyTitle(const Strategy& strategy);
/// The RTO (or RPO) of `estimate` explained in rich text: the situation, each term with its value and
/// how it was computed, how they combine, the verdict against `verdict`'s target when given, and the notes.
QString breakdownHtml(const RecoveryEstimate& estimate, bool rto, const PolicyVerdict* verdict);
/// "16m 40s", "unbounded" for an unbounded estimate.
QString estimateText(const TimeEstimate& estimate);

} // namespace firedrill::ui
