#include "PlanText.h"

#include <array>
#include <utility>

namespace firedrill::plantext {

namespace {
template <class E, std::size_t N>
std::string_view nameIn(const std::array<std::pair<E, std::string_view>, N>& table, E value)
{
    for (const auto& [v, n] : table)
        if (v == value)
            return n;
    return table.front().second;
}

template <class E, std::size_t N>
std::optional<E> valueIn(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view name)
{
    for (const auto& [v, n] : table)
        if (n == name)
            return v;
    return std::nullopt;
}

constexpr std::array<std::pair<DrillMode, std::string_view>, 2> kModes{
    {{DrillMode::Production, "production"}, {DrillMode::IsolatedTest, "isolated-test"}}};
constexpr std::array<std::pair<TimingSource, std::string_view>, 2> kTimings{
    {{TimingSource::Estimate, "estimate"}, {TimingSource::Replay, "replay"}}};
constexpr std::array<std::pair<StepPhase, std::string_view>, 4> kPhases{
    {{StepPhase::Start, "start"},
     {StepPhase::Fault, "fault"},
     {StepPhase::Recovery, "recovery"},
     {StepPhase::Verification, "verification"}}};
} // namespace

std::string_view modeName(DrillMode mode)
{
    return nameIn(kModes, mode);
}
std::optional<DrillMode> modeFromName(std::string_view name)
{
    return valueIn(kModes, name);
}
std::string_view timingName(TimingSource timing)
{
    return nameIn(kTimings, timing);
}
std::optional<TimingSource> timingFromName(std::string_view name)
{
    return valueIn(kTimings, name);
}
std::string_view phaseName(StepPhase phase)
{
    return nameIn(kPhases, phase);
}
std::optional<StepPhase> phaseFromName(std::string_view name)
{
    return valueIn(kPhases, name);
}

std::string_view modeLabel(DrillMode mode)
{
    return mode == DrillMode::Production ? "Production" : "Isolated test failover";
}

} // namespace firedrill::plantext
