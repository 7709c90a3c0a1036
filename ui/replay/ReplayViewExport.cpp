// ReplayView's exports: a replay as a sequence of PNG frames (canvas and charts side by side, for slides)
// and the run's time series as CSV. (Kept apart so ReplayView.cpp stays short.)
#include "ReplayView.h"

#include "CanvasReplay.h"
#include "ReplayCharts.h"

#include "core/sim/ReplayCsv.h"
#include "core/sim/ScenarioPlayer.h"
#include "core/sim/models/ReplayWorld.h"
#include "ui/common/DisplayText.h"
#include "ui/common/SafeSave.h"
#include "ui/document/Document.h"
#include "ui/editor/TopologyScene.h"
#include "ui/editor/TopologyView.h"

#include <QBuffer>
#include <QDir>
#include <QFileDialog>
#include <QImage>
#include <QInputDialog>
#include <QMessageBox>
#include <QPainter>
#include <QProgressDialog>

namespace firedrill::ui {

namespace {

QString writeAtomically(const QString& path, const QByteArray& bytes)
{
    // SafeSave: a full disk never leaves a truncated file in place of the target.
    const auto written = SafeSave::write(path, bytes);
    if (!written)
        return QObject::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), qstr(written.error().message));
    return {};
}

} // namespace

std::pair<QStringList, QString> ReplayView::exportFrames(const QString& directory, std::int64_t stepMs, QSize size)
{
    const Scenario* s = m_document->topology().findScenario(ScenarioId(m_run.scenario.toStdString()));
    if (!s || stepMs <= 0)
        return {{}, tr("There is no scenario to export.")};
    if (!QDir().mkpath(directory))
        return {{}, tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(directory))};
    sim::ReplayOptions options;
    options.seed = m_run.seed;
    options.worstCaseDns = m_run.worstCaseDns;
    auto player = sim::ScenarioPlayer::create(m_document->topology(), s->id, options);
    if (!player)
        return {{}, qstr(player.error().message)};
    // The frames are drawn on this page's own canvas and charts; afterwards the page replays to where it
    // was (runs are deterministic), so nothing the engine sent meanwhile is mixed in.
    pause();
    const std::int64_t was = m_run.timeMs;
    ReplayRun run = m_run;
    run.series.clear();
    run.log.clear();
    run.result.reset();
    QStringList written;
    const int frames = static_cast<int>(s->duration.ms / stepMs) + 1;
    QProgressDialog progress(tr("Exporting frames…"), tr("Cancel"), 0, frames, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    QString error;
    for (int k = 0; k < frames && error.isEmpty(); ++k) {
        if (progress.wasCanceled()) {
            error = tr("Export cancelled after %1 frames.").arg(written.size());
            break;
        }
        progress.setValue(k);
        const std::int64_t t = std::min<std::int64_t>(static_cast<std::int64_t>(k) * stepMs, s->duration.ms);
        (*player)->runUntil(t);
        ReplayBatch batch;
        batch.timeMs = t;
        batch.frame = (*player)->frame();
        batch.seriesFrom = run.series.empty() ? 0 : run.series.front().demand.size();
        batch.series = (*player)->seriesSince(batch.seriesFrom);
        batch.logFrom = run.log.size();
        const auto& log = (*player)->log();
        batch.log.assign(log.begin() + static_cast<std::ptrdiff_t>(batch.logFrom), log.end());
        run.apply(batch);
        showReplayFrame(*m_scene, &run.frame);
        m_charts->showRuns(&run, nullptr, focusIndex());
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(palette().color(QPalette::Window));
        {
            QPainter painter(&image);
            const int canvasWidth = size.width() * 3 / 5;
            painter.drawPixmap(QRect(0, 0, canvasWidth, size.height()), m_view->grab().scaled(canvasWidth, size.height(),
                                                                                              Qt::KeepAspectRatio,
                                                                                              Qt::SmoothTransformation));
            painter.drawPixmap(QRect(canvasWidth, 0, size.width() - canvasWidth, size.height()),
                               m_charts->grab().scaled(size.width() - canvasWidth, size.height(), Qt::KeepAspectRatio,
                                                       Qt::SmoothTransformation));
            QFont f = font();
            f.setPointSizeF(f.pointSizeF() * 1.6);
            f.setBold(true);
            painter.setFont(f);
            painter.setPen(palette().color(QPalette::Text));
            painter.drawText(QRect(12, 8, canvasWidth - 24, 40), Qt::AlignLeft | Qt::AlignVCenter,
                             QStringLiteral("%1  %2").arg(qstr(sim::models::clock(t)), run.name));
        }
        const QString path = QDir(directory).filePath(QStringLiteral("frame-%1.png").arg(k, 5, 10, QLatin1Char('0')));
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        error = writeAtomically(path, bytes);
        if (error.isEmpty())
            written << path;
    }
    progress.setValue(frames);
    restart(was);
    return {written, error};
}

std::pair<QStringList, QString> ReplayView::exportCsv(const QString& directory)
{
    if (!m_run.result)
        return {{}, tr("Play the run to its end first: the CSV files hold the whole run.")};
    if (!QDir().mkpath(directory))
        return {{}, tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(directory))};
    sim::ReplayResult result = *m_run.result;
    for (std::size_t w = 0; w < result.workloads.size() && w < m_run.series.size(); ++w)
        result.workloads[w].series = m_run.series[w];
    QStringList written;
    for (const sim::CsvFile& f : sim::replayCsvFiles(result)) {
        const QString path = QDir(directory).filePath(qstr(f.name));
        if (QString error = writeAtomically(path, QByteArray::fromStdString(f.text)); !error.isEmpty())
            return {written, error};
        written << path;
    }
    if (!m_run.notes.isEmpty()) {
        const QString path = QDir(directory).filePath(QStringLiteral("%1-notes.txt").arg(m_run.scenario));
        const QString text = tr("Notes — %1 (%2), %3\n\n%4\n")
                                 .arg(m_run.name, m_run.label(), m_run.started.toString(Qt::ISODate), m_run.notes);
        if (QString error = writeAtomically(path, text.toUtf8()); !error.isEmpty())
            return {written, error};
        written << path;
    }
    return {written, {}};
}

void ReplayView::exportFramesInteractive()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export frames into"));
    if (dir.isEmpty())
        return;
    bool ok = false;
    const int seconds = QInputDialog::getInt(this, tr("Export frames"), tr("One frame every (simulated seconds):"), 60, 1,
                                             86'400, 1, &ok);
    if (!ok)
        return;
    const auto [files, error] = exportFrames(dir, seconds * 1000LL, QSize(1920, 1080));
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export frames"), error);
    else
        QMessageBox::information(this, tr("Export frames"), tr("%1 frames written to %2.").arg(files.size()).arg(dir));
}

void ReplayView::exportCsvInteractive()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export the time series into"));
    if (dir.isEmpty())
        return;
    const auto [files, error] = exportCsv(dir);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export CSV"), error);
    else
        QMessageBox::information(this, tr("Export CSV"), tr("%1 files written to %2.").arg(files.size()).arg(dir));
}

} // namespace firedrill::ui
