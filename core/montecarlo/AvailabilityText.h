#pragma once

#include <optional>
#include <string>

namespace firedrill::montecarlo {

/// Annual downtime for people, rounded to what matters: whole minutes from an hour up ("4h 12m"),
/// whole seconds from a minute up ("12m 5s"), tenths of a second below ("4.2s"), "0s" for none.
std::string formatDowntime(double ms);
/// A signed change of downtime, rounded like formatDowntime(): "+1h 5m", "-20m", "±0s"; "n/a" for NaN.
std::string formatDowntimeChange(double ms);
/// An availability (0..1) as a percentage showing two significant digits of the unavailability, without
/// trailing zeros: "99.95 %", "99.81 %", "99.969 %", "99.5 %", "97.3 %"; never "100 %" unless it is 1;
/// "no data" for NaN (no simulated year).
std::string formatAvailability(double availability);
/// The number of nines with one decimal ("3.3"); "∞" when absent (no downtime at all).
std::string formatNines(std::optional<double> nines);
/// A share of years (0..1) as a percentage: "12 %", "3.5 %", "0.35 %", "< 0.01 %" for a tiny
/// non-zero share, "0 %" for none.
std::string formatShare(double share);
/// A signed change of a share (0..1) in percentage points: "+0.35 pt", "-2.0 pt", "±0 pt"; "n/a" for NaN.
std::string formatShareChange(double change);

} // namespace firedrill::montecarlo
