#include "DocumentEditing.h"

#include "Document.h"
#include "commands/AddComponentCommand.h"
#include "commands/RemoveComponentsCommand.h"
#include "commands/SetDependencyCommand.h"
#include "ui/common/DisplayText.h"

#include <QUndoStack>
#include <algorithm>

namespace firedrill::ui {

namespace {

ComponentId cid(const QString& id)
{
    return ComponentId(id.toStdString());
}

QString kindBase(ComponentKind kind)
{
    const std::string_view name = kindName(kind);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

} // namespace

QString addComponentOfKind(Document& document, ComponentKind kind, const Placement& placement)
{
    const Topology& topology = document.topology();
    Component c;
    c.kind = kind;
    c.id = cid(document.uniqueComponentId(kindBase(kind)));
    if (isLink(kind)) {
        // A link joins the region it was dropped on to that region's pair (or the first other region).
        if (placement.region) {
            c.between.emplace_back(*placement.region);
            const Region* region = topology.findRegion(*placement.region);
            if (region && region->pair)
                c.between.emplace_back(*region->pair);
        } else if (placement.site) {
            c.between.emplace_back(*placement.site);
            if (!topology.regions.empty())
                c.between.emplace_back(topology.regions.front().id);
        }
    } else if (!isGlobal(kind)) {
        c.region = placement.region;
        c.site = placement.region ? std::nullopt : placement.site;
        c.zone = placement.region ? placement.zone : std::nullopt;
    }
    if (kindFamily(kind) == KindFamily::Compute || kindFamily(kind) == KindFamily::RegionalRouting)
        c.instances = 2;
    const QString id = qstr(c.id.str());
    document.push(new AddComponentCommand(&document, std::move(c)));
    return id;
}

void removeComponents(Document& document, const QStringList& ids)
{
    std::vector<ComponentId> existing;
    for (const QString& id : ids)
        if (document.topology().findComponent(cid(id)))
            existing.push_back(cid(id));
    if (!existing.empty())
        document.push(new RemoveComponentsCommand(&document, std::move(existing)));
}

QStringList duplicateComponents(Document& document, const QStringList& ids)
{
    std::vector<Component> copies;
    for (const QString& id : ids)
        if (const Component* c = document.topology().findComponent(cid(id)))
            copies.push_back(*c);
    if (copies.empty())
        return {};
    QStringList created;
    document.undoStack()->beginMacro(copies.size() == 1 ? QObject::tr("Duplicate %1").arg(ids.front())
                                                        : QObject::tr("Duplicate %1 components").arg(copies.size()));
    for (Component copy : copies) {
        copy.id = cid(document.uniqueComponentId(qstr(copy.id.str())));
        copy.replicas.clear();
        copy.position.reset(); // a free place, not on top of the original
        if (!copy.name.empty())
            copy.name += " (copy)";
        created << qstr(copy.id.str());
        document.push(new AddComponentCommand(&document, std::move(copy)));
    }
    document.undoStack()->endMacro();
    return created;
}

bool moveComponent(Document& document, const QString& id, const Placement& to, int dragId)
{
    const Component* c = document.topology().findComponent(cid(id));
    if (!c || isGlobal(c->kind) || isLink(c->kind) || MoveComponentCommand::placementOf(*c) == to)
        return false;
    document.push(new MoveComponentCommand(&document, cid(id), to, dragId));
    return true;
}

bool connectComponents(Document& document, const QString& from, const QString& to, DependencyKind kind)
{
    const Component* source = document.topology().findComponent(cid(from));
    if (from == to || !source || !document.topology().findComponent(cid(to)))
        return false;
    const auto existing = std::find_if(source->dependsOn.begin(), source->dependsOn.end(),
                                       [&](const Dependency& d) { return d.target == cid(to); });
    if (existing != source->dependsOn.end() && existing->kind == kind)
        return false;
    document.push(new SetDependencyCommand(&document, cid(from), cid(to), kind));
    return true;
}

} // namespace firedrill::ui
