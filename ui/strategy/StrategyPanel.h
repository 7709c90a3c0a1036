#pragma once

#include "StrategyPreview.h"
#include "ui/common/LatestWorker.h"

#include <QWidget>
#include <cstdint>
#include <optional>
#include <vector>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSlider;

namespace firedrill::ui {

class Document;
class RecoverySettingsForm;
class StrategyAnalysis;
class UnitField;
class WorkloadFocus;

/// Choosing a DR strategy for the workload in focus: the four strategies with their cost, region RTO / RPO
/// and verdict; their parameters (scale factor of the full replica, primary and secondary region, redeploy
/// time); what applying the chosen one changes (previewed on the canvas); Apply as one undoable command;
/// and the recovery settings of the workload's components.
class StrategyPanel : public QWidget
{
    Q_OBJECT

public:
    StrategyPanel(Document* document, WorkloadFocus* focus, StrategyAnalysis* analysis, QWidget* parent = nullptr);

    /// The strategy chosen in the panel (not yet applied).
    const Strategy& choice() const { return m_choice; }
    /// Chooses strategy `kind` (as clicking its button does), keeping the parameters.
    void choose(StrategyKind kind);
    /// Sets the active-passive-full scale factor (0.05 .. 1).
    void setScaleFactor(double factor);
    /// Applies the chosen strategy to the workload: one undoable command. False when it cannot be applied.
    bool apply();
    /// The preview of the chosen strategy, when it can be applied and differs from the design.
    const std::optional<StrategyPreview>& preview() const { return m_preview; }
    /// Whether the canvas shows the preview (the "Show on canvas" box).
    bool previewShown() const;
    /// True while the preview is being computed on the worker thread.
    bool previewBusy() const { return m_worker.busy(); }
    /// The recovery settings form.
    RecoverySettingsForm* settings() const { return m_settings; }

signals:
    /// The canvas should show `preview` (nullopt: the document again).
    void previewChanged(const std::optional<firedrill::ui::CanvasPreview>& preview);
    /// A new preview is being computed on the worker thread; previewChanged() follows.
    void previewPending();

private:
    void onFocus();
    void onFigures();
    void updatePreview();
    /// Shows a computed preview (nullopt: there is no workload) and tells the canvas.
    void showPreview(std::optional<Result<StrategyPreview>> computed);
    void syncControls();
    void fillRegions();

    Document* m_document;
    WorkloadFocus* m_focus;
    StrategyAnalysis* m_analysis;
    Strategy m_choice;
    std::optional<StrategyPreview> m_preview;
    /// What the preview shown was computed from: the same inputs again (a reset reaches the panel both
    /// as a document change and as a focus change) do not compute it twice.
    struct PreviewInputs
    {
        std::uint64_t generation = 0;
        QString workload;
        Strategy choice;
        bool shown = false;
        bool readOnly = false;
        bool operator==(const PreviewInputs&) const = default;
    };
    std::optional<PreviewInputs> m_previewInputs;
    QLabel* m_title = nullptr;
    QButtonGroup* m_group = nullptr;
    std::vector<QRadioButton*> m_buttons;
    std::vector<QLabel*> m_summaries;
    QSlider* m_scale = nullptr;
    QLabel* m_scaleLabel = nullptr;
    QComboBox* m_primary = nullptr;
    QComboBox* m_secondary = nullptr;
    UnitField* m_redeploy = nullptr;
    QListWidget* m_changes = nullptr;
    QCheckBox* m_showPreview = nullptr;
    QPushButton* m_apply = nullptr;
    QLabel* m_status = nullptr;
    RecoverySettingsForm* m_settings = nullptr;
    LatestWorker m_worker; ///< a large topology's preview; last, so its thread is joined before the rest goes
};

} // namespace firedrill::ui
