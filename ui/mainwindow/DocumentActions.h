#pragma once

#include "core/model/Result.h"

#include <QObject>
#include <QString>
#include <QStringList>

class QAction;
class QMenu;
class QWidget;

namespace firedrill::ui {

class Document;
class TopologyScene;

/// The File menu's work: New, Open, recent files, Save (a workspace revision with a note), Save As,
/// Revert, Import/Export YAML, Export the diagram, and asking before unsaved changes are dropped.
class DocumentActions : public QObject
{
    Q_OBJECT

public:
    /// What to do with unsaved changes when the document would be dropped.
    enum class UnsavedPolicy { Ask, Save, Discard, Cancel };

    /// File handling for `document`, with dialogs parented to `window`.
    DocumentActions(Document* document, TopologyScene* scene, QWidget* window);

    /// Adds the File menu's actions to `menu`.
    void populateMenu(QMenu* menu);
    /// The action with this object name ("actionSave"...), or nullptr.
    QAction* action(const QString& name) const;

    /// Opens `path` (after asking about unsaved changes); false when it failed or was cancelled.
    bool open(const QString& path);
    /// Starts an untitled, empty topology.
    bool newDocument();
    /// Saves: a workspace gets a new revision; anything else asks for a workspace file (Save As).
    bool save();
    /// Saves as a new workspace at `path` (no dialog).
    bool saveAs(const QString& path);
    /// Re-reads the file, dropping unsaved changes.
    bool revert();
    /// Imports a YAML file as a new, unsaved document.
    bool importYaml(const QString& path);
    /// Writes the topology as YAML.
    bool exportYaml(const QString& path);
    /// Writes the diagram as PNG.
    bool exportPng(const QString& path);
    /// Writes the diagram as SVG.
    bool exportSvg(const QString& path);
    /// Asks (per the policy) what to do with unsaved changes; true when it is fine to drop the document.
    bool maybeSave();
    /// Replaces the unsaved-changes dialog (tests and batch runs).
    void setUnsavedPolicy(UnsavedPolicy policy) { m_policy = policy; }
    /// The recent files, newest first.
    QStringList recentFiles() const;
    /// True while a file is being read on the worker thread (the window repaints but takes no input).
    bool isLoading() const { return m_loading; }

signals:
    /// A file was opened.
    void opened(const QString& path);
    /// The workspace just opened is held by another Firedrill, so it opened read-only; `holder` is core's
    /// message naming the user, host and process that hold it.
    void openedReadOnly(const QString& holder);
    /// The workspace just opened had a save a crash interrupted, and opening it rolled that back;
    /// `note` says which revision is intact.
    void recovered(const QString& note);
    /// A file started loading (`message` says which) or finished (`message` is empty).
    void loading(const QString& message);
    /// The document was re-read from its file, dropping unsaved changes.
    void reverted();
    /// An operation failed; `message` says why (the window shows it).
    void failed(const QString& title, const QString& message);

private:
    void addRecent(const QString& path);
    void updateRecentMenu();
    void report(const QString& title, const QString& message);
    QString askPath(const QString& caption, const QString& filter, const QString& suffix, bool saving);
    QAction* add(QMenu* menu, const QString& name, const QString& text, const QKeySequence& shortcut,
                 void (DocumentActions::*slot)());
    void chooseOpen();
    void chooseSaveAs();
    void chooseImport();
    void chooseExportYaml();
    void chooseExportPng();
    void chooseExportSvg();
    void triggerSave();
    void triggerNew();
    void triggerRevert();
    Result<void> load(const QString& path);

    Document* m_document;
    TopologyScene* m_scene;
    QWidget* m_window;
    QMenu* m_recentMenu = nullptr;
    UnsavedPolicy m_policy = UnsavedPolicy::Ask;
    bool m_loading = false;
};

} // namespace firedrill::ui
