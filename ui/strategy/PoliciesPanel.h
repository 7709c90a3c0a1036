#pragma once

#include "core/analysis/PolicyPresets.h"

#include <QWidget>
#include <vector>

class QComboBox;
class QLabel;

namespace firedrill::ui {

class Document;
class UnitField;
class WorkloadFocus;

/// The recovery targets (RTO and RPO per disruption class) of the workload in focus, with presets:
/// mission-critical, business-critical and non-critical to start from, which the planner may overwrite
/// with the targets shown ("Save as preset", kept in the settings) and restore. Every edit is one
/// undoable command; refused text shows its reason under the field.
class PoliciesPanel : public QWidget
{
    Q_OBJECT

public:
    PoliciesPanel(Document* document, WorkloadFocus* focus, QWidget* parent = nullptr);

    /// The presets offered: the built-in ones with any saved overrides.
    static std::vector<PolicyPreset> presets();
    /// Gives the workload in focus the targets of preset `index` (one undoable command).
    void applyPreset(int index);
    /// Overwrites preset `index` with the targets of the workload in focus (kept in the settings).
    void saveAsPreset(int index);
    /// Forgets every saved override: the presets are the built-in ones again.
    static void restoreBuiltInPresets();
    /// The presets' list.
    QComboBox* presetList() const { return m_presets; }
    /// The field of `disruption`'s RTO (or RPO).
    UnitField* field(DisruptionClass disruption, bool rto) const;

private:
    void refresh();
    void commit(DisruptionClass disruption, bool rto, const QString& text);
    void fillPresets();
    void showPresetInfo(int index);

    Document* m_document;
    WorkloadFocus* m_focus;
    QLabel* m_title = nullptr;
    QComboBox* m_presets = nullptr;
    QLabel* m_presetInfo = nullptr;
    std::vector<UnitField*> m_rto;
    std::vector<UnitField*> m_rpo;
};

} // namespace firedrill::ui
