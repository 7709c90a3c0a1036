#pragma once

#include "core/model/Component.h"
#include "core/model/ComponentKind.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace firedrill {

/// The list prices of one component kind, all in the table's currency per month.
/// Which prices apply depends on the component: see docs/pricing.md.
struct KindPrice
{
    ComponentKind kind = ComponentKind::AppService;
    std::string unit = "instance";     ///< what `perInstance` counts ("instance", "circuit")
    std::optional<double> perInstance; ///< per instance, replica, profile or circuit
    std::optional<double> perGb;       ///< per GB-month of `size`, any redundancy
    std::map<StorageRedundancy, double> perGbByRedundancy; ///< per GB-month by redundancy (storage accounts)
    std::optional<double> perEndpoint;                     ///< per endpoint (traffic manager, front door)
    std::optional<double> perGateway;                      ///< per gateway at each region end of a link
    std::string note;                                      ///< what the figures assume (SKU, tier)

    /// The per-GB price for a redundancy: the by-redundancy entry, else the flat `perGb`; nullopt when
    /// neither.
    std::optional<double> gbPrice(StorageRedundancy redundancy) const;
    bool operator==(const KindPrice&) const = default;
};

/// A price table: where the prices come from and one KindPrice per component kind.
class PriceTable
{
public:
    /// Currency of every price ("USD").
    const std::string& currency() const { return m_currency; }
    void setCurrency(std::string currency) { m_currency = std::move(currency); }
    /// The date the prices were compiled, "YYYY-MM-DD".
    const std::string& date() const { return m_date; }
    void setDate(std::string date) { m_date = std::move(date); }
    /// Where the prices come from, in words.
    const std::string& source() const { return m_source; }
    void setSource(std::string source) { m_source = std::move(source); }
    /// The region whose list prices these are ("West Europe"); may be empty.
    const std::string& region() const { return m_region; }
    void setRegion(std::string region) { m_region = std::move(region); }

    /// Adds the prices of a kind; false (and no change) when the kind already has prices.
    bool add(KindPrice price);
    /// The prices of a kind, or nullptr when the table does not price it.
    const KindPrice* find(ComponentKind kind) const;
    /// Every kind's prices, in the order they were added.
    const std::vector<KindPrice>& prices() const { return m_prices; }
    /// The kinds the table has no prices for, in palette order.
    std::vector<ComponentKind> missingKinds() const;

    bool operator==(const PriceTable&) const = default;

private:
    std::string m_currency;
    std::string m_date;
    std::string m_source;
    std::string m_region;
    std::vector<KindPrice> m_prices;
};

} // namespace firedrill
