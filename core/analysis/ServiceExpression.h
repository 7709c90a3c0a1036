#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace firedrill {

/// A Boolean structure function over components ("the workload is up"): leaves are components,
/// inner nodes need all, any or at least k of their children.
///
/// A chain of routers gives a tree as deep as the chain (tens of thousands of levels), so nothing here
/// recurses over the tree: copying, destruction and every walk use an explicit stack.
struct ServiceExpression
{
    enum class Op { Leaf, True, False, All, Any, AtLeast };
    Op op = Op::True;
    std::size_t leaf = 0;  ///< index of the component (Leaf only)
    int k = 0;             ///< AtLeast only
    std::vector<ServiceExpression> children;

    ServiceExpression() = default;
    ServiceExpression(Op o, std::size_t leafIndex, int atLeast, std::vector<ServiceExpression> parts)
        : op(o), leaf(leafIndex), k(atLeast), children(std::move(parts))
    {
    }
    ServiceExpression(const ServiceExpression& other);
    ServiceExpression(ServiceExpression&& other) noexcept = default;
    ServiceExpression& operator=(const ServiceExpression& other);
    ServiceExpression& operator=(ServiceExpression&& other) noexcept = default;
    ~ServiceExpression();

    static ServiceExpression leafOf(std::size_t index) { return {Op::Leaf, index, 0, {}}; }
    static ServiceExpression constant(bool up) { return {up ? Op::True : Op::False, 0, 0, {}}; }
    /// All children (a series chain); simplifies constants away.
    static ServiceExpression all(std::vector<ServiceExpression> parts);
    /// Any child (redundant alternatives); simplifies constants away.
    static ServiceExpression any(std::vector<ServiceExpression> parts);
    /// At least k children (a quorum).
    static ServiceExpression atLeast(int k, std::vector<ServiceExpression> parts);

    /// Number of nodes in the tree.
    std::size_t size() const;
    /// The formula with leaf names, e.g. "tm × (agw-weu × web-weu ∥ agw-neu × web-neu) × sql-ag".
    std::string describe(const std::vector<std::string>& names) const;
};

/// The probability that `expr` is true when leaf i is true with probability p[i], independently.
/// Exact: leaves that occur more than once are conditioned on (factoring). When more than
/// `maxFactored` distinct leaves repeat, the rest are treated as independent and `exact` is set false.
double probability(const ServiceExpression& expr, const std::vector<double>& p, bool& exact, int maxFactored = 16);

/// Evaluates `expr` for fixed leaf states.
bool evaluate(const ServiceExpression& expr, const std::vector<bool>& up);

} // namespace firedrill
