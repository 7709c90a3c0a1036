#include "ServiceExpression.h"

#include <algorithm>
#include <map>

namespace firedrill {

namespace {

using Op = ServiceExpression::Op;

bool isConstant(const ServiceExpression& e, bool value)
{
    return e.op == (value ? Op::True : Op::False);
}

/// Replaces leaf `index` with a constant and simplifies.
ServiceExpression substitute(const ServiceExpression& e, std::size_t index, bool value)
{
    switch (e.op) {
    case Op::Leaf: return e.leaf == index ? ServiceExpression::constant(value) : e;
    case Op::True:
    case Op::False: return e;
    case Op::All:
    case Op::Any:
    case Op::AtLeast: {
        std::vector<ServiceExpression> parts;
        parts.reserve(e.children.size());
        for (const auto& c : e.children)
            parts.push_back(substitute(c, index, value));
        if (e.op == Op::All)
            return ServiceExpression::all(std::move(parts));
        if (e.op == Op::Any)
            return ServiceExpression::any(std::move(parts));
        return ServiceExpression::atLeast(e.k, std::move(parts));
    }
    }
    return e;
}

void countLeaves(const ServiceExpression& e, std::map<std::size_t, int>& counts)
{
    if (e.op == Op::Leaf)
        ++counts[e.leaf];
    for (const auto& c : e.children)
        countLeaves(c, counts);
}

/// Probability assuming every leaf occurrence is independent.
double independent(const ServiceExpression& e, const std::vector<double>& p)
{
    switch (e.op) {
    case Op::Leaf: return p[e.leaf];
    case Op::True: return 1.0;
    case Op::False: return 0.0;
    case Op::All: {
        double r = 1.0;
        for (const auto& c : e.children)
            r *= independent(c, p);
        return r;
    }
    case Op::Any: {
        double down = 1.0;
        for (const auto& c : e.children)
            down *= 1.0 - independent(c, p);
        return 1.0 - down;
    }
    case Op::AtLeast: {
        // dist[j] = probability that exactly j of the children seen so far are up.
        std::vector<double> dist{1.0};
        for (const auto& c : e.children) {
            const double q = independent(c, p);
            std::vector<double> next(dist.size() + 1, 0.0);
            for (std::size_t j = 0; j < dist.size(); ++j) {
                next[j] += dist[j] * (1.0 - q);
                next[j + 1] += dist[j] * q;
            }
            dist = std::move(next);
        }
        double r = 0.0;
        for (std::size_t j = static_cast<std::size_t>(std::max(e.k, 0)); j < dist.size(); ++j)
            r += dist[j];
        return r;
    }
    }
    return 0.0;
}

double factored(const ServiceExpression& e, const std::vector<double>& p, int budget, bool& exact)
{
    if (e.op == Op::True)
        return 1.0;
    if (e.op == Op::False)
        return 0.0;
    std::map<std::size_t, int> counts;
    countLeaves(e, counts);
    const auto repeated = std::max_element(counts.begin(), counts.end(),
                                           [](const auto& a, const auto& b) { return a.second < b.second; });
    if (repeated == counts.end() || repeated->second < 2)
        return independent(e, p);
    if (budget <= 0) {
        exact = false;
        return independent(e, p);
    }
    const std::size_t x = repeated->first;
    return p[x] * factored(substitute(e, x, true), p, budget - 1, exact) +
           (1.0 - p[x]) * factored(substitute(e, x, false), p, budget - 1, exact);
}

} // namespace

ServiceExpression ServiceExpression::all(std::vector<ServiceExpression> parts)
{
    std::vector<ServiceExpression> kept;
    for (auto& part : parts) {
        if (isConstant(part, false))
            return constant(false);
        if (isConstant(part, true))
            continue;
        if (part.op == Op::All)
            for (auto& c : part.children)
                kept.push_back(std::move(c));
        else
            kept.push_back(std::move(part));
    }
    if (kept.empty())
        return constant(true);
    if (kept.size() == 1)
        return std::move(kept.front());
    return {Op::All, 0, 0, std::move(kept)};
}

ServiceExpression ServiceExpression::any(std::vector<ServiceExpression> parts)
{
    std::vector<ServiceExpression> kept;
    for (auto& part : parts) {
        if (isConstant(part, true))
            return constant(true);
        if (isConstant(part, false))
            continue;
        if (part.op == Op::Any)
            for (auto& c : part.children)
                kept.push_back(std::move(c));
        else
            kept.push_back(std::move(part));
    }
    if (kept.empty())
        return constant(false);
    if (kept.size() == 1)
        return std::move(kept.front());
    return {Op::Any, 0, 0, std::move(kept)};
}

ServiceExpression ServiceExpression::atLeast(int k, std::vector<ServiceExpression> parts)
{
    std::vector<ServiceExpression> kept;
    for (auto& part : parts) {
        if (isConstant(part, true))
            --k; // one requirement already met
        else if (!isConstant(part, false))
            kept.push_back(std::move(part));
    }
    if (k <= 0)
        return constant(true);
    if (static_cast<std::size_t>(k) > kept.size())
        return constant(false);
    if (static_cast<std::size_t>(k) == kept.size())
        return all(std::move(kept));
    if (k == 1)
        return any(std::move(kept));
    return {Op::AtLeast, 0, k, std::move(kept)};
}

std::size_t ServiceExpression::size() const
{
    std::size_t n = 1;
    for (const auto& c : children)
        n += c.size();
    return n;
}

std::string ServiceExpression::describe(const std::vector<std::string>& names) const
{
    switch (op) {
    case Op::Leaf: return leaf < names.size() ? names[leaf] : "?";
    case Op::True: return "1";
    case Op::False: return "0";
    case Op::All:
    case Op::Any:
    case Op::AtLeast: {
        const std::string sep = op == Op::All ? " × " : op == Op::Any ? " ∥ " : ", ";
        std::string out;
        for (std::size_t i = 0; i < children.size(); ++i) {
            const auto& c = children[i];
            const bool wrap = op == Op::All && c.op == Op::Any;
            out += (i ? sep : "") + (wrap ? "(" + c.describe(names) + ")" : c.describe(names));
        }
        if (op == Op::AtLeast)
            return std::to_string(k) + " of (" + out + ")";
        return out;
    }
    }
    return {};
}

double probability(const ServiceExpression& expr, const std::vector<double>& p, bool& exact, int maxFactored)
{
    exact = true;
    return factored(expr, p, maxFactored, exact);
}

bool evaluate(const ServiceExpression& e, const std::vector<bool>& up)
{
    switch (e.op) {
    case Op::Leaf: return up[e.leaf];
    case Op::True: return true;
    case Op::False: return false;
    case Op::All: return std::all_of(e.children.begin(), e.children.end(), [&](const auto& c) { return evaluate(c, up); });
    case Op::Any: return std::any_of(e.children.begin(), e.children.end(), [&](const auto& c) { return evaluate(c, up); });
    case Op::AtLeast: {
        int n = 0;
        for (const auto& c : e.children)
            n += evaluate(c, up) ? 1 : 0;
        return n >= e.k;
    }
    }
    return false;
}

} // namespace firedrill
