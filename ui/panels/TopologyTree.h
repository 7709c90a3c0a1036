#pragma once

#include "NodeRef.h"
#include "PropertySheet.h"
#include "core/model/Topology.h"

#include <QTreeWidget>

namespace firedrill::ui {

/// The left-hand outline of a topology: regions (with zones, components and replicas), sites, global
/// components, links, workloads, policies and scenarios. Read-only; rebuilt whole from a Topology.
class TopologyTree : public QTreeWidget
{
    Q_OBJECT

public:
    /// The two columns: an item's name and a one-line summary.
    enum Column { NameColumn = 0, SummaryColumn = 1 };

    explicit TopologyTree(QWidget* parent = nullptr);

    /// Replaces the contents with `topology`; nothing is selected afterwards.
    void showTopology(const Topology& topology);
    /// Removes every item.
    void clearTopology();
    /// Selects (and scrolls to) the first item for `id`: a component, region, site, workload or scenario id,
    /// or a replica id. Returns false when there is none.
    bool selectId(const QString& id);
    /// The node an item stands for.
    static NodeRef nodeOf(const QTreeWidgetItem* item);
    /// The first item standing for `node`, or nullptr.
    QTreeWidgetItem* findNode(const NodeRef& node) const;
    /// For groups and zones: a sheet listing the children (their names and summaries).
    PropertySheet childListSheet(const NodeRef& node) const;

protected:
    void resizeEvent(QResizeEvent* event) override;

signals:
    /// The selection changed to `node`; a Topology node when nothing is selected.
    void nodeSelected(const firedrill::ui::NodeRef& node);

private:
    QTreeWidgetItem* addGroup(const QString& name);
    QTreeWidgetItem* addItem(QTreeWidgetItem* parent, const NodeRef& node, const QString& name,
                             const QString& summary);
    QTreeWidgetItem* addComponent(QTreeWidgetItem* parent, const Topology& topology, const Component& c);
    void addRegions(const Topology& topology);
    void addSites(const Topology& topology);
    void addUnplaced(const Topology& topology);
    void addWorkloads(const Topology& topology);
    void addScenarios(const Topology& topology);
    void finishGroup(QTreeWidgetItem* group);
    void onSelectionChanged();
    void fitColumns();

    bool m_autoFitColumns = true; ///< until the user drags the column divider
    bool m_fitting = false;
};

} // namespace firedrill::ui
