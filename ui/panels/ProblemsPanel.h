#pragma once

#include "ListPanel.h"
#include "core/model/Diagnostic.h"

#include <vector>

namespace firedrill::ui {

/// The Problems list: every diagnostic found while loading, with severity, location and message.
class ProblemsPanel : public ListPanel
{
    Q_OBJECT

public:
    /// The list's columns.
    enum Column { SeverityColumn = 0, LocationColumn, ItemColumn, MessageColumn };

    explicit ProblemsPanel(QWidget* parent = nullptr);

    /// Lists `diagnostics` (errors first, then warnings, each in file order).
    void showDiagnostics(const std::vector<Diagnostic>& diagnostics);
    /// Empties the list (no file open).
    void clearDiagnostics();

signals:
    /// A problem was clicked; `path` is its item path, e.g. "components[sql-ag].sla".
    void problemClicked(const QString& path);
    /// The number of listed problems changed.
    void countChanged(int count);
};

} // namespace firedrill::ui
