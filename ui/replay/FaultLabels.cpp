#include "FaultLabels.h"

#include "ui/common/DisplayText.h"

#include <QObject>
#include <algorithm>

namespace firedrill::ui {

namespace {

QString tr(const char* text)
{
    return QObject::tr(text);
}

bool isReplicaId(const Topology& topology, const std::string& id)
{
    for (const Component& c : topology.components)
        for (const Replica& r : c.replicas)
            if (r.id.str() == id)
                return true;
    return false;
}

} // namespace

QString faultKindText(FaultKind kind)
{
    switch (kind) {
    case FaultKind::Outage:
        return tr("outage");
    case FaultKind::Crash:
        return tr("crash");
    case FaultKind::Partition:
        return tr("partition");
    case FaultKind::Degradation:
        return tr("degradation");
    case FaultKind::DependencyFailure:
        return tr("dependency failure");
    case FaultKind::Corruption:
        return tr("corruption");
    case FaultKind::Surge:
        return tr("surge");
    case FaultKind::FaultDomain:
        return tr("fault domain outage");
    }
    return {};
}

QString faultTargetName(const Topology& topology, const FaultTarget& target)
{
    switch (target.scope) {
    case FaultTarget::Scope::Region: {
        const Region* r = topology.findRegion(RegionId(target.id));
        return tr("Region %1").arg(r && !r->name.empty() ? qstr(r->name) : qstr(target.id));
    }
    case FaultTarget::Scope::Zone: {
        const Region* r = topology.findRegion(RegionId(target.id));
        return tr("%1 zone %2")
            .arg(r && !r->name.empty() ? qstr(r->name) : qstr(target.id))
            .arg(target.zone.value_or(0));
    }
    case FaultTarget::Scope::Site: {
        const Site* s = topology.findSite(SiteId(target.id));
        return tr("Site %1").arg(s && !s->name.empty() ? qstr(s->name) : qstr(target.id));
    }
    case FaultTarget::Scope::Component:
        break;
    }
    const Component* c = topology.findComponent(ComponentId(target.id));
    return c && !c->name.empty() ? qstr(c->name) : qstr(target.id);
}

QString faultLaneLabel(const Topology& topology, const Fault& fault)
{
    if (fault.kind == FaultKind::FaultDomain)
        return QStringLiteral("%1 — %2").arg(faultTargetName(topology, fault.target),
                                             tr("fault domain %1 outage").arg(fault.domain.value_or(0)));
    return QStringLiteral("%1 — %2").arg(faultTargetName(topology, fault.target), faultKindText(fault.kind));
}

std::vector<FaultTargetChoice> faultTargetChoices(const Topology& topology)
{
    std::vector<FaultTargetChoice> out;
    auto add = [&](FaultTarget target) {
        QString label = faultTargetName(topology, target);
        out.push_back({std::move(target), std::move(label)});
    };
    for (const Component& c : topology.components) {
        add({FaultTarget::Scope::Component, c.id.str(), std::nullopt});
        for (const Replica& r : c.replicas)
            if (r.id != c.id)
                add({FaultTarget::Scope::Component, r.id.str(), std::nullopt});
    }
    for (const Region& r : topology.regions) {
        add({FaultTarget::Scope::Region, r.id.str(), std::nullopt});
        for (int z = 1; z <= r.zones; ++z)
            add({FaultTarget::Scope::Zone, r.id.str(), z});
    }
    for (const Site& s : topology.sites)
        add({FaultTarget::Scope::Site, s.id.str(), std::nullopt});
    return out;
}

const Component* faultTargetComponent(const Topology& topology, const FaultTarget& target)
{
    if (target.scope != FaultTarget::Scope::Component)
        return nullptr;
    if (const Component* c = topology.findComponent(ComponentId(target.id)))
        return c;
    for (const Component& c : topology.components)
        for (const Replica& r : c.replicas)
            if (r.id.str() == target.id)
                return &c;
    return nullptr;
}

std::vector<FaultKind> faultKindsFor(const Topology& topology, const FaultTarget& target)
{
    using K = FaultKind;
    switch (target.scope) {
    case FaultTarget::Scope::Region:
        return {K::Outage, K::Partition, K::Surge};
    case FaultTarget::Scope::Zone:
    case FaultTarget::Scope::Site:
        return {K::Outage, K::Partition};
    case FaultTarget::Scope::Component:
        break;
    }
    if (!topology.findComponent(ComponentId(target.id)))
        return isReplicaId(topology, target.id) ? std::vector<K>{K::Outage, K::Partition} : std::vector<K>{};
    const Component* c = topology.findComponent(ComponentId(target.id));
    if (isLink(c->kind))
        return {K::Outage, K::Partition, K::Degradation};
    std::vector<K> kinds{K::Outage, K::Crash, K::Partition, K::Degradation, K::DependencyFailure};
    if (kindFamily(c->kind) == KindFamily::Compute && c->faultDomains)
        kinds.push_back(K::FaultDomain); // an availability set: its instances spread over fault domains
    if (holdsData(c->kind))
        kinds.push_back(K::Corruption);
    kinds.push_back(K::Surge);
    return kinds;
}

bool faultKindAllowed(const Topology& topology, const FaultTarget& target, FaultKind kind)
{
    const auto kinds = faultKindsFor(topology, target);
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

QString clockText(qint64 ms, bool withSeconds)
{
    const qint64 totalSeconds = ms / 1000;
    const qint64 hours = totalSeconds / 3600;
    const qint64 minutes = (totalSeconds / 60) % 60;
    const qint64 seconds = totalSeconds % 60;
    QString text =
        QStringLiteral("%1:%2").arg(hours, 2, 10, QLatin1Char('0')).arg(minutes, 2, 10, QLatin1Char('0'));
    if (withSeconds || seconds != 0)
        text += QStringLiteral(":%1").arg(seconds, 2, 10, QLatin1Char('0'));
    return text;
}

} // namespace firedrill::ui
