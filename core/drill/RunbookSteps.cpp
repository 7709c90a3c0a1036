// The start, fault and verification parts of a runbook.
#include "DrillRules.h"
#include "core/io/Units.h"
#include "core/sim/ReplayResult.h"

#include <algorithm>

namespace firedrill::drill {

namespace {

RunbookStep step(StepPhase phase, std::string title, std::string detail, DrillRole owner, std::string signal,
                 std::string failure)
{
    RunbookStep s;
    s.phase = phase;
    s.title = std::move(title);
    s.detail = std::move(detail);
    s.owner = owner;
    s.doneSignal = std::move(signal);
    s.onFailure = std::move(failure);
    return s;
}

std::string targetName(const Context& ctx, const FaultTarget& t)
{
    switch (t.scope) {
    case FaultTarget::Scope::Component:
        if (const Component* c = ctx.topology.findComponent(ComponentId(t.id)))
            return ctx.nameOf(*c);
        return t.id;
    case FaultTarget::Scope::Region:
        return "region " + ctx.regionLabel(RegionId(t.id));
    case FaultTarget::Scope::Zone:
        return "zone " + std::to_string(t.zone.value_or(0)) + " of " + ctx.regionLabel(RegionId(t.id));
    case FaultTarget::Scope::Site:
        if (const Site* s = ctx.topology.findSite(SiteId(t.id)); s && !s->name.empty())
            return "site " + s->name + " (" + t.id + ")";
        return "site " + t.id;
    }
    return t.id;
}

/// How to inject one fault, worded for the drill mode.
RunbookStep injectStep(const Context& ctx, const Fault& f)
{
    const std::string what = targetName(ctx, f.target);
    const bool isolated = ctx.mode == DrillMode::IsolatedTest;
    const std::string where = isolated ? " in the isolated test copy" : "";
    RunbookStep s = step(StepPhase::Fault, "", "", DrillRole::IncidentCommander, "", "");
    switch (f.kind) {
    case FaultKind::Outage:
        s.owner = f.target.scope == FaultTarget::Scope::Component ? DrillRole::ApplicationOwner
                                                                  : DrillRole::Network;
        s.title = "Inject the fault: take " + what + " down" + where;
        s.detail =
            f.target.scope == FaultTarget::Scope::Region
                ? (isolated ? "Start a test failover into an isolated network and cut the copy of the region "
                              "off (block its traffic and stop its services)."
                            : "Block all traffic to and from the region's services (network security rules) "
                              "and stop its compute.")
            : f.target.scope == FaultTarget::Scope::Zone
                ? "Stop the instances pinned to the zone and block the zone's subnets; zone-redundant "
                  "services keep their other zones."
                : "Stop the component or block all calls to it.";
        break;
    case FaultKind::Crash:
        s.owner = DrillRole::ApplicationOwner;
        s.title = "Inject the fault: crash one instance of " + what + where;
        s.detail = "Kill the process or restart the virtual machine of one instance without warning.";
        break;
    case FaultKind::Partition:
        s.owner = DrillRole::Network;
        s.title = "Inject the fault: cut " + what + where;
        s.detail = "Disable the connection or block its routes, so both sides keep running but cannot reach "
                   "each other.";
        break;
    case FaultKind::Degradation:
        s.owner = DrillRole::ApplicationOwner;
        s.title = "Inject the fault: degrade " + what + where;
        s.detail = "Add " + (f.latency ? readableTime(*f.latency) + " of latency" : std::string("latency")) +
                   (f.errorRate ? " and fail " + formatNumber(*f.errorRate * 100) + "% of requests"
                                : std::string()) +
                   " with the fault-injection tool.";
        break;
    case FaultKind::DependencyFailure:
        s.owner = DrillRole::ApplicationOwner;
        s.title = "Inject the fault: make " + what + " unavailable to its callers" + where;
        s.detail =
            "Block the callers' access to it (firewall rule or revoked credentials) so every call fails.";
        break;
    case FaultKind::Corruption:
        s.owner = DrillRole::Dba;
        s.title = "Inject the fault: corrupt data in " + what + where;
        s.detail = isolated
                       ? "Run the prepared faulty script against the isolated copy (for example an update "
                         "without a WHERE clause on a test table)."
                       : "Run the prepared faulty script against a drill table that holds no business data.";
        break;
    case FaultKind::FaultDomain:
        s.owner = DrillRole::ApplicationOwner;
        s.title = "Inject the fault: take fault domain " + std::to_string(f.domain.value_or(0)) + " of " + what +
                  " down" + where;
        s.detail = "Stop every instance placed in that fault domain (rack) at once, without warning.";
        break;
    case FaultKind::Surge:
        s.owner = DrillRole::ApplicationOwner;
        s.title = "Inject the fault: raise the load on " + what + " to " +
                  formatNumber(f.multiplier.value_or(1)) + "x" + where;
        s.detail = "Start the load generator at the multiplied demand.";
        break;
    }
    if (f.length)
        s.detail += " Keep it for " + readableTime(*f.length) + ".";
    s.doneSignal = "the observer logs the injection time; monitoring shows the fault";
    s.onFailure = "if the fault cannot be injected, stop the drill (no-go) and record why";
    s.basis = "scenario: fault at " + readableTime(f.at);
    return s;
}

} // namespace

std::vector<RunbookStep> startSteps(const Context& ctx)
{
    std::vector<RunbookStep> out;
    out.push_back(step(StepPhase::Start, "Go / no-go: open the bridge and run the pre-checks",
                       "Every role is present, the pre-checks pass and the incident commander gives the go.",
                       DrillRole::IncidentCommander, "the incident commander says \"go\" on the bridge",
                       "no-go: postpone the drill and tell the stakeholders"));
    out.push_back(step(StepPhase::Start, "Start the clock and record the baseline",
                       "Note the time, the health of every component in scope and the current load of " +
                           ctx.workload.name + ".",
                       DrillRole::Observer, "the baseline is in the drill record",
                       "take screenshots of the dashboards instead"));
    return out;
}

std::vector<RunbookStep> faultSteps(const Context& ctx)
{
    std::vector<RunbookStep> out;
    const Duration first = ctx.scenario.faults.front().at;
    for (const auto& f : ctx.scenario.faults) {
        RunbookStep s = injectStep(ctx, f);
        s.expectedElapsed = f.at - first;
        out.push_back(std::move(s));
    }
    const Fault& f = ctx.scenario.faults.front();
    if (f.kind == FaultKind::Corruption) {
        RunbookStep n =
            step(StepPhase::Recovery, "Notice the corruption",
                 "Someone (a user, a report or a data check) notices wrong data; the recovery clock of "
                 "the estimate starts here.",
                 DrillRole::ApplicationOwner, "the corruption is reported to the incident commander",
                 "if nobody notices, the observer reports it and records the missing check");
        n.expectedDuration = ctx.noticeDelay();
        n.expectedElapsed = ctx.noticeDelay();
        n.basis = f.detectedAfter ? "scenario: detected_after " + readableTime(*f.detectedAfter)
                                  : "scenario: noticed at once (no detected_after)";
        out.push_back(std::move(n));
    }
    return out;
}

std::vector<RunbookStep> verificationSteps(const Context& ctx, Duration recoveredAt)
{
    std::vector<RunbookStep> out;
    const sim::ReplayOptions defaults;
    const std::string served = ctx.roles.secondary && ctx.disruption == DisruptionClass::Region &&
                                       ctx.strategy != StrategyKind::SingleRegion
                                   ? " from " + ctx.regionLabel(ctx.roles.secondary)
                                   : std::string();
    out.push_back(
        step(StepPhase::Verification, "Confirm " + ctx.workload.name + " serves its users again" + served,
             "Run the smoke tests and watch the share of requests served.", DrillRole::ApplicationOwner,
             "at least " + formatNumber(defaults.rtoThreshold * 100) + "% of requests served for " +
                 readableTime(defaults.rtoSustain),
             "keep the incident open, record the time, and find what still fails"));
    for (const Component* s : ctx.stores()) {
        const std::string target = ctx.policy && ctx.policy->rpo
                                       ? " (RPO target " + readableTime(*ctx.policy->rpo) + ")"
                                       : std::string();
        out.push_back(
            step(StepPhase::Verification, "Check the data of " + ctx.nameOf(*s),
                 "Compare the last committed writes and row counts / checksums with the reference taken "
                 "before the fault; the gap is the data lost" +
                     target + ".",
                 DrillRole::Dba, "the data check passes and the loss is recorded",
                 "stop writes, assess what was lost and plan its replay from the source systems"));
    }
    for (ComponentKind kind : allKinds()) {
        std::vector<const Component*> ofKind;
        for (const Component* c : ctx.members)
            if (c->kind == kind)
                ofKind.push_back(c);
        if (!ofKind.empty())
            out.push_back(kindCheck(ctx, kind, ofKind));
    }
    for (std::size_t i = 1; i < ctx.scenario.faults.size(); ++i) {
        const Fault& f = ctx.scenario.faults[i];
        out.push_back(step(StepPhase::Verification,
                           "Confirm the design absorbed the second fault on " + targetName(ctx, f.target),
                           "The scenario adds this fault " + readableTime(f.at) + " after the first.",
                           DrillRole::ApplicationOwner, "the workload kept serving through it",
                           "record the impact and its cause as an action item"));
    }
    out.push_back(
        step(StepPhase::Verification, "Record the measured RTO and RPO and close the drill",
             "The observer records the time every step ended; the incident commander declares the end.",
             DrillRole::IncidentCommander, "the drill record is complete and the end is announced",
             "complete the record from the bridge log"));
    for (auto& s : out)
        s.expectedElapsed = recoveredAt;
    return out;
}

} // namespace firedrill::drill
