#pragma once

#include "core/model/EnumNames.h"
#include "core/model/Topology.h"

#include <QString>
#include <optional>
#include <string>

namespace firedrill::ui {

/// A UTF-8 std::string as a QString.
inline QString qstr(const std::string& text)
{
    return QString::fromStdString(text);
}

/// The file spelling of an enum value ("active-active", "synchronous") as a QString.
template <class E> QString enumText(E value)
{
    const std::string_view name = toName(value);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

/// "West Europe (weu)" when the item has a name, otherwise just "weu".
inline QString labelWithId(const std::string& name, const std::string& id)
{
    return name.empty() ? qstr(id) : QStringLiteral("%1 (%2)").arg(qstr(name), qstr(id));
}

/// The label of a region id: "West Europe (weu)" when the region is known, the bare id otherwise.
inline QString regionLabel(const Topology& topology, const RegionId& id)
{
    const Region* region = topology.findRegion(id);
    return region ? labelWithId(region->name, id.str()) : qstr(id.str());
}

/// The label of a site id, like regionLabel().
inline QString siteLabel(const Topology& topology, const SiteId& id)
{
    const Site* site = topology.findSite(id);
    return site ? labelWithId(site->name, id.str()) : qstr(id.str());
}

/// A human label of a component kind, such as "SQL Server Always On group".
QString kindText(ComponentKind kind);
/// A short kind label for narrow places (cards): "SQL Server AG", "App Gateway"; kindText() otherwise.
QString shortKindText(ComponentKind kind);
/// "1, 2, 3".
QString zoneList(const std::vector<int>& zones);

/// "1 zone", "3 zones": a count with an English singular or plural noun (no translation catalogue is
/// shipped yet, so "%n zone(s)" would show as written).
QString countText(std::size_t n, const char* one, const char* many);

/// "region weu", "zone 2 of weu", "component sql-ag", "site onprem".
QString faultTargetText(const FaultTarget& target);
/// "outage of region weu for 2h": what a fault does, in one line (without its start time).
QString faultSummary(const Fault& fault);
/// "$6,164": whole US dollars with thousands separators.
QString moneyText(double usd);
/// "1h 5m 40s": a duration as people read it (core's formatDurationReadable).
QString durationText(Duration d);
/// "RTO 15m · RPO 1m"; parts that are not set are left out.
QString policySummary(const Policy& policy);
/// "active-active", or "single-region" when a workload names no strategy.
QString strategyText(const std::optional<Strategy>& strategy);

} // namespace firedrill::ui
