#include "MonteCarloJson.h"

#include "core/io/Units.h"
#include "core/model/EnumNames.h"
#include "core/montecarlo/AvailabilitySummary.h"

#include <algorithm>

namespace firedrill::cli {

using montecarlo::DowntimeHistogram;
using montecarlo::MonteCarloResult;
using montecarlo::WorkloadStats;

namespace {

std::string u128(unsigned __int128 v)
{
    if (v == 0)
        return "0";
    std::string s;
    while (v > 0) {
        s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
        v /= 10;
    }
    return s;
}

unsigned __int128 parseU128(const std::string& s)
{
    unsigned __int128 v = 0;
    for (const char c : s)
        v = v * 10 + static_cast<unsigned>(c - '0');
    return v;
}

nlohmann::json duration(double ms)
{
    return {{"seconds", ms / 1000.0}, {"text", formatDurationReadable(Duration{static_cast<std::int64_t>(std::llround(ms))})}};
}

} // namespace

nlohmann::json toJson(const MonteCarloResult& r, const Topology& topology)
{
    nlohmann::json workloads = nlohmann::json::array();
    for (std::size_t w = 0; w < r.workloads.size(); ++w) {
        const WorkloadStats& s = r.workloads[w];
        const montecarlo::AvailabilitySummary summary = montecarlo::summarizeWorkload(r, w, topology);
        nlohmann::json breaches = nlohmann::json::array();
        for (const auto& b : summary.breaches)
            breaches.push_back({{"disruption", std::string(toName(b.disruption))},
                                {"rto_target", duration(static_cast<double>(b.rtoTarget.ms))},
                                {"years_breached", b.yearsBreached},
                                {"probability", b.probability}});
        nlohmann::json contributions = nlohmann::json::array();
        for (const auto& c : summary.contributions)
            contributions.push_back({{"cause", c.cause}, {"mean_per_year", duration(c.meanPerYearMs)}, {"share", c.share}});
        nlohmann::json bins = nlohmann::json::array();
        for (std::size_t i = 0; i < s.histogram.bins().size(); ++i)
            if (s.histogram.bins()[i] > 0)
                bins.push_back({i, s.histogram.bins()[i]});
        // Without a simulated year there is no figure: null, not 100 % (the accumulators still merge).
        const auto figure = [&](double ms) { return summary.hasData ? duration(ms) : nlohmann::json(nullptr); };
        workloads.push_back(
            {{"workload", s.workload.str()},
             {"availability", summary.hasData ? nlohmann::json(summary.availability) : nlohmann::json(nullptr)},
             {"nines", summary.nines && summary.hasData ? nlohmann::json(*summary.nines) : nlohmann::json(nullptr)},
             {"mean_downtime", figure(summary.meanDowntimeMs)},
             {"standard_error", figure(summary.standardErrorMs)},
             {"p50_downtime", figure(summary.p50DowntimeMs)},
             {"p95_downtime", figure(summary.p95DowntimeMs)},
             {"p99_downtime", figure(summary.p99DowntimeMs)},
             {"years_with_downtime", summary.yearsWithDowntime},
             {"policy_breaches", breaches},
             {"contributions", contributions},
             {"accumulators",
              {{"downtime_ms", s.downtimeMs},
               {"downtime_squares", u128(s.downtimeSquares)},
               {"breach_years", s.breachYears},
               {"attributed_ms", s.attributedMs},
               {"histogram", {{"zero", s.histogram.zeroCount()}, {"sub_second", s.histogram.subSecondCount()}, {"bins", bins}}}}}});
    }
    return {{"format", "firedrill-montecarlo-1"},
            {"seed", r.seed},
            {"years", r.years},
            {"first_year", r.firstYear},
            {"total_years", r.totalYears},
            {"events", r.events},
            {"processes", r.processLabels},
            {"process_owners", r.processOwners},
            {"process_down_ms", r.processDownMs},
            {"workloads", workloads},
            {"notes", r.notes}};
}

Result<MonteCarloResult> monteCarloFromJson(const nlohmann::json& j)
{
    try {
        if (j.at("format").get<std::string>() != "firedrill-montecarlo-1")
            return Error{"bad-format", "not a Firedrill Monte Carlo result (format firedrill-montecarlo-1)"};
        MonteCarloResult r;
        r.seed = j.at("seed").get<std::uint64_t>();
        r.years = j.at("years").get<std::uint64_t>();
        r.firstYear = j.at("first_year").get<std::uint64_t>();
        r.totalYears = j.at("total_years").get<std::uint64_t>();
        r.events = j.at("events").get<std::uint64_t>();
        r.processLabels = j.at("processes").get<std::vector<std::string>>();
        r.processOwners = j.at("process_owners").get<std::vector<std::string>>();
        r.processDownMs = j.at("process_down_ms").get<std::vector<std::int64_t>>();
        r.notes = j.at("notes").get<std::vector<std::string>>();
        for (const auto& w : j.at("workloads")) {
            const auto& acc = w.at("accumulators");
            WorkloadStats s;
            s.workload = WorkloadId{w.at("workload").get<std::string>()};
            s.downtimeMs = acc.at("downtime_ms").get<std::int64_t>();
            s.downtimeSquares = parseU128(acc.at("downtime_squares").get<std::string>());
            s.yearsWithDowntime = w.at("years_with_downtime").get<std::uint64_t>();
            s.breachYears = acc.at("breach_years").get<std::array<std::uint64_t, 5>>();
            s.attributedMs = acc.at("attributed_ms").get<std::vector<std::int64_t>>();
            std::array<std::uint64_t, DowntimeHistogram::kBins> bins{};
            for (const auto& b : acc.at("histogram").at("bins")) {
                const auto i = b.at(0).get<std::size_t>();
                if (i >= bins.size())
                    return Error{"bad-format", "histogram bin out of range"};
                bins[i] = b.at(1).get<std::uint64_t>();
            }
            s.histogram.setCounts(acc.at("histogram").at("zero").get<std::uint64_t>(),
                                  acc.at("histogram").at("sub_second").get<std::uint64_t>(), bins);
            r.workloads.push_back(std::move(s));
        }
        return r;
    } catch (const nlohmann::json::exception& e) {
        return Error{"bad-format", std::string("not a Firedrill Monte Carlo result: ") + e.what()};
    }
}

} // namespace firedrill::cli
