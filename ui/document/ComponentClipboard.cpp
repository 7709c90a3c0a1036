#include "ComponentClipboard.h"

#include "Document.h"
#include "commands/AddComponentCommand.h"
#include "core/io/TopologyFile.h"
#include "ui/common/DisplayText.h"

#include <QUndoStack>
#include <algorithm>
#include <map>
#include <set>

namespace firedrill::ui {

QString componentsToYaml(const Topology& topology, const QStringList& ids)
{
    Topology clip;
    clip.name = "Copied components";
    std::set<std::string> chosen;
    for (const QString& id : ids)
        chosen.insert(id.toStdString());
    std::set<std::string> regions, sites;
    for (const Component& c : topology.components) {
        if (!chosen.count(c.id.str()))
            continue;
        Component copy = c;
        std::erase_if(copy.dependsOn, [&](const Dependency& d) { return !chosen.count(d.target.str()); });
        std::erase_if(copy.endpoints, [&](const Endpoint& e) { return !chosen.count(e.target.str()); });
        if (copy.region)
            regions.insert(copy.region->str());
        if (copy.site)
            sites.insert(copy.site->str());
        for (const Replica& r : copy.replicas)
            regions.insert(r.region.str());
        for (const LinkEnd& end : copy.between) {
            if (const auto* r = std::get_if<RegionId>(&end))
                regions.insert(r->str());
            else
                sites.insert(std::get<SiteId>(end).str());
        }
        clip.components.push_back(std::move(copy));
    }
    for (const Region& r : topology.regions)
        if (regions.count(r.id.str()))
            clip.regions.push_back(r);
    for (const Site& s : topology.sites)
        if (sites.count(s.id.str()))
            clip.sites.push_back(s);
    return clip.components.empty() ? QString() : QString::fromStdString(writeTopologyYaml(clip));
}

std::vector<Component> componentsFromYaml(const QString& text)
{
    if (text.trimmed().isEmpty())
        return {};
    LoadResult loaded = readTopologyYaml(text.toStdString(), "clipboard");
    return loaded.topology ? std::move(loaded.topology->components) : std::vector<Component>{};
}

QStringList pasteComponents(Document& document, std::vector<Component> components)
{
    const Topology& t = document.topology();
    std::map<std::string, ComponentId> renamed;
    std::set<std::string> taken;
    for (const Component& c : t.components)
        taken.insert(c.id.str());
    for (const Component& c : components) {
        std::string id = c.id.str();
        const std::string base = id;
        for (int n = 2; taken.count(id); ++n)
            id = base + "-" + std::to_string(n);
        taken.insert(id);
        renamed[c.id.str()] = ComponentId(id);
    }
    QStringList created;
    if (components.empty())
        return created;
    document.undoStack()->beginMacro(components.size() == 1 ? QObject::tr("Paste %1").arg(qstr(components.front().id.str()))
                                                            : QObject::tr("Paste %1 components").arg(components.size()));
    for (Component c : components) {
        c.id = renamed[c.id.str()];
        std::erase_if(c.dependsOn, [&](const Dependency& d) { return !renamed.count(d.target.str()); });
        for (Dependency& d : c.dependsOn)
            d.target = renamed[d.target.str()];
        std::erase_if(c.endpoints, [&](const Endpoint& e) { return !renamed.count(e.target.str()); });
        for (Endpoint& e : c.endpoints)
            e.target = renamed[e.target.str()];
        if (c.region && !t.findRegion(*c.region)) {
            c.region.reset();
            c.zone.reset();
            c.zones.clear();
        }
        if (c.site && !t.findSite(*c.site))
            c.site.reset();
        std::erase_if(c.between, [&](const LinkEnd& end) {
            const auto* r = std::get_if<RegionId>(&end);
            return r ? !t.findRegion(*r) : !t.findSite(std::get<SiteId>(end));
        });
        if (!c.replicas.empty() && !c.region) {
            // A replicated database is placed by its replicas; keep it in its primary's region.
            const Replica& first = c.replicas.front();
            if (t.findRegion(first.region))
                c.region = first.region;
        }
        c.replicas.clear();
        c.position.reset(); // the copy takes a free place instead of covering its original
        created << qstr(c.id.str());
        document.push(new AddComponentCommand(&document, std::move(c)));
    }
    document.undoStack()->endMacro();
    return created;
}

} // namespace firedrill::ui
