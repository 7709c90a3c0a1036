#pragma once

#include "ReplayBatch.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <optional>
#include <vector>

namespace firedrill::ui {

/// One replay as the page has received it so far: options, the samples and narration up to the
/// playhead, the frame at the playhead, the result once it has ended, and the trainer's notes.
struct ReplayRun
{
    QString scenario;            ///< scenario id
    QString name;                ///< scenario name
    std::uint64_t seed = 0;
    bool worstCaseDns = false;
    std::int64_t durationMs = 0;
    std::int64_t sampleMs = 1000;
    QDateTime started;           ///< when the run was started (for its label)
    std::vector<sim::WorkloadSeries> series; ///< per workload, in topology order
    std::vector<sim::ReplayLogEntry> log;
    sim::ReplayFrame frame;
    std::int64_t timeMs = 0;
    std::optional<sim::ReplayResult> result; ///< once the end was reached (series left empty)
    QString notes;               ///< typed during a trainer session

    /// Takes in a batch: starts over when it restarted, appends its samples and narration, keeps its
    /// frame and time, and its result.
    void apply(const ReplayBatch& batch);
    /// "weu-down · seed 0" (and " · worst-case DNS").
    QString label() const;
};

} // namespace firedrill::ui
