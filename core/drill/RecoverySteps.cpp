// The recovery part of a runbook: one step per term of the estimated RTO, in parallel tracks, plus the
// steps the design needs whose time the estimate does not count.
#include "DrillRules.h"
#include "core/io/Units.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace firedrill::drill {

namespace {

bool idChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
}

/// Position of `id` as a whole word in `text`, or npos.
std::size_t findWord(const std::string& text, const std::string& id)
{
    for (std::size_t at = text.find(id); at != std::string::npos; at = text.find(id, at + 1)) {
        const bool left = at == 0 || !idChar(text[at - 1]);
        const bool right = at + id.size() >= text.size() || !idChar(text[at + id.size()]);
        if (left && right)
            return at;
    }
    return std::string::npos;
}

/// The component a term is about: the one its chain is named after, else the first member its detail names.
const Component* subjectOf(const Context& ctx, const std::string& path, const DurationTerm& t)
{
    for (const Component* c : ctx.members)
        if (path.find("(" + c->id.str() + ")") != std::string::npos || path.ends_with(" " + c->id.str()))
            return c;
    const Component* best = nullptr;
    std::size_t bestAt = std::string::npos;
    const auto offer = [&](const Component* c, const std::string& id) {
        const std::size_t at = findWord(t.detail, id);
        if (at < bestAt) {
            best = c;
            bestAt = at;
        }
    };
    for (const Component* c : ctx.members) {
        offer(c, c->id.str());
        for (const auto& r : c->replicas) // a replica stands for the component it copies
            offer(c, r.id.str());
    }
    return best;
}

const Replica* secondaryIn(const Component& c, const std::optional<RegionId>& region)
{
    const Replica* any = nullptr;
    for (const auto& r : c.replicas) {
        if (r.role != ReplicaRole::Secondary)
            continue;
        if (region && r.region == *region)
            return &r;
        if (!any)
            any = &r;
    }
    return any;
}

bool crossRegionManual(const Component& c)
{
    return !c.failover || !c.failover->crossRegion || *c.failover->crossRegion == FailoverMode::Manual;
}

RunbookStep routerStep(const Context& ctx, const Component& router)
{
    const bool frontDoor = router.kind == ComponentKind::FrontDoor;
    const std::string lost = ctx.regionLabel(ctx.roles.primary);
    RunbookStep s;
    s.owner = DrillRole::Network;
    s.title = "Confirm " + ctx.nameOf(router) + " marks the " + (frontDoor ? "origins" : "endpoints") +
              " in " + lost + " degraded; disable the primary " + (frontDoor ? "origin" : "endpoint");
    s.detail = "Watch the health of the " + std::string(frontDoor ? "origins" : "endpoints") + " of " +
               router.id.str() + " until its probes mark " + lost + " down, then disable that " +
               (frontDoor ? "origin" : "endpoint") + " so it is not brought back while it flaps.";
    s.doneSignal = "the " + std::string(frontDoor ? "origin" : "endpoint") +
                   " shows Degraded / Disabled and " + router.id.str() + " answers with the endpoint in " +
                   ctx.regionLabel(ctx.roles.secondary);
    s.onFailure =
        "disable the primary endpoint by hand; if the probes never mark it down, check the probe path and "
        "record it as an action item";
    return s;
}

/// The step a term of the estimate stands for, worded after the design.
RunbookStep stepFor(const Context& ctx, const DurationTerm& t, const Component* c)
{
    RunbookStep s;
    const std::string who = c ? ctx.nameOf(*c) : std::string("the workload");
    const std::string secondary = ctx.regionLabel(ctx.roles.secondary);
    const bool region = ctx.disruption == DisruptionClass::Region;
    const bool corruption = ctx.disruption == DisruptionClass::Corruption;
    s.detail = t.detail;
    if ((t.label == "detection" || t.label == "DNS detection" || t.label == "probe detection") && c &&
        isGlobal(c->kind)) {
        s = routerStep(ctx, *c);
        s.detail += " Expected: " + t.detail + ".";
    } else if (t.label == "detection" && c && holdsData(c->kind)) {
        s.owner = DrillRole::Dba;
        s.title = "Confirm the primary of " + who + " is unavailable";
        s.doneSignal =
            "monitoring shows " + c->id.str() + "'s primary down and the alert reached the on-call DBA";
        s.onFailure =
            "if no alert fires, declare the outage by hand and record the missing alert as an action item";
    } else if (t.label == "detection") {
        s.owner = DrillRole::ApplicationOwner;
        s.title = "Confirm the health probes take the failed instance of " + who + " out of rotation";
        s.doneSignal = "the load balancer shows the instance unhealthy and no requests reach it";
        s.onFailure = "remove the instance from the back-end pool by hand; check the probe path";
    } else if (t.label == "decision") {
        s.owner = DrillRole::IncidentCommander;
        s.title = corruption ? "Decide to restore " + who + " from backup"
                  : ctx.strategy == StrategyKind::RedeployFromBackup && region
                      ? "Decide to redeploy in " + secondary
                      : "Decide to fail " + who + " over to " + secondary;
        s.detail = t.detail +
                   ". The incident commander weighs waiting for the primary against the data the failover "
                   "may lose, and announces the decision.";
        s.doneSignal = "the decision is announced on the bridge and logged with its time";
        s.onFailure = "if no decision is taken within " + readableTime(t.value) +
                      ", escalate to the executive on call: the RTO target is at risk";
    } else if (t.label == "grace period") {
        s.owner = DrillRole::Dba;
        s.title = "Wait for the grace period of " + (c ? c->id.str() : who) + "'s failover group (" +
                  readableTime(t.value) + ") or force the failover";
        s.detail = t.detail +
                   ". The incident commander may order a forced failover sooner, accepting the loss of "
                   "the writes not yet replicated.";
        s.doneSignal = "the failover group reports its secondary in " + secondary + " as primary";
        s.onFailure = "force the failover by hand (allowing data loss) on the incident commander's order";
    } else if (t.label == "promotion" && c) {
        const Replica* target = secondaryIn(*c, region ? ctx.roles.secondary : ctx.roles.primary);
        const std::string replica =
            target ? target->id.str() + " in " + ctx.regionLabel(target->region) : "a secondary";
        const bool manual =
            region ? crossRegionManual(*c) : (c->failover && c->failover->mode == FailoverMode::Manual);
        s.owner = DrillRole::Dba;
        const std::string group =
            c->kind == ComponentKind::SqlServerAg ? "the availability group " + c->id.str() : who;
        s.title = manual ? "Fail over " + group + ": promote " + replica + " to primary"
                         : "Confirm " + group + " promoted " + replica + " to primary";
        s.doneSignal = replica +
                       " reports the primary role and accepts writes; the listener / connection string "
                       "points to it";
        s.onFailure =
            "force the failover (allowing data loss); if that fails, restore from the latest backup";
    } else if (t.label == "restore" && c) {
        const bool pit = c->backup && c->backup->pointInTime;
        s.owner = DrillRole::Dba;
        if (corruption)
            s.title = pit ? "Point-in-time restore " + who + " to just before the corruption"
                          : "Restore " + who + " from the last backup taken before the corruption";
        else
            s.title = "Restore database " + who + " in " + secondary + " from the backups copied there";
        s.detail = "Expected: " + t.detail + " (size / restore rate).";
        s.doneSignal = "the restore reports complete and the database opens read-write";
        s.onFailure = "restore the previous backup; if no backup is usable, escalate: the RPO target is lost";
    } else if (t.label == "redeploy") {
        s.owner = DrillRole::ApplicationOwner;
        s.title = "Deploy the application package from " + secondary + "'s storage and start it";
        s.doneSignal = "the new deployment's health endpoint answers and its instances are running";
        s.onFailure = "redeploy the last known good package; check the infrastructure templates and quotas";
    } else if (t.label == "DNS TTL drain") {
        s.owner = DrillRole::Network;
        const bool newEndpoint = region && (ctx.strategy == StrategyKind::RedeployFromBackup ||
                                            ctx.strategy == StrategyKind::ActivePassiveDb);
        const Component* router = ctx.router();
        s.title = (newEndpoint && router ? "Enable the endpoint in " + secondary + " in " + router->id.str() +
                                               ", then wait for cached DNS answers to expire (TTL "
                                         : std::string("Wait for cached DNS answers to expire (TTL ")) +
                  readableTime(t.value) + "): clients move to " + secondary;
        s.doneSignal = "requests reach " + secondary + " and traffic to " +
                       ctx.regionLabel(ctx.roles.primary) + " falls to zero";
        s.onFailure = "flush the resolvers you control and ask users to restart their clients";
    } else if (t.label == "scale-out") {
        s.owner = DrillRole::ApplicationOwner;
        s.title = ctx.strategy == StrategyKind::ActivePassiveFull && region
                      ? "Scale the secondary to full size" + (c ? " (" + c->id.str() + ")" : std::string())
                      : "Scale out " + who + " to carry the load";
        s.doneSignal = "the instance count reaches the target and no requests are throttled";
        s.onFailure = "scale by hand, ask for more quota, or run degraded and shed load";
    } else if (t.label == "restart") {
        s.owner = DrillRole::ApplicationOwner;
        s.title = "Confirm the platform replaces the failed instance of " + who;
        s.doneSignal =
            c ? c->id.str() + " is back to its instance count and healthy" : "the instance is healthy";
        s.onFailure = "restart or reimage the instance by hand";
    } else if (t.label == "dependency recovery") {
        s.owner = c && holdsData(c->kind) ? DrillRole::Dba : DrillRole::ApplicationOwner;
        s.title = "Restore " + who + " (or wait for its provider to)";
        s.doneSignal = who + " answers its health check and callers' errors stop";
        s.onFailure =
            "fail over to another instance of the service or run degraded; escalate to the provider";
    } else if (t.label == "circuit breaker") {
        s.owner = DrillRole::ApplicationOwner;
        s.title = "Confirm the callers' circuit breakers close and calls to " + who + " resume";
        s.doneSignal = "the breakers report closed and the error rate returns to normal";
        s.onFailure = "reset the breakers by hand or restart the callers";
    } else {
        s.owner = DrillRole::IncidentCommander;
        s.title = t.label + (c ? " of " + who : std::string());
        s.doneSignal = "the incident commander confirms the step on the bridge";
        s.onFailure = "escalate to the incident commander";
    }
    s.expectedDuration = t.value;
    s.basis = "estimate: " + t.label + " " + readableTime(t.value);
    return s;
}

bool hasLabel(const std::vector<DurationTerm>& terms, const std::string& label)
{
    return std::any_of(terms.begin(), terms.end(), [&](const DurationTerm& t) { return t.label == label; });
}

RunbookStep untimed(std::string title, std::string detail, DrillRole owner, std::string signal,
                    std::string failure)
{
    RunbookStep s;
    s.phase = StepPhase::Recovery;
    s.title = std::move(title);
    s.detail = std::move(detail);
    s.owner = owner;
    s.doneSignal = std::move(signal);
    s.onFailure = std::move(failure);
    s.basis = "not counted in the estimate";
    return s;
}

/// Steps the design needs that the estimate gives no time for, added at the end of a track.
void addDesignSteps(const Context& ctx, std::vector<RunbookStep>& out,
                    const std::map<std::string, Duration>& ends)
{
    const auto& terms = ctx.estimate.rto.terms;
    const bool region = ctx.disruption == DisruptionClass::Region;
    const std::string secondary = ctx.regionLabel(ctx.roles.secondary);
    const auto at = [&](const std::string& track) {
        const auto it = ends.find(track);
        return it == ends.end() ? ctx.noticeDelay() : it->second;
    };
    const std::string traffic = ends.count("traffic path") ? "traffic path" : std::string();
    if (region && ctx.strategy == StrategyKind::ActivePassiveFull && !hasLabel(terms, "scale-out")) {
        auto s =
            untimed("Scale the secondary to full size",
                    "The secondary in " + secondary + " runs at scale factor " +
                        formatNumber(ctx.workload.strategy->scaleFactor.value_or(1.0)) +
                        "; bring it to the full size of the primary.",
                    DrillRole::ApplicationOwner, "the secondary runs as many instances as the primary did",
                    "scale by hand, ask for more quota, or run degraded and shed load");
        s.track = traffic;
        s.expectedElapsed = at(traffic);
        out.push_back(std::move(s));
    }
    if (region && ctx.strategy == StrategyKind::RedeployFromBackup && !hasLabel(terms, "redeploy")) {
        auto s = untimed("Deploy the application package from " + secondary + "'s storage and start it",
                         "The strategy gives no redeploy_time, so the estimate does not count this step.",
                         DrillRole::ApplicationOwner, "the new deployment's health endpoint answers",
                         "redeploy the last known good package; check templates and quotas");
        s.expectedElapsed = at({});
        out.push_back(std::move(s));
    }
    const Component* router = ctx.router();
    const bool routerTimed = hasLabel(terms, "DNS detection") || hasLabel(terms, "probe detection") ||
                             std::any_of(terms.begin(), terms.end(), [&](const DurationTerm& t) {
                                 return t.label == "detection" && router &&
                                        findWord(t.detail, router->id.str()) != std::string::npos;
                             });
    if (region && router && ctx.strategy != StrategyKind::SingleRegion && !routerTimed) {
        // The router marks the lost endpoints down while the data recovers: off the critical path.
        auto s = routerStep(ctx, *router);
        s.phase = StepPhase::Recovery;
        s.track = "traffic path";
        s.expectedDuration = probeDetection(router->probe.value_or(kDefaultGlobalProbe));
        s.expectedElapsed = s.expectedDuration;
        s.basis =
            "probe detection " + readableTime(s.expectedDuration) + ", in parallel with the data recovery";
        out.push_back(std::move(s));
    }
    Duration end = ctx.noticeDelay();
    for (const auto& [track, e] : ends)
        end = std::max(end, e);
    for (const Component* c : ctx.members) {
        const bool geo = c->redundancy && *c->redundancy != StorageRedundancy::Lrs &&
                         *c->redundancy != StorageRedundancy::Zrs;
        if (!region || c->kind != ComponentKind::StorageAccount || !geo || c->region != ctx.roles.primary)
            continue;
        const bool readable =
            *c->redundancy == StorageRedundancy::RaGrs || *c->redundancy == StorageRedundancy::RaGzrs;
        auto s = untimed(
            (readable ? "Serve reads of " + c->id.str() +
                            " from its read-access secondary; fail the "
                            "account over for writes"
                      : "Fail storage account " + c->id.str() + " over to its paired region"),
            "Geo-replication is asynchronous and has no SLA: writes not yet copied are lost. The "
            "estimate does not count the account failover's time.",
            DrillRole::Dba, "the account's primary location is the paired region and a test write succeeds",
            "run without " + c->id.str() + " (degraded) and restore its data from backups");
        s.expectedElapsed = end;
        out.push_back(std::move(s));
    }
    const Fault& first = ctx.scenario.faults.front();
    const Component* target = first.target.scope == FaultTarget::Scope::Component
                                  ? ctx.topology.findComponent(ComponentId(first.target.id))
                                  : nullptr;
    const std::string what = target ? ctx.nameOf(*target) : first.target.id;
    if (first.kind == FaultKind::Partition) {
        auto s =
            untimed("Confirm traffic across " + what + " takes another path, or the workload runs without it",
                    "Both sides keep running but cannot reach each other: check the backup link or route and "
                    "what each side does meanwhile.",
                    DrillRole::Network,
                    "the routes show the backup path in use, or the dependent calls degrade "
                    "as designed",
                    "restore the link and record the missing path as an action item");
        s.expectedElapsed = ctx.noticeDelay();
        out.push_back(std::move(s));
    } else if (first.kind == FaultKind::Degradation) {
        auto s =
            untimed("Confirm retries and circuit breakers keep " + ctx.workload.name + " usable while " +
                        what + " is degraded",
                    "Watch latency and errors of the callers of " + what + ".", DrillRole::ApplicationOwner,
                    "latency and error rate stay within the service's budget, or the breakers open and the "
                    "fallback serves",
                    "route around the degraded component by hand");
        s.expectedElapsed = ctx.noticeDelay();
        out.push_back(std::move(s));
    } else if (first.kind == FaultKind::Surge) {
        auto s = untimed("Confirm autoscale carries the surge on " + what,
                         "Demand rises " + formatNumber(first.multiplier.value_or(1)) +
                             "x; compute behind it scales out within its autoscale limits.",
                         DrillRole::ApplicationOwner, "instance counts rise and no requests are throttled",
                         "scale out by hand or shed load (degraded mode)");
        s.expectedElapsed = ctx.noticeDelay();
        out.push_back(std::move(s));
    }
    if (ctx.disruption == DisruptionClass::Corruption) {
        auto stop =
            untimed("Stop the writes that corrupt data",
                    "Put " + ctx.workload.name +
                        " in maintenance or read-only mode and stop the faulty "
                        "job or deployment, so the corruption does not spread while the restore runs.",
                    DrillRole::ApplicationOwner, "no new writes arrive; the faulty change is rolled back",
                    "take the workload offline");
        stop.expectedElapsed = ctx.noticeDelay();
        out.insert(out.begin(), stop);
        auto point = untimed("Choose the restore point: the last time before the corruption",
                             "Find the first bad write in the logs; the restore point is just before it.",
                             DrillRole::Dba, "the restore point is agreed and logged",
                             "take the last full backup before the fault started");
        point.expectedElapsed = ctx.noticeDelay();
        out.insert(out.begin() + 1, point);
    }
    if (ctx.estimate.rto.unbounded) {
        auto s =
            untimed("Escalate: the design cannot recover by itself",
                    ctx.estimate.rto.combination + ". Decide with the business whether to wait or rebuild "
                                                   "elsewhere, and record the gap as an action item.",
                    DrillRole::IncidentCommander, "the decision is announced and logged",
                    "escalate to the executive on call");
        s.expectedElapsed = ctx.noticeDelay();
        out.push_back(std::move(s));
        const Region* lost = ctx.roles.primary ? ctx.topology.findRegion(*ctx.roles.primary) : nullptr;
        if (region && lost && lost->outage) {
            auto wait =
                untimed("Wait for " + ctx.regionLabel(ctx.roles.primary) + " to recover",
                        "Expected about the region's mean time to recover.", DrillRole::IncidentCommander,
                        "the provider reports the region healthy and the workload serves again",
                        "rebuild from backups in another region");
            wait.expectedDuration = lost->outage->mttr;
            wait.expectedElapsed = lost->outage->mttr;
            wait.basis = "mttr of the region's outages " + readableTime(lost->outage->mttr);
            out.push_back(std::move(wait));
        }
    }
}

} // namespace

std::vector<RunbookStep> recoverySteps(const Context& ctx)
{
    const auto& terms = ctx.estimate.rto.terms;
    const auto& paths = ctx.estimate.rto.paths;
    const bool tracked = paths.size() == terms.size();
    std::vector<std::string> names;
    for (std::size_t i = 0; i < terms.size(); ++i) {
        const std::string p = tracked ? paths[i] : std::string();
        if (std::find(names.begin(), names.end(), p) == names.end())
            names.push_back(p);
    }
    const bool parallel = names.size() > 1;
    std::map<std::string, Duration> ends;
    std::vector<RunbookStep> out;
    for (std::size_t i = 0; i < terms.size(); ++i) {
        const std::string path = tracked ? paths[i] : std::string();
        RunbookStep s = stepFor(ctx, terms[i], subjectOf(ctx, path, terms[i]));
        s.phase = StepPhase::Recovery;
        s.track = parallel ? path : std::string();
        auto [it, fresh] = ends.try_emplace(s.track, ctx.noticeDelay());
        it->second = it->second + terms[i].value;
        s.expectedElapsed = it->second;
        out.push_back(std::move(s));
    }
    addDesignSteps(ctx, out, ends);
    return out;
}

void fitToMeasured(std::vector<RunbookStep>& recovery, Duration measured)
{
    Duration longest;
    for (const auto& s : recovery)
        longest = std::max(longest, s.expectedElapsed);
    if (longest.ms <= 0) {
        RunbookStep s;
        s.phase = StepPhase::Recovery;
        s.title = "Watch the workload recover";
        s.detail = "The replay shows the workload serving again without further action.";
        s.owner = DrillRole::Observer;
        s.expectedDuration = measured;
        s.expectedElapsed = measured;
        s.doneSignal = "availability back above the recovery threshold for a sustained minute";
        s.onFailure = "escalate to the incident commander";
        s.basis = "replay: measured recovery " + readableTime(measured);
        recovery.push_back(std::move(s));
        return;
    }
    // Every step keeps its share of the estimated timeline; times are rounded to whole seconds except
    // the end, which is the measured recovery itself.
    const auto scale = [&](Duration d) {
        if (d == longest)
            return measured;
        const long double v = static_cast<long double>(d.ms) * static_cast<long double>(measured.ms) /
                              static_cast<long double>(longest.ms);
        return std::min(measured, Duration::seconds(static_cast<std::int64_t>(v / 1000.0L + 0.5L)));
    };
    for (auto& s : recovery) {
        const Duration end = scale(s.expectedElapsed);
        const Duration start = scale(s.expectedElapsed - s.expectedDuration);
        s.expectedDuration = end - start;
        s.expectedElapsed = end;
        s.basis += "; replay: scaled to the measured recovery of " + readableTime(measured);
    }
}

} // namespace firedrill::drill
