#include "ReplayLogList.h"

#include "core/sim/models/ReplayWorld.h"
#include "ui/common/DisplayText.h"

namespace firedrill::ui {

ReplayLogList::ReplayLogList(QWidget* parent) : QListWidget(parent)
{
    setObjectName(QStringLiteral("replayLog"));
    setWordWrap(true);
    setAlternatingRowColors(true);
    connect(this, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) { emit seekRequested(timeAt(row(item))); });
}

void ReplayLogList::setLog(const std::vector<sim::ReplayLogEntry>& log)
{
    clear();
    m_current = -1;
    for (const auto& e : log) {
        auto* item = new QListWidgetItem(qstr(sim::models::clock(e.timeMs) + "   " + e.text), this);
        item->setData(Qt::UserRole, static_cast<qlonglong>(e.timeMs));
    }
    const std::int64_t t = m_time;
    m_time = -2;
    setPlayhead(t);
}

std::int64_t ReplayLogList::timeAt(int r) const
{
    return r >= 0 && r < count() ? item(r)->data(Qt::UserRole).toLongLong() : 0;
}

void ReplayLogList::paintRow(int r)
{
    QListWidgetItem* it = item(r);
    QFont f = font();
    f.setBold(r == m_current);
    it->setFont(f);
    it->setForeground(timeAt(r) <= m_time ? palette().color(QPalette::Text) : palette().color(QPalette::PlaceholderText));
}

void ReplayLogList::setPlayhead(std::int64_t timeMs)
{
    if (timeMs == m_time)
        return;
    const std::int64_t before = m_time;
    m_time = timeMs;
    int last = -1;
    for (int r = 0; r < count(); ++r) {
        const std::int64_t t = timeAt(r);
        if (t <= timeMs)
            last = r;
        // Only rows whose side of the playhead changed are repainted.
        if ((t <= timeMs) != (t <= before) || before < -1)
            paintRow(r);
    }
    const int old = m_current;
    m_current = last;
    if (old >= 0 && old < count())
        paintRow(old);
    if (last >= 0) {
        paintRow(last);
        const QSignalBlocker block(this);
        setCurrentRow(last);
        scrollToItem(item(last));
    }
}

} // namespace firedrill::ui
