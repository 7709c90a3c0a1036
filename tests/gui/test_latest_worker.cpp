// LatestWorker: one computation at a time off the GUI thread, only the newest request's result delivered.
#include "ui/common/LatestWorker.h"

#include <QCoreApplication>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <memory>
#include <vector>

using namespace firedrill::ui;

namespace {

/// A request computing `value` * 10 on the worker (after `sleepMs`), delivering it into `delivered` and
/// noting the thread it ran on.
LatestWorker::Prepare times10(int value, std::vector<int>* delivered, std::atomic<int>* prepared, int sleepMs = 0,
                              std::shared_ptr<std::atomic<bool>> offGuiThread = {})
{
    return [=]() -> LatestWorker::Work {
        ++*prepared; // on the GUI thread, when the worker is free
        return [=]() -> LatestWorker::Deliver {
            if (offGuiThread)
                *offGuiThread = QThread::currentThread() != QCoreApplication::instance()->thread();
            QThread::msleep(static_cast<unsigned long>(sleepMs));
            const int result = value * 10;
            return [=] { delivered->push_back(result); };
        };
    };
}

} // namespace

class TestLatestWorker : public QObject
{
    Q_OBJECT
private slots:
    void deliversOnTheGuiThreadWhatRanOnAWorker()
    {
        LatestWorker worker;
        std::vector<int> delivered;
        std::atomic<int> prepared = 0;
        auto off = std::make_shared<std::atomic<bool>>(false);
        worker.request(times10(4, &delivered, &prepared, 0, off));
        QVERIFY(worker.busy());
        QVERIFY(delivered.empty()); // never before the event loop turns
        QTRY_VERIFY(!worker.busy());
        QCOMPARE(delivered, std::vector<int>{40});
        QVERIFY(off->load());
    }

    void onlyTheNewestRequestIsDelivered()
    {
        LatestWorker worker;
        std::vector<int> delivered;
        std::atomic<int> prepared = 0;
        worker.request(times10(1, &delivered, &prepared, 100)); // starts at once
        worker.request(times10(2, &delivered, &prepared));      // waits, then is replaced
        worker.request(times10(3, &delivered, &prepared));
        QCOMPARE(prepared.load(), 1); // the waiting requests took no copies
        QTRY_VERIFY(!worker.busy());
        // The first ran to its end but was outdated; the second never ran.
        QCOMPARE(delivered, std::vector<int>{30});
        QCOMPARE(prepared.load(), 2);
    }

    void cancellingDropsTheResult()
    {
        LatestWorker worker;
        std::vector<int> delivered;
        std::atomic<int> prepared = 0;
        worker.request(times10(5, &delivered, &prepared, 50));
        worker.request(times10(6, &delivered, &prepared));
        worker.cancel();
        QVERIFY(worker.busy()); // the one under way still runs
        QTRY_VERIFY(!worker.busy());
        QTest::qWait(20);
        QVERIFY(delivered.empty());
        QCOMPARE(prepared.load(), 1);
        worker.request(times10(7, &delivered, &prepared));
        QTRY_COMPARE(delivered, std::vector<int>{70}); // usable again
    }

    void destroyingWaitsForTheWorkerAndDeliversNothing()
    {
        std::vector<int> delivered;
        std::atomic<int> prepared = 0;
        {
            LatestWorker worker;
            worker.request(times10(8, &delivered, &prepared, 50));
        }
        QCoreApplication::processEvents();
        QTest::qWait(20);
        QVERIFY(delivered.empty());
    }
};

QTEST_GUILESS_MAIN(TestLatestWorker)
#include "test_latest_worker.moc"
