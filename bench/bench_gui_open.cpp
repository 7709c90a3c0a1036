// bench_gui_open: opening large generated topologies into the main window, measured from the GUI thread's
// point of view. A 2 ms heartbeat timer runs on the GUI thread; every gap between two beats is a moment a
// user's window could not repaint. Prints, per size and file kind (YAML, workspace), the time until the
// window shows the fitted diagram and the longest gaps, then the zoom/pan frame times at that size.
//   bench_gui_open [components...]   (default: 1000 10000)
// Target (reliability): a 10,000-component topology opens without a gap over 200 ms.

#include "GuiTiming.h"
#include "TopologyGenerator.h"
#include "core/io/TopologyFile.h"
#include "core/store/Workspace.h"
#include "ui/document/Document.h"
#include "ui/editor/TopologyScene.h"
#include "ui/editor/TopologyView.h"
#include "ui/mainwindow/Appearance.h"
#include "ui/mainwindow/MainWindow.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

using namespace firedrill;

namespace {

bool writeFile(const QString& path, const std::string& text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) &&
           file.write(text.data(), static_cast<qint64>(text.size())) == static_cast<qint64>(text.size());
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Firedrill-bench"));
    QStandardPaths::setTestModeEnabled(true);
    ui::applyAppearance(ui::Theme::Light);
    std::vector<std::size_t> sizes;
    for (int i = 1; i < argc; ++i)
        sizes.push_back(static_cast<std::size_t>(std::strtoul(argv[i], nullptr, 10)));
    if (sizes.empty())
        sizes = {1000, 10000};

    QTemporaryDir dir;
    for (const std::size_t size : sizes) {
        const Topology topology = bench::generateTopology(size, 3, 4);
        const QString yaml = dir.filePath(QStringLiteral("generated-%1.yaml").arg(size));
        const QString workspace = dir.filePath(QStringLiteral("generated-%1.firedrill").arg(size));
        if (!writeFile(yaml, writeTopologyYaml(topology)))
            return 1;
        if (!Workspace::create(workspace.toStdString(), topology, "generated"))
            return 1;
        for (const QString& path : {yaml, workspace}) {
            ui::MainWindow window;
            window.setErrorDialogsEnabled(false);
            window.setRecoveryPolicy(ui::MainWindow::RecoveryPolicy::Ignore);
            window.resize(1600, 1000);
            window.show();
            QApplication::processEvents();

            bench::Heartbeat beat;
            QElapsedTimer clock;
            beat.start();
            clock.start();
            if (!window.openFile(path))
                return 1;
            // openFile() returns once the document is read and the panels show it; the canvas is built on
            // the next turns of the event loop. "shown" is when its items are current and painted.
            auto* scene = static_cast<ui::TopologyScene*>(window.view()->scene());
            double shownMs = -1;
            QElapsedTimer settle;
            settle.start();
            while (settle.elapsed() < 500 || shownMs < 0) {
                const bool built = !scene->isStale();
                QApplication::processEvents(QEventLoop::AllEvents, 20);
                if (shownMs < 0 && built) // built before that turn, so painted in it
                    shownMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
            }
            std::vector<double> gaps = beat.stop();
            std::vector<double> longest = gaps;
            std::sort(longest.begin(), longest.end(), std::greater<>());
            longest.resize(std::min<std::size_t>(longest.size(), 3));
            std::printf("{\"bench\":\"gui_open_large\",\"components\":%zu,\"file\":\"%s\",\"shown_ms\":%.0f,"
                        "\"longest_gaps_ms\":[%.0f,%.0f,%.0f],\"gaps_over_100ms\":%lld,\"target_gap_ms\":200}\n",
                        window.document()->topology().components.size(),
                        path.endsWith(QStringLiteral(".yaml")) ? "yaml" : "workspace", shownMs, longest.at(0),
                        longest.size() > 1 ? longest[1] : 0.0, longest.size() > 2 ? longest[2] : 0.0,
                        static_cast<long long>(std::count_if(gaps.begin(), gaps.end(), [](double g) { return g > 100; })));
            std::fflush(stdout);
            if (path != workspace)
                continue;
            // Zoom and pan at this size: each step followed by a full repaint of the canvas.
            ui::TopologyView* view = window.view();
            std::vector<double> frames;
            for (int i = 0; i < 40; ++i) {
                clock.restart();
                if (i % 20 < 10)
                    view->zoomIn();
                else
                    view->zoomOut();
                view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->value() + (i % 2 ? 40 : -25));
                const QPixmap frame = view->viewport()->grab();
                frames.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
                if (frame.isNull())
                    return 1;
            }
            view->fitToWindow();
            std::vector<double> fitted;
            for (int i = 0; i < 10; ++i) {
                clock.restart();
                const QPixmap frame = view->viewport()->grab();
                fitted.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
                // FIREDRILL_BENCH_SHOTS=<folder>: keep the fitted canvas of each size, to look at.
                if (const QByteArray shots = qgetenv("FIREDRILL_BENCH_SHOTS"); i == 0 && !shots.isEmpty())
                    frame.save(QDir(QString::fromLocal8Bit(shots)).filePath(QStringLiteral("gui-open-%1.png").arg(size)));
            }
            std::printf("{\"bench\":\"gui_frames_large\",\"components\":%zu,\"zoom_pan_median_ms\":%.1f,"
                        "\"zoom_pan_p95_ms\":%.1f,\"fitted_median_ms\":%.1f,\"fitted_scale\":%.3f}\n",
                        size, bench::percentile(frames, 0.5), bench::percentile(frames, 0.95), bench::percentile(fitted, 0.5),
                        view->transform().m11());
            std::fflush(stdout);
        }
    }
    return 0;
}
