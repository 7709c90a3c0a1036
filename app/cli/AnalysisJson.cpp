#include "AnalysisJson.h"

#include "core/io/Units.h"
#include "core/model/EnumNames.h"

#include <cmath>

namespace firedrill::cli {

nlohmann::json toJson(Duration d)
{
    return {{"seconds", d.toSeconds()}, {"text", formatDurationReadable(d)}};
}

nlohmann::json toJson(const TimeEstimate& e)
{
    nlohmann::json terms = nlohmann::json::array();
    for (const auto& t : e.terms)
        terms.push_back({{"label", t.label}, {"duration", toJson(t.value)}, {"detail", t.detail}});
    nlohmann::json j{{"total", toJson(e.total)},
                     {"unbounded", e.unbounded},
                     {"combination", e.combination},
                     {"terms", terms},
                     {"notes", e.notes}};
    if (const DurationTerm* d = e.dominant())
        j["dominant"] = d->label;
    return j;
}

nlohmann::json toJson(const AvailabilityReport& r)
{
    nlohmann::json components = nlohmann::json::array();
    for (const auto& c : r.components)
        components.push_back({{"id", c.id.str()},
                              {"availability", c.availability},
                              {"basis", c.basis},
                              {"assumed", c.assumed},
                              {"gain_if_perfect", c.gainIfPerfect}});
    const double nines = r.nines();
    return {{"availability", r.availability},
            {"percent", r.percent()},
            {"nines", std::isinf(nines) ? nlohmann::json(nullptr) : nlohmann::json(nines)},
            {"downtime_per_month", toJson(r.downtimePerMonth())},
            {"downtime_per_year", toJson(r.downtimePerYear())},
            {"formula", r.formula},
            {"exact", r.exact},
            {"components", components},
            {"notes", r.notes}};
}

nlohmann::json toJson(const CostReport& r)
{
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& l : r.lines) {
        nlohmann::json line{{"component", l.component.str()},
                            {"name", l.name},
                            {"kind", std::string(toName(l.kind))},
                            {"monthly", l.monthly},
                            {"secondary", l.secondary},
                            {"basis", l.basis}};
        if (l.replica)
            line["replica"] = l.replica->str();
        if (l.region)
            line["region"] = l.region->str();
        if (l.site)
            line["site"] = l.site->str();
        lines.push_back(std::move(line));
    }
    nlohmann::json secondary = nlohmann::json::array();
    for (const auto& s : r.secondaryRegions)
        secondary.push_back(s.str());
    return {{"currency", "USD"},
            {"monthly_total", r.total},
            {"primary_share", r.primaryShare},
            {"secondary_share", r.secondaryShare},
            {"secondary_regions", secondary},
            {"by_region", r.byRegion},
            {"lines", lines},
            {"notes", r.notes}};
}

nlohmann::json toJson(const FailoverCost& c)
{
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& l : c.lines)
        lines.push_back({{"component", l.component.str()},
                         {"region", l.region.str()},
                         {"current_instances", l.current},
                         {"full_instances", l.full},
                         {"per_hour", l.perHour},
                         {"cost", l.cost},
                         {"basis", l.basis}});
    return {{"duration", toJson(c.duration)},
            {"extra_per_hour", c.extraPerHour},
            {"total", c.total},
            {"lines", lines},
            {"explanation", c.explanation},
            {"notes", c.notes}};
}

nlohmann::json toJson(const RecoveryEstimate& e)
{
    return {{"disruption", std::string(toName(e.disruption))},
            {"situation", e.situation},
            {"rto", toJson(e.rto)},
            {"rpo", toJson(e.rpo)},
            {"rpo_expected", toJson(e.rpoExpected)}};
}

nlohmann::json toJson(const PolicyVerdict& v)
{
    nlohmann::json j{{"disruption", std::string(toName(v.policy.disruption))}, {"summary", v.summary}};
    if (v.policy.rto) {
        j["rto_target"] = toJson(*v.policy.rto);
        j["rto_met"] = v.rtoMet.value_or(false);
        j["rto_margin"] = toJson(v.rtoMargin);
        j["rto_dominant"] = v.rtoDominant;
    }
    if (v.policy.rpo) {
        j["rpo_target"] = toJson(*v.policy.rpo);
        j["rpo_met"] = v.rpoMet.value_or(false);
        j["rpo_margin"] = toJson(v.rpoMargin);
        j["rpo_dominant"] = v.rpoDominant;
    }
    return j;
}

namespace {
nlohmann::json findings(const std::vector<SpofFinding>& list)
{
    nlohmann::json out = nlohmann::json::array();
    for (const auto& f : list) {
        nlohmann::json domains = nlohmann::json::array();
        for (const auto& d : f.domains)
            domains.push_back(d.label());
        nlohmann::json lost = nlohmann::json::array();
        for (const auto& c : f.lost)
            lost.push_back(c.str());
        nlohmann::json impacts = nlohmann::json::array();
        for (const auto& i : f.impacts)
            impacts.push_back({{"workload", i.workload.str()},
                               {"effect", i.kind == ImpactKind::Down ? "down" : "degraded"},
                               {"capacity_rps", std::isinf(i.capacityRps) ? nlohmann::json(nullptr) : nlohmann::json(i.capacityRps)},
                               {"demand_rps", i.demandRps},
                               {"explanation", i.explanation}});
        out.push_back({{"domains", domains}, {"lost", lost}, {"impacts", impacts}});
    }
    return out;
}
} // namespace

nlohmann::json toJson(const SpofReport& r)
{
    nlohmann::json j{{"domains_checked", r.domainsChecked}, {"singles", findings(r.singles)}, {"notes", r.notes}};
    if (r.pairsChecked)
        j["pairs"] = findings(r.pairs);
    return j;
}

} // namespace firedrill::cli
