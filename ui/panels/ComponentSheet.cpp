#include "ComponentSheet.h"

#include "core/io/Units.h"
#include "core/model/ComponentKind.h"
#include "ui/common/DisplayText.h"

#include <QCoreApplication>
#include <QStringList>

#include <cmath>

namespace firedrill::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ComponentSheet", text);
}

QString duration(const std::optional<Duration>& d)
{
    return d ? qstr(formatDuration(*d)) : QString();
}

QString number(const std::optional<int>& n)
{
    return n ? QString::number(*n) : QString();
}

QString linkEndLabel(const Topology& topology, const LinkEnd& end)
{
    if (const auto* region = std::get_if<RegionId>(&end))
        return regionLabel(topology, *region);
    return siteLabel(topology, std::get<SiteId>(end));
}

void addPlacement(PropertySheet& sheet, const Topology& topology, const Component& c)
{
    sheet.section(tr("Placement"));
    if (c.region)
        sheet.add(tr("Region"), regionLabel(topology, *c.region));
    if (c.site)
        sheet.add(tr("Site"), siteLabel(topology, *c.site));
    sheet.add(tr("Zone"), number(c.zone));
    if (!c.zones.empty())
        sheet.add(tr("Zones"), tr("%1 (zone-redundant)").arg(zoneList(c.zones)));
    sheet.add(tr("Fault domains"), number(c.faultDomains));
    sheet.add(tr("Update domains"), number(c.updateDomains));
    if (!c.between.empty()) {
        QStringList ends;
        for (const LinkEnd& end : c.between)
            ends << linkEndLabel(topology, end);
        sheet.add(tr("Between"), ends.join(QStringLiteral(" ↔ ")));
    }
    sheet.add(tr("Latency"), duration(c.latency));
    if (!c.region && !c.site && c.between.empty()) {
        QStringList replicaRegions;
        for (const Replica& r : c.replicas)
            if (const QString label = regionLabel(topology, r.region); !replicaRegions.contains(label))
                replicaRegions << label;
        if (!replicaRegions.isEmpty())
            sheet.add(tr("Replicas in"), replicaRegions.join(QStringLiteral(", ")));
        else if (isGlobal(c.kind))
            sheet.add(tr("Scope"), tr("Global (DNS level)"));
    }
}

void addCapacity(PropertySheet& sheet, const Component& c)
{
    sheet.section(tr("Capacity and reliability"));
    sheet.add(tr("Instances"), number(c.instances));
    if (c.capacityRps)
        sheet.add(tr("Capacity per instance"), qstr(formatRate(*c.capacityRps)));
    if (c.autoscale)
        sheet.add(tr("Autoscale"), tr("%1 to %2 instances, scale-out in %3")
                                       .arg(c.autoscale->min)
                                       .arg(c.autoscale->max)
                                       .arg(qstr(formatDuration(c.autoscale->scaleOutTime))));
    sheet.add(tr("Startup time"), duration(c.startupTime));
    if (c.leaderElection)
        sheet.add(tr("Leader election"), tr("one instance works; a follower takes over %1 after it is lost")
                                             .arg(qstr(formatDuration(c.leaderElection->lease))));
    if (c.sla)
        sheet.add(tr("SLA"), qstr(formatPercent(*c.sla)));
    sheet.add(tr("MTBF"), duration(c.mtbf));
    sheet.add(tr("MTTR"), duration(c.mttr));
    if (c.cost)
        sheet.add(tr("Cost"), tr("%1 USD per month").arg(qstr(formatNumber(*c.cost))));
}

void addDependencies(PropertySheet& sheet, const Component& c)
{
    sheet.section(tr("Depends on"));
    for (const Dependency& d : c.dependsOn)
        sheet.add(qstr(d.target.str()), d.kind == DependencyKind::Hard ? tr("hard (stops without it)")
                                                                       : tr("soft (degrades without it)"));
    if (const auto& r = c.resilience) {
        sheet.add(tr("Retries"), number(r->retries));
        sheet.add(tr("Retry delay"), duration(r->retryDelay));
        if (r->retryBackoff)
            sheet.add(tr("Retry backoff"), tr("each wait %1 times the previous one").arg(qstr(formatNumber(*r->retryBackoff))));
        if (r->breakerThreshold)
            sheet.add(tr("Circuit breaker"),
                      tr("opens after %1 failures for %2")
                          .arg(*r->breakerThreshold)
                          .arg(r->breakerOpen ? qstr(formatDuration(*r->breakerOpen)) : tr("?")));
        if (r->breakerErrorRate)
            sheet.add(tr("Breaker error rate"),
                      tr("opens when %1 of calls fail")
                          .arg(qstr(formatPercent(Percent{std::round(*r->breakerErrorRate * 100.0 * 1e9) / 1e9}))));
    }
}

void addRouting(PropertySheet& sheet, const Component& c)
{
    sheet.section(tr("Routing"));
    if (c.routing)
        sheet.add(tr("Method"), enumText(*c.routing));
    sheet.add(tr("DNS TTL"), duration(c.dnsTtl));
    if (c.probe)
        sheet.add(tr("Health probe"),
                  tr("every %1, timeout %2, down after %3 failures")
                      .arg(qstr(formatDuration(c.probe->interval)), qstr(formatDuration(c.probe->timeout)))
                      .arg(c.probe->toleratedFailures));
    for (const Endpoint& e : c.endpoints) {
        QStringList parts;
        if (e.priority)
            parts << tr("priority %1").arg(*e.priority);
        if (e.weight)
            parts << tr("weight %1").arg(*e.weight);
        sheet.add(tr("Endpoint %1").arg(qstr(e.target.str())),
                  parts.isEmpty() ? tr("default") : parts.join(QStringLiteral(", ")));
    }
}

QString replicaSummary(const Topology& topology, const Replica& r)
{
    QStringList parts{enumText(r.role)};
    if (r.sync)
        parts << enumText(*r.sync);
    QString where = regionLabel(topology, r.region);
    if (r.zone)
        where += tr(", zone %1").arg(*r.zone);
    parts << where;
    if (r.lag)
        parts << tr("lag %1").arg(qstr(formatDuration(*r.lag)));
    if (r.readable)
        parts << tr("readable");
    return parts.join(QStringLiteral(" · "));
}

void addData(PropertySheet& sheet, const Topology& topology, const Component& c)
{
    sheet.section(tr("Data"));
    if (c.size)
        sheet.add(tr("Size"), qstr(formatDataSize(*c.size)));
    if (c.writeRate)
        sheet.add(tr("Write rate"), qstr(formatRate(*c.writeRate)));
    if (c.redundancy)
        sheet.add(tr("Redundancy"), enumText(*c.redundancy));
    sheet.add(tr("Geo-replication lag"), duration(c.geoLag));
    if (c.disks)
        sheet.add(tr("VM disks"), tr("%1, each geo-replicated on its own").arg(*c.disks));
    if (c.quorumCommit)
        sheet.add(tr("Quorum commit"), tr("yes"));
    if (c.outbox) {
        sheet.add(tr("Outbox capacity"),
                  c.outbox->capacity ? tr("%1 messages").arg(*c.outbox->capacity) : QString());
        if (c.outbox->drainRate)
            sheet.add(tr("Outbox drain rate"), qstr(formatRate(*c.outbox->drainRate)));
    }
    sheet.section(tr("Replicas"));
    for (const Replica& r : c.replicas)
        sheet.add(qstr(r.id.str()), replicaSummary(topology, r));
}

void addRecovery(PropertySheet& sheet, const Topology& topology, const Component& c)
{
    sheet.section(tr("Failover"));
    if (const auto& f = c.failover) {
        sheet.add(tr("Within the region"), enumText(f->mode));
        sheet.add(tr("Detection"), duration(f->detection));
        sheet.add(tr("Promotion"), duration(f->promotion));
        if (f->crossRegion)
            sheet.add(tr("Across regions"), enumText(*f->crossRegion));
        sheet.add(tr("Decision time"), duration(f->decision));
        sheet.add(tr("Grace period"), duration(f->gracePeriod));
    }
    sheet.section(tr("Backup"));
    if (const auto& b = c.backup) {
        sheet.add(tr("Full backup every"), duration(b->full));
        sheet.add(tr("Differential every"), duration(b->differential));
        sheet.add(tr("Log backup every"), duration(b->log));
        sheet.add(tr("Retention"), duration(b->retention));
        if (b->restoreRate)
            sheet.add(tr("Restore rate"), qstr(formatDataRate(*b->restoreRate)));
        if (b->copyTo)
            sheet.add(tr("Copied to"), regionLabel(topology, *b->copyTo));
        if (b->pointInTime)
            sheet.add(tr("Point-in-time restore"), tr("yes"));
    }
}

} // namespace

PropertySheet buildComponentSheet(const Topology& topology, const Component& c)
{
    PropertySheet sheet;
    sheet.title = labelWithId(c.name, c.id.str());
    const std::string_view label = kindLabel(c.kind);
    sheet.subtitle = QString::fromUtf8(label.data(), static_cast<qsizetype>(label.size()));
    addPlacement(sheet, topology, c);
    addCapacity(sheet, c);
    addRouting(sheet, c);
    addDependencies(sheet, c);
    addData(sheet, topology, c);
    addRecovery(sheet, topology, c);
    sheet.dropEmptySections();
    return sheet;
}

PropertySheet buildReplicaSheet(const Topology& topology, const Component& owner, const Replica& r)
{
    PropertySheet sheet;
    sheet.title = qstr(r.id.str());
    sheet.subtitle = tr("Replica of %1").arg(labelWithId(owner.name, owner.id.str()));
    sheet.section(tr("Replica"));
    sheet.add(tr("Role"), enumText(r.role));
    if (r.sync)
        sheet.add(tr("Replication"), enumText(*r.sync));
    sheet.add(tr("Region"), regionLabel(topology, r.region));
    sheet.add(tr("Zone"), number(r.zone));
    sheet.add(tr("Typical lag"), duration(r.lag));
    sheet.add(tr("Readable"), r.readable ? tr("yes") : tr("no"));
    sheet.section(tr("Group"));
    sheet.add(tr("Component"), qstr(owner.id.str()));
    if (owner.size)
        sheet.add(tr("Size"), qstr(formatDataSize(*owner.size)));
    if (owner.sla)
        sheet.add(tr("SLA"), qstr(formatPercent(*owner.sla)));
    sheet.add(tr("Replicas"), QString::number(owner.replicas.size()));
    sheet.dropEmptySections();
    return sheet;
}

} // namespace firedrill::ui
