// The sections of a plan around its runbook: roles, pre-checks, success criteria, failback, communication.
#include "DrillRules.h"
#include "core/analysis/RecoveryEstimator.h"
#include "core/io/Units.h"
#include "core/sim/ReplayResult.h"

#include <algorithm>

namespace firedrill::drill {

namespace {

bool anyKind(const Context& ctx, KindFamily family)
{
    return std::any_of(ctx.members.begin(), ctx.members.end(),
                       [&](const Component* c) { return kindFamily(c->kind) == family; });
}

bool hasTerm(const Context& ctx, const std::string& label)
{
    const auto& t = ctx.estimate.rto.terms;
    return std::any_of(t.begin(), t.end(), [&](const DurationTerm& d) { return d.label == label; });
}

RunbookStep back(std::string title, std::string detail, DrillRole owner, std::string signal,
                 std::string failure, Duration duration = {})
{
    RunbookStep s;
    s.phase = StepPhase::Recovery;
    s.title = std::move(title);
    s.detail = std::move(detail);
    s.owner = owner;
    s.doneSignal = std::move(signal);
    s.onFailure = std::move(failure);
    s.expectedDuration = duration;
    return s;
}

} // namespace

std::vector<RoleAssignment> rolesFor(const Context& ctx)
{
    std::vector<RoleAssignment> out;
    out.push_back({DrillRole::IncidentCommander,
                   hasTerm(ctx, "decision")
                       ? "the failover is decided by hand: the incident commander takes the decision"
                       : "every drill needs one person in charge of go / no-go and the end"});
    if (!ctx.stores().empty())
        out.push_back(
            {DrillRole::Dba, "the workload holds data: backups, replicas and data checks need a DBA"});
    if (ctx.router() || anyKind(ctx, KindFamily::RegionalRouting) || anyKind(ctx, KindFamily::Link) ||
        ctx.disruption == DisruptionClass::Region || ctx.disruption == DisruptionClass::Zone)
        out.push_back({DrillRole::Network, "traffic routing, probes, DNS or links change during the drill"});
    if (anyKind(ctx, KindFamily::Compute))
        out.push_back({DrillRole::ApplicationOwner,
                       "the application must be confirmed serving (and scaled or "
                       "redeployed)"});
    out.push_back({DrillRole::Communications, "stakeholders and users are told before, during and after"});
    out.push_back({DrillRole::Observer, "actual times and findings are recorded against the plan"});
    return out;
}

std::vector<PreCheck> preChecksFor(const Context& ctx)
{
    std::vector<PreCheck> out;
    for (const Component* s : ctx.stores()) {
        if (s->backup) {
            const auto loss = backupLoss(*s->backup);
            std::string detail = loss ? "The latest restorable backup (" + loss->basis +
                                            ") is younger than " + readableTime(loss->worst)
                                      : std::string("A recent backup exists");
            if (s->backup->copyTo)
                detail += " and its copy reached " + ctx.regionLabel(s->backup->copyTo);
            detail += "; a test restore of it succeeded within the last quarter.";
            out.push_back({"Backups of " + s->id.str() + " are recent", detail, DrillRole::Dba});
        }
        for (const auto& r : s->replicas) {
            if (r.role != ReplicaRole::Secondary || r.sync == ReplicationMode::Synchronous)
                continue;
            const auto bound = ctx.policy && ctx.policy->rpo ? ctx.policy->rpo : r.lag;
            out.push_back({"Replica lag of " + r.id.str() + " within bound",
                           "The replication lag of " + r.id.str() + " in " + ctx.regionLabel(r.region) +
                               " is below " +
                               (bound ? readableTime(*bound) : std::string("its usual value")) +
                               (r.lag ? " (typical " + readableTime(*r.lag) + ")" : std::string()) + ".",
                           DrillRole::Dba});
        }
    }
    if (ctx.strategy != StrategyKind::SingleRegion && ctx.roles.secondary) {
        std::string detail = "Quota and capacity in " + ctx.regionLabel(ctx.roles.secondary) +
                             " cover the full load of " + ctx.workload.name + " (" +
                             formatNumber(ctx.workload.demandRps) + " requests/s)";
        if (ctx.strategy == StrategyKind::ActivePassiveFull && ctx.workload.strategy->scaleFactor)
            detail += "; the secondary runs at scale factor " +
                      formatNumber(*ctx.workload.strategy->scaleFactor) +
                      " and must be able to grow to full size";
        if (ctx.strategy == StrategyKind::RedeployFromBackup || ctx.strategy == StrategyKind::ActivePassiveDb)
            detail += "; the deployment package and templates are in " +
                      ctx.regionLabel(ctx.roles.secondary) + "'s storage";
        out.push_back({"Secondary capacity available", detail + ".", DrillRole::ApplicationOwner});
    }
    if (const Component* r = ctx.router())
        out.push_back({"Routing as designed",
                       ctx.nameOf(*r) + " lists the expected endpoints and probe settings, and "
                                        "every endpoint is healthy before the fault.",
                       DrillRole::Network});
    for (const Component* c : ctx.members)
        if (kindFamily(c->kind) == KindFamily::Link)
            out.push_back({"Link " + c->id.str() + " healthy",
                           ctx.nameOf(*c) + " is connected and its backup path is known.",
                           DrillRole::Network});
    out.push_back({"Runbooks reachable",
                   "This runbook, credentials and the break-glass accounts are reachable from "
                   "outside " +
                       ctx.regionLabel(ctx.roles.primary) + ".",
                   DrillRole::IncidentCommander});
    out.push_back({"Stakeholders informed",
                   "Business owners, support and on-call teams know the drill's time, scope "
                   "and blast radius; no conflicting change is scheduled.",
                   DrillRole::Communications});
    return out;
}

std::vector<SuccessCriterion> criteriaFor(const Context& ctx)
{
    std::vector<SuccessCriterion> out;
    const sim::ReplayOptions defaults;
    SuccessCriterion rto{"RTO",
                         "time from the fault until at least " + formatNumber(defaults.rtoThreshold * 100) +
                             "% of requests are served for " + readableTime(defaults.rtoSustain),
                         ctx.policy ? ctx.policy->rto : std::nullopt, std::nullopt};
    if (!ctx.estimate.rto.unbounded)
        rto.expected = ctx.estimate.rto.total;
    if (ctx.replay && ctx.replay->rto)
        rto.expected = *ctx.replay->rto;
    out.push_back(rto);
    SuccessCriterion rpo{"RPO", "the window of writes lost: time between the last write kept and the fault",
                         ctx.policy ? ctx.policy->rpo : std::nullopt, std::nullopt};
    if (!ctx.estimate.rpo.unbounded)
        rpo.expected = ctx.estimate.rpo.total;
    out.push_back(rpo);
    for (const Component* s : ctx.stores())
        out.push_back(
            {"Data check: " + s->id.str(),
             "row counts and checksums of " + s->id.str() +
                 " match the reference up to the restore point; no committed write beyond the RPO is missing",
             std::nullopt, std::nullopt});
    return out;
}

std::vector<RunbookStep> rollbackFor(const Context& ctx)
{
    std::vector<RunbookStep> out;
    const std::string primary = ctx.regionLabel(ctx.roles.primary);
    const std::string secondary = ctx.regionLabel(ctx.roles.secondary);
    out.push_back(back("Stop the fault injection",
                       "Remove the blocks, stop the load generator and restart what was "
                       "stopped.",
                       DrillRole::IncidentCommander, "every component in scope reports healthy",
                       "restore the components from their templates"));
    const bool failedOver =
        ctx.disruption == DisruptionClass::Region && ctx.strategy != StrategyKind::SingleRegion;
    if (ctx.mode == DrillMode::IsolatedTest)
        out.push_back(back("Clean up the isolated test copy",
                           "Delete the test failover's resources and resume "
                           "replication from production.",
                           DrillRole::ApplicationOwner, "no test resources remain; replication is healthy",
                           "list the leftovers and remove them by hand"));
    for (const Component* s : ctx.stores()) {
        if (failedOver && !s->replicas.empty())
            out.push_back(back("Fail " + s->id.str() + " back to " + primary,
                               "Re-establish replication from " + secondary + ", wait until the copy in " +
                                   primary + " is synchronised, then run a planned failover (no data loss).",
                               DrillRole::Dba,
                               "the primary is back in " + primary + " with a healthy secondary",
                               "stay in " + secondary + " and schedule the failback"));
        else if (failedOver && s->backup && s->backup->copyTo)
            out.push_back(back("Move " + s->id.str() + " back to " + primary,
                               "The copy restored in " + secondary +
                                   " now holds the latest data: copy it back to " + primary +
                                   " (geo-restore or export / import) in a maintenance window, then point "
                                   "the application to it.",
                               DrillRole::Dba,
                               "the database in " + primary + " holds every write made in " + secondary,
                               "keep serving from " + secondary + " and plan the move"));
        else if (ctx.disruption == DisruptionClass::Corruption)
            out.push_back(
                back("Switch " + s->id.str() + " to the restored copy for good",
                     "Point the connection strings to the restored database, keep the corrupted copy for "
                     "investigation and replay the writes made after the restore point.",
                     DrillRole::Dba,
                     "the application uses the restored database and the replayed writes "
                     "are checked",
                     "switch back to the original database and repair the corrupted rows by hand"));
    }
    if (failedOver && ctx.strategy == StrategyKind::ActivePassiveFull)
        out.push_back(back("Scale the secondary back to its standby size",
                           "Return " + secondary + " to scale factor " +
                               formatNumber(ctx.workload.strategy->scaleFactor.value_or(1)) +
                               " once traffic is back.",
                           DrillRole::ApplicationOwner, "the secondary runs its standby instance count",
                           "leave it at full size and review the cost"));
    if (failedOver &&
        (ctx.strategy == StrategyKind::RedeployFromBackup || ctx.strategy == StrategyKind::ActivePassiveDb))
        out.push_back(
            back("Remove the deployment in " + secondary,
                 "Once " + primary + " serves again, delete the application deployed for the drill.",
                 DrillRole::ApplicationOwner, "no application resources remain in " + secondary,
                 "keep them stopped and schedule the clean-up"));
    if (const Component* r = ctx.router(); r && failedOver)
        out.push_back(
            back("Re-enable the primary endpoint of " + r->id.str(),
                 "Enable the endpoint in " + primary +
                     " again and let the probes mark it healthy; traffic "
                     "returns as cached DNS answers expire.",
                 DrillRole::Network, "traffic is served from " + primary + " again",
                 "keep the endpoint disabled and serve from " + secondary,
                 probeDetection(r->probe.value_or(kDefaultGlobalProbe)) + r->dnsTtl.value_or(Duration{})));
    out.push_back(back("Confirm normal operation",
                       "Every health check is green, replication and backups run, and "
                       "alerts are back to normal.",
                       DrillRole::IncidentCommander, "the incident commander declares normal operation",
                       "open an incident for what is still wrong"));
    Duration elapsed;
    for (auto& s : out) {
        elapsed = elapsed + s.expectedDuration;
        s.expectedElapsed = elapsed;
    }
    return out;
}

std::vector<CommunicationItem> communicationFor(const Context& ctx, bool hasDecision)
{
    const std::string name = ctx.workload.name;
    std::vector<CommunicationItem> out;
    out.push_back({"7 days before", "business owners, support and on-call teams",
                   "Drill of " + name + " on the scheduled date: scope, blast radius and contacts.",
                   DrillRole::Communications});
    if (ctx.mode == DrillMode::Production)
        out.push_back(
            {"1 day before", "users of " + name,
             "Planned resilience test: short errors or delays are possible during the drill window.",
             DrillRole::Communications});
    out.push_back({"at go / no-go", "drill participants", "Go or no-go, and the time of the fault.",
                   DrillRole::IncidentCommander});
    if (hasDecision)
        out.push_back({"at the failover decision", "business owners",
                       "The failover decision and its expected impact.", DrillRole::IncidentCommander});
    out.push_back({"when service is restored", "business owners and support",
                   name + " serves again; data checks "
                          "running.",
                   DrillRole::Communications});
    out.push_back({"within 5 working days", "business owners and management",
                   "After-action report: measured against expected times, findings and action items.",
                   DrillRole::IncidentCommander});
    return out;
}

} // namespace firedrill::drill
