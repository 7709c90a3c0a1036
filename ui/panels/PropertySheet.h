#pragma once

#include "NodeRef.h"
#include "core/model/Topology.h"

#include <QString>
#include <vector>

namespace firedrill::ui {

/// One line of the details pane: a key and its formatted value, or a section heading when `value` is empty
/// and `heading` is set.
struct PropertyRow
{
    QString key;
    QString value;
    bool heading = false;
};

/// Everything the details pane shows for one node: a title, a subtitle and key/value rows.
struct PropertySheet
{
    QString title;
    QString subtitle;
    std::vector<PropertyRow> rows;

    /// Appends a key/value row; skipped when `value` is empty.
    void add(const QString& key, const QString& value);
    /// Appends a section heading.
    void section(const QString& name);
    /// The value of the first row named `key`, or a null string.
    QString value(const QString& key) const;
    /// Removes headings that have no rows under them.
    void dropEmptySections();
};

/// Builds the sheet for a node of `topology`. Figures are formatted with core/io/Units.h so they read as in
/// the YAML and the CLI. Groups and zones are not handled here (the tree lists their children).
PropertySheet buildPropertySheet(const Topology& topology, const NodeRef& node);

/// The overview sheet shown when nothing is selected.
PropertySheet buildOverviewSheet(const Topology& topology, const QString& path, std::size_t warnings,
                                 std::size_t revisions);

} // namespace firedrill::ui
