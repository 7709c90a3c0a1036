// What to verify for each kind of component once the workload is back.
#include "DrillRules.h"
#include "core/io/Units.h"

namespace firedrill::drill {

namespace {
std::string listOf(const std::vector<const Component*>& members)
{
    std::string out;
    for (const Component* c : members)
        out += (out.empty() ? "" : ", ") + c->id.str();
    return out;
}
} // namespace

RunbookStep kindCheck(const Context& ctx, ComponentKind kind, const std::vector<const Component*>& members)
{
    RunbookStep s;
    s.phase = StepPhase::Verification;
    const std::string ids = listOf(members);
    const std::string primary = ctx.regionLabel(ctx.roles.primary);
    s.title = "Verify " + std::string(kindLabel(kind)) + " (" + ids + ")";
    s.onFailure = "record the deviation as an action item with an owner";
    switch (kind) {
    case ComponentKind::TrafficManager:
        s.owner = DrillRole::Network;
        s.detail = "The profile routes to healthy endpoints only; the disabled primary endpoint stays "
                   "disabled until "
                   "failback. Clients' DNS answers now name the serving region.";
        s.doneSignal = "nslookup of the profile name returns the serving region's endpoint";
        break;
    case ComponentKind::FrontDoor:
        s.owner = DrillRole::Network;
        s.detail =
            "The origin group sends requests to healthy origins only; no DNS change is needed at the edge.";
        s.doneSignal = "the edge answers from the serving origins and the origin health is green";
        break;
    case ComponentKind::ApplicationGateway:
    case ComponentKind::LoadBalancer:
        s.owner = DrillRole::Network;
        s.detail =
            "Every back-end in the pool that should serve is healthy in the probes; failed back-ends are out "
            "of rotation.";
        s.doneSignal = "back-end health shows the expected healthy count";
        break;
    case ComponentKind::AppService:
    case ComponentKind::VmScaleSet:
        s.owner = DrillRole::ApplicationOwner;
        s.detail =
            "The instance count is back to the target (autoscale settled) and the error rate is normal.";
        s.doneSignal = "instances running = target; HTTP 5xx at baseline";
        break;
    case ComponentKind::VirtualMachine:
        s.owner = DrillRole::ApplicationOwner;
        s.detail =
            "The virtual machines boot, their disks are attached and consistent, and their services started.";
        s.doneSignal = "the VMs report running and their service checks pass";
        break;
    case ComponentKind::SqlDatabase:
    case ComponentKind::SqlServerAg:
        s.owner = DrillRole::Dba;
        s.detail =
            "The primary accepts writes, the connection strings / listener point to it, and a new secondary "
            "is seeding so the database is protected again.";
        s.doneSignal = "a test write commits; replication health shows the new secondary synchronising";
        break;
    case ComponentKind::StorageAccount:
        s.owner = DrillRole::Dba;
        s.detail =
            "Reads and writes succeed from the serving region; for geo-redundant accounts, note whether an "
            "account failover happened (it leaves the account locally redundant until re-enabled).";
        s.doneSignal = "a test blob is written and read back";
        break;
    case ComponentKind::ServiceBus:
    case ComponentKind::Queue:
        s.owner = DrillRole::ApplicationOwner;
        s.detail = "Senders reach a broker again, outboxes drain, and messages left in " + primary +
                   " are listed for processing once it returns.";
        s.doneSignal = "the backlog falls to zero and no dead-letter growth";
        break;
    case ComponentKind::Cache:
        s.owner = DrillRole::ApplicationOwner;
        s.detail = "The cache is reachable; expect a cold cache: latency is higher until it warms up.";
        s.doneSignal = "the hit rate climbs back and latency returns to the baseline";
        break;
    case ComponentKind::VpnGateway:
    case ComponentKind::ExpressRoute:
        s.owner = DrillRole::Network;
        s.detail =
            "The connection to the other site is up (or its backup path carries the traffic) and routes are "
            "advertised as designed.";
        s.doneSignal = "the tunnel / circuit shows connected and a ping across it succeeds";
        break;
    case ComponentKind::Users:
        s.owner = DrillRole::Communications;
        s.detail = "Users report the service usable again.";
        s.doneSignal = "no new user reports of errors";
        break;
    }
    return s;
}

} // namespace firedrill::drill
