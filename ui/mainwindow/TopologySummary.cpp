#include "TopologySummary.h"

#include "ui/common/DisplayText.h"

#include <QStringList>

namespace firedrill::ui {

QString countsSummary(const Topology& t)
{
    const QStringList parts{
        countText(t.regions.size(), "%1 region", "%1 regions"),
        countText(t.components.size(), "%1 component", "%1 components"),
        countText(t.workloads.size(), "%1 workload", "%1 workloads"),
        countText(t.scenarios.size(), "%1 scenario", "%1 scenarios"),
    };
    return parts.join(QStringLiteral(" · "));
}

} // namespace firedrill::ui
