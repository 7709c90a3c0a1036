#include "ScenarioPlayer.h"

#include "models/CapacityModel.h"
#include "models/FrameBuilder.h"
#include "models/FaultModel.h"
#include "models/ResilienceModel.h"
#include "models/ReplayWorld.h"
#include "models/RouterModel.h"
#include "models/StoreModel.h"

#include "core/analysis/RecoveryEstimator.h"
#include "core/model/Validator.h"
#include "core/io/Units.h"

#include <algorithm>
#include <cmath>

namespace firedrill::sim {

using namespace models;

namespace {

/// Sample rows of a replay: every workload at 0, each interval and the end.
std::uint64_t sampleRows(Duration duration, std::size_t workloads, Duration interval)
{
    if (duration.ms <= 0 || interval.ms <= 0)
        return 0;
    return (static_cast<std::uint64_t>(duration.ms / interval.ms) + 2) * std::max<std::uint64_t>(1, workloads);
}

} // namespace

Duration fittingSampleInterval(Duration duration, std::size_t workloads, Duration requested)
{
    Duration interval = requested.ms > 0 ? requested : Duration::seconds(1);
    if (sampleRows(duration, workloads, interval) <= kMaxSampleRows)
        return interval;
    // Samples a workload may have, less the two at the ends; whole seconds above duration / that.
    const std::uint64_t perWorkload = kMaxSampleRows / std::max<std::uint64_t>(1, workloads);
    const std::uint64_t steps = perWorkload > 2 ? perWorkload - 2 : 1;
    const std::int64_t ms = duration.ms / static_cast<std::int64_t>(steps) + 1;
    interval = Duration::seconds((ms + 999) / 1000);
    while (sampleRows(duration, workloads, interval) > kMaxSampleRows)
        interval = interval + Duration::seconds(1);
    return interval;
}

Result<std::unique_ptr<ScenarioPlayer>> ScenarioPlayer::create(const Topology& topology, const ScenarioId& scenario,
                                                               const ReplayOptions& options)
{
    const Scenario* s = topology.findScenario(scenario);
    if (!s)
        return Error{"unknown-scenario", "The topology has no scenario \"" + scenario.str() + "\"."};
    if (options.sampleInterval.ms <= 0)
        return Error{"bad-option", "The sample interval must be positive."};
    // The models assume a valid topology (every reference resolves); an editor's half-made design is refused.
    std::size_t errors = 0;
    std::string first;
    for (const Diagnostic& d : validate(topology))
        if (d.severity == Severity::Error && errors++ == 0)
            first = d.message;
    if (errors > 0)
        return Error{"invalid-topology", "The topology has " + std::to_string(errors) + (errors == 1 ? " error" : " errors") +
                                             " to fix before it can be replayed, first: " + first};
    const std::uint64_t rows = sampleRows(s->duration, topology.workloads.size(), options.sampleInterval);
    if (rows > kMaxSampleRows)
        return Error{"too-many-samples",
                     "Scenario \"" + scenario.str() + "\" lasts " + formatDurationReadable(s->duration) + ": one sample every " +
                         formatDurationReadable(options.sampleInterval) + " for " + std::to_string(topology.workloads.size()) +
                         " workload(s) makes " + std::to_string(rows) + " sample rows, over the " + std::to_string(kMaxSampleRows) +
                         " a replay keeps. Sample every " +
                         formatDurationReadable(fittingSampleInterval(s->duration, topology.workloads.size(), options.sampleInterval)) +
                         " or more, or shorten the scenario."};
    return std::make_unique<ScenarioPlayer>(topology, *s, options);
}

ScenarioPlayer::ScenarioPlayer(const Topology& topology, const Scenario& scenario, const ReplayOptions& options)
    : m_topology(topology), m_scenario(scenario), m_options(options), m_duration(scenario.duration.ms)
{
    if (m_options.sampleInterval.ms <= 0)
        m_options.sampleInterval = Duration::seconds(1);
    m_world = std::make_unique<ReplayWorld>(m_topology, m_options);
    m_stores = std::make_unique<StoreModel>(*m_world);
    m_faults = std::make_unique<FaultModel>(*m_world, m_scenario, *m_stores);
    m_routers = std::make_unique<RouterModel>(*m_world);
    m_capacity = std::make_unique<CapacityModel>(*m_world);
    m_outbox = std::make_unique<OutboxModel>(*m_world);
    m_resilience = std::make_unique<ResilienceModel>(*m_world);
    for (Model* m : std::initializer_list<Model*>{m_faults.get(), m_stores.get(), m_routers.get(), m_capacity.get(), m_outbox.get(),
                                                  m_resilience.get()})
        m->setTarget(m_sim.addHandler(m));
    m_world->advance = [this](std::int64_t t) { advance(t); };
    m_world->refresh = [this](Simulator& sim) { refresh(sim); };
    m_acc.resize(m_world->workloads.size());
    for (std::size_t w = 0; w < m_acc.size(); ++w) {
        auto& series = m_acc[w].series;
        for (const auto& b : m_world->workloads[w].branches) {
            const auto r = m_world->regionOf(b.endpoint, b.relocateTo);
            const std::string name = r ? r->str() : std::string();
            if (std::find(series.regions.begin(), series.regions.end(), name) == series.regions.end())
                series.regions.push_back(name);
        }
        series.servedByRegion.resize(series.regions.size());
        // create() refuses a replay beyond kMaxSampleRows; a player made directly only reserves that much.
        const auto n = static_cast<std::size_t>(std::min<std::int64_t>(m_duration / m_options.sampleInterval.ms + 2,
                                                                       static_cast<std::int64_t>(kMaxSampleRows)));
        for (auto* v : {&series.demand, &series.availability, &series.latencyMs, &series.replicationLagS, &series.writesLost,
                        &series.backlog, &series.capacityRps})
            v->reserve(n);
        for (auto& v : series.servedByRegion)
            v.reserve(n);
    }
    m_routers->initialise();
    m_faults->schedule(m_sim);
    refresh(m_sim);
}

ScenarioPlayer::~ScenarioPlayer() = default;

void ScenarioPlayer::refresh(Simulator& sim)
{
    m_stores->react(sim);
    m_routers->react(sim);
    m_capacity->react(sim);
    m_resilience->react(sim);
    m_routers->takeovers(sim);
    // Loads offered to capacity-bound tiers (retries included), for the queueing latency.
    for (std::size_t i = 0; i < m_world->comps.size(); ++i)
        if (m_world->comps[i].c->capacityRps)
            m_world->comps[i].load = m_world->load(static_cast<int>(i), sim.now());
    // Outbox inflow at this instant: writes served through each buffering or draining caller.
    for (auto& c : m_world->comps)
        c.inflow = 0;
    for (const auto& w : m_world->workloads)
        for (std::size_t i = 0; i < w.branches.size(); ++i) {
            const auto& b = w.branches[i];
            const auto f = m_world->flow(w, b, m_world->branchShare(w, i, sim.now()), false);
            const double served = f.ok ? std::min(m_world->demand(w) * f.share, f.cap) * f.good : 0.0;
            for (int x : b.chain)
                if (m_world->comps[static_cast<std::size_t>(x)].c->outbox && !b.relocateTo)
                    m_world->comps[static_cast<std::size_t>(x)].inflow += served * w.w->writeFraction;
        }
    m_outbox->react(sim);
}

bool ScenarioPlayer::overBudget()
{
    if (!m_stopped && m_sim.eventsHandled() >= m_options.maxEvents) {
        m_stopped = true;
        m_world->narrate(m_sim.now(), "The replay stops after " + std::to_string(m_sim.eventsHandled()) +
                                          " events, the most one replay may take: the models keep answering each other "
                                          "without end (see the entries just before)");
    }
    return m_stopped;
}

void ScenarioPlayer::runUntil(std::int64_t timeMs)
{
    const std::int64_t end = std::min(timeMs, m_duration);
    while (!overBudget() && m_sim.step(end)) {
    }
    if (m_stopped)
        return;
    advance(end);
    if (end >= m_duration && m_last >= m_duration && m_nextSample == m_duration) {
        prepareSamples();
        sample(m_duration);
        m_nextSample += m_options.sampleInterval.ms;
    }
}

bool ScenarioPlayer::stepToNextEvent()
{
    if (finished())
        return false;
    if (!m_sim.step(m_duration)) {
        runUntil(m_duration);
        return false;
    }
    return !overBudget();
}

void ScenarioPlayer::advance(std::int64_t t1)
{
    const std::int64_t t0 = m_last;
    if (t1 <= t0)
        return;
    if (m_nextSample < t1) {
        // The state is constant over [t0, t1) but for the DNS shares, the growing lag of a cut link and
        // the outbox backlogs (linear): work everything else out once, then sample cheaply.
        prepareSamples();
        while (m_nextSample < t1) {
            sample(m_nextSample);
            m_nextSample += m_options.sampleInterval.ms;
        }
    }
    for (std::size_t w = 0; w < m_acc.size(); ++w)
        integrate(w, t0, t1);
    updateOutboxes(t0, t1);
    m_last = t1;
}

void ScenarioPlayer::prepareSamples()
{
    m_prep.resize(m_acc.size());
    for (std::size_t wi = 0; wi < m_acc.size(); ++wi) {
        const auto& w = m_world->workloads[wi];
        auto& p = m_prep[wi];
        const auto& regions = m_acc[wi].series.regions;
        p.flows.clear();
        p.column.clear();
        p.capacity = 0;
        for (std::size_t i = 0; i < w.branches.size(); ++i) {
            p.flows.push_back(m_world->flow(w, w.branches[i], 0.0, false));
            const auto r = std::find(regions.begin(), regions.end(), p.flows.back().region);
            p.column.push_back(r == regions.end() ? -1 : static_cast<int>(r - regions.begin()));
            // In service: an enabled router endpoint, or the branch a workload without a router uses.
            const bool inService = w.router >= 0 ? m_world->routers[static_cast<std::size_t>(w.router)].enabled[i]
                                                 : static_cast<int>(i) == w.active;
            if (inService && p.flows.back().ok)
                p.capacity += p.flows.back().cap;
        }
        p.lost = 0;
        for (int x : w.members)
            p.lost += m_world->comps[static_cast<std::size_t>(x)].outboxLost;
        p.lags.clear();
        for (int x : w.stores) {
            const auto& c = m_world->comps[static_cast<std::size_t>(x)];
            p.lost += c.writesLost;
            // lag(t) = base + (t - cutSince) while cut: keep (value at m_last, grows?)
            p.lags.emplace_back(m_world->currentLag(x, m_last).toSeconds(), c.cutSince >= 0);
        }
        p.outboxes.clear();
        for (int x : w.members) {
            const auto& c = m_world->comps[static_cast<std::size_t>(x)];
            if (!c.c->outbox)
                continue;
            // backlog(dt) = min(capacity, max(0, base + slope x dt)); no drain rate and not buffering: 0.
            const double cap = OutboxModel::capacity(c);
            if (m_outbox->buffering(x))
                p.outboxes.push_back({c.backlog, c.inflow, cap});
            else if (c.c->outbox->drainRate)
                p.outboxes.push_back({c.backlog, c.inflow - *c.c->outbox->drainRate, cap});
            else
                p.outboxes.push_back({0.0, 0.0, cap});
        }
    }
}

void ScenarioPlayer::updateOutboxes(std::int64_t t0, std::int64_t t1)
{
    const double dt = static_cast<double>(t1 - t0) / 1000.0;
    for (std::size_t i = 0; i < m_world->comps.size(); ++i) {
        auto& c = m_world->comps[i];
        if (!c.c->outbox)
            continue;
        if (m_outbox->buffering(static_cast<int>(i)))
            c.backlog += c.inflow * dt;
        else if (!c.c->outbox->drainRate)
            c.backlog = 0;
        else
            c.backlog = std::max(0.0, c.backlog + (c.inflow - *c.c->outbox->drainRate) * dt);
        // A full outbox drops what does not fit: those writes are lost.
        const double cap = OutboxModel::capacity(c);
        if (c.backlog > cap) {
            c.outboxLost += c.backlog - cap;
            c.backlog = cap;
        }
    }
}

void ScenarioPlayer::integrate(std::size_t wi, std::int64_t t0, std::int64_t t1)
{
    const auto& w = m_world->workloads[wi];
    auto& acc = m_acc[wi];
    const double d = m_world->demand(w);
    const double span = static_cast<double>(t1 - t0);
    struct Piece
    {
        double o0, o1, cap, good;
        bool ok, degraded;
    };
    std::vector<Piece> pieces;
    std::vector<double> cuts{static_cast<double>(t0), static_cast<double>(t1)};
    for (std::size_t i = 0; i < w.branches.size(); ++i) {
        const double s0 = m_world->branchShare(w, i, t0), s1 = m_world->branchShare(w, i, t1, true);
        const auto f = m_world->flow(w, w.branches[i], s0, false);
        Piece p{d * s0, d * s1, f.cap, f.good, f.ok, f.degraded};
        if (p.ok && std::isfinite(p.cap) && (p.o0 - p.cap) * (p.o1 - p.cap) < 0)
            cuts.push_back(static_cast<double>(t0) + (p.cap - p.o0) / (p.o1 - p.o0) * span);
        pieces.push_back(p);
    }
    std::sort(cuts.begin(), cuts.end());
    const auto at = [&](double t, bool degradedOnly) {
        double total = 0;
        const double x = span > 0 ? (t - static_cast<double>(t0)) / span : 0.0;
        for (const auto& p : pieces)
            if (p.ok && (!degradedOnly || p.degraded))
                total += std::min(p.o0 + (p.o1 - p.o0) * x, p.cap) * p.good;
        return total;
    };
    acc.demanded += d * span / 1000.0;
    for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
        const double a = cuts[k], b = cuts[k + 1];
        if (b <= a)
            continue;
        const double sa = at(a, false), sb = at(b, false);
        acc.served += (sa + sb) / 2 * (b - a) / 1000.0;
        acc.degraded += (at(a, true) + at(b, true)) / 2 * (b - a) / 1000.0;
        feed(acc.rto, a, b, d > 0 ? sa / d : 1.0, d > 0 ? sb / d : 1.0);
    }
}

void ScenarioPlayer::feed(Tracker& tr, double a, double b, double ra, double rb) const
{
    if (tr.done)
        return;
    const double thr = m_options.rtoThreshold;
    const double sustain = static_cast<double>(m_options.rtoSustain.ms);
    const auto good = [&](double r) { return r >= thr - 1e-9; };
    const auto bad = [&](double t) {
        if (!tr.disruptedAt)
            tr.disruptedAt = t;
        tr.candidate.reset();
    };
    const auto up = [&](double t) {
        if (tr.disruptedAt && !tr.candidate)
            tr.candidate = t;
    };
    const auto check = [&](double t) {
        if (tr.candidate && t - *tr.candidate >= sustain - 1e-6) {
            tr.recoveredAt = tr.candidate;
            tr.done = true;
        }
    };
    if (good(ra) && good(rb)) {
        up(a);
        check(b);
    } else if (!good(ra) && !good(rb)) {
        bad(a);
    } else {
        const double c = a + (thr - ra) / (rb - ra) * (b - a);
        if (good(ra)) {
            up(a);
            check(c);
            if (!tr.done)
                bad(c);
        } else {
            bad(a);
            up(c);
            check(b);
        }
    }
}

void ScenarioPlayer::sample(std::int64_t t)
{
    const double dt = static_cast<double>(t - m_last) / 1000.0;
    for (std::size_t wi = 0; wi < m_acc.size(); ++wi) {
        const auto& w = m_world->workloads[wi];
        const auto& p = m_prep[wi];
        auto& s = m_acc[wi].series;
        const double d = m_world->demand(w);
        double total = 0, latency = 0;
        for (auto& col : s.servedByRegion)
            col.push_back(0.0);
        for (std::size_t i = 0; i < w.branches.size(); ++i) {
            const auto& f = p.flows[i];
            if (!f.ok)
                continue;
            const double served = std::min(d * m_world->branchShare(w, i, t), f.cap) * f.good;
            if (p.column[i] >= 0)
                s.servedByRegion[static_cast<std::size_t>(p.column[i])].back() += served;
            total += served;
            latency += served * f.latencyMs;
        }
        s.demand.push_back(d);
        s.availability.push_back(d > 0 ? total / d : 1.0);
        s.latencyMs.push_back(total > 0 ? latency / total : 0.0);
        double lag = 0, backlog = 0, dropped = 0;
        for (const auto& [base, growing] : p.lags)
            lag = std::max(lag, growing ? base + dt : base);
        for (const auto& o : p.outboxes) {
            const double b = std::max(0.0, o.base + o.slope * dt);
            backlog += std::min(b, o.capacity);
            dropped += std::max(0.0, b - o.capacity);
        }
        s.replicationLagS.push_back(lag);
        s.writesLost.push_back(p.lost + dropped);
        s.backlog.push_back(backlog);
        s.capacityRps.push_back(p.capacity);
    }
}

std::int64_t ScenarioPlayer::nextEventTime() const
{
    const std::int64_t t = m_sim.nextTime();
    return t > m_duration ? -1 : t;
}

ReplayFrame ScenarioPlayer::frame() const
{
    return buildFrame(*m_world, m_last, [this](int comp) { return m_outbox->buffering(comp); });
}

const std::vector<ReplayLogEntry>& ScenarioPlayer::log() const
{
    return m_world->log();
}

std::size_t ScenarioPlayer::sampleCount() const
{
    return m_acc.empty() ? 0 : m_acc.front().series.demand.size();
}

std::vector<WorkloadSeries> ScenarioPlayer::seriesSince(std::size_t first) const
{
    std::vector<WorkloadSeries> out;
    out.reserve(m_acc.size());
    const auto tail = [first](const std::vector<double>& v) {
        return first < v.size() ? std::vector<double>(v.begin() + static_cast<std::ptrdiff_t>(first), v.end())
                                : std::vector<double>();
    };
    for (const auto& a : m_acc) {
        const WorkloadSeries& s = a.series;
        WorkloadSeries t;
        t.regions = s.regions;
        for (const auto& col : s.servedByRegion)
            t.servedByRegion.push_back(tail(col));
        t.demand = tail(s.demand);
        t.availability = tail(s.availability);
        t.latencyMs = tail(s.latencyMs);
        t.replicationLagS = tail(s.replicationLagS);
        t.writesLost = tail(s.writesLost);
        t.backlog = tail(s.backlog);
        t.capacityRps = tail(s.capacityRps);
        out.push_back(std::move(t));
    }
    return out;
}

ReplayResult ScenarioPlayer::snapshot() const
{
    return result(true);
}

ReplayResult ScenarioPlayer::takeResult()
{
    ReplayResult r = result(false);
    for (std::size_t wi = 0; wi < m_acc.size(); ++wi)
        r.workloads[wi].series = std::move(m_acc[wi].series);
    return r;
}

ReplayResult ScenarioPlayer::result(bool withSeries) const
{
    ReplayResult r;
    r.scenario = m_scenario.id;
    r.name = m_scenario.name;
    r.duration = m_scenario.duration;
    r.seed = m_options.seed;
    r.worstCaseDns = m_options.worstCaseDns;
    r.sampleInterval = m_options.sampleInterval;
    r.fingerprint = m_sim.fingerprint();
    r.events = m_sim.eventsHandled();
    r.log = m_world->log();
    for (std::size_t wi = 0; wi < m_acc.size(); ++wi) {
        const auto& w = m_world->workloads[wi];
        const auto& a = m_acc[wi];
        WorkloadReplay out;
        out.id = w.w->id;
        out.name = w.w->name;
        out.demanded = a.demanded;
        out.served = a.served;
        out.failed = std::max(0.0, a.demanded - a.served);
        out.degraded = a.degraded;
        out.availability = a.demanded > 0 ? a.served / a.demanded : 1.0;
        Tracker tr = a.rto;
        if (tr.candidate && !tr.done && finished())
            tr.recoveredAt = tr.candidate; // up from then until the end of the scenario
        if (tr.disruptedAt) {
            out.disruptedAt = std::llround(*tr.disruptedAt);
            if (tr.recoveredAt) {
                out.recoveredAt = std::llround(*tr.recoveredAt);
                out.rto = Duration{*out.recoveredAt - *out.disruptedAt};
            } else {
                out.recovered = false;
            }
        }
        for (int x : w.stores) {
            const auto& c = m_world->comps[static_cast<std::size_t>(x)];
            out.writesLost += c.writesLost;
            out.rpoWindow = std::max(out.rpoWindow, c.rpoWindow);
            out.rpoUnbounded = out.rpoUnbounded || c.unbounded;
        }
        for (int x : w.members)
            out.writesLost += m_world->comps[static_cast<std::size_t>(x)].outboxLost;
        if (finished())
            out.reason = differenceReason(wi, out);
        if (withSeries)
            out.series = a.series;
        r.workloads.push_back(std::move(out));
    }
    return r;
}

std::string ScenarioPlayer::differenceReason(std::size_t wi, const WorkloadReplay& out) const
{
    if (m_scenario.faults.empty())
        return {};
    // The disruption class of the scenario: its first fault (as the CLI compares).
    const Fault& first = m_scenario.faults.front();
    DisruptionClass cls = DisruptionClass::Dependency;
    if (first.kind == FaultKind::Corruption)
        cls = DisruptionClass::Corruption;
    else if (first.target.scope == FaultTarget::Scope::Region || first.target.scope == FaultTarget::Scope::Site)
        cls = DisruptionClass::Region;
    else if (first.target.scope == FaultTarget::Scope::Zone)
        cls = DisruptionClass::Zone;
    else if (first.kind == FaultKind::Crash || first.kind == FaultKind::FaultDomain)
        cls = DisruptionClass::Instance;
    const auto est = estimateRecovery(m_topology, *m_world->workloads[wi].w, cls);
    if (est.rto.unbounded)
        return {};
    const auto& log = m_world->log();
    const auto lastChange = [&](std::int64_t t) -> std::string {
        const ReplayLogEntry* e = nullptr;
        for (const auto& x : log)
            if (x.timeMs <= t)
                e = &x;
        return e ? "; last change before recovery: " + models::clock(e->timeMs) + " " + e->text : std::string();
    };
    if (!out.rto) {
        if (!out.disruptedAt)
            return {};
        return "not recovered by the end of the scenario (estimate " + formatDurationReadable(est.rto.total) +
               "): the faults last longer than the recovery can work around" + lastChange(m_duration);
    }
    if (*out.rto == est.rto.total)
        return {};
    const std::int64_t diff = out.rto->ms - est.rto.total.ms;
    const std::string head = "measured " + formatDurationReadable(*out.rto) + " vs estimate " + formatDurationReadable(est.rto.total) + ": ";
    // 1. A fault ended before the estimated recovery could complete.
    for (const auto& f : m_scenario.faults)
        if (f.length && diff < 0) {
            const std::int64_t end = f.at.ms + f.length->ms;
            if (end > *out.disruptedAt && end <= *out.recoveredAt)
                return head + "the fault ended at " + models::clock(end) +
                       ", before the estimated recovery finished (the estimate assumes it lasts)" + lastChange(*out.recoveredAt);
        }
    // 2. The RTO threshold ends a DNS drain early.
    std::int64_t ttl = 0;
    for (const auto& r : m_world->routers)
        ttl = std::max(ttl, r.ttl);
    const double early = static_cast<double>(ttl) * (1.0 - m_options.rtoThreshold);
    if (diff < 0 && static_cast<double>(-diff) <= early + 1.0)
        return head + "with the " + formatNumber(m_options.rtoThreshold * 100) + "% threshold a DNS drain counts as done " +
               formatNumber(std::round(early) / 1000.0) + " s before the TTL ends" + lastChange(*out.recoveredAt);
    // 3. Corruption: counted from the detection; restore to a backup or point in time.
    if (cls == DisruptionClass::Corruption)
        return head + "the replay counts from the corruption's detection and restores to the point it chose" +
               lastChange(*out.recoveredAt);
    // 4. A circuit breaker closed last: it waits for its next half-open trial after the dependency returns.
    if (diff > 0) {
        const ReplayLogEntry* e = nullptr;
        for (const auto& x : log)
            if (x.timeMs <= *out.recoveredAt)
                e = &x;
        if (e && e->text.find("circuit breaker closes") != std::string::npos)
            return head + "a circuit breaker stays open after its dependency returns, until its next half-open trial "
                          "(up to breaker_open); core/analysis adds breaker_open only to the dependency estimate" +
                   lastChange(*out.recoveredAt);
    }
    // 5. Otherwise: the timeline's last step (probe, drain, scale-out, failover, redeploy, breaker).
    return head + (diff > 0 ? "the replay's timeline has a step the estimate does not add (capacity, a later fault, "
                              "probes of hard dependencies or a circuit breaker)"
                            : "the replay runs steps in parallel that the estimate adds (e.g. a redeploy during detection)") +
           lastChange(*out.recoveredAt);
}

Result<ReplayResult> replayScenario(const Topology& topology, const ScenarioId& scenario, const ReplayOptions& options,
                                    SimObserver* observer)
{
    auto player = ScenarioPlayer::create(topology, scenario, options);
    if (!player)
        return player.error();
    if (observer)
        (*player)->addObserver(observer);
    (*player)->runToEnd();
    if ((*player)->stopped()) {
        const auto& log = (*player)->log();
        std::string last;
        for (std::size_t i = log.size() >= 4 ? log.size() - 4 : 0; i + 1 < log.size(); ++i)
            last += "\n  " + models::clock(log[i].timeMs) + " " + log[i].text;
        return Error{"too-many-events", "scenario '" + scenario.str() + "': the replay stopped at " +
                                            models::clock((*player)->now()) + " after " +
                                            std::to_string(options.maxEvents) +
                                            " events, the most one replay may take; the models keep answering each "
                                            "other without end. Its last entries:" + last};
    }
    return (*player)->takeResult();
}

} // namespace firedrill::sim
