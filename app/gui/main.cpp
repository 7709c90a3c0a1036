// firedrill: the desktop application.
//
//   firedrill [file]   opens a workspace (.firedrill) or a YAML topology (.yaml, .yml)
//
// Environment variables, for tests, CI and the documentation's screenshots:
//   FIREDRILL_QUIT_AFTER_LOAD=1   quit as soon as the window has shown and the file has loaded. The exit
//                                 status is 0 when it loaded (or no file was given) and 1 otherwise; load
//                                 errors go to stderr instead of a message box. The gui_smoke test uses it.
//   FIREDRILL_SELECT=<id>         after loading, select this component, region, site, workload, scenario
//                                 or replica id in the outline (e.g. sql-ag), so its details show.
//   FIREDRILL_OVERLAYS=1          turn every canvas overlay on (SPOFs, cost, SLA, problems).
//   FIREDRILL_DOCK=<name>         raise this dock (its object name, e.g. workloadsDock) before the screenshot.
//   FIREDRILL_PAGE=<n>            show page n of the centre (1 diagram, 2 strategies and trade-offs,
//                                 3 availability over a year, 4 drill plans, 5 outage replay).
//   FIREDRILL_REPLAY=<id>@<clock> on the replay page, replay scenario <id> up to <clock> ("weu-down@00:12:10");
//                                 the page opens with it.
//   FIREDRILL_TRAINER=1           with FIREDRILL_REPLAY: show it in trainer mode.
//   FIREDRILL_MONTECARLO=<years>  on the availability page, run this many simulated years before the
//                                 screenshot.
//   FIREDRILL_STRATEGY=<name>     choose this strategy (e.g. active-passive-full) for the workload in focus,
//                                 so the canvas previews it.
//   FIREDRILL_THEME=light|dark|system  use this theme for this run instead of the one in Preferences.
//   FIREDRILL_SCREENSHOT=<path>   after loading (and selecting), save a PNG of the main window to <path>
//                                 with QWidget::grab() and quit; exit status 1 when anything failed.
//                                 The saved window layout is not restored, so screenshots are repeatable.

#include "ui/mainwindow/Appearance.h"
#include "ui/editor/TopologyScene.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/panels/SummaryStrip.h"
#include "ui/replay/ReplayView.h"
#include "ui/availability/AvailabilityView.h"
#include "ui/drill/PlanPdfRender.h"
#include "ui/strategy/StrategyAnalysis.h"
#include "ui/strategy/StrategyPanel.h"
#include "core/model/EnumNames.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QFile>
#include <QIcon>
#include <QPixmap>
#include <QTabWidget>
#include <QTimer>
#include <cstdio>

namespace {

const char* const kAppIcon = ":/icons/firedrill.svg";

/// What the environment asks of this run; see the comment at the top of the file.
struct BatchOptions
{
    bool quitAfterLoad = false;
    QString screenshot;
    QString select;
    bool overlays = false;
    QString dock;
    int page = 0;
    QString strategy;
    quint64 monteCarloYears = 0;
    QString replay;
    bool trainer = false;

    static BatchOptions fromEnvironment()
    {
        BatchOptions o;
        o.quitAfterLoad = qEnvironmentVariableIntValue("FIREDRILL_QUIT_AFTER_LOAD") != 0;
        o.screenshot = qEnvironmentVariable("FIREDRILL_SCREENSHOT");
        o.select = qEnvironmentVariable("FIREDRILL_SELECT");
        o.overlays = qEnvironmentVariableIntValue("FIREDRILL_OVERLAYS") != 0;
        o.dock = qEnvironmentVariable("FIREDRILL_DOCK");
        o.page = qEnvironmentVariableIntValue("FIREDRILL_PAGE");
        o.strategy = qEnvironmentVariable("FIREDRILL_STRATEGY");
        o.monteCarloYears = qEnvironmentVariable("FIREDRILL_MONTECARLO").toULongLong();
        o.replay = qEnvironmentVariable("FIREDRILL_REPLAY");
        o.trainer = qEnvironmentVariableIntValue("FIREDRILL_TRAINER") != 0;
        return o;
    }
    bool unattended() const { return quitAfterLoad || !screenshot.isEmpty(); }
};

void printError(const QString& message)
{
    std::fprintf(stderr, "firedrill: %s\n", qPrintable(message));
}

/// Saves a PNG of `window`; false (with a message on stderr) when it cannot be written.
bool saveScreenshot(QWidget& window, const QString& path)
{
    const QPixmap shot = window.grab();
    if (shot.isNull() || !shot.save(path, "PNG")) {
        printError(QStringLiteral("cannot write the screenshot %1").arg(path));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Firedrill"));
    QApplication::setApplicationName(QStringLiteral("Firedrill"));
    QApplication::setApplicationVersion(QStringLiteral(FIREDRILL_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.firedrill.Firedrill"));
    if (QFile::exists(QLatin1String(kAppIcon)))
        QApplication::setWindowIcon(QIcon(QLatin1String(kAppIcon)));
    const QString themeOverride = qEnvironmentVariable("FIREDRILL_THEME");
    firedrill::ui::applyAppearance(themeOverride.isEmpty() ? firedrill::ui::savedTheme()
                                                           : firedrill::ui::themeFromName(themeOverride));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Disaster-recovery planning and drill console."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("A workspace (.firedrill) or YAML topology (.yaml) to open."),
                                 QStringLiteral("[file]"));
    const QCommandLineOption planPdf(QStringLiteral("plan-pdf"),
                                     QStringLiteral("Write the drill plan in <plan.yaml> as a PDF (with the diagram of "
                                                    "[file]) to --output, then quit. firedrill-cli plan --format pdf "
                                                    "runs this."),
                                     QStringLiteral("plan.yaml"));
    const QCommandLineOption output(QStringLiteral("output"), QStringLiteral("Where --plan-pdf writes."),
                                    QStringLiteral("file.pdf"));
    parser.addOption(planPdf);
    parser.addOption(output);
    parser.process(app);
    if (parser.isSet(planPdf)) {
        if (!parser.isSet(output) || parser.positionalArguments().size() != 1) {
            printError(QStringLiteral("--plan-pdf needs --output and the topology file"));
            return 2;
        }
        const auto written = firedrill::ui::renderPlanPdf(parser.value(planPdf), parser.positionalArguments().front(),
                                                          parser.value(output));
        if (!written) {
            printError(QString::fromStdString(written.error().message));
            return 1;
        }
        return 0;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1) {
        printError(QStringLiteral("expected at most one file, got %1").arg(files.size()));
        return 2;
    }
    const QString file = files.value(0);
    const BatchOptions batch = BatchOptions::fromEnvironment();

    firedrill::ui::MainWindow window;
    if (batch.unattended()) {
        window.setErrorDialogsEnabled(false);
        window.setUnsavedPolicy(firedrill::ui::DocumentActions::UnsavedPolicy::Discard);
        window.setRecoveryPolicy(firedrill::ui::MainWindow::RecoveryPolicy::Ignore);
        QObject::connect(&window, &firedrill::ui::MainWindow::loadFailed, &window, &printError);
    } else {
        window.restoreWindowSettings();
    }
    window.show();

    // Load once the event loop runs, so the window is already on screen while a large file reads.
    QTimer::singleShot(0, &window, [&] {
        const bool loaded = file.isEmpty() || window.openFile(file);
        if (file.isEmpty())
            window.offerUntitledRecovery(); // after a crash while editing a new topology
        if (batch.overlays)
            window.setAllOverlays(true);
        if (loaded && !batch.select.isEmpty() && !window.selectId(batch.select))
            printError(QStringLiteral("nothing with the id “%1” to select").arg(batch.select));
        if (!batch.dock.isEmpty()) {
            if (auto* dock = window.findChild<QDockWidget*>(batch.dock))
                dock->raise();
            else
                printError(QStringLiteral("no dock named “%1”").arg(batch.dock));
        }
        if (batch.page > 0)
            window.pages()->setCurrentIndex(batch.page - 1);
        if (!batch.strategy.isEmpty()) {
            const auto kind = firedrill::fromName<firedrill::StrategyKind>(batch.strategy.toStdString());
            if (kind)
                window.strategyPanel()->choose(*kind);
            else
                printError(QStringLiteral("no strategy named “%1”").arg(batch.strategy));
        }
        if (!batch.replay.isEmpty()) {
            const QString id = batch.replay.section(QLatin1Char('@'), 0, 0);
            // "hh:mm:ss" (hours may exceed 24) since the scenario's start.
            qint64 at = 0;
            for (const QString& part : batch.replay.section(QLatin1Char('@'), 1).split(QLatin1Char(':'), Qt::SkipEmptyParts))
                at = at * 60 + part.toLongLong();
            auto* replay = window.replayView();
            window.pages()->setCurrentWidget(replay);
            if (!replay->setScenario(id))
                printError(QStringLiteral("no scenario “%1” to replay").arg(id));
            else
                replay->seek(at * 1000);
            if (batch.trainer)
                replay->setTrainerMode(true);
        }
        if (batch.monteCarloYears > 0) {
            window.availabilityView()->setYears(batch.monteCarloYears);
            window.availabilityView()->run();
        }
        if (!batch.unattended())
            return;
        // Let the layout settle (docks, wrapped rows) and the strategy figures arrive before grabbing.
        auto* settle = new QTimer(&window);
        settle->setInterval(200);
        QObject::connect(settle, &QTimer::timeout, &window, [&, loaded, settle, waited = 0]() mutable {
            const bool replaying = !batch.replay.isEmpty() && (window.replayView()->engineBusy() ||
                                                               window.replayView()->run().timeMs != window.replayView()->requestedTime());
            const bool busy = window.strategyAnalysis()->busy() || window.availabilityView()->isRunning() || replaying ||
                              window.scene()->isStale() || window.summaryStrip()->busy();
            if (busy && ++waited < 600)
                return;
            settle->stop();
            bool ok = loaded;
            if (!batch.screenshot.isEmpty())
                ok = saveScreenshot(window, batch.screenshot) && ok;
            QApplication::exit(ok ? 0 : 1);
        });
        settle->start();
    });
    return QApplication::exec();
}
