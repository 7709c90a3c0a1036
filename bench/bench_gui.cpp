// bench_gui: the editor on a generated 1,000-component topology (4 paired regions, 3 zones each, layered
// dependencies). Measures the time to open it into the MainWindow (document, scene built, view fitted,
// panels filled) and the frame time of zoom/pan steps each followed by a full repaint of the canvas
// (QWidget::grab of the viewport). Prints one JSON line per measurement. Run it under QT_QPA_PLATFORM=
// offscreen or xvfb-run. Targets (issue 5): open under 1 s, frames without visible stutter (< 50 ms p95).

#include "TopologyGenerator.h"
#include "core/io/TopologyFile.h"
#include "ui/document/Document.h"
#include "ui/editor/TopologyScene.h"
#include "ui/editor/TopologyView.h"
#include "ui/mainwindow/Appearance.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/strategy/StrategyAnalysis.h"
#include "ui/strategy/TradeOffView.h"

#include "GuiTiming.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace firedrill;


int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Firedrill-bench"));
    QStandardPaths::setTestModeEnabled(true);
    ui::applyAppearance(ui::Theme::Light);
    constexpr std::size_t kComponents = 1000;
    constexpr int kFrames = 100;

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("generated.yaml"));
    {
        const std::string text = writeTopologyYaml(bench::generateTopology(kComponents, 3, 4));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size()))
            return 1;
    }

    ui::MainWindow window;
    window.setErrorDialogsEnabled(false);
    window.setRecoveryPolicy(ui::MainWindow::RecoveryPolicy::Ignore);
    window.show();
    QApplication::processEvents();

    QElapsedTimer timer;
    timer.start();
    if (!window.openFile(path))
        return 1;
    // The canvas is built on the next turns of the event loop: the cards, then the lines, a slice at a time.
    while (window.scene()->isStale())
        QApplication::processEvents(QEventLoop::AllEvents, 20);
    QApplication::processEvents(); // the first paint of the complete, fitted scene
    const double openMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    std::printf("{\"bench\":\"gui_open\",\"components\":%zu,\"items\":%lld,\"ms\":%.1f,\"target_ms\":1000}\n",
                window.document()->topology().components.size(),
                static_cast<long long>(window.scene()->items().size()), openMs);

    ui::TopologyView* view = window.view();
    std::vector<double> frames;
    frames.reserve(kFrames);
    for (int i = 0; i < kFrames; ++i) {
        timer.restart();
        if (i % 20 < 10)
            view->zoomIn();
        else
            view->zoomOut();
        view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->value() + (i % 2 ? 40 : -25));
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->value() + 15);
        const QPixmap frame = view->viewport()->grab();
        frames.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        if (frame.isNull())
            return 1;
    }
    std::printf("{\"bench\":\"gui_zoom_pan_frame\",\"frames\":%d,\"viewport\":\"%dx%d\",\"median_ms\":%.2f,"
                "\"p95_ms\":%.2f,\"max_ms\":%.2f}\n",
                kFrames, view->viewport()->width(), view->viewport()->height(), bench::percentile(frames, 0.5),
                bench::percentile(frames, 0.95), bench::percentile(frames, 1.0));

    frames.clear();
    view->fitToWindow();
    for (int i = 0; i < 20; ++i) {
        timer.restart();
        const QPixmap frame = view->viewport()->grab();
        frames.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("{\"bench\":\"gui_fitted_frame\",\"frames\":20,\"median_ms\":%.2f,\"p95_ms\":%.2f}\n",
                bench::percentile(frames, 0.5), bench::percentile(frames, 0.95));

    // Strategy figures: the worker's computation, and what the window does with a result on its own thread.
    auto strategyFigures = [&](const char* label, const QString& file) {
        if (!window.openFile(file))
            return false;
        const Topology& t = window.document()->topology();
        const QString workload = QString::fromStdString(t.workloads.front().id.str());
        std::vector<double> worker, gui;
        for (int i = 0; i < 5; ++i) {
            timer.restart();
            const ui::StrategyFigures f = ui::StrategyAnalysis::compute(t, workload);
            worker.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
            if (!f.comparison)
                return false;
        }
        while (window.strategyAnalysis()->busy())
            QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        window.pages()->setCurrentWidget(window.tradeOffView());
        for (int i = 0; i < 5; ++i) {
            timer.restart();
            emit window.strategyAnalysis()->updated(); // table, charts and panel refresh on the GUI thread
            gui.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        }
        std::printf("{\"bench\":\"strategy_figures\",\"topology\":\"%s\",\"components\":%zu,\"workloads\":%zu,"
                    "\"worker_median_ms\":%.1f,\"gui_refresh_median_ms\":%.1f,\"gui_refresh_max_ms\":%.1f}\n",
                    label, t.components.size(), t.workloads.size(), bench::percentile(worker, 0.5), bench::percentile(gui, 0.5),
                    bench::percentile(gui, 1.0));
        return true;
    };
    if (!strategyFigures("generated", path) ||
        !strategyFigures("dr-reduced-shop", QStringLiteral(FIREDRILL_SAMPLES_DIR "/dr-reduced-shop.yaml")) ||
        !strategyFigures("gas-trading", QStringLiteral(FIREDRILL_SAMPLES_DIR "/gas-trading.yaml")))
        return 1;
    return 0;
}
