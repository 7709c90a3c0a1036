#pragma once

#include "ChangeEvent.h"
#include "OpenedDocument.h"
#include "core/model/Result.h"
#include "core/model/Topology.h"
#include "ui/editor/DiagramLayout.h"

#include <QObject>
#include <QString>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

class QUndoCommand;
class QUndoStack;

namespace firedrill {
class Workspace;
}

namespace firedrill::ui {

struct LoadedDocument;

/// The open topology: owns the model, its file, the undo stack and the diagram layout. Every user edit
/// goes through push() as one QUndoCommand; commands call the mutators below, which emit changed().
class Document : public QObject
{
    Q_OBJECT

public:
    /// Where the document came from and where Save writes.
    enum class Format { None, Yaml, Workspace };

    explicit Document(QObject* parent = nullptr);
    ~Document() override;

    /// The topology being edited.
    const Topology& topology() const { return m_topology; }
    /// The undo stack every edit goes through.
    QUndoStack* undoStack() const { return m_undo; }
    /// Absolute path of the file, empty for a new document.
    const QString& path() const { return m_path; }
    /// The kind of file the document is tied to.
    Format format() const { return m_format; }
    /// True when the workspace cannot be saved in place (held elsewhere, or not writable): Save is off.
    bool isReadOnly() const { return m_readOnly; }
    /// Why the workspace opened read-only: core's message naming who holds it (user, host, pid) or
    /// which permission forbids changes.
    const QString& readOnlyReason() const { return m_readOnlyReason; }
    /// What makes the workspace read-only (None when it is editable).
    ReadOnlyCause readOnlyCause() const { return m_readOnlyCause; }
    /// Set when opening the file rolled back a save a crash interrupted: which revision is intact.
    const QString& recoveryNote() const { return m_recoveryNote; }
    /// True when there are edits not saved yet.
    bool isModified() const;
    /// Warnings found while loading (validation problems come from validate()).
    const std::vector<Diagnostic>& loadDiagnostics() const { return m_loadDiagnostics; }
    /// The workspace's revisions, newest first; empty for YAML and new documents.
    const std::vector<RevisionEntry>& revisions() const { return m_revisions; }
    /// The open workspace, for features that keep their own records in it (drill plans); null for YAML
    /// and new documents.
    Workspace* workspace() const { return m_workspace.get(); }
    /// Positions of every card, computed from the topology (regions, zones, layers by kind).
    const DiagramLayout& layout() const { return m_layout; }
    /// Increases with every change event: views compare it to skip work for a version they already show.
    std::uint64_t generation() const { return m_generation; }

    /// Opens a workspace (read-write, locked; read-only when someone else holds it) or a YAML file.
    /// On failure nothing changes.
    Result<void> open(const QString& path);
    /// Takes a file loadDocument() has read (on a worker thread, say) as the document: the undo history
    /// is cleared and a Reset change is emitted.
    void adopt(LoadedDocument loaded);
    /// Replaces the document with `topology`, untied to any file (New, Import). `modified` marks it unsaved.
    void reset(const Topology& topology, bool modified);
    /// Replaces the topology with `topology` (a recovered autosave), keeping the file, and marks it unsaved.
    void restoreUnsaved(const Topology& topology);
    /// Appends a revision to the workspace with `note`. Fails for YAML and new documents (use saveAs()).
    Result<void> save(const QString& note);
    /// Writes the topology to a new workspace at `path` and ties the document to it.
    Result<void> saveAs(const QString& path, const QString& note);
    /// Writes canonical YAML to `path` (atomically); the document stays tied to its own file.
    Result<void> exportYaml(const QString& path) const;
    /// A note for the next save: what was done since the last save, from the undo history.
    QString pendingChangesNote() const;

    /// Pushes one edit; it is applied at once and can be undone.
    void push(QUndoCommand* command);
    /// An id not used by any component, such as "app-service-3".
    QString uniqueComponentId(const QString& base) const;
    /// Index of a component, or -1.
    int componentIndex(const ComponentId& id) const;

    // Mutators for commands. They change the model and emit changed(); user code pushes commands instead.
    /// Inserts a component at `index` (clamped).
    void insertComponent(int index, const Component& component);
    /// Removes a component by id.
    void removeComponent(const ComponentId& id);
    /// Replaces the component with the same id.
    void replaceComponent(const Component& component);
    /// Replaces each component with the same id as one of `components`, with one change event.
    void replaceComponents(const std::vector<Component>& components);
    /// Inserts a workload at `index` (clamped).
    void insertWorkload(int index, const Workload& workload);
    /// Removes a workload by id.
    void removeWorkload(const WorkloadId& id);
    /// Replaces the workload with the same id.
    void replaceWorkload(const Workload& workload);
    /// Inserts a region at `index` (clamped).
    void insertRegion(int index, const Region& region);
    /// Removes a region by id.
    void removeRegion(const RegionId& id);
    /// Replaces the region with the same id.
    void replaceRegion(const Region& region);
    /// Inserts a scenario at `index` (clamped).
    void insertScenario(int index, const Scenario& scenario);
    /// Removes a scenario by id.
    void removeScenario(const ScenarioId& id);
    /// Replaces the scenario with the same id.
    void replaceScenario(const Scenario& scenario);
    /// Replaces the policies (used when removing a workload, and by the policies editor).
    void replacePolicies(const std::vector<Policy>& policies);
    /// Replaces the whole topology in one step (applying a strategy), keeping file and undo history.
    void replaceTopology(const Topology& topology);

signals:
    /// The topology changed.
    void changed(const firedrill::ui::ChangeEvent& event);
    /// The unsaved-changes state changed.
    void modifiedChanged(bool modified);
    /// The file the document is tied to (path, format, revisions) changed.
    void fileChanged();
    /// The document was written to its file (Save, Save As) and is clean now.
    void saved();

private:
    void emitChange(ChangeEvent::Kind kind, const QString& id);
    void setForcedModified(bool modified);
    Result<void> refreshRevisions();

    Topology m_topology;
    QString m_path;
    Format m_format = Format::None;
    bool m_readOnly = false;
    QString m_readOnlyReason;
    ReadOnlyCause m_readOnlyCause = ReadOnlyCause::None;
    QString m_recoveryNote;
    bool m_forcedModified = false;
    std::vector<Diagnostic> m_loadDiagnostics;
    std::vector<RevisionEntry> m_revisions;
    std::unique_ptr<Workspace> m_workspace;
    DiagramLayout m_layout;
    std::uint64_t m_generation = 0;
    QUndoStack* m_undo = nullptr;
};

} // namespace firedrill::ui
