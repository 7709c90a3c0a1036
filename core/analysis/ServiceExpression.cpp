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

bool isComposite(const ServiceExpression& e)
{
    return e.op == Op::All || e.op == Op::Any || e.op == Op::AtLeast;
}

ServiceExpression combined(const ServiceExpression& like, std::vector<ServiceExpression> parts)
{
    if (like.op == Op::All)
        return ServiceExpression::all(std::move(parts));
    if (like.op == Op::Any)
        return ServiceExpression::any(std::move(parts));
    return ServiceExpression::atLeast(like.k, std::move(parts));
}

/// Replaces leaf `index` with a constant and simplifies (bottom-up, with an explicit stack).
ServiceExpression substitute(const ServiceExpression& root, std::size_t index, bool value)
{
    const auto atom = [&](const ServiceExpression& e) {
        return e.op == Op::Leaf && e.leaf == index ? ServiceExpression::constant(value) : e;
    };
    if (!isComposite(root))
        return atom(root);
    struct Frame
    {
        const ServiceExpression* e;
        std::size_t next = 0;
        std::vector<ServiceExpression> parts;
    };
    std::vector<Frame> stack;
    stack.push_back({&root, 0, {}});
    stack.back().parts.reserve(root.children.size());
    while (true) {
        Frame& f = stack.back();
        if (f.next < f.e->children.size()) {
            const ServiceExpression& c = f.e->children[f.next++];
            if (isComposite(c)) {
                stack.push_back({&c, 0, {}});
                stack.back().parts.reserve(c.children.size());
            } else {
                f.parts.push_back(atom(c));
            }
            continue;
        }
        ServiceExpression done = combined(*f.e, std::move(f.parts));
        stack.pop_back();
        if (stack.empty())
            return done;
        stack.back().parts.push_back(std::move(done));
    }
}

void countLeaves(const ServiceExpression& root, std::map<std::size_t, int>& counts)
{
    std::vector<const ServiceExpression*> todo{&root};
    while (!todo.empty()) {
        const ServiceExpression* e = todo.back();
        todo.pop_back();
        if (e->op == Op::Leaf)
            ++counts[e->leaf];
        for (const auto& c : e->children)
            todo.push_back(&c);
    }
}

/// Folds a tree bottom-up with an explicit stack. `Fold` has: `Value atom(e)` for leaves and constants,
/// `Acc start(e)`, `void add(Acc&, const Value&)` in child order, `Value finish(e, Acc&)`.
template <class Value, class Acc, class Fold>
Value foldTree(const ServiceExpression& root, const Fold& fold)
{
    if (!isComposite(root))
        return fold.atom(root);
    struct Frame
    {
        const ServiceExpression* e;
        std::size_t next;
        Acc acc;
    };
    std::vector<Frame> stack;
    stack.push_back({&root, 0, fold.start(root)});
    while (true) {
        Frame& f = stack.back();
        if (f.next < f.e->children.size()) {
            const ServiceExpression& c = f.e->children[f.next++];
            if (isComposite(c))
                stack.push_back({&c, 0, fold.start(c)});
            else
                fold.add(f.acc, fold.atom(c));
            continue;
        }
        const Value v = fold.finish(*f.e, f.acc);
        stack.pop_back();
        if (stack.empty())
            return v;
        fold.add(stack.back().acc, v);
    }
}

/// Probability assuming every leaf occurrence is independent.
struct IndependentFold
{
    struct Acc
    {
        Op op = Op::All;
        double product = 1.0;     ///< All: product of the children; Any: product of their complements
        std::vector<double> dist; ///< AtLeast: dist[j] = probability that exactly j children seen so far are up
    };
    const std::vector<double>& p;

    double atom(const ServiceExpression& e) const
    {
        return e.op == Op::Leaf ? p[e.leaf] : e.op == Op::True ? 1.0 : 0.0;
    }
    Acc start(const ServiceExpression& e) const
    {
        Acc a;
        a.op = e.op;
        if (e.op == Op::AtLeast)
            a.dist = {1.0};
        return a;
    }
    void add(Acc& a, double q) const
    {
        if (a.op != Op::AtLeast) {
            a.product *= a.op == Op::Any ? 1.0 - q : q;
            return;
        }
        std::vector<double> next(a.dist.size() + 1, 0.0);
        for (std::size_t j = 0; j < a.dist.size(); ++j) {
            next[j] += a.dist[j] * (1.0 - q);
            next[j + 1] += a.dist[j] * q;
        }
        a.dist = std::move(next);
    }
    double finish(const ServiceExpression& e, Acc& a) const
    {
        if (e.op == Op::All)
            return a.product;
        if (e.op == Op::Any)
            return 1.0 - a.product;
        double r = 0.0;
        for (std::size_t j = static_cast<std::size_t>(std::max(e.k, 0)); j < a.dist.size(); ++j)
            r += a.dist[j];
        return r;
    }
};

double independent(const ServiceExpression& e, const std::vector<double>& p)
{
    return foldTree<double, IndependentFold::Acc>(e, IndependentFold{p});
}

/// Evaluates for fixed leaf states: counts the children that are up.
struct EvaluateFold
{
    const std::vector<bool>& up;

    bool atom(const ServiceExpression& e) const { return e.op == Op::Leaf ? bool(up[e.leaf]) : e.op == Op::True; }
    std::size_t start(const ServiceExpression&) const { return 0; }
    void add(std::size_t& count, bool v) const { count += v ? 1 : 0; }
    bool finish(const ServiceExpression& e, const std::size_t& count) const
    {
        if (e.op == Op::All)
            return count == e.children.size();
        if (e.op == Op::Any)
            return count > 0;
        return static_cast<long long>(count) >= e.k;
    }
};

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
    if (kept.size() == 1) {
        ServiceExpression only(std::move(kept.front())); // moved out of the vector, not copied
        return only;
    }
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
    if (kept.size() == 1) {
        ServiceExpression only(std::move(kept.front())); // moved out of the vector, not copied
        return only;
    }
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

ServiceExpression::ServiceExpression(const ServiceExpression& other) : op(other.op), leaf(other.leaf), k(other.k)
{
    // Node by node: the children of every copied node are sized before any pointer into them is kept.
    std::vector<std::pair<const ServiceExpression*, ServiceExpression*>> todo{{&other, this}};
    while (!todo.empty()) {
        const auto [from, to] = todo.back();
        todo.pop_back();
        to->children.resize(from->children.size());
        for (std::size_t i = 0; i < from->children.size(); ++i) {
            const ServiceExpression& source = from->children[i];
            ServiceExpression& target = to->children[i];
            target.op = source.op;
            target.leaf = source.leaf;
            target.k = source.k;
            if (!source.children.empty())
                todo.emplace_back(&source, &target);
        }
    }
}

ServiceExpression& ServiceExpression::operator=(const ServiceExpression& other)
{
    if (this != &other) {
        ServiceExpression copy(other);
        *this = std::move(copy);
    }
    return *this;
}

ServiceExpression::~ServiceExpression()
{
    // Detach the subtrees one level at a time, so each node is destroyed with no children left.
    if (children.empty())
        return;
    std::vector<ServiceExpression> pending = std::move(children);
    while (!pending.empty()) {
        ServiceExpression node = std::move(pending.back());
        pending.pop_back();
        for (auto& c : node.children)
            pending.push_back(std::move(c));
        node.children.clear();
    }
}

std::size_t ServiceExpression::size() const
{
    std::size_t n = 0;
    std::vector<const ServiceExpression*> todo{this};
    while (!todo.empty()) {
        const ServiceExpression* e = todo.back();
        todo.pop_back();
        ++n;
        for (const auto& c : e->children)
            todo.push_back(&c);
    }
    return n;
}

std::string ServiceExpression::describe(const std::vector<std::string>& names) const
{
    // Written into one string in order, so a deep tree costs its length, not its length times its depth.
    struct Frame
    {
        const ServiceExpression* e;
        std::size_t next;
        bool wrapped;
    };
    std::string out;
    std::vector<Frame> stack;
    const auto enter = [&](const ServiceExpression& e, bool wrap) {
        if (wrap)
            out += "(";
        switch (e.op) {
        case Op::Leaf: out += e.leaf < names.size() ? names[e.leaf] : "?"; break;
        case Op::True: out += "1"; break;
        case Op::False: out += "0"; break;
        case Op::All:
        case Op::Any:
        case Op::AtLeast:
            if (e.op == Op::AtLeast)
                out += std::to_string(e.k) + " of (";
            stack.push_back({&e, 0, wrap});
            return;
        }
        if (wrap)
            out += ")";
    };
    enter(*this, false);
    while (!stack.empty()) {
        const Frame f = stack.back();
        const ServiceExpression& e = *f.e;
        if (f.next == e.children.size()) {
            if (e.op == Op::AtLeast)
                out += ")";
            if (f.wrapped)
                out += ")";
            stack.pop_back();
            continue;
        }
        ++stack.back().next;
        if (f.next > 0)
            out += e.op == Op::All ? " × " : e.op == Op::Any ? " ∥ " : ", ";
        const ServiceExpression& c = e.children[f.next];
        enter(c, e.op == Op::All && c.op == Op::Any);
    }
    return out;
}

double probability(const ServiceExpression& expr, const std::vector<double>& p, bool& exact, int maxFactored)
{
    exact = true;
    return factored(expr, p, maxFactored, exact);
}

bool evaluate(const ServiceExpression& e, const std::vector<bool>& up)
{
    return foldTree<bool, std::size_t>(e, EvaluateFold{up});
}

} // namespace firedrill
