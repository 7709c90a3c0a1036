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

/// Adds to `step` the edits that keep pairing symmetric once `changed` is paired as it says: its new
/// partner is paired back with it (leaving the partner's old partner unpaired), and a region that was
/// paired with it and no longer is becomes unpaired.
void pairSymmetrically(Document& document, const Topology& t, const Region& changed, QUndoCommand* step)
{
    std::vector<Region> edits;
    auto edited = [&](const Region& r) -> Region& {
        for (Region& e : edits)
            if (e.id == r.id)
                return e;
        return edits.emplace_back(r);
    };
    for (const Region& r : t.regions) {
        if (r.id == changed.id)
            continue;
        if (changed.pair && r.id == *changed.pair && r.pair != changed.id) {
            if (r.pair)
                if (const Region* old = findRegion(t, *r.pair); old && old->pair == r.id && old->id != changed.id)
                    edited(*old).pair.reset();
            edited(r).pair = changed.id;
        } else if (r.pair == changed.id && changed.pair != r.id) {
            edited(r).pair.reset();
        }
    }
    for (const Region& r : edits)
        new SetRegionCommand(&document, r.id, r, step);
}

/// Pushes `region` (absent: removes `id`) with the pairing edits it implies, as one undo step.
void pushRegion(Document& document, const RegionId& id, const std::optional<Region>& region)
{
    const Topology& t = document.topology();
    auto* step = new QUndoCommand;
    auto* main = new SetRegionCommand(&document, id, region, step);
    step->setText(main->text());
    Region unpaired;
    unpaired.id = id;
    pairSymmetrically(document, t, region ? *region : unpaired, step);
    if (step->childCount() == 1) {
        delete step;
        document.push(new SetRegionCommand(&document, id, region));
        return;
    }
    document.push(step);
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
    pushRegion(document, region.id, region);
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
    pushRegion(document, region.id, region);
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
    // Anything else that names it (link ends, backup copies) would turn into an error.
    // Its partner is left unpaired in the same step.
    Topology after = t;
    std::erase_if(after.regions, [&](const Region& r) { return r.id == rid; });
    for (Region& r : after.regions)
        if (r.pair == rid)
            r.pair.reset();
    const auto errorsOf = [](const std::vector<Diagnostic>& all) {
        return std::count_if(all.begin(), all.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; });
    };
    const std::vector<Diagnostic> now = validate(after);
    if (errorsOf(now) > errorsOf(validate(t)))
        for (const Diagnostic& d : now)
            if (d.severity == Severity::Error && QString::fromStdString(d.message).contains(id))
                return tr("“%1” is still used: %2").arg(id, QString::fromStdString(d.message));
    pushRegion(document, rid, std::nullopt);
    return {};
}

} // namespace firedrill::ui
