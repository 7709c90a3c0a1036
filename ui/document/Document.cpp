#include "Document.h"

#include "DocumentLoader.h"
#include "core/io/TopologyFile.h"
#include "core/store/Workspace.h"
#include "ui/common/DisplayText.h"
#include "ui/common/SafeSave.h"

#include <QDateTime>
#include <QFileInfo>
#include <QUndoStack>
#include <algorithm>

namespace firedrill::ui {

namespace {

std::filesystem::path toPath(const QString& path)
{
    return std::filesystem::path(path.toStdU16String());
}

Error error(const char* code, const QString& message)
{
    return Error{code, message.toStdString()};
}

template <class T, class Id>
auto findById(std::vector<T>& items, const Id& id)
{
    return std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
}

} // namespace

Document::Document(QObject* parent) : QObject(parent), m_undo(new QUndoStack(this))
{
    connect(m_undo, &QUndoStack::cleanChanged, this, [this] { emit modifiedChanged(isModified()); });
    m_layout = computeLayout(m_topology);
}

Document::~Document() = default;

bool Document::isModified() const
{
    return m_forcedModified || !m_undo->isClean();
}

Result<void> Document::open(const QString& path)
{
    Result<LoadedDocument> loaded = loadDocument(path);
    if (!loaded)
        return loaded.error();
    adopt(std::move(loaded).value());
    return {};
}

void Document::adopt(LoadedDocument loaded)
{
    m_workspace = std::move(loaded.workspace);
    m_readOnly = loaded.readOnly;
    m_readOnlyReason = loaded.readOnlyReason;
    m_readOnlyCause = loaded.readOnly ? loaded.readOnlyCause : ReadOnlyCause::None;
    m_recoveryNote = loaded.recoveryNote;
    m_path = loaded.opened.path;
    m_format = loaded.opened.format == OpenedDocument::Format::Workspace ? Format::Workspace : Format::Yaml;
    m_topology = std::move(loaded.opened.topology);
    m_loadDiagnostics = m_format == Format::Yaml ? std::move(loaded.opened.diagnostics) : std::vector<Diagnostic>{};
    m_revisions = std::move(loaded.opened.revisions);
    m_undo->clear();
    setForcedModified(false);
    emitChange(ChangeEvent::Kind::Reset, {});
    emit fileChanged();
}

void Document::reset(const Topology& topology, bool modified)
{
    m_workspace.reset();
    m_readOnly = false;
    m_readOnlyReason.clear();
    m_readOnlyCause = ReadOnlyCause::None;
    m_recoveryNote.clear();
    m_path.clear();
    m_format = Format::None;
    m_topology = topology;
    m_loadDiagnostics.clear();
    m_revisions.clear();
    m_undo->clear();
    setForcedModified(modified);
    emitChange(ChangeEvent::Kind::Reset, {});
    emit fileChanged();
}

void Document::restoreUnsaved(const Topology& topology)
{
    m_topology = topology;
    m_undo->clear();
    setForcedModified(true);
    emitChange(ChangeEvent::Kind::Reset, {});
}

Result<void> Document::save(const QString& note)
{
    if (m_format != Format::Workspace || !m_workspace)
        return error("not-a-workspace", tr("Only workspaces can be saved in place; use Save As."));
    if (m_readOnly)
        return error("read-only", m_readOnlyCause == ReadOnlyCause::NotWritable
                                      ? tr("“%1” is read-only: the file's permissions do not allow changes; use "
                                           "Save As to save a copy.")
                                            .arg(QFileInfo(m_path).fileName())
                                      : tr("“%1” is open in another window or program; use Save As to save a copy.")
                                            .arg(QFileInfo(m_path).fileName()));
    auto stored = m_workspace->save(m_topology, note.toStdString());
    if (!stored)
        return stored.error();
    m_undo->setClean();
    setForcedModified(false);
    emit saved();
    return refreshRevisions();
}

Result<void> Document::saveAs(const QString& path, const QString& note)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (m_workspace && m_format == Format::Workspace && QFileInfo(absolute) != QFileInfo(m_path)) {
        // Copy the workspace (history included), then add the current topology as a revision.
        auto copied = m_workspace->saveAs(toPath(absolute));
        if (!copied)
            return copied.error();
        m_path = absolute;
        m_readOnly = false;
        m_readOnlyReason.clear();
        m_readOnlyCause = ReadOnlyCause::None;
        auto stored = m_workspace->save(m_topology, note.toStdString());
        if (!stored)
            return stored.error();
    } else if (m_format == Format::Workspace && m_workspace) {
        return save(note);
    } else {
        m_workspace.reset(); // releases any lock on a file being replaced
        auto created = Workspace::create(toPath(absolute), m_topology, note.toStdString());
        if (!created)
            return created.error();
        m_workspace = std::make_unique<Workspace>(std::move(created).value());
        m_path = absolute;
        m_readOnly = false;
        m_readOnlyReason.clear();
        m_readOnlyCause = ReadOnlyCause::None;
    }
    m_format = Format::Workspace;
    m_loadDiagnostics.clear();
    m_undo->setClean();
    setForcedModified(false);
    emit saved();
    auto revisions = refreshRevisions();
    emit fileChanged();
    return revisions;
}

Result<void> Document::exportYaml(const QString& path) const
{
    auto written = SafeSave::write(path, QByteArray::fromStdString(writeTopologyYaml(m_topology)));
    if (!written)
        return error(
            "io", tr("Could not write “%1”: %2").arg(path, QString::fromStdString(written.error().message)));
    return {};
}

Result<void> Document::refreshRevisions()
{
    m_revisions.clear();
    if (!m_workspace)
        return {};
    auto revisions = m_workspace->revisions();
    if (!revisions)
        return revisions.error();
    for (auto it = revisions->rbegin(); it != revisions->rend(); ++it) {
        QDateTime when = QDateTime::fromString(qstr(it->savedAt), Qt::ISODateWithMs);
        const QString local =
            when.isValid() ? when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : qstr(it->savedAt);
        m_revisions.push_back({it->id, local, qstr(it->note)});
    }
    emit fileChanged();
    return {};
}

QString Document::pendingChangesNote() const
{
    QStringList texts;
    const int clean = std::max(m_undo->cleanIndex(), 0);
    for (int i = clean; i < m_undo->index(); ++i)
        texts << m_undo->text(i);
    texts.removeDuplicates();
    if (texts.isEmpty())
        return tr("Saved from the editor");
    if (texts.size() > 4)
        return tr("%1 and %2 more edits").arg(texts.mid(0, 3).join(QStringLiteral("; "))).arg(texts.size() - 3);
    return texts.join(QStringLiteral("; "));
}

void Document::push(QUndoCommand* command)
{
    m_undo->push(command);
}

QString Document::uniqueComponentId(const QString& base) const
{
    for (int n = 1;; ++n) {
        const QString id = QStringLiteral("%1-%2").arg(base).arg(n);
        const std::string key = id.toStdString();
        const bool taken = std::any_of(m_topology.components.begin(), m_topology.components.end(),
                                       [&](const Component& c) {
                                           if (c.id.str() == key)
                                               return true;
                                           return std::any_of(c.replicas.begin(), c.replicas.end(),
                                                              [&](const Replica& r) { return r.id.str() == key; });
                                       });
        if (!taken)
            return id;
    }
}

int Document::componentIndex(const ComponentId& id) const
{
    const auto& list = m_topology.components;
    const auto it = std::find_if(list.begin(), list.end(), [&](const Component& c) { return c.id == id; });
    return it == list.end() ? -1 : static_cast<int>(it - list.begin());
}

void Document::insertComponent(int index, const Component& component)
{
    auto& list = m_topology.components;
    const auto at = static_cast<std::ptrdiff_t>(std::clamp(index, 0, static_cast<int>(list.size())));
    list.insert(list.begin() + at, component);
    emitChange(ChangeEvent::Kind::ComponentAdded, qstr(component.id.str()));
}

void Document::removeComponent(const ComponentId& id)
{
    auto it = findById(m_topology.components, id);
    if (it == m_topology.components.end())
        return;
    m_topology.components.erase(it);
    emitChange(ChangeEvent::Kind::ComponentRemoved, qstr(id.str()));
}

void Document::replaceComponent(const Component& component)
{
    auto it = findById(m_topology.components, component.id);
    if (it == m_topology.components.end())
        return;
    *it = component;
    emitChange(ChangeEvent::Kind::ComponentChanged, qstr(component.id.str()));
}

void Document::replaceComponents(const std::vector<Component>& components)
{
    if (components.size() == 1) {
        replaceComponent(components.front());
        return;
    }
    for (const Component& component : components)
        if (auto it = findById(m_topology.components, component.id); it != m_topology.components.end())
            *it = component;
    if (!components.empty())
        emitChange(ChangeEvent::Kind::TopologyReplaced, {});
}

void Document::insertWorkload(int index, const Workload& workload)
{
    auto& list = m_topology.workloads;
    const auto at = static_cast<std::ptrdiff_t>(std::clamp(index, 0, static_cast<int>(list.size())));
    list.insert(list.begin() + at, workload);
    emitChange(ChangeEvent::Kind::WorkloadsChanged, qstr(workload.id.str()));
}

void Document::removeWorkload(const WorkloadId& id)
{
    auto it = findById(m_topology.workloads, id);
    if (it == m_topology.workloads.end())
        return;
    m_topology.workloads.erase(it);
    emitChange(ChangeEvent::Kind::WorkloadsChanged, qstr(id.str()));
}

void Document::replaceWorkload(const Workload& workload)
{
    auto it = findById(m_topology.workloads, workload.id);
    if (it == m_topology.workloads.end())
        return;
    *it = workload;
    emitChange(ChangeEvent::Kind::WorkloadsChanged, qstr(workload.id.str()));
}

void Document::insertRegion(int index, const Region& region)
{
    auto& list = m_topology.regions;
    const auto at = static_cast<std::ptrdiff_t>(std::clamp(index, 0, static_cast<int>(list.size())));
    list.insert(list.begin() + at, region);
    emitChange(ChangeEvent::Kind::RegionsChanged, qstr(region.id.str()));
}

void Document::removeRegion(const RegionId& id)
{
    auto it = findById(m_topology.regions, id);
    if (it == m_topology.regions.end())
        return;
    m_topology.regions.erase(it);
    emitChange(ChangeEvent::Kind::RegionsChanged, qstr(id.str()));
}

void Document::replaceRegion(const Region& region)
{
    auto it = findById(m_topology.regions, region.id);
    if (it == m_topology.regions.end())
        return;
    *it = region;
    emitChange(ChangeEvent::Kind::RegionsChanged, qstr(region.id.str()));
}

void Document::insertScenario(int index, const Scenario& scenario)
{
    auto& list = m_topology.scenarios;
    const auto at = static_cast<std::ptrdiff_t>(std::clamp(index, 0, static_cast<int>(list.size())));
    list.insert(list.begin() + at, scenario);
    emitChange(ChangeEvent::Kind::ScenariosChanged, qstr(scenario.id.str()));
}

void Document::removeScenario(const ScenarioId& id)
{
    auto it = findById(m_topology.scenarios, id);
    if (it == m_topology.scenarios.end())
        return;
    m_topology.scenarios.erase(it);
    emitChange(ChangeEvent::Kind::ScenariosChanged, qstr(id.str()));
}

void Document::replaceScenario(const Scenario& scenario)
{
    auto it = findById(m_topology.scenarios, scenario.id);
    if (it == m_topology.scenarios.end())
        return;
    *it = scenario;
    emitChange(ChangeEvent::Kind::ScenariosChanged, qstr(scenario.id.str()));
}

void Document::replacePolicies(const std::vector<Policy>& policies)
{
    m_topology.policies = policies;
    emitChange(ChangeEvent::Kind::WorkloadsChanged, {});
}

void Document::replaceTopology(const Topology& topology)
{
    m_topology = topology;
    emitChange(ChangeEvent::Kind::TopologyReplaced, {});
}

void Document::emitChange(ChangeEvent::Kind kind, const QString& id)
{
    if (kind != ChangeEvent::Kind::ScenariosChanged) // scenarios are not drawn on the canvas
        m_layout = computeLayout(m_topology);
    ++m_generation;
    emit changed(ChangeEvent{kind, id});
}

void Document::setForcedModified(bool modified)
{
    const bool before = isModified();
    m_forcedModified = modified;
    if (before != isModified())
        emit modifiedChanged(isModified());
}

} // namespace firedrill::ui
