#include "TopologyTree.h"

#include "OutlinePlacement.h"
#include "core/io/Units.h"
#include "core/model/ComponentKind.h"
#include "ui/common/DisplayText.h"

#include <QHeaderView>
#include <QScopedValueRollback>
#include <QStringList>
#include <QStyle>
#include <algorithm>
#include <map>
#include <optional>
#include <vector>

namespace firedrill::ui {

namespace {

QString linkEndId(const LinkEnd& end)
{
    if (const auto* region = std::get_if<RegionId>(&end))
        return qstr(region->str());
    return qstr(std::get<SiteId>(end).str());
}

} // namespace

TopologyTree::TopologyTree(QWidget* parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("topologyTree"));
    setColumnCount(2);
    setHeaderLabels({tr("Item"), tr("Summary")});
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(NameColumn, QHeaderView::Interactive);
    connect(this, &QTreeWidget::itemSelectionChanged, this, &TopologyTree::onSelectionChanged);
    connect(header(), &QHeaderView::sectionResized, this, [this](int section) {
        if (section == NameColumn && !m_fitting)
            m_autoFitColumns = false;
    });
}

void TopologyTree::showTopology(const Topology& topology)
{
    const QSignalBlocker blocker(this);
    clear();
    addRegions(topology);
    addSites(topology);
    addUnplaced(topology);
    addWorkloads(topology);
    addScenarios(topology);
    expandAll();
    // Faults are detail: keep scenarios open but not their fault lists.
    for (int i = 0; i < topLevelItemCount(); ++i)
        if (topLevelItem(i)->text(NameColumn) == tr("Scenarios"))
            for (int j = 0; j < topLevelItem(i)->childCount(); ++j)
                topLevelItem(i)->child(j)->setExpanded(false);
    fitColumns();
}

void TopologyTree::resizeEvent(QResizeEvent* event)
{
    QTreeWidget::resizeEvent(event);
    fitColumns();
}

void TopologyTree::fitColumns()
{
    if (!m_autoFitColumns || topLevelItemCount() == 0)
        return;
    // Both columns whole when they fit; otherwise the summaries stay whole and long names are elided
    // (their tooltips hold the full text), but names always keep at least half of the width.
    const int padding = 2 * style()->pixelMetric(QStyle::PM_HeaderMargin) + 8;
    const int available = viewport()->width();
    const int name = sizeHintForColumn(NameColumn) + padding;
    const int summary = sizeHintForColumn(SummaryColumn) + padding;
    const int width = name + summary <= available ? name : std::max(available - summary, available / 2);
    const QScopedValueRollback<bool> fitting(m_fitting, true);
    setColumnWidth(NameColumn, width);
}

void TopologyTree::clearTopology()
{
    clear();
}

QTreeWidgetItem* TopologyTree::addGroup(const QString& name)
{
    auto* item = new QTreeWidgetItem(this, {name});
    item->setData(NameColumn, Qt::UserRole, QVariant::fromValue(NodeRef{NodeRef::Kind::Group, name, -1}));
    QFont bold = item->font(NameColumn);
    bold.setBold(true);
    item->setFont(NameColumn, bold);
    return item;
}

QTreeWidgetItem* TopologyTree::addItem(QTreeWidgetItem* parent, const NodeRef& node, const QString& name,
                                       const QString& summary)
{
    auto* item = new QTreeWidgetItem(parent, {name, summary});
    item->setData(NameColumn, Qt::UserRole, QVariant::fromValue(node));
    item->setToolTip(NameColumn, name);
    item->setToolTip(SummaryColumn, summary);
    return item;
}

QTreeWidgetItem* TopologyTree::addComponent(QTreeWidgetItem* parent, const Topology&, const Component& c)
{
    QString summary = kindText(c.kind);
    if (!c.zones.empty())
        summary += tr(" · zones %1").arg(zoneList(c.zones));
    if (!c.between.empty()) {
        QStringList ends;
        for (const LinkEnd& end : c.between)
            ends << linkEndId(end);
        summary += QStringLiteral(" · ") + ends.join(QStringLiteral(" ↔ "));
    }
    const NodeRef node{NodeRef::Kind::Component, qstr(c.id.str()), -1};
    return addItem(parent, node, labelWithId(c.name, c.id.str()), summary);
}

void TopologyTree::finishGroup(QTreeWidgetItem* group)
{
    group->setText(SummaryColumn, QString::number(group->childCount()));
    if (group->childCount() == 0)
        group->setForeground(NameColumn, palette().brush(QPalette::Disabled, QPalette::Text));
}

void TopologyTree::addRegions(const Topology& t)
{
    QTreeWidgetItem* group = addGroup(tr("Regions"));
    for (const Region& r : t.regions) {
        QStringList facts{countText(static_cast<std::size_t>(std::max(r.zones, 0)), "%1 zone", "%1 zones")};
        if (r.pair)
            facts << tr("paired with %1").arg(qstr(r.pair->str()));
        QTreeWidgetItem* regionItem =
            addItem(group, {NodeRef::Kind::Region, qstr(r.id.str()), -1}, labelWithId(r.name, r.id.str()),
                    facts.join(QStringLiteral(" · ")));
        std::map<int, QTreeWidgetItem*> zones;
        auto zoneItem = [&](int zone) {
            auto& slot = zones[zone];
            if (!slot)
                slot = addItem(regionItem, {NodeRef::Kind::Zone, qstr(r.id.str()), zone},
                               tr("Zone %1").arg(zone), {});
            return slot;
        };
        if (usesZones(t, r.id))
            for (int zone = 1; zone <= r.zones; ++zone)
                zoneItem(zone);
        for (const Component& c : t.components) {
            QTreeWidgetItem* owner = nullptr;
            if (outlineGroup(c) == OutlineGroup::Region && homeRegion(c) == r.id)
                owner = addComponent(c.zone ? zoneItem(*c.zone) : regionItem, t, c);
            for (std::size_t i = 0; i < c.replicas.size(); ++i) {
                const Replica& rep = c.replicas[i];
                if (rep.region != r.id)
                    continue;
                // Replicas sit in their zone; without one, under their component when it is listed here.
                QTreeWidgetItem* parent = rep.zone ? zoneItem(*rep.zone) : (owner ? owner : regionItem);
                addItem(parent, {NodeRef::Kind::Replica, qstr(c.id.str()), static_cast<int>(i)},
                        qstr(rep.id.str()), tr("%1 replica of %2").arg(enumText(rep.role), qstr(c.id.str())));
            }
        }
        for (const auto& [number, item] : zones) {
            const auto count = static_cast<std::size_t>(item->childCount());
            item->setText(SummaryColumn, count == 0 ? tr("empty") : countText(count, "%1 item", "%1 items"));
        }
    }
    finishGroup(group);
}

void TopologyTree::addSites(const Topology& t)
{
    QTreeWidgetItem* group = addGroup(tr("Sites"));
    for (const Site& s : t.sites) {
        QTreeWidgetItem* siteItem = addItem(group, {NodeRef::Kind::Site, qstr(s.id.str()), -1},
                                            labelWithId(s.name, s.id.str()), enumText(s.kind));
        for (const Component& c : t.components)
            if (outlineGroup(c) == OutlineGroup::Site && c.site == s.id)
                addComponent(siteItem, t, c);
    }
    finishGroup(group);
}

void TopologyTree::addUnplaced(const Topology& t)
{
    QTreeWidgetItem* global = addGroup(tr("Global components"));
    for (const Component& c : t.components)
        if (outlineGroup(c) == OutlineGroup::Global)
            addComponent(global, t, c);
    finishGroup(global);

    // Replicated data spanning regions (an availability group, a failover group) has no single region.
    QTreeWidgetItem* spanning = nullptr;
    for (const Component& c : t.components) {
        if (outlineGroup(c) != OutlineGroup::MultiRegion)
            continue;
        if (!spanning)
            spanning = addGroup(tr("Multi-region components"));
        addComponent(spanning, t, c);
    }
    if (spanning)
        finishGroup(spanning);

    QTreeWidgetItem* links = addGroup(tr("Links"));
    for (const Component& c : t.components)
        if (outlineGroup(c) == OutlineGroup::Link)
            addComponent(links, t, c);
    finishGroup(links);
}

void TopologyTree::addWorkloads(const Topology& t)
{
    QTreeWidgetItem* group = addGroup(tr("Workloads"));
    for (const Workload& w : t.workloads)
        addItem(group, {NodeRef::Kind::Workload, qstr(w.id.str()), -1}, labelWithId(w.name, w.id.str()),
                tr("%1 · %2").arg(strategyText(w.strategy), qstr(formatRate(w.demandRps))));
    finishGroup(group);

    QTreeWidgetItem* policies = addGroup(tr("Policies"));
    std::map<std::string, QTreeWidgetItem*> byWorkload;
    for (std::size_t i = 0; i < t.policies.size(); ++i) {
        const Policy& p = t.policies[i];
        QTreeWidgetItem*& parent = byWorkload[p.workload.str()];
        if (!parent) {
            const Workload* w = t.findWorkload(p.workload);
            parent = addItem(policies, {NodeRef::Kind::Workload, qstr(p.workload.str()), -1},
                             w ? labelWithId(w->name, w->id.str()) : qstr(p.workload.str()), {});
        }
        addItem(parent, {NodeRef::Kind::Policy, qstr(p.workload.str()), static_cast<int>(i)},
                tr("%1 disruption").arg(enumText(p.disruption)), policySummary(p));
    }
    for (const auto& [id, item] : byWorkload)
        item->setText(SummaryColumn,
                      countText(static_cast<std::size_t>(item->childCount()), "%1 target", "%1 targets"));
    finishGroup(policies);
    policies->setText(SummaryColumn, QString::number(t.policies.size()));
}

void TopologyTree::addScenarios(const Topology& t)
{
    QTreeWidgetItem* group = addGroup(tr("Scenarios"));
    for (const Scenario& s : t.scenarios) {
        QTreeWidgetItem* item =
            addItem(group, {NodeRef::Kind::Scenario, qstr(s.id.str()), -1}, labelWithId(s.name, s.id.str()),
                    QStringLiteral("%1 · %2").arg(qstr(formatDuration(s.duration)),
                                                  countText(s.faults.size(), "%1 fault", "%1 faults")));
        for (std::size_t i = 0; i < s.faults.size(); ++i)
            addItem(item, {NodeRef::Kind::Fault, qstr(s.id.str()), static_cast<int>(i)},
                    tr("at %1").arg(qstr(formatDuration(s.faults[i].at))), faultSummary(s.faults[i]));
    }
    finishGroup(group);
}

NodeRef TopologyTree::nodeOf(const QTreeWidgetItem* item)
{
    return item ? item->data(NameColumn, Qt::UserRole).value<NodeRef>() : NodeRef{};
}

QTreeWidgetItem* TopologyTree::findNode(const NodeRef& node) const
{
    std::vector<QTreeWidgetItem*> pending{invisibleRootItem()};
    while (!pending.empty()) {
        QTreeWidgetItem* item = pending.back();
        pending.pop_back();
        if (item != invisibleRootItem() && nodeOf(item) == node)
            return item;
        for (int i = item->childCount() - 1; i >= 0; --i)
            pending.push_back(item->child(i));
    }
    return nullptr;
}

bool TopologyTree::selectId(const QString& id)
{
    using K = NodeRef::Kind;
    for (QTreeWidgetItemIterator it(this); *it; ++it) {
        const NodeRef node = nodeOf(*it);
        const bool named = node.kind == K::Component || node.kind == K::Region || node.kind == K::Site ||
                           node.kind == K::Workload || node.kind == K::Scenario;
        if ((named && node.id == id) || (node.kind == K::Replica && (*it)->text(NameColumn) == id)) {
            setCurrentItem(*it);
            scrollToItem(*it);
            return true;
        }
    }
    return false;
}

PropertySheet TopologyTree::childListSheet(const NodeRef& node) const
{
    PropertySheet sheet;
    const QTreeWidgetItem* item = findNode(node);
    if (!item)
        return sheet;
    sheet.title = item->text(NameColumn);
    if (node.kind == NodeRef::Kind::Zone)
        sheet.subtitle =
            tr("Availability zone of %1").arg(item->parent() ? item->parent()->text(NameColumn) : node.id);
    else
        sheet.subtitle = countText(static_cast<std::size_t>(item->childCount()), "%1 item", "%1 items");
    for (int i = 0; i < item->childCount(); ++i) {
        const QString summary = item->child(i)->text(SummaryColumn);
        sheet.add(item->child(i)->text(NameColumn), summary.isEmpty() ? QStringLiteral("—") : summary);
    }
    if (item->childCount() == 0)
        sheet.add(tr("Contents"), tr("none"));
    return sheet;
}

void TopologyTree::onSelectionChanged()
{
    const QList<QTreeWidgetItem*> items = selectedItems();
    emit nodeSelected(items.isEmpty() ? NodeRef{} : nodeOf(items.first()));
}

} // namespace firedrill::ui
