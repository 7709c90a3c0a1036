#include "ReplicaEditing.h"

#include "commands/ChangeComponentField.h"
#include "commands/ReplaceComponentCommand.h"
#include "ui/common/DisplayText.h"

#include <QObject>
#include "ui/document/Document.h"

#include <algorithm>
#include <unordered_set>

namespace firedrill::ui {

namespace {

std::unordered_set<std::string> idsInUse(const Topology& topology)
{
    std::unordered_set<std::string> ids;
    for (const Component& c : topology.components) {
        ids.insert(c.id.str());
        for (const Replica& r : c.replicas)
            ids.insert(r.id.str());
    }
    return ids;
}

const Replica* primaryOf(const Component& owner)
{
    const auto it = std::find_if(owner.replicas.begin(), owner.replicas.end(),
                                 [](const Replica& r) { return r.role == ReplicaRole::Primary; });
    return it == owner.replicas.end() ? nullptr : &*it;
}

bool holdsReplicaIn(const Component& owner, const RegionId& region)
{
    return std::any_of(owner.replicas.begin(), owner.replicas.end(),
                       [&](const Replica& r) { return r.region == region; });
}

} // namespace

Replica newReplica(const Topology& topology, const Component& owner)
{
    Replica r;
    const auto used = idsInUse(topology);
    for (int n = 1;; ++n) {
        const std::string id = owner.id.str() + "-" + std::to_string(n);
        if (!used.count(id)) {
            r.id = ComponentId(id);
            break;
        }
    }
    const Replica* primary = primaryOf(owner);
    if (!primary) {
        r.role = ReplicaRole::Primary;
        if (owner.region) {
            r.region = *owner.region;
            r.zone = owner.zone;
        }
        else if (!topology.regions.empty())
            r.region = topology.regions.front().id;
        return r;
    }
    r.role = ReplicaRole::Secondary;
    r.region = primary->region;
    std::vector<RegionId> candidates;
    if (const Region* home = topology.findRegion(primary->region); home && home->pair)
        candidates.push_back(*home->pair);
    for (const Region& region : topology.regions)
        candidates.push_back(region.id);
    for (const RegionId& candidate : candidates)
        if (!holdsReplicaIn(owner, candidate) && topology.findRegion(candidate)) {
            r.region = candidate;
            break;
        }
    r.sync = r.region == primary->region ? ReplicationMode::Synchronous : ReplicationMode::Asynchronous;
    return r;
}

std::vector<Replica> promoteReplica(std::vector<Replica> replicas, const ComponentId& id)
{
    const auto chosen = std::find_if(replicas.begin(), replicas.end(), [&](const Replica& r) { return r.id == id; });
    if (chosen == replicas.end() || chosen->role == ReplicaRole::Primary)
        return replicas;
    for (Replica& r : replicas)
        if (r.role == ReplicaRole::Primary) {
            r.role = ReplicaRole::Secondary;
            r.sync = r.region == chosen->region ? ReplicationMode::Synchronous : ReplicationMode::Asynchronous;
        }
    chosen->role = ReplicaRole::Primary;
    chosen->sync.reset();
    chosen->lag.reset();
    return replicas;
}

QString addReplica(Document& document, const QString& owner)
{
    const Topology& topology = document.topology();
    const Component* current = topology.findComponent(ComponentId(owner.toStdString()));
    if (!current || topology.regions.empty())
        return {};
    Component c = *current;
    const Replica added = newReplica(topology, c);
    c.replicas.push_back(added);
    if (c.replicas.size() == 1) {
        c.region.reset(); // placed by its replicas from now on
        c.zone.reset();
        c.zones.clear();
        c.site.reset();
    }
    const QString id = qstr(added.id.str());
    document.push(new ReplaceComponentCommand(&document, std::move(c),
                                              QObject::tr("Add replica %1 to %2").arg(id, owner)));
    return id;
}

bool removeReplica(Document& document, const QString& owner, const ComponentId& id)
{
    const Component* current = document.topology().findComponent(ComponentId(owner.toStdString()));
    if (!current)
        return false;
    Component c = *current;
    const auto gone = std::find_if(c.replicas.begin(), c.replicas.end(), [&](const Replica& r) { return r.id == id; });
    if (gone == c.replicas.end())
        return false;
    const Replica removed = *gone;
    c.replicas.erase(gone);
    QString text = QObject::tr("Remove replica %1 from %2").arg(qstr(id.str()), owner);
    if (c.replicas.empty()) {
        c.region = removed.region; // back to a plain placement where the last copy was
        c.zone = removed.zone;
    } else if (removed.role == ReplicaRole::Primary) {
        // A replicated component keeps exactly one primary: the first remaining copy takes over.
        const ComponentId next = c.replicas.front().id;
        c.replicas = promoteReplica(std::move(c.replicas), next);
        text = QObject::tr("Remove replica %1 from %2 (%3 becomes the primary)")
                   .arg(qstr(id.str()), owner, qstr(next.str()));
    }
    document.push(new ReplaceComponentCommand(&document, std::move(c), text));
    return true;
}

bool setReplicas(Document& document, const QString& owner, std::vector<Replica> replicas, const QString& text,
                 bool merge)
{
    const Component* c = document.topology().findComponent(ComponentId(owner.toStdString()));
    if (!c || c->replicas == replicas)
        return false;
    document.push(new ChangeComponentField<std::vector<Replica>>(&document, c->id, &Component::replicas,
                                                                 std::move(replicas), text, merge));
    return true;
}

} // namespace firedrill::ui
