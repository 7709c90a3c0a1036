#pragma once

#include "FaultLabels.h"
#include "core/model/Topology.h"

#include <QDialog>
#include <vector>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QSpinBox;

namespace firedrill::ui {

class UnitField;

/// Edits one fault: what it hits (every component, replica, region, zone and site by name), its kind
/// (only those that do something to that target), when it starts, how long it lasts (or until the end)
/// and its kind's parameters. OK refuses invalid values and says why next to the field.
/// Children: "targetCombo", "kindCombo", "untilEndCheck", unit fields "field-start", "field-length",
/// "field-latency", "field-errorRate", "field-detectedAfter", "field-multiplier" (reasons in "error-<name>").
class FaultDialog : public QDialog
{
    Q_OBJECT

public:
    /// A dialog for a fault in a scenario of `durationMs` on `topology` (which must outlive the dialog).
    FaultDialog(const Topology& topology, qint64 durationMs, QWidget* parent = nullptr);

    /// Shows `fault` in the fields.
    void setFault(const Fault& fault);
    /// The fault as the fields describe it (complete after the dialog was accepted).
    Fault fault() const { return m_fault; }

    void accept() override;

private:
    void fillKinds();
    void updateRows();
    FaultTarget currentTarget() const;
    FaultKind currentKind() const;
    /// Reads every shown field into `out`; false (reasons shown) when one is refused.
    bool read(Fault& out);

    const Topology& m_topology;
    qint64 m_duration;
    std::vector<FaultTargetChoice> m_targets;
    Fault m_fault;
    QFormLayout* m_form = nullptr;
    QComboBox* m_target = nullptr;
    QComboBox* m_kind = nullptr;
    UnitField* m_start = nullptr;
    UnitField* m_length = nullptr;
    QCheckBox* m_untilEnd = nullptr;
    UnitField* m_latency = nullptr;
    UnitField* m_errorRate = nullptr;
    UnitField* m_detectedAfter = nullptr;
    UnitField* m_multiplier = nullptr;
    QSpinBox* m_domain = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace firedrill::ui
