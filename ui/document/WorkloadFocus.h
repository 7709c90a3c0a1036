#pragma once

#include <QObject>
#include <QString>

namespace firedrill::ui {

class Document;

/// The workload the planner is looking at, shared by the summary strip, the strategy panel, the policies
/// editor and the trade-off view. It always names an existing workload while the topology has any: when
/// the focused one disappears (deleted, undone), the first workload takes its place.
class WorkloadFocus : public QObject
{
    Q_OBJECT

public:
    /// Follows the workloads of `document`.
    explicit WorkloadFocus(Document* document, QObject* parent = nullptr);

    /// The workload id in focus; empty when the topology has no workload.
    const QString& id() const { return m_id; }
    /// Puts workload `id` in focus; unknown ids are ignored.
    void setId(const QString& id);

signals:
    /// The workload in focus changed (empty: none).
    void changed(const QString& id);

private:
    void follow();

    Document* m_document;
    QString m_id;
};

} // namespace firedrill::ui
