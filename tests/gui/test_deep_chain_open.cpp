// A 20,000-component hard-dependency chain opened in a real main window (offscreen), as YAML and as a
// workspace whose newest revision holds it: the summary worker finishes with figures (it once crashed on
// such chains, and the workspace then crashed the window on every open, leaving its lock behind), and
// closing the window leaves no lock file.

#include "common/ChainTopology.h"

#include "core/io/TopologyFile.h"
#include "core/store/Workspace.h"
#include "ui/document/Document.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/panels/SummaryStrip.h"

#include <QApplication>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace firedrill;
using namespace firedrill::ui;

namespace {

constexpr int kChain = 20'000;

/// c0 -> c1 -> ... -> c19999, each costing 1 USD a month with an SLA of 99.99 %; the workload enters at c0.
std::string chainYaml()
{
    return "firedrill: 1\nname: Deep chain\nregions:\n  - {id: weu, name: West Europe, zones: 3}\ncomponents:\n" +
           firedrill::test::dependencyChainComponents(kChain, "99.99%") +
           "workloads:\n  - {id: shop, name: Shop, entry: c0, demand_rps: 10}\n";
}

/// Opens `path` in a new window, waits for the summary worker and checks its figures; then closes it.
void openAndSummarise(const QString& path)
{
    auto w = std::make_unique<MainWindow>();
    w->setErrorDialogsEnabled(false);
    w->setUnsavedPolicy(DocumentActions::UnsavedPolicy::Discard);
    w->setRecoveryPolicy(MainWindow::RecoveryPolicy::Ignore);
    w->show();
    QSignalSpy failed(w.get(), &MainWindow::loadFailed);
    QVERIFY2(w->openFile(path), failed.isEmpty() ? "" : qPrintable(failed.front().front().toString()));
    QCOMPARE(static_cast<int>(w->document()->topology().components.size()), kChain);
    SummaryStrip* strip = w->summaryStrip();
    // A hang guard, not a timing check: a Debug or sanitizer build on a busy machine is slow.
    QTRY_VERIFY_WITH_TIMEOUT(!strip->busy(), 300'000);
    QCOMPARE(strip->figures().topologyCost, double(kChain));
    QVERIFY(strip->figures().availability.has_value());
    QVERIFY(*strip->figures().availability > 0.0 && *strip->figures().availability < 1.0);
    QVERIFY2(strip->text().contains(QStringLiteral("$20,000")), qPrintable(strip->text()));
    QVERIFY(w->close());
    w.reset();
    QVERIFY(!QFile::exists(path + QStringLiteral(".lock")));
}

} // namespace

class TestDeepChainOpen : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setApplicationName(QStringLiteral("Firedrill-test"));
        QVERIFY(m_dir.isValid());
    }

    void chainAsYaml()
    {
        const QString path = m_dir.filePath(QStringLiteral("chain.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const std::string yaml = chainYaml();
        QCOMPARE(file.write(yaml.data(), qint64(yaml.size())), qint64(yaml.size()));
        file.close();
        openAndSummarise(path);
    }

    void chainAsWorkspaceRevision()
    {
        const QString path = m_dir.filePath(QStringLiteral("chain.firedrill"));
        const LoadResult loaded = readTopologyYaml(chainYaml(), "chain.yaml");
        QVERIFY(loaded.ok());
        {
            // The chain is the newest revision, after a small first one.
            Topology small = *loaded.topology;
            small.components.resize(2);
            small.components.back().dependsOn.clear();
            auto ws = Workspace::create(path.toStdString(), small, "small");
            QVERIFY(ws.ok());
            QVERIFY(ws->save(*loaded.topology, "the deep chain").ok());
        }
        openAndSummarise(path);
        openAndSummarise(path); // and again: nothing was left behind that stops a second open
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestDeepChainOpen)
#include "test_deep_chain_open.moc"
