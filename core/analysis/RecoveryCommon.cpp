// Shared pieces of the recovery estimator: the workload context, path combination, placement.
#include "RecoveryRules.h"

#include "core/io/Units.h"
#include "core/model/EnumNames.h"

#include <algorithm>
#include <set>
#include <unordered_set>

namespace firedrill::recovery {

bool Context::isMember(const Component& c) const
{
    return memberIndex.count(&c) > 0;
}

std::string Context::regionLabel(const std::optional<RegionId>& id) const
{
    if (!id)
        return "an unknown region";
    const Region* r = topology.findRegion(*id);
    if (!r || r->name.empty())
        return id->str();
    return r->name + " (" + id->str() + ")";
}

const Region* Context::primaryRegion() const
{
    return roles.primary ? topology.findRegion(*roles.primary) : nullptr;
}

Context makeContext(const Topology& topology, const Workload& workload)
{
    Context ctx{topology, workload, {}, regionRoles(topology, workload), StrategyKind::SingleRegion, {}, nullptr, {}, {}};
    if (workload.components.empty()) {
        ctx.members = workloadComponents(topology, workload);
    } else {
        // An explicit list names the members (docs/format.md); the entry always belongs.
        for (const auto& c : topology.components)
            if (c.id == workload.entry ||
                std::find(workload.components.begin(), workload.components.end(), c.id) != workload.components.end())
                ctx.members.push_back(&c);
    }
    if (workload.strategy) {
        ctx.strategy = workload.strategy->kind;
    } else {
        ctx.notes.push_back("no strategy chosen: estimated as single-region");
    }
    if (ctx.strategy != StrategyKind::SingleRegion && !ctx.roles.secondary) {
        ctx.notes.push_back("strategy " + std::string(toName(ctx.strategy)) +
                            " has no secondary region: estimated as single-region");
        ctx.strategy = StrategyKind::SingleRegion;
    }
    for (std::size_t i = 0; i < ctx.members.size(); ++i)
        ctx.memberIndex.emplace(ctx.members[i], i);
    for (const auto& r : topology.components) {
        if (kindFamily(r.kind) != KindFamily::RegionalRouting)
            continue;
        auto add = [&](const ComponentId& target) {
            auto& routers = ctx.routersInFront[target.str()];
            if (routers.empty() || routers.back() != &r)
                routers.push_back(&r);
        };
        for (const Dependency& d : r.dependsOn)
            add(d.target);
        for (const Endpoint& e : r.endpoints)
            add(e.target);
    }
    if (const Component* entry = topology.findComponent(workload.entry); entry && isGlobal(entry->kind))
        ctx.router = entry;
    for (const Component* c : ctx.members)
        if (!ctx.router && isGlobal(c->kind))
            ctx.router = c;
    return ctx;
}

Duration Path::total() const
{
    Duration sum;
    for (const auto& t : terms)
        sum = sum + t.value;
    return sum;
}

namespace {
/// addNote() for many notes: it searches the list, which is quadratic with a note per component of a long
/// chain; this remembers what the list holds.
class NoteAdder
{
public:
    explicit NoteAdder(std::vector<std::string>& notes) : m_notes(notes), m_seen(notes.begin(), notes.end()) {}
    void add(const std::string& note)
    {
        if (!note.empty() && m_seen.insert(note).second)
            m_notes.push_back(note);
    }

private:
    std::vector<std::string>& m_notes;
    std::unordered_set<std::string> m_seen;
};

bool longer(const Path& a, const Path& b)
{
    if (a.unbounded != b.unbounded)
        return a.unbounded;
    return a.total() > b.total();
}

std::string describe(const Path& p)
{
    if (p.unbounded)
        return p.name + " (unbounded)";
    std::string labels;
    for (const auto& t : p.terms)
        labels += (labels.empty() ? "" : " + ") + t.label;
    return p.name + " " + readable(p.total()) + (labels.empty() ? "" : " (" + labels + ")");
}
} // namespace

Path longest(std::vector<Path> candidates, const std::string& others)
{
    if (candidates.empty())
        return {};
    std::stable_sort(candidates.begin(), candidates.end(), longer);
    Path best = candidates.front();
    std::string rest;
    NoteAdder noted(best.notes);
    for (std::size_t i = 1; i < candidates.size(); ++i) {
        for (const auto& n : candidates[i].notes)
            noted.add(n);
        if (!candidates[i].empty())
            rest += (rest.empty() ? "" : "; ") + describe(candidates[i]);
    }
    if (!others.empty() && !rest.empty())
        noted.add(others + ": " + rest);
    return best;
}

TimeEstimate combineParallel(const std::vector<Path>& paths, const std::vector<std::string>& notes)
{
    TimeEstimate e;
    std::vector<const Path*> used;
    NoteAdder noted(e.notes);
    for (const auto& p : paths) {
        for (const auto& n : p.notes)
            noted.add(n);
        if (!p.empty())
            used.push_back(&p);
    }
    for (const auto& n : notes)
        noted.add(n);
    for (const Path* p : used) {
        if (p->unbounded) {
            e.unbounded = true;
            e.combination = "unbounded: " + p->name + " cannot complete without outside help";
            return e;
        }
    }
    for (const Path* p : used) {
        e.terms.insert(e.terms.end(), p->terms.begin(), p->terms.end());
        e.paths.insert(e.paths.end(), p->terms.size(), p->name);
        e.total = std::max(e.total, p->total());
    }
    if (used.size() > 1) {
        e.combination = "longest of parallel paths:";
        for (std::size_t i = 0; i < used.size(); ++i)
            e.combination += std::string(i == 0 ? " " : "; ") + describe(*used[i]);
    }
    return e;
}

void applyLosses(RecoveryEstimate& estimate, const std::vector<Loss>& losses)
{
    TimeEstimate& rpo = estimate.rpo;
    rpo = TimeEstimate{};
    estimate.rpoExpected = Duration{};
    NoteAdder noted(rpo.notes);
    for (const auto& l : losses) {
        for (const auto& n : l.notes)
            noted.add(n);
        if (l.unbounded)
            rpo.unbounded = true;
    }
    if (rpo.unbounded) {
        rpo.combination = "unbounded: some data has no copy that survives";
        return;
    }
    for (const auto& l : losses) {
        if (l.term)
            rpo.terms.push_back(*l.term);
        rpo.total = std::max(rpo.total, l.worst());
        estimate.rpoExpected = std::max(estimate.rpoExpected, l.expected);
    }
    if (rpo.terms.size() > 1)
        rpo.combination = "largest loss: each store loses its own window and the worst one counts";
}

void addNote(std::vector<std::string>& notes, const std::string& note)
{
    if (!note.empty() && std::find(notes.begin(), notes.end(), note) == notes.end())
        notes.push_back(note);
}

std::string nameOf(const Component& c)
{
    return c.name.empty() ? c.id.str() : c.name + " (" + c.id.str() + ")";
}

std::string quoted(Duration d)
{
    return formatDuration(d);
}

std::string readable(Duration d)
{
    return formatDurationReadable(d);
}

std::optional<RegionId> homeRegion(const Component& c)
{
    if (c.region)
        return c.region;
    for (const auto& r : c.replicas)
        if (r.role == ReplicaRole::Primary)
            return r.region;
    if (!c.replicas.empty())
        return c.replicas.front().region;
    return std::nullopt;
}

bool isStore(const Component& c)
{
    switch (c.kind) {
    case ComponentKind::SqlDatabase:
    case ComponentKind::SqlServerAg:
    case ComponentKind::StorageAccount: return true;
    case ComponentKind::VirtualMachine: return c.backup.has_value() || c.size.has_value();
    default: return false;
    }
}

bool servesRequests(const Component& c)
{
    const auto f = kindFamily(c.kind);
    return f == KindFamily::Compute || f == KindFamily::RegionalRouting;
}

bool isZoneRedundant(const Component& c)
{
    if (c.zones.size() >= 2)
        return true;
    return c.redundancy == StorageRedundancy::Zrs || c.redundancy == StorageRedundancy::Gzrs ||
           c.redundancy == StorageRedundancy::RaGzrs;
}

std::vector<const Component*> closure(const Context& ctx, const std::vector<const Component*>& from,
                                      bool softToCompute)
{
    std::set<const Component*> seen;
    std::vector<const Component*> todo = from;
    while (!todo.empty()) {
        const Component* c = todo.back();
        todo.pop_back();
        if (!c || !seen.insert(c).second)
            continue;
        for (const auto& e : c->endpoints)
            todo.push_back(ctx.topology.findComponent(e.target));
        for (const auto& d : c->dependsOn) {
            const Component* t = ctx.topology.findComponent(d.target);
            if (!t)
                continue;
            if (d.kind == DependencyKind::Hard ||
                (softToCompute && kindFamily(t->kind) == KindFamily::Compute && ctx.isMember(*t)))
                todo.push_back(t);
        }
    }
    std::vector<const Component*> out;
    for (const auto& c : ctx.topology.components)
        if (seen.count(&c))
            out.push_back(&c);
    return out;
}

std::vector<const Component*> mainPath(const Context& ctx)
{
    const Component* entry = ctx.topology.findComponent(ctx.workload.entry);
    if (!entry)
        return {};
    return closure(ctx, {entry}, true);
}

double demandShare(const Context& ctx)
{
    // Active-active splits users over the two regions; every other strategy serves from one.
    const bool split = ctx.strategy == StrategyKind::ActiveActive && ctx.roles.secondary;
    return split ? ctx.workload.demandRps / 2.0 : ctx.workload.demandRps;
}

} // namespace firedrill::recovery
