#pragma once

#include "core/model/Topology.h"

#include <QDialog>
#include <string>

class QCheckBox;
class QComboBox;
class QLabel;

namespace firedrill::ui {

/// Asks which drill to plan: a workload and a scenario of the topology, and whether to time the steps
/// with a replay of the scenario.
class NewPlanDialog : public QDialog
{
    Q_OBJECT

public:
    /// A dialog offering the workloads and scenarios of `topology`.
    explicit NewPlanDialog(const Topology& topology, QWidget* parent = nullptr);

    /// The chosen workload id.
    std::string workload() const;
    /// The chosen scenario id.
    std::string scenario() const;
    /// True when the expected times should come from a replay of the scenario.
    bool useReplay() const;

private:
    void updateSummary();

    const Topology& m_topology;
    QComboBox* m_workload = nullptr;
    QComboBox* m_scenario = nullptr;
    QCheckBox* m_replay = nullptr;
    QLabel* m_summary = nullptr;
};

} // namespace firedrill::ui
