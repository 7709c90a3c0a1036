#pragma once

#include "core/analysis/AvailabilityReport.h"
#include "core/analysis/Breakdown.h"
#include "core/analysis/CostModel.h"
#include "core/analysis/PolicyCheck.h"
#include "core/analysis/RecoveryEstimator.h"
#include "core/analysis/SpofAnalysis.h"

#include <nlohmann/json.hpp>

namespace firedrill::cli {

/// {"seconds": 600, "text": "10m"}.
nlohmann::json toJson(Duration d);
/// A time estimate with its terms.
nlohmann::json toJson(const TimeEstimate& e);
nlohmann::json toJson(const AvailabilityReport& r);
nlohmann::json toJson(const CostReport& r);
nlohmann::json toJson(const FailoverCost& c);
nlohmann::json toJson(const RecoveryEstimate& e);
nlohmann::json toJson(const PolicyVerdict& v);
nlohmann::json toJson(const SpofReport& r);

} // namespace firedrill::cli
