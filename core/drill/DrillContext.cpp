// The generator's shared context.
#include "DrillRules.h"
#include "core/io/Units.h"

#include <algorithm>

namespace firedrill::drill {

std::string readableTime(Duration d)
{
    return formatDurationReadable(d);
}

std::string Context::regionLabel(const std::optional<RegionId>& id) const
{
    if (!id)
        return "the other region";
    const Region* r = topology.findRegion(*id);
    if (!r || r->name.empty())
        return id->str();
    return r->name + " (" + id->str() + ")";
}

std::string Context::nameOf(const Component& c) const
{
    return c.name.empty() ? c.id.str() : c.name + " (" + c.id.str() + ")";
}

const Component* Context::router() const
{
    if (const Component* entry = topology.findComponent(workload.entry); entry && isGlobal(entry->kind))
        return entry;
    for (const Component* c : members)
        if (isGlobal(c->kind))
            return c;
    return nullptr;
}

std::vector<const Component*> Context::stores() const
{
    std::vector<const Component*> out;
    for (const Component* c : members)
        if (holdsData(c->kind) && kindFamily(c->kind) != KindFamily::Messaging &&
            (c->kind != ComponentKind::VirtualMachine || c->size || c->backup))
            out.push_back(c);
    return out;
}

bool Context::hasKind(ComponentKind kind) const
{
    return std::any_of(members.begin(), members.end(), [&](const Component* c) { return c->kind == kind; });
}

Duration Context::noticeDelay() const
{
    if (disruption != DisruptionClass::Corruption || scenario.faults.empty())
        return {};
    return scenario.faults.front().detectedAfter.value_or(Duration{});
}

} // namespace firedrill::drill
