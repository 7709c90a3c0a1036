#include "PriceTable.h"

namespace firedrill {

std::optional<double> KindPrice::gbPrice(StorageRedundancy redundancy) const
{
    if (const auto it = perGbByRedundancy.find(redundancy); it != perGbByRedundancy.end())
        return it->second;
    return perGb;
}

bool PriceTable::add(KindPrice price)
{
    if (find(price.kind))
        return false;
    m_prices.push_back(std::move(price));
    return true;
}

const KindPrice* PriceTable::find(ComponentKind kind) const
{
    for (const auto& p : m_prices)
        if (p.kind == kind)
            return &p;
    return nullptr;
}

std::vector<ComponentKind> PriceTable::missingKinds() const
{
    std::vector<ComponentKind> out;
    for (const ComponentKind kind : allKinds())
        if (!find(kind))
            out.push_back(kind);
    return out;
}

} // namespace firedrill
