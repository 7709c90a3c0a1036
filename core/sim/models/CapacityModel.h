#pragma once

#include "ReplayWorld.h"

namespace firedrill::sim::models {

/// Autoscale of compute tiers: when the load offered to a tier exceeds its running capacity, one
/// scale-out step sized for the load it will carry once DNS has drained (capped at `autoscale.max`)
/// completes `scale_out_time` later. Crossings during a DNS drain are computed, not polled.
/// Scale-in: once fewer instances would carry the load, the extra ones go after a cool-down of
/// `scale_out_time` during which the load must stay that low, down to `autoscale.min`.
class CapacityModel : public Model
{
public:
    enum Kind : std::uint32_t { Check, ScaleDone, ScaleIn };
    explicit CapacityModel(ReplayWorld& world) : Model(world) {}
    void react(Simulator& sim);
    /// Requests/s offered to compute tier `comp` at `t` by every workload's clients.
    double load(int comp, std::int64_t t) const;

protected:
    void apply(Simulator& sim, const Event& event) override;

private:
    /// Instances tier `i` needs for its load now and once DNS drains end (at least `autoscale.min`).
    int scaleInTarget(std::size_t i, std::int64_t now) const;
    /// Starts, keeps or calls off the scale-in cool-down of tier `i`.
    void scaleIn(Simulator& sim, std::size_t i);
};

/// Durable outboxes: messages buffered while a caller's buses are all down, drained at `drain_rate`.
class OutboxModel : public Model
{
public:
    enum Kind : std::uint32_t { Empty, Full };
    /// Messages the outbox of `s` holds (`outbox.capacity`, else unbounded).
    static double capacity(const ComponentState& s);
    explicit OutboxModel(ReplayWorld& world) : Model(world) {}
    /// True when every bus or queue `comp` sends to is down, so its outbox buffers.
    bool buffering(int comp) const;
    /// Schedules the instant a draining outbox empties (for the narration).
    void react(Simulator& sim);

protected:
    void apply(Simulator& sim, const Event& event) override;

private:
    std::vector<std::int64_t> m_emptyAt, m_fullAt;
};

} // namespace firedrill::sim::models
