#pragma once

#include "core/sim/ReplayResult.h"

#include <QListWidget>

namespace firedrill::ui {

/// The narrated event log of a replay, one plain sentence per line with its clock time, kept in step
/// with the playhead: the latest line at or before it is highlighted, lines still to come are dimmed;
/// clicking a line seeks there.
class ReplayLogList : public QListWidget
{
    Q_OBJECT

public:
    explicit ReplayLogList(QWidget* parent = nullptr);

    /// Shows `log` (the whole narration of the run).
    void setLog(const std::vector<sim::ReplayLogEntry>& log);
    /// Highlights the last line at or before `timeMs`.
    void setPlayhead(std::int64_t timeMs);
    /// Time of row `row` (ms).
    std::int64_t timeAt(int row) const;

signals:
    /// A line was clicked: seek to its time.
    void seekRequested(std::int64_t timeMs);

private:
    void paintRow(int row);
    int m_current = -1;
    std::int64_t m_time = -1;
};

} // namespace firedrill::ui
