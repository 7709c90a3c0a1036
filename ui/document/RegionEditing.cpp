#include "RegionEditing.h"

#include "Document.h"
#include "commands/SetRegionCommand.h"
#include "core/model/Validator.h"
#include "ui/common/DisplayText.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>
#include <algorithm>

namespace firedrill::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("RegionEditing", text);
}

const Region* findRegion(const Topology& t, const RegionId& id)
{
    const auto it = std::find_if(t.regions.begin(), t.regions.end(), [&](const Region& r) { return r.id == id; });
    return it == t.regions.end() ? nullptr : &*it;
}

/// Checks the values every region must have (name, zones, pair); empty when fine.
QString checkValues(const Topology& t, const Region& region)
{
    if (QString::fromStdString(region.name).trimmed().isEmpty())
        return tr("A region needs a name.");
    if (region.zones < 0 || region.zones > kMaxZones)
        return tr("Zones must be between 0 and %1.").arg(kMaxZones);
    if (region.pair) {
        if (*region.pair == region.id)
            return tr("A region cannot be paired with itself.");
        if (!findRegion(t, *region.pair))
            return tr("There is no region “%1” to pair with.").arg(qstr(region.pair->str()));
    }
    return {};
}

/// Ids of whatever is placed in `id` (components and replicas), optionally only in zones above `zones`.
QStringList placedIn(const Topology& t, const RegionId& id, int aboveZone = -1)
{
    QStringList ids;
    auto uses = [&](const std::optional<int>& zone, const std::vector<int>& zones) {
        if (aboveZone < 0)
            return true;
        return (zone && *zone > aboveZone) ||
               std::any_of(zones.begin(), zones.end(), [&](int z) { return z > aboveZone; });
    };
    for (const Component& c : t.components) {
        if (c.region == id && uses(c.zone, c.zones))
            ids << qstr(c.id.str());
        for (const Replica& r : c.replicas)
            if (r.region == id && uses(r.zone, {}))
                ids << qstr(r.id.str());
    }
    return ids;
}

QString listed(const QStringList& ids)
{
    return ids.size() <= 3 ? ids.join(QStringLiteral(", "))
                           : tr("%1 and %2 more").arg(ids.mid(0, 3).join(QStringLiteral(", "))).arg(ids.size() - 3);
}

} // namespace

QString addRegion(Document& document, const Region& region)
{
    const Topology& t = document.topology();
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9_.-]*$"));
    const QString id = qstr(region.id.str());
    if (!idPattern.match(id).hasMatch())
        return tr("The id must start with a lower-case letter or digit and use only a-z, 0-9, '-', '_' and '.'.");
    if (findRegion(t, region.id) ||
        std::any_of(t.sites.begin(), t.sites.end(), [&](const Site& s) { return s.id.str() == region.id.str(); }))
        return tr("The id “%1” is taken.").arg(id);
    if (QString error = checkValues(t, region); !error.isEmpty())
        return error;
    document.push(new SetRegionCommand(&document, region.id, region));
    return {};
}

QString changeRegion(Document& document, const Region& region)
{
    const Topology& t = document.topology();
    const Region* before = findRegion(t, region.id);
    if (!before)
        return tr("There is no region “%1”.").arg(qstr(region.id.str()));
    if (*before == region)
        return {};
    if (QString error = checkValues(t, region); !error.isEmpty())
        return error;
    if (region.zones < before->zones) {
        const QStringList used = placedIn(t, region.id, region.zones);
        if (!used.isEmpty())
            return tr("%1 use zones above %2; move them first.").arg(listed(used)).arg(region.zones);
    }
    document.push(new SetRegionCommand(&document, region.id, region));
    return {};
}

QString removeRegion(Document& document, const QString& id)
{
    const Topology& t = document.topology();
    const RegionId rid(id.toStdString());
    if (!findRegion(t, rid))
        return tr("There is no region “%1”.").arg(id);
    const QStringList placed = placedIn(t, rid);
    if (!placed.isEmpty())
        return tr("“%1” still holds %2; move or delete them first.").arg(id, listed(placed));
    QStringList paired;
    for (const Region& r : t.regions)
        if (r.pair == rid)
            paired << qstr(r.id.str());
    if (!paired.isEmpty())
        return tr("“%1” is the pair of %2; change that first.").arg(id, listed(paired));
    // Anything else that names it (link ends, backup copies) would turn into an error.
    Topology after = t;
    std::erase_if(after.regions, [&](const Region& r) { return r.id == rid; });
    const auto errorsOf = [](const std::vector<Diagnostic>& all) {
        return std::count_if(all.begin(), all.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; });
    };
    const std::vector<Diagnostic> now = validate(after);
    if (errorsOf(now) > errorsOf(validate(t)))
        for (const Diagnostic& d : now)
            if (d.severity == Severity::Error && QString::fromStdString(d.message).contains(id))
                return tr("“%1” is still used: %2").arg(id, QString::fromStdString(d.message));
    document.push(new SetRegionCommand(&document, rid, std::nullopt));
    return {};
}

} // namespace firedrill::ui
