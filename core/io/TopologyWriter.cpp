#include "TopologyFile.h"

#include "Units.h"

#include "core/model/EnumNames.h"

#include <yaml-cpp/emitter.h>
#include <yaml-cpp/emittermanip.h>

#include <algorithm>
#include <limits>

namespace firedrill {

namespace {

/// An ordered output tree; the writer decides block or flow style per node from its size.
struct Out
{
    enum class Kind { Scalar, Sequence, Map };
    Kind kind = Kind::Map;
    std::string text;
    bool userText = false; ///< free text: quote when it could read back as something else
    std::vector<Out> items;
    std::vector<std::pair<std::string, Out>> entries;

    static Out scalar(std::string s) { return make(Kind::Scalar, std::move(s), false); }
    static Out userString(std::string s) { return make(Kind::Scalar, std::move(s), true); }
    static Out sequence() { return make(Kind::Sequence, {}, false); }
    static Out map() { return make(Kind::Map, {}, false); }
    // The special members are defined after the class: clang (with libstdc++) needs Out complete before
    // it can destroy a vector of pair<string, Out>.
    Out() = default;
    Out(const Out&);
    Out(Out&&) noexcept;
    Out& operator=(const Out&);
    Out& operator=(Out&&) noexcept;
    ~Out();

    static Out make(Kind kind, std::string text, bool userText)
    {
        Out o;
        o.kind = kind;
        o.text = std::move(text);
        o.userText = userText;
        return o;
    }

    Out& add(std::string key, Out value)
    {
        entries.emplace_back(std::move(key), std::move(value));
        return *this;
    }
    Out& add(std::string key, std::string scalarText) { return add(std::move(key), scalar(std::move(scalarText))); }
    Out& text_(std::string key, const std::string& value)
    {
        if (!value.empty())
            add(std::move(key), userString(value));
        return *this;
    }
    template <class T, class F>
    Out& opt(std::string key, const std::optional<T>& v, F format)
    {
        if (v)
            add(std::move(key), scalar(format(*v)));
        return *this;
    }
    Out& flag(std::string key, bool v)
    {
        if (v)
            add(std::move(key), "true");
        return *this;
    }
    bool empty() const { return kind == Kind::Map ? entries.empty() : kind == Kind::Sequence && items.empty(); }
};

Out::Out(const Out&) = default;
Out::Out(Out&&) noexcept = default;
Out& Out::operator=(const Out&) = default;
Out& Out::operator=(Out&&) noexcept = default;
Out::~Out() = default;

std::string integer(int v) { return std::to_string(v); }
template <class E>
std::string name(E v) { return std::string(toName(v)); }
template <class IdT>
std::string idText(const IdT& id) { return id.str(); }

constexpr std::size_t kNoFlow = std::numeric_limits<std::size_t>::max();

/// Length of the node written on one line, or kNoFlow when it cannot or should not be.
std::size_t flowLength(const Out& o, int depth = 0)
{
    if (depth > 2)
        return kNoFlow;
    switch (o.kind) {
    case Out::Kind::Scalar:
        return o.text.find('\n') == std::string::npos ? o.text.size() + (o.userText ? 2 : 0) : kNoFlow;
    case Out::Kind::Sequence:
    case Out::Kind::Map: {
        std::size_t len = 2;
        for (const auto& item : o.items) {
            const auto l = flowLength(item, depth + 1);
            if (l == kNoFlow)
                return kNoFlow;
            len += l + 2;
        }
        for (const auto& [k, v] : o.entries) {
            const auto l = flowLength(v, depth + 1);
            if (l == kNoFlow)
                return kNoFlow;
            len += k.size() + 2 + l + 2;
        }
        return len;
    }
    }
    return kNoFlow;
}

bool needsQuotes(const std::string& s)
{
    return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

/// True when a literal block ("|") reads back as exactly `s`: one final line break (the block's default
/// chomping adds one), no line starting with a blank (that would need an indentation indicator) and no
/// control characters. Other multi-line text is written double-quoted, with escapes.
bool literalKeepsText(const std::string& s)
{
    if (s.size() < 2 || s.back() != '\n' || s[s.size() - 2] == '\n')
        return false;
    bool lineStart = true;
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (lineStart && (c == ' ' || c == '\t'))
            return false;
        if ((u < 0x20 && c != '\n' && c != '\t') || u == 0x7f)
            return false;
        lineStart = c == '\n';
    }
    return true;
}

void emit(YAML::Emitter& e, const Out& o, std::size_t flowLimit)
{
    switch (o.kind) {
    case Out::Kind::Scalar:
        if (o.userText && o.text.find('\n') != std::string::npos)
            e << (literalKeepsText(o.text) ? YAML::Literal : YAML::DoubleQuoted) << o.text;
        else if (o.userText && needsQuotes(o.text))
            e << YAML::DoubleQuoted << o.text;
        else
            e << o.text;
        return;
    case Out::Kind::Sequence: {
        const bool flow = flowLength(o) <= flowLimit;
        e << (flow ? YAML::Flow : YAML::Block) << YAML::BeginSeq;
        for (const auto& item : o.items)
            emit(e, item, 110);
        e << YAML::EndSeq;
        return;
    }
    case Out::Kind::Map: {
        const bool flow = flowLength(o) <= flowLimit;
        e << (flow ? YAML::Flow : YAML::Block) << YAML::BeginMap;
        for (const auto& [k, v] : o.entries) {
            e << YAML::Key << k << YAML::Value;
            emit(e, v, 80);
        }
        e << YAML::EndMap;
        return;
    }
    }
}

Out outage(const OutageRate& r)
{
    return Out::map().add("mtbf", formatDuration(r.mtbf)).add("mttr", formatDuration(r.mttr));
}

Out region(const Region& r)
{
    Out o = Out::map();
    o.add("id", r.id.str()).text_("name", r.name).opt("pair", r.pair, idText<RegionId>);
    o.add("zones", integer(r.zones));
    if (r.outage)
        o.add("outage", outage(*r.outage));
    if (r.zoneOutage)
        o.add("zone_outage", outage(*r.zoneOutage));
    return o;
}

Out site(const Site& s)
{
    Out o = Out::map();
    o.add("id", s.id.str()).text_("name", s.name).add("kind", name(s.kind));
    return o;
}

template <class T, class F>
Out list(const std::vector<T>& items, F format)
{
    Out o = Out::sequence();
    for (const auto& item : items)
        o.items.push_back(Out::scalar(format(item)));
    return o;
}

/// `position: [x, y]` when the card was placed by hand.
void addPosition(Out& o, const std::optional<CardPosition>& position)
{
    if (position)
        o.add("position", list(std::vector<int>{position->x, position->y}, integer));
}

void components(Out& o, const Component& c)
{
    o.add("id", c.id.str()).add("kind", name(c.kind)).text_("name", c.name);
    o.opt("region", c.region, idText<RegionId>).opt("site", c.site, idText<SiteId>).opt("zone", c.zone, integer);
    if (!c.zones.empty())
        o.add("zones", list(c.zones, integer));
    o.opt("fault_domains", c.faultDomains, integer).opt("update_domains", c.updateDomains, integer);
    o.opt("instances", c.instances, integer).opt("capacity_rps", c.capacityRps, formatNumber);
    if (c.autoscale)
        o.add("autoscale", Out::map()
                               .add("min", integer(c.autoscale->min))
                               .add("max", integer(c.autoscale->max))
                               .add("scale_out_time", formatDuration(c.autoscale->scaleOutTime)));
    if (c.leaderElection)
        o.add("leader_election", Out::map().add("lease", formatDuration(c.leaderElection->lease)));
    o.opt("sla", c.sla, formatPercent).opt("mtbf", c.mtbf, formatDuration).opt("mttr", c.mttr, formatDuration);
    o.opt("startup_time", c.startupTime, formatDuration);
    o.opt("routing", c.routing, name<RoutingMethod>);
    if (c.probe)
        o.add("probe", Out::map()
                           .add("interval", formatDuration(c.probe->interval))
                           .add("timeout", formatDuration(c.probe->timeout))
                           .add("tolerated_failures", integer(c.probe->toleratedFailures)));
    o.opt("dns_ttl", c.dnsTtl, formatDuration);
    if (!c.endpoints.empty()) {
        Out eps = Out::sequence();
        for (const auto& ep : c.endpoints) {
            if (!ep.priority && !ep.weight) {
                eps.items.push_back(Out::scalar(ep.target.str()));
                continue;
            }
            Out m = Out::map();
            m.add("id", ep.target.str()).opt("priority", ep.priority, integer).opt("weight", ep.weight, integer);
            eps.items.push_back(std::move(m));
        }
        o.add("endpoints", std::move(eps));
    }
    o.opt("size", c.size, formatDataSize).opt("write_rate", c.writeRate, formatRate);
    o.opt("redundancy", c.redundancy, name<StorageRedundancy>).opt("geo_lag", c.geoLag, formatDuration);
    o.opt("disks", c.disks, integer);
    o.flag("quorum_commit", c.quorumCommit);
    if (!c.replicas.empty()) {
        Out reps = Out::sequence();
        for (const auto& r : c.replicas) {
            Out m = Out::map();
            m.add("id", r.id.str()).add("region", r.region.str()).opt("zone", r.zone, integer);
            m.add("role", name(r.role)).opt("sync", r.sync, name<ReplicationMode>).opt("lag", r.lag, formatDuration);
            m.flag("readable", r.readable);
            addPosition(m, r.position);
            reps.items.push_back(std::move(m));
        }
        o.add("replicas", std::move(reps));
    }
    if (c.failover) {
        const auto& f = *c.failover;
        Out m = Out::map();
        m.add("mode", name(f.mode)).opt("detection", f.detection, formatDuration);
        m.opt("promotion", f.promotion, formatDuration).opt("cross_region", f.crossRegion, name<FailoverMode>);
        m.opt("decision", f.decision, formatDuration).opt("grace_period", f.gracePeriod, formatDuration);
        o.add("failover", std::move(m));
    }
    if (c.backup) {
        const auto& b = *c.backup;
        Out m = Out::map();
        m.opt("full", b.full, formatDuration).opt("differential", b.differential, formatDuration);
        m.opt("log", b.log, formatDuration).opt("retention", b.retention, formatDuration);
        m.opt("restore_rate", b.restoreRate, formatDataRate).opt("copy_to", b.copyTo, idText<RegionId>);
        m.flag("point_in_time", b.pointInTime);
        o.add("backup", std::move(m));
    }
    if (c.outbox) {
        Out m = Out::map();
        m.opt("capacity", c.outbox->capacity, integer).opt("drain_rate", c.outbox->drainRate, formatRate);
        o.add("outbox", std::move(m));
    }
    if (!c.between.empty())
        o.add("between", list(c.between, [](const LinkEnd& end) {
                  return std::visit([](const auto& id) { return id.str(); }, end);
              }));
    o.opt("latency", c.latency, formatDuration);
    if (c.resilience) {
        const auto& r = *c.resilience;
        Out m = Out::map();
        m.opt("retries", r.retries, integer).opt("retry_delay", r.retryDelay, formatDuration);
        m.opt("retry_backoff", r.retryBackoff, formatNumber);
        m.opt("breaker_threshold", r.breakerThreshold, integer).opt("breaker_open", r.breakerOpen, formatDuration);
        m.opt("breaker_error_rate", r.breakerErrorRate, formatNumber);
        o.add("resilience", std::move(m));
    }
    o.opt("cost", c.cost, formatNumber);
    Out hard = Out::sequence(), soft = Out::sequence();
    for (const auto& d : c.dependsOn)
        (d.kind == DependencyKind::Hard ? hard : soft).items.push_back(Out::scalar(d.target.str()));
    if (!hard.items.empty())
        o.add("depends_on", std::move(hard));
    if (!soft.items.empty())
        o.add("soft_depends_on", std::move(soft));
    addPosition(o, c.position);
}

Out workload(const Workload& w)
{
    Out o = Out::map();
    o.add("id", w.id.str()).text_("name", w.name).add("entry", w.entry.str());
    if (!w.components.empty())
        o.add("components", list(w.components, idText<ComponentId>));
    o.add("demand_rps", formatNumber(w.demandRps)).add("write_fraction", formatNumber(w.writeFraction));
    o.add("degradable", w.degradable ? "true" : "false");
    if (w.strategy) {
        const auto& s = *w.strategy;
        if (!s.scaleFactor && !s.primary && !s.secondary && !s.redeployTime) {
            o.add("strategy", name(s.kind));
        } else {
            Out m = Out::map();
            m.add("kind", name(s.kind)).opt("scale_factor", s.scaleFactor, formatNumber);
            m.opt("primary", s.primary, idText<RegionId>).opt("secondary", s.secondary, idText<RegionId>);
            m.opt("redeploy_time", s.redeployTime, formatDuration);
            o.add("strategy", std::move(m));
        }
    }
    return o;
}

Out policy(const Policy& p)
{
    Out o = Out::map();
    o.add("workload", p.workload.str()).add("disruption", name(p.disruption));
    o.opt("rto", p.rto, formatDuration).opt("rpo", p.rpo, formatDuration);
    return o;
}

std::string targetText(const FaultTarget& t)
{
    switch (t.scope) {
    case FaultTarget::Scope::Component: return t.id;
    case FaultTarget::Scope::Region: return "region/" + t.id;
    case FaultTarget::Scope::Zone: return "zone/" + t.id + "/" + std::to_string(t.zone.value_or(0));
    case FaultTarget::Scope::Site: return "site/" + t.id;
    }
    return t.id;
}

Out scenario(const Scenario& s)
{
    Out o = Out::map();
    o.add("id", s.id.str()).text_("name", s.name).add("duration", formatDuration(s.duration));
    o.opt("seed", s.seed, [](std::uint64_t v) { return std::to_string(v); });
    Out faults = Out::sequence();
    for (const auto& f : s.faults) {
        Out m = Out::map();
        m.add("at", formatDuration(f.at)).add("target", targetText(f.target)).add("kind", name(f.kind));
        m.opt("for", f.length, formatDuration).opt("detected_after", f.detectedAfter, formatDuration);
        m.opt("latency", f.latency, formatDuration).opt("error_rate", f.errorRate, formatNumber);
        m.opt("multiplier", f.multiplier, formatNumber).opt("domain", f.domain, integer);
        faults.items.push_back(std::move(m));
    }
    o.add("faults", std::move(faults));
    if (!s.injects.empty()) {
        // In time order; injects at the same instant keep the order they were given in.
        std::vector<Inject> sorted = s.injects;
        std::stable_sort(sorted.begin(), sorted.end(), [](const Inject& a, const Inject& b) { return a.at < b.at; });
        Out injects = Out::sequence();
        for (const auto& inject : sorted)
            injects.items.push_back(
                Out::map().add("at", formatDuration(inject.at)).add("prompt", Out::userString(inject.prompt)));
        o.add("injects", std::move(injects));
    }
    return o;
}

template <class T, class F>
void section(YAML::Emitter& e, const char* key, const std::vector<T>& items, F build)
{
    if (items.empty())
        return;
    e << YAML::Newline << YAML::Key << key << YAML::Value << YAML::BeginSeq;
    for (const auto& item : items)
        emit(e, build(item), 110);
    e << YAML::EndSeq;
}

} // namespace

std::string writeTopologyYaml(const Topology& t)
{
    YAML::Emitter e;
    e.SetIndent(2);
    e << YAML::Comment("Firedrill topology, format " + std::to_string(t.formatVersion));
    e << YAML::BeginMap;
    e << YAML::Key << "firedrill" << YAML::Value << t.formatVersion;
    if (!t.name.empty()) {
        e << YAML::Key << "name" << YAML::Value;
        emit(e, Out::userString(t.name), 0);
    }
    if (!t.description.empty()) {
        e << YAML::Key << "description" << YAML::Value;
        emit(e, Out::userString(t.description), 0);
    }
    section(e, "regions", t.regions, region);
    section(e, "sites", t.sites, site);
    section(e, "components", t.components, [](const Component& c) {
        Out o = Out::map();
        components(o, c);
        return o;
    });
    section(e, "workloads", t.workloads, workload);
    section(e, "policies", t.policies, policy);
    section(e, "scenarios", t.scenarios, scenario);
    e << YAML::EndMap;
    std::string out = e.c_str();
    out += '\n';
    return out;
}

} // namespace firedrill
