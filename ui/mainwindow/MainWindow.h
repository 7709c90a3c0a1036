#pragma once

#include "Appearance.h"
#include "DocumentActions.h"
#include "ui/panels/NodeRef.h"

#include "ui/editor/CanvasPreview.h"

#include <QMainWindow>
#include <QTimer>
#include <optional>

class QDockWidget;
class QMenu;
class QLabel;
class QTabWidget;
class QUndoView;

namespace firedrill::ui {

class AvailabilityView;
class ReplayView;
class Autosave;
class DetailsPanel;
class EditorActions;
class Document;
class InspectorPanel;
class MessageBar;
class PaletteList;
class PoliciesPanel;
class StrategyAnalysis;
class StrategyPanel;
class TradeOffView;
class WorkloadFocus;
class ProblemsPanel;
class RevisionsPanel;
class SummaryStrip;
class TopologyScene;
class TopologyTree;
class TopologyView;
class WorkloadsPanel;

/// Firedrill's main window: the topology canvas with its summary strip in the centre; palette and outline
/// on the left; inspector and details on the right; problems, revisions and undo history at the bottom.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// What to do with an autosaved side file found when a document opens.
    enum class RecoveryPolicy { Ask, Restore, Discard, Ignore };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens a workspace or YAML topology and shows it. On failure reports the error (see loadFailed())
    /// and keeps showing what was shown before. Returns true on success.
    bool openFile(const QString& path);
    /// Closes the shown document (asking about unsaved changes), leaving the empty window with its hint.
    bool closeDocument();
    /// The document edited (always present; empty when nothing is open).
    Document* document() const { return m_document; }
    /// True when a file is open or a new topology is being edited.
    bool hasDocument() const { return m_hasDocument; }
    /// File handling (New, Save, Save As, export...).
    DocumentActions* fileActions() const { return m_files; }
    /// Edit and View actions (clipboard, delete, zoom, overlays...).
    EditorActions* editorActions() const { return m_editor; }

    /// Whether load errors also pop up a message box (true by default; tests and batch runs turn it off
    /// and listen to loadFailed() instead).
    void setErrorDialogsEnabled(bool enabled) { m_errorDialogs = enabled; }
    /// What closing with unsaved changes does instead of asking (tests and batch runs).
    void setUnsavedPolicy(DocumentActions::UnsavedPolicy policy) { m_files->setUnsavedPolicy(policy); }
    /// Replaces the "restore autosaved changes?" question (tests and batch runs; Ignore leaves the file).
    void setRecoveryPolicy(RecoveryPolicy policy) { m_recoveryPolicy = policy; }
    /// Offers to restore an autosave of an untitled document (at start, when no file is given). True when
    /// it was restored.
    bool offerUntitledRecovery();
    /// Applies and remembers the theme and autosave interval (what Edit ▸ Preferences does on OK).
    void applyPreferences(Theme theme, int autosaveMinutes);
    /// Opens Edit ▸ Preferences.
    void showPreferences();
    /// The autosave timer and side file of the shown document.
    Autosave* autosave() const { return m_autosave; }
    /// Selects a component, region, site, workload, scenario or replica id (outline and canvas).
    bool selectId(const QString& id);
    /// Restores the window geometry and dock layout saved when the window last closed.
    void restoreWindowSettings();
    /// Turns the canvas overlays on (SPOFs, cost, SLA, problems), as the View menu does.
    void setAllOverlays(bool on);

    TopologyTree* topologyTree() const { return m_tree; }
    DetailsPanel* detailsPanel() const { return m_details; }
    ProblemsPanel* problemsPanel() const { return m_problems; }
    RevisionsPanel* revisionsPanel() const { return m_revisions; }
    InspectorPanel* inspector() const { return m_inspector; }
    PaletteList* palette() const { return m_palette; }
    WorkloadsPanel* workloadsPanel() const { return m_workloads; }
    SummaryStrip* summaryStrip() const { return m_summary; }
    TopologyScene* scene() const { return m_scene; }
    TopologyView* view() const { return m_view; }
    StrategyPanel* strategyPanel() const { return m_strategy; }
    PoliciesPanel* policiesPanel() const { return m_policies; }
    TradeOffView* tradeOffView() const { return m_tradeOffs; }
    AvailabilityView* availabilityView() const { return m_availability; }
    ReplayView* replayView() const { return m_replay; }
    StrategyAnalysis* strategyAnalysis() const { return m_strategyAnalysis; }
    WorkloadFocus* workloadFocus() const { return m_focus; }
    /// The bar above the canvas that says how the file was opened (recovered after a crash, read-only).
    MessageBar* messageBar() const { return m_messageBar; }
    /// The pages of the centre: the diagram, the strategy trade-offs (and more as they are added).
    QTabWidget* pages() const { return m_pages; }
    /// The preview banner above the canvas (visible while a strategy is previewed).
    QWidget* previewBanner() const { return m_previewBanner; }
    /// The counts shown in the status bar, e.g. "2 regions · 9 components · 1 workload · 4 scenarios".
    QString statusSummary() const;
    /// The zoom indicator's text, e.g. "85 %".
    QString zoomText() const;

signals:
    /// A file was opened and is now shown.
    void documentLoaded(const QString& path);
    /// A file could not be opened; `message` says why (with file:line:column for YAML problems).
    void loadFailed(const QString& message);
    /// A workspace opened read-only because another process holds it; `holder` names user, host and pid.
    void openedReadOnly(const QString& holder);
    /// Opening the workspace rolled back a save a crash interrupted; `note` says which revision is intact.
    void workspaceRecovered(const QString& note);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    /// Reports a failure: emits loadFailed() and, when dialogs are enabled, shows a message box.
    virtual void reportLoadError(const QString& title, const QString& message);
    /// Tells who holds the workspace (status bar, and a message box when dialogs are enabled).
    virtual void reportReadOnly(const QString& holder);
    /// Tells that an interrupted save was rolled back (the message bar and the status bar).
    virtual void reportRecovered(const QString& note);

private:
    void createCentre();
    void createDocks();
    void createStrategyDocks();
    QWidget* createPreviewBanner(QWidget* parent);
    void showPreview(const std::optional<CanvasPreview>& preview);
    void addPageActions(QMenu* view);
    /// Trainer mode: only the replay page, full screen, no menus, toolbars or docks; and back.
    void setTrainerLayout(bool on);
    /// The availability, drill-plan and replay pages take the whole window: the editing docks go while
    /// they show and come back on the diagram and trade-off pages.
    void onPageChanged(int index);
    void createActions();
    void showAbout();
    void showNode(const NodeRef& node);
    void onDocumentChanged(bool reset);
    void onCanvasSelection(const QStringList& ids);
    void onProblemClicked(const QString& path);
    void showRevisions();
    void showTreeAndProblems();
    void updateTitle();
    void updateStatus();
    void updateSaveAction();
    /// Shows in the message bar how the document was opened (recovered, read-only), or hides it.
    void showFileNotice();
    void saveWindowSettings() const;
    bool offerRecovery(const QString& documentPath);
    QDockWidget* addDock(QWidget* widget, const QString& title, const char* name, Qt::DockWidgetArea area);

    Document* m_document = nullptr;
    WorkloadFocus* m_focus = nullptr;
    StrategyAnalysis* m_strategyAnalysis = nullptr;
    DocumentActions* m_files = nullptr;
    Autosave* m_autosave = nullptr;
    RecoveryPolicy m_recoveryPolicy = RecoveryPolicy::Ask;
    EditorActions* m_editor = nullptr;
    bool m_hasDocument = false;
    bool m_errorDialogs = true;
    bool m_syncingSelection = false;
    bool m_fitPending = false; ///< fit the diagram to the window once the canvas is rebuilt
    bool m_panelsPending = false; ///< a large file's tree and problems wait for its canvas
    QTimer m_panelTimer;          ///< then shows them on a turn of the event loop of their own

    TopologyScene* m_scene = nullptr;
    TopologyView* m_view = nullptr;
    SummaryStrip* m_summary = nullptr;
    PaletteList* m_palette = nullptr;
    InspectorPanel* m_inspector = nullptr;
    TopologyTree* m_tree = nullptr;
    DetailsPanel* m_details = nullptr;
    WorkloadsPanel* m_workloads = nullptr;
    ProblemsPanel* m_problems = nullptr;
    RevisionsPanel* m_revisions = nullptr;
    QUndoView* m_history = nullptr;
    QTabWidget* m_pages = nullptr;
    TradeOffView* m_tradeOffs = nullptr;
    AvailabilityView* m_availability = nullptr;
    ReplayView* m_replay = nullptr;
    QByteArray m_stateBeforeTrainer; ///< dock and toolbar layout to restore after trainer mode
    bool m_wasFullScreen = false;
    /// Version of the saved dock layout (bumped when docks change).
    static constexpr int kSettingsVersion = 3;
    QByteArray m_dockStateBeforePage; ///< the docks as they were before a full-window page hid them
    StrategyPanel* m_strategy = nullptr;
    PoliciesPanel* m_policies = nullptr;
    QDockWidget* m_strategyDock = nullptr;
    QWidget* m_previewBanner = nullptr;
    MessageBar* m_messageBar = nullptr;
    QLabel* m_previewLabel = nullptr;
    QDockWidget* m_problemsDock = nullptr;
    QDockWidget* m_revisionsDock = nullptr;
    QDockWidget* m_inspectorDock = nullptr;
    QLabel* m_countsLabel = nullptr;
    QLabel* m_fileLabel = nullptr;
    QLabel* m_zoomLabel = nullptr;
};

} // namespace firedrill::ui
