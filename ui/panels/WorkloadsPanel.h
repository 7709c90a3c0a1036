#pragma once

#include "core/model/Topology.h"

#include <QWidget>
#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QListWidget;
class QPushButton;
class QWidget;

namespace firedrill::ui {

class Document;

/// The workloads of the topology: a list to add and delete them and a form to edit the selected one
/// (name, entry component, demand, write fraction, degradable, DR strategy and scale factor). Every change
/// is a SetWorkloadCommand on the document's undo stack; spin-box edits merge.
class WorkloadsPanel : public QWidget
{
    Q_OBJECT

public:
    /// A panel editing the workloads of `document`.
    explicit WorkloadsPanel(Document* document, QWidget* parent = nullptr);

    /// The workload selected in the list, if any.
    std::optional<WorkloadId> selectedWorkload() const;
    /// Selects a workload by id; false when there is none with that id.
    bool selectWorkload(const QString& id);

signals:
    /// The user selected a workload in the list (its id).
    void workloadSelected(const QString& id);

private:
    void rebuild();
    void showSelected();
    void addWorkload();
    void deleteWorkload();
    /// Applies `edit` to a copy of the selected workload and pushes it as one command.
    template <class Edit> void edit(Edit&& change, bool merge);

    Document* m_document;
    bool m_updating = false;
    QListWidget* m_list = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_delete = nullptr;
    QWidget* m_form = nullptr;
    QLineEdit* m_name = nullptr;
    QComboBox* m_entry = nullptr;
    QDoubleSpinBox* m_demand = nullptr;
    QDoubleSpinBox* m_writes = nullptr;
    QCheckBox* m_degradable = nullptr;
    QComboBox* m_strategy = nullptr;
    QDoubleSpinBox* m_scale = nullptr;
};

} // namespace firedrill::ui
