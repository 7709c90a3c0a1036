#include "PolicyPresets.h"

#include "core/io/Units.h"
#include "core/model/EnumNames.h"

#include <algorithm>

namespace firedrill {

namespace {

PolicyTarget target(DisruptionClass c, std::optional<Duration> rto, std::optional<Duration> rpo)
{
    return PolicyTarget{c, rto, rpo};
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split(std::string_view text, char separator)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i)
        if (i == text.size() || text[i] == separator) {
            parts.push_back(trim(text.substr(start, i - start)));
            start = i + 1;
        }
    return parts;
}

} // namespace

const std::vector<PolicyPreset>& builtInPolicyPresets()
{
    using D = DisruptionClass;
    static const std::vector<PolicyPreset> presets{
        {"mission-critical", "Mission-critical",
         "Revenue or safety stops when it stops: minutes to recover, almost no data lost.",
         {target(D::Instance, Duration::minutes(1), Duration{}), target(D::Zone, Duration::minutes(5), Duration{}),
          target(D::Region, Duration::hours(1), Duration::minutes(5)),
          target(D::Dependency, Duration::minutes(5), std::nullopt),
          target(D::Corruption, Duration::hours(4), Duration::minutes(15))}},
        {"business-critical", "Business-critical",
         "Needed every working day: back within hours, at most an hour of data lost.",
         {target(D::Instance, Duration::minutes(5), Duration{}),
          target(D::Zone, Duration::minutes(30), Duration::minutes(5)),
          target(D::Region, Duration::hours(4), Duration::hours(1)),
          target(D::Dependency, Duration::minutes(30), std::nullopt),
          target(D::Corruption, Duration::hours(8), Duration::hours(1))}},
        {"non-critical", "Non-critical",
         "Can wait for a day: restore from backup, a day of data may be re-entered.",
         {target(D::Instance, Duration::hours(1), std::nullopt), target(D::Zone, Duration::hours(4), Duration::hours(1)),
          target(D::Region, Duration::hours(24), Duration::hours(24)),
          target(D::Corruption, Duration::hours(48), Duration::hours(24))}},
    };
    return presets;
}

std::vector<Policy> policiesFromPreset(const PolicyPreset& preset, const WorkloadId& workload)
{
    std::vector<Policy> out;
    for (const PolicyTarget& t : preset.targets)
        if (t.rto || t.rpo)
            out.push_back(Policy{workload, t.disruption, t.rto, t.rpo});
    return out;
}

std::string policyTargetsText(const std::vector<PolicyTarget>& targets)
{
    std::string out;
    for (const PolicyTarget& t : targets) {
        if (!t.rto && !t.rpo)
            continue;
        if (!out.empty())
            out += "; ";
        out += std::string(toName(t.disruption)) + ":";
        if (t.rto)
            out += " rto " + formatDuration(*t.rto);
        if (t.rto && t.rpo)
            out += ",";
        if (t.rpo)
            out += " rpo " + formatDuration(*t.rpo);
    }
    return out;
}

Result<std::vector<PolicyTarget>> parsePolicyTargets(std::string_view text)
{
    std::vector<PolicyTarget> out;
    if (trim(text).empty())
        return out;
    for (const std::string_view part : split(text, ';')) {
        const std::size_t colon = part.find(':');
        if (colon == std::string_view::npos)
            return Error{"bad-targets", "'" + std::string(part) + "' should read '<class>: rto <duration>, rpo <duration>'"};
        const std::string_view className = trim(part.substr(0, colon));
        const auto disruption = fromName<DisruptionClass>(className);
        if (!disruption)
            return Error{"bad-targets", "'" + std::string(className) + "' is not a disruption class (expected " +
                                            nameList<DisruptionClass>() + ")"};
        if (std::any_of(out.begin(), out.end(), [&](const PolicyTarget& t) { return t.disruption == *disruption; }))
            return Error{"bad-targets", std::string(className) + " appears twice"};
        PolicyTarget t{*disruption, std::nullopt, std::nullopt};
        for (const std::string_view item : split(part.substr(colon + 1), ',')) {
            const std::size_t space = item.find(' ');
            const std::string_view key = item.substr(0, space);
            const std::string_view value = space == std::string_view::npos ? std::string_view{} : trim(item.substr(space));
            if (key != "rto" && key != "rpo")
                return Error{"bad-targets", std::string(className) + ": '" + std::string(item) +
                                                "' should start with rto or rpo"};
            auto d = parseDuration(value);
            if (!d)
                return Error{"bad-targets", std::string(className) + ": " + d.error().message};
            (key == "rto" ? t.rto : t.rpo) = *d;
        }
        out.push_back(t);
    }
    return out;
}

} // namespace firedrill
