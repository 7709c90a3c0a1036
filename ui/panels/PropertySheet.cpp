#include "PropertySheet.h"

#include "ComponentSheet.h"
#include "core/io/Units.h"
#include "core/model/ComponentKind.h"
#include "ui/common/DisplayText.h"

#include <QCoreApplication>
#include <QDir>
#include <QStringList>
#include <algorithm>

namespace firedrill::ui {

void PropertySheet::add(const QString& key, const QString& text)
{
    if (!text.isEmpty())
        rows.push_back({key, text, false});
}

void PropertySheet::section(const QString& name)
{
    rows.push_back({name, QString(), true});
}

QString PropertySheet::value(const QString& key) const
{
    for (const PropertyRow& row : rows)
        if (!row.heading && row.key == key)
            return row.value;
    return {};
}

void PropertySheet::dropEmptySections()
{
    std::vector<PropertyRow> kept;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const bool emptySection = rows[i].heading && (i + 1 == rows.size() || rows[i + 1].heading);
        if (!emptySection)
            kept.push_back(rows[i]);
    }
    rows = std::move(kept);
}

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("PropertySheet", text);
}

QString outageText(const std::optional<OutageRate>& rate)
{
    if (!rate)
        return {};
    return tr("about every %1, lasting %2")
        .arg(qstr(formatDuration(rate->mtbf)), qstr(formatDuration(rate->mttr)));
}

PropertySheet regionSheet(const Topology& t, const Region& r)
{
    PropertySheet sheet;
    sheet.title = labelWithId(r.name, r.id.str());
    sheet.subtitle = tr("Region");
    sheet.section(tr("Region"));
    sheet.add(tr("Id"), qstr(r.id.str()));
    sheet.add(tr("Name"), qstr(r.name));
    sheet.add(tr("Availability zones"), r.zones > 0 ? QString::number(r.zones) : tr("none"));
    if (r.pair)
        sheet.add(tr("Paired with"), regionLabel(t, *r.pair));
    sheet.add(tr("Region outages"), outageText(r.outage));
    sheet.add(tr("Zone outages"), outageText(r.zoneOutage));
    sheet.section(tr("Components"));
    for (const Component& c : t.components)
        if (c.region == r.id)
            sheet.add(qstr(c.id.str()), kindText(c.kind));
    sheet.dropEmptySections();
    return sheet;
}

PropertySheet siteSheet(const Topology& t, const Site& s)
{
    PropertySheet sheet;
    sheet.title = labelWithId(s.name, s.id.str());
    sheet.subtitle = tr("Site");
    sheet.section(tr("Site"));
    sheet.add(tr("Id"), qstr(s.id.str()));
    sheet.add(tr("Name"), qstr(s.name));
    sheet.add(tr("Kind"), enumText(s.kind));
    sheet.section(tr("Components"));
    for (const Component& c : t.components) {
        const bool linked = std::any_of(c.between.begin(), c.between.end(), [&](const LinkEnd& end) {
            const auto* site = std::get_if<SiteId>(&end);
            return site && *site == s.id;
        });
        if (c.site == s.id || linked)
            sheet.add(qstr(c.id.str()), kindText(c.kind));
    }
    sheet.dropEmptySections();
    return sheet;
}

PropertySheet workloadSheet(const Topology& t, const Workload& w)
{
    PropertySheet sheet;
    sheet.title = labelWithId(w.name, w.id.str());
    sheet.subtitle = tr("Workload");
    sheet.section(tr("Workload"));
    sheet.add(tr("Id"), qstr(w.id.str()));
    sheet.add(tr("Entry point"), qstr(w.entry.str()));
    QStringList members;
    for (const ComponentId& id : w.components)
        members << qstr(id.str());
    sheet.add(tr("Components"), members.isEmpty() ? tr("everything reachable from the entry point")
                                                  : members.join(QStringLiteral(", ")));
    sheet.add(tr("Demand"), qstr(formatRate(w.demandRps)));
    sheet.add(tr("Writes"), tr("%1 of requests").arg(qstr(formatPercent(Percent{w.writeFraction * 100.0}))));
    sheet.add(tr("Degradable"), w.degradable ? tr("yes, may run with reduced functionality") : tr("no"));
    sheet.section(tr("Strategy"));
    sheet.add(tr("Strategy"), strategyText(w.strategy));
    if (const auto& s = w.strategy) {
        if (s->primary)
            sheet.add(tr("Primary region"), regionLabel(t, *s->primary));
        if (s->secondary)
            sheet.add(tr("Secondary region"), regionLabel(t, *s->secondary));
        if (s->scaleFactor)
            sheet.add(tr("Secondary size"), tr("%1 × primary").arg(qstr(formatNumber(*s->scaleFactor))));
        if (s->redeployTime)
            sheet.add(tr("Redeploy time"), qstr(formatDuration(*s->redeployTime)));
    }
    sheet.section(tr("Recovery targets"));
    for (const Policy& p : t.policies)
        if (p.workload == w.id)
            sheet.add(tr("%1 disruption").arg(enumText(p.disruption)), policySummary(p));
    sheet.dropEmptySections();
    return sheet;
}

PropertySheet policySheet(const Topology& t, const Policy& p)
{
    PropertySheet sheet;
    sheet.title = tr("%1 disruption").arg(enumText(p.disruption));
    const Workload* w = t.findWorkload(p.workload);
    sheet.subtitle =
        tr("Recovery targets of %1").arg(w ? labelWithId(w->name, w->id.str()) : qstr(p.workload.str()));
    sheet.section(tr("Policy"));
    sheet.add(tr("Workload"), qstr(p.workload.str()));
    sheet.add(tr("Disruption class"), enumText(p.disruption));
    sheet.add(tr("RTO (recovery time objective)"), p.rto ? qstr(formatDuration(*p.rto)) : tr("not set"));
    sheet.add(tr("RPO (recovery point objective)"), p.rpo ? qstr(formatDuration(*p.rpo)) : tr("not set"));
    return sheet;
}

PropertySheet scenarioSheet(const Scenario& s)
{
    PropertySheet sheet;
    sheet.title = labelWithId(s.name, s.id.str());
    sheet.subtitle = tr("Scenario");
    sheet.section(tr("Scenario"));
    sheet.add(tr("Id"), qstr(s.id.str()));
    sheet.add(tr("Duration"), qstr(formatDuration(s.duration)));
    if (s.seed)
        sheet.add(tr("Random seed"), QString::number(*s.seed));
    sheet.section(tr("Faults"));
    for (const Fault& f : s.faults)
        sheet.add(tr("at %1").arg(qstr(formatDuration(f.at))), faultSummary(f));
    sheet.dropEmptySections();
    return sheet;
}

PropertySheet faultSheet(const Scenario& s, const Fault& f)
{
    PropertySheet sheet;
    sheet.title = faultSummary(f);
    sheet.subtitle = tr("Fault in %1").arg(labelWithId(s.name, s.id.str()));
    sheet.section(tr("Fault"));
    sheet.add(tr("Starts at"), qstr(formatDuration(f.at)));
    sheet.add(tr("Target"), faultTargetText(f.target));
    sheet.add(tr("Kind"), enumText(f.kind));
    sheet.add(tr("Lasts"), f.length ? qstr(formatDuration(*f.length)) : tr("until the end of the scenario"));
    if (f.detectedAfter)
        sheet.add(tr("Detected after"), qstr(formatDuration(*f.detectedAfter)));
    if (f.latency)
        sheet.add(tr("Added latency"), qstr(formatDuration(*f.latency)));
    if (f.errorRate)
        sheet.add(tr("Error rate"), qstr(formatPercent(Percent{*f.errorRate * 100.0})));
    if (f.multiplier)
        sheet.add(tr("Demand multiplier"), tr("× %1").arg(qstr(formatNumber(*f.multiplier))));
    return sheet;
}

template <class T> const T* at(const std::vector<T>& items, int index)
{
    return index >= 0 && static_cast<std::size_t>(index) < items.size()
               ? &items[static_cast<std::size_t>(index)]
               : nullptr;
}

} // namespace

PropertySheet buildPropertySheet(const Topology& t, const NodeRef& node)
{
    const std::string id = node.id.toStdString();
    switch (node.kind) {
    case NodeRef::Kind::Region:
        if (const Region* r = t.findRegion(RegionId(id)))
            return regionSheet(t, *r);
        break;
    case NodeRef::Kind::Site:
        if (const Site* s = t.findSite(SiteId(id)))
            return siteSheet(t, *s);
        break;
    case NodeRef::Kind::Component:
        if (const Component* c = t.findComponent(ComponentId(id)))
            return buildComponentSheet(t, *c);
        break;
    case NodeRef::Kind::Replica:
        if (const Component* c = t.findComponent(ComponentId(id)))
            if (const Replica* r = at(c->replicas, node.index))
                return buildReplicaSheet(t, *c, *r);
        break;
    case NodeRef::Kind::Workload:
        if (const Workload* w = t.findWorkload(WorkloadId(id)))
            return workloadSheet(t, *w);
        break;
    case NodeRef::Kind::Policy:
        if (const Policy* p = at(t.policies, node.index))
            return policySheet(t, *p);
        break;
    case NodeRef::Kind::Scenario:
        if (const Scenario* s = t.findScenario(ScenarioId(id)))
            return scenarioSheet(*s);
        break;
    case NodeRef::Kind::Fault:
        if (const Scenario* s = t.findScenario(ScenarioId(id)))
            if (const Fault* f = at(s->faults, node.index))
                return faultSheet(*s, *f);
        break;
    case NodeRef::Kind::Topology:
    case NodeRef::Kind::Group:
    case NodeRef::Kind::Zone:
        break;
    }
    return {};
}

PropertySheet buildOverviewSheet(const Topology& t, const QString& path, std::size_t warnings,
                                 std::size_t revisions)
{
    PropertySheet sheet;
    sheet.title = qstr(t.name);
    sheet.subtitle = tr("Topology overview");
    sheet.section(tr("Topology"));
    sheet.add(tr("Description"), qstr(t.description).trimmed());
    sheet.add(tr("File"), QDir::toNativeSeparators(path));
    sheet.add(tr("Format version"), QString::number(t.formatVersion));
    if (revisions > 0)
        sheet.add(tr("Revisions"), QString::number(revisions));
    sheet.section(tr("Contents"));
    sheet.add(tr("Regions"), QString::number(t.regions.size()));
    sheet.add(tr("Sites"), QString::number(t.sites.size()));
    sheet.add(tr("Components"), QString::number(t.components.size()));
    sheet.add(tr("Workloads"), QString::number(t.workloads.size()));
    sheet.add(tr("Policies"), QString::number(t.policies.size()));
    sheet.add(tr("Scenarios"), QString::number(t.scenarios.size()));
    sheet.add(tr("Warnings"), warnings == 0 ? tr("none") : QString::number(warnings));
    sheet.dropEmptySections();
    return sheet;
}

} // namespace firedrill::ui
