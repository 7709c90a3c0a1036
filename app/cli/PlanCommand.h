#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace firedrill::cli {

/// Options of `firedrill-cli plan`.
struct PlanOptions
{
    std::string file;
    std::string workload;
    std::string scenario;
    std::string format = "md";         ///< md, html, yaml, ics, or pdf (printed by the desktop application)
    std::string output;                ///< written atomically; empty: standard output
    std::string mode;                  ///< production or isolated; empty: chosen from the disruption
    bool noReplay = false;             ///< expected times from the estimate instead of a replay
    std::optional<std::uint64_t> seed; ///< replay seed; default: the scenario's, else 0
    std::string start;                 ///< ics: first drill, UTC ("2027-01-05T09:00Z")
    std::string recurrence = "once";   ///< ics: "quarterly on the first tuesday" ...
    std::string length = "4h";         ///< ics: how long each drill takes
};

/// Generates the drill plan of a workload and scenario and writes it as Markdown, HTML, YAML or an
/// iCalendar schedule. Exit 0 / 1 / 2.
int runPlan(const PlanOptions& options);

} // namespace firedrill::cli
