#pragma once

#include "core/model/Topology.h"

#include <QWidget>
#include <functional>

class QFormLayout;

namespace firedrill::ui {

class Document;

/// The settings of a workload's components that decide how fast it recovers and how much it loses:
/// DNS TTL and health probes of traffic managers and front doors; cross-region failover mode, decision
/// time and grace period, replication mode and lag of databases; backup intervals and restore rate. Each
/// edit is one undoable command on its component; refused text shows the reason under the field.
class RecoverySettingsForm : public QWidget
{
    Q_OBJECT

public:
    explicit RecoverySettingsForm(Document* document, QWidget* parent = nullptr);

    /// Shows the settings of workload `id` (empty: none).
    void setWorkload(const QString& id);
    /// Rebuilds the fields from the document.
    void refresh();
    /// How many fields are shown.
    int fieldCount() const { return m_fields; }

private:
    void addComponent(const Component& c);
    void addDuration(const Component& c, const QString& name, const QString& label, std::optional<Duration> value,
                     std::function<void(Component&, std::optional<Duration>)> set);
    void addChoice(const Component& c, const QString& name, const QString& label, const QStringList& choices,
                   int current, std::function<void(Component&, int)> set);
    void push(const Component& before, const Component& after, const QString& label);

    Document* m_document;
    QString m_workload;
    QFormLayout* m_layout = nullptr;
    int m_fields = 0;
};

} // namespace firedrill::ui
