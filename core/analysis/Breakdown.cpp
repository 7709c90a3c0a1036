#include "Breakdown.h"

#include <algorithm>

namespace firedrill {

const DurationTerm* TimeEstimate::dominant() const
{
    const auto it = std::max_element(terms.begin(), terms.end(),
                                     [](const DurationTerm& a, const DurationTerm& b) { return a.value < b.value; });
    return it == terms.end() ? nullptr : &*it;
}

} // namespace firedrill
