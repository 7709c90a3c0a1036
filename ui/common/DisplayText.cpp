#include "DisplayText.h"

#include "core/io/Units.h"
#include "core/model/ComponentKind.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace firedrill::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("DisplayText", text);
}

} // namespace

QString kindText(ComponentKind kind)
{
    const std::string_view label = kindLabel(kind);
    return QString::fromUtf8(label.data(), static_cast<qsizetype>(label.size()));
}

QString shortKindText(ComponentKind kind)
{
    switch (kind) {
    case ComponentKind::SqlServerAg: return QCoreApplication::translate("DisplayText", "SQL Server AG");
    case ComponentKind::ApplicationGateway: return QCoreApplication::translate("DisplayText", "App Gateway");
    case ComponentKind::StorageAccount: return QCoreApplication::translate("DisplayText", "Storage");
    case ComponentKind::VirtualMachine: return QCoreApplication::translate("DisplayText", "VM");
    default: return kindText(kind);
    }
}

QString zoneList(const std::vector<int>& zones)
{
    QStringList parts;
    for (int zone : zones)
        parts << QString::number(zone);
    return parts.join(QStringLiteral(", "));
}

QString countText(std::size_t n, const char* one, const char* many)
{
    return QCoreApplication::translate("DisplayText", n == 1 ? one : many).arg(n);
}

QString faultTargetText(const FaultTarget& target)
{
    const QString id = qstr(target.id);
    switch (target.scope) {
    case FaultTarget::Scope::Region:
        return tr("region %1").arg(id);
    case FaultTarget::Scope::Zone:
        return tr("zone %1 of %2").arg(target.zone.value_or(0)).arg(id);
    case FaultTarget::Scope::Site:
        return tr("site %1").arg(id);
    case FaultTarget::Scope::Component:
        break;
    }
    return id;
}

QString faultSummary(const Fault& fault)
{
    QString text = tr("%1 of %2").arg(enumText(fault.kind), faultTargetText(fault.target));
    if (fault.length)
        text += tr(" for %1").arg(qstr(formatDuration(*fault.length)));
    return text;
}

QString policySummary(const Policy& policy)
{
    QStringList parts;
    if (policy.rto)
        parts << tr("RTO %1").arg(qstr(formatDuration(*policy.rto)));
    if (policy.rpo)
        parts << tr("RPO %1").arg(qstr(formatDuration(*policy.rpo)));
    return parts.join(QStringLiteral(" · "));
}

QString strategyText(const std::optional<Strategy>& strategy)
{
    return enumText(strategy ? strategy->kind : StrategyKind::SingleRegion);
}

QString moneyText(double usd)
{
    return QStringLiteral("$%1").arg(QLocale(QLocale::English).toString(usd, 'f', 0));
}

QString durationText(Duration d)
{
    return qstr(formatDurationReadable(d));
}

} // namespace firedrill::ui
