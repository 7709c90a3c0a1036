#pragma once

#include "ui/document/OpenedDocument.h"
#include "ui/panels/NodeRef.h"

#include <QMainWindow>
#include <optional>

class QDockWidget;
class QLabel;

namespace firedrill::ui {

class DetailsPanel;
class ProblemsPanel;
class RevisionsPanel;
class TopologyTree;

/// Firedrill's main window. For now a read-only viewer: the topology outline on the left, the selected
/// item's details in the centre, the loading problems and the workspace's revisions at the bottom.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens a workspace or YAML topology and shows it. On failure reports the error (see loadFailed())
    /// and keeps showing what was shown before. Returns true on success.
    bool openFile(const QString& path);
    /// Closes the shown document, leaving the empty window with its hint.
    void closeDocument();
    /// The shown document, or nullptr when none is open.
    const OpenedDocument* document() const { return m_document ? &*m_document : nullptr; }

    /// Whether load errors also pop up a message box (true by default; tests and batch runs turn it off
    /// and listen to loadFailed() instead).
    void setErrorDialogsEnabled(bool enabled) { m_errorDialogs = enabled; }
    /// Selects the tree item for a component, region, site, workload, scenario or replica id.
    bool selectId(const QString& id);
    /// Restores the window geometry and dock layout saved when the window last closed.
    void restoreWindowSettings();

    /// The topology outline.
    TopologyTree* topologyTree() const { return m_tree; }
    /// The details pane.
    DetailsPanel* detailsPanel() const { return m_details; }
    /// The Problems list.
    ProblemsPanel* problemsPanel() const { return m_problems; }
    /// The Revisions list.
    RevisionsPanel* revisionsPanel() const { return m_revisions; }
    /// The counts shown in the status bar, e.g. "2 regions · 9 components · 1 workload · 4 scenarios".
    QString statusSummary() const;

signals:
    /// A file was opened and is now shown.
    void documentLoaded(const QString& path);
    /// A file could not be opened; `message` says why (with file:line:column for YAML problems).
    void loadFailed(const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;
    /// Reports a failure to open `path`: emits loadFailed() and, when dialogs are enabled, shows a message
    /// box.
    virtual void reportLoadError(const QString& path, const QString& message);

private:
    void createActions();
    void createDocks();
    void chooseFile();
    void showAbout();
    void showNode(const NodeRef& node);
    void showDocument();
    void updateTitle();
    void updateStatus();
    void saveWindowSettings() const;

    std::optional<OpenedDocument> m_document;
    bool m_errorDialogs = true;

    TopologyTree* m_tree = nullptr;
    DetailsPanel* m_details = nullptr;
    ProblemsPanel* m_problems = nullptr;
    RevisionsPanel* m_revisions = nullptr;
    QDockWidget* m_treeDock = nullptr;
    QDockWidget* m_problemsDock = nullptr;
    QDockWidget* m_revisionsDock = nullptr;
    QLabel* m_countsLabel = nullptr;
    QLabel* m_fileLabel = nullptr;
};

} // namespace firedrill::ui
