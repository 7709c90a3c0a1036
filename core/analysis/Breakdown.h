#pragma once

#include "core/model/Quantity.h"

#include <string>
#include <vector>

namespace firedrill {

/// One term of a time estimate ("DNS TTL drain: 1m — clients keep cached answers up to the TTL").
struct DurationTerm
{
    std::string label;  ///< short name: "detection", "decision", "DNS TTL drain", "restore" ...
    Duration value;
    std::string detail; ///< how it was computed, in words and numbers
    bool operator==(const DurationTerm&) const = default;
};

/// A time figure (an RTO or an RPO) with the terms that add up to it and the assumptions behind it.
/// `total` is the sum of `terms` unless `combination` says otherwise (e.g. "max of parallel paths").
struct TimeEstimate
{
    Duration total;
    std::vector<DurationTerm> terms;
    std::string combination = "sum"; ///< how terms combine: "sum", or a sentence when they do not simply add
    std::vector<std::string> notes;  ///< assumptions and caveats a user should read
    bool unbounded = false;          ///< no recovery without outside help (e.g. single region, region lost)
    /// Parallel to `terms` in RTO estimates (empty otherwise): the chain of steps each term belongs to
    /// ("data path (sql)"). Terms of one chain run one after the other; different chains run in parallel.
    std::vector<std::string> paths;

    /// The term with the largest value (the one to attack first); nullptr when there are none.
    const DurationTerm* dominant() const;
    bool operator==(const TimeEstimate&) const = default;
};

} // namespace firedrill
