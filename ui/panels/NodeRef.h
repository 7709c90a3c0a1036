#pragma once

#include <QMetaType>
#include <QString>

namespace firedrill::ui {

/// What a tree node stands for; selection and the details pane speak in these, never in pointers.
struct NodeRef
{
    /// The kinds of node the topology tree shows.
    enum class Kind {
        Topology,
        Group,
        Region,
        Zone,
        Site,
        Component,
        Replica,
        Workload,
        Policy,
        Scenario,
        Fault
    };

    Kind kind = Kind::Topology;
    QString id;     ///< region, site, component, workload or scenario id; the group name for groups
    int index = -1; ///< zone number, replica / policy / fault index

    bool operator==(const NodeRef&) const = default;
};

} // namespace firedrill::ui

Q_DECLARE_METATYPE(firedrill::ui::NodeRef)
