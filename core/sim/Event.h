#pragma once

#include <cstdint>

namespace firedrill::sim {

/// One scheduled state change. Small and trivially copyable so the queue stays fast: the handler
/// (`target`) interprets `kind` and `payload`.
struct Event
{
    std::int64_t time = 0;     ///< simulated milliseconds since the start
    std::uint64_t sequence = 0; ///< scheduling order; breaks ties so simultaneous events keep a stable order
    std::uint32_t target = 0;  ///< index of the handler that receives it
    std::uint32_t kind = 0;    ///< handler-defined
    std::uint64_t payload = 0; ///< handler-defined (an index, a generation counter ...)
};

/// True when `a` happens before `b`: earlier time, then earlier scheduling.
inline bool before(const Event& a, const Event& b)
{
    return a.time != b.time ? a.time < b.time : a.sequence < b.sequence;
}

} // namespace firedrill::sim
