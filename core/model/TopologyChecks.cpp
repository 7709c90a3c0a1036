// Checks of the topology as a whole: its header and the ids of everything in it.
#include "ValidationChecks.h"

#include <algorithm>
#include <cctype>

namespace firedrill::validation {

void checkHeader(ValidationContext& ctx)
{
    const Topology& t = ctx.topology();
    if (t.formatVersion != kTopologyFormatVersion)
        ctx.error("firedrill", "unsupported-version",
                  "format version " + std::to_string(t.formatVersion) + " is not supported; expected " +
                      std::to_string(kTopologyFormatVersion));
    if (t.name.empty())
        ctx.warning("name", "missing-name", "the topology has no name");
}

namespace {

/// Checks one id and remembers where it was first used (ids are unique across all kinds of item).
class IdRegistry
{
public:
    explicit IdRegistry(ValidationContext& ctx) : m_ctx(ctx) {}

    void check(const std::string& path, const std::string& id, const std::string& what)
    {
        if (id.empty()) {
            m_ctx.error(path, "missing-id", what + " has no id");
            return;
        }
        const auto bad = std::find_if(id.begin(), id.end(), [](char ch) {
            return !(std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' || ch == '.');
        });
        if (bad != id.end())
            m_ctx.error(path, "bad-id",
                        what + " id " + quoted(id) + " may only contain letters, digits, '-', '_' and '.'");
        auto [it, inserted] = m_ids.emplace(id, path);
        if (!inserted)
            m_ctx.error(path, "duplicate-id", "id " + quoted(id) + " is already used by " + it->second);
    }

private:
    ValidationContext& m_ctx;
    std::unordered_map<std::string, std::string> m_ids; ///< id -> item path of its first use
};

} // namespace

void checkIds(ValidationContext& ctx)
{
    const Topology& t = ctx.topology();
    IdRegistry ids(ctx);
    for (const auto& r : t.regions)
        ids.check(itemOf("regions", r.id.str()), r.id.str(), "region");
    for (const auto& s : t.sites)
        ids.check(itemOf("sites", s.id.str()), s.id.str(), "site");
    for (const auto& c : t.components) {
        const auto path = itemOf("components", c.id.str());
        ids.check(path, c.id.str(), "component");
        for (const auto& r : c.replicas)
            ids.check(path + itemOf(".replicas", r.id.str()), r.id.str(), "replica");
    }
    for (const auto& w : t.workloads)
        ids.check(itemOf("workloads", w.id.str()), w.id.str(), "workload");
    for (const auto& s : t.scenarios)
        ids.check(itemOf("scenarios", s.id.str()), s.id.str(), "scenario");
}

} // namespace firedrill::validation
