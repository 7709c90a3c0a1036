#include "ValidationContext.h"

namespace firedrill::validation {

namespace {
template <class Item, class Index> void indexById(const std::vector<Item>& items, Index& index)
{
    index.reserve(items.size());
    for (const Item& item : items)
        index.emplace(item.id.str(), &item); // emplace keeps the first of a repeated id
}
} // namespace

ValidationContext::ValidationContext(const Topology& topology) : m_t(topology)
{
    indexById(m_t.regions, m_regions);
    indexById(m_t.sites, m_sites);
    indexById(m_t.components, m_components);
    indexById(m_t.workloads, m_workloads);
    for (const auto& c : m_t.components)
        for (const auto& r : c.replicas)
            m_replicas.insert(r.id.str());
}

void ValidationContext::error(std::string path, std::string code, std::string message)
{
    m_out.push_back({Severity::Error, std::move(code), std::move(message), std::move(path), {}});
}

void ValidationContext::warning(std::string path, std::string code, std::string message)
{
    m_out.push_back({Severity::Warning, std::move(code), std::move(message), std::move(path), {}});
}

void ValidationContext::nonNegative(const std::string& path, const std::optional<Duration>& d,
                                    const char* what)
{
    if (d && d->ms < 0)
        error(path, "negative-duration",
              std::string(what) + " must not be negative (got " + secondsText(*d) + ")");
}

void ValidationContext::positive(const std::string& path, const std::optional<Duration>& d, const char* what)
{
    if (d && d->ms <= 0)
        error(path, "non-positive-duration",
              std::string(what) + " must be greater than zero (got " + secondsText(*d) + ")");
}

void ValidationContext::fraction(const std::string& path, const std::optional<double>& v, const char* what)
{
    if (v && !(*v >= 0.0 && *v <= 1.0))
        error(path, "out-of-range",
              std::string(what) + " must be between 0 and 1 (got " + std::to_string(*v) + ")");
}

void ValidationContext::nonNegative(const std::string& path, const std::optional<double>& v, const char* what)
{
    if (v && !(*v >= 0.0))
        error(path, "out-of-range",
              std::string(what) + " must not be negative (got " + std::to_string(*v) + ")");
}

std::string quoted(const std::string& s)
{
    return "'" + s + "'";
}

std::string itemOf(const std::string& collection, const std::string& id)
{
    return collection + "[" + id + "]";
}

std::string secondsText(Duration d)
{
    std::string s = std::to_string(d.toSeconds());
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    return s + "s";
}

} // namespace firedrill::validation
