#include "ReplayCsv.h"

#include <sstream>

namespace firedrill::sim {

namespace {

CsvFile csv(const WorkloadReplay& w, double step, const std::string& series,
            const std::vector<std::string>& columns, const std::vector<const std::vector<double>*>& data)
{
    std::ostringstream out;
    out << "time_s";
    for (const auto& c : columns)
        out << ',' << c;
    out << '\n';
    const std::size_t n = data.empty() ? 0 : data.front()->size();
    for (std::size_t i = 0; i < n; ++i) {
        out << static_cast<double>(i) * step;
        for (const auto* d : data)
            out << ',' << (*d)[i];
        out << '\n';
    }
    return CsvFile{w.id.str() + "-" + series + ".csv", out.str()};
}

} // namespace

std::vector<CsvFile> replayCsvFiles(const ReplayResult& result)
{
    const double step = result.sampleInterval.toSeconds();
    std::vector<CsvFile> files;
    files.reserve(result.workloads.size() * 6);
    for (const auto& w : result.workloads) {
        const WorkloadSeries& s = w.series;
        std::vector<std::string> regions;
        std::vector<const std::vector<double>*> served;
        for (std::size_t i = 0; i < s.regions.size(); ++i) {
            regions.push_back(s.regions[i].empty() ? "-" : s.regions[i]);
            served.push_back(&s.servedByRegion[i]);
        }
        files.push_back(csv(w, step, "served", regions, served));
        files.push_back(csv(w, step, "availability", {"availability"}, {&s.availability}));
        files.push_back(csv(w, step, "latency", {"latency_ms"}, {&s.latencyMs}));
        files.push_back(csv(w, step, "replication-lag", {"lag_s"}, {&s.replicationLagS}));
        files.push_back(csv(w, step, "writes-lost", {"writes_lost"}, {&s.writesLost}));
        files.push_back(csv(w, step, "backlog", {"messages"}, {&s.backlog}));
    }
    return files;
}

} // namespace firedrill::sim
