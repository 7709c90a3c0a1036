// Replay CSV files: names, order and exact text of a hand-built result.
#include "core/sim/ReplayCsv.h"

#include <QtTest>

using namespace firedrill;
using namespace firedrill::sim;

namespace {
WorkloadReplay workload(const char* id)
{
    WorkloadReplay w;
    w.id = WorkloadId(id);
    return w;
}
} // namespace

class TestReplayCsv : public QObject
{
    Q_OBJECT
private slots:
    void sixFilesPerWorkloadInOrder()
    {
        ReplayResult r;
        r.sampleInterval = Duration::seconds(1);
        r.workloads = {workload("shop"), workload("ops")};
        const auto files = replayCsvFiles(r);
        QCOMPARE(files.size(), std::size_t(12));
        const std::vector<std::string> names{
            "shop-served.csv",          "shop-availability.csv", "shop-latency.csv",
            "shop-replication-lag.csv", "shop-writes-lost.csv",  "shop-backlog.csv",
            "ops-served.csv",           "ops-availability.csv",  "ops-latency.csv",
            "ops-replication-lag.csv",  "ops-writes-lost.csv",   "ops-backlog.csv"};
        for (std::size_t i = 0; i < names.size(); ++i)
            QCOMPARE(files[i].name, names[i]);
        // No samples and no regions: the header alone.
        QCOMPARE(files[0].text, std::string("time_s\n"));
        QCOMPARE(files[1].text, std::string("time_s,availability\n"));
        QCOMPARE(files[5].text, std::string("time_s,messages\n"));
    }

    void exactTextOfATinyReplay()
    {
        // Three samples 0.5 s apart; numbers as a stream writes a double (6 significant digits).
        ReplayResult r;
        r.sampleInterval = Duration{500};
        WorkloadReplay w = workload("shop");
        w.series.regions = {"weu", ""};
        w.series.servedByRegion = {{100, 50.5, 0}, {0, 1e-7, 1234567}};
        w.series.availability = {1, 0.75, 1.0 / 3.0};
        w.series.latencyMs = {0, 12.5, 1500};
        w.series.replicationLagS = {0, 1, 2};
        w.series.writesLost = {0, 0.5, 1e6};
        w.series.backlog = {0, 0, 3};
        r.workloads = {w};
        const auto files = replayCsvFiles(r);
        QCOMPARE(files.size(), std::size_t(6));
        QCOMPARE(files[0].text, std::string("time_s,weu,-\n"
                                            "0,100,0\n"
                                            "0.5,50.5,1e-07\n"
                                            "1,0,1.23457e+06\n"));
        QCOMPARE(files[1].text, std::string("time_s,availability\n0,1\n0.5,0.75\n1,0.333333\n"));
        QCOMPARE(files[2].text, std::string("time_s,latency_ms\n0,0\n0.5,12.5\n1,1500\n"));
        QCOMPARE(files[3].text, std::string("time_s,lag_s\n0,0\n0.5,1\n1,2\n"));
        QCOMPARE(files[4].text, std::string("time_s,writes_lost\n0,0\n0.5,0.5\n1,1e+06\n"));
        QCOMPARE(files[5].text, std::string("time_s,messages\n0,0\n0.5,0\n1,3\n"));
    }
};

QTEST_GUILESS_MAIN(TestReplayCsv)
#include "test_replay_csv.moc"
