#include "YamlFieldReader.h"

#include "Units.h"

#include <algorithm>
#include <cmath>

namespace firedrill {

void ReadContext::error(const YamlNode& at, std::string code, std::string message, std::string path)
{
    m_diagnostics.push_back({Severity::Error, std::move(code), std::move(message), std::move(path),
                             {m_file, at.line, at.column}});
}

void ReadContext::warning(const YamlNode& at, std::string code, std::string message, std::string path)
{
    m_diagnostics.push_back({Severity::Warning, std::move(code), std::move(message), std::move(path),
                             {m_file, at.line, at.column}});
}

namespace yamlvalue {

namespace {
/// Runs a unit parser over a scalar and reports its error at the node.
template <class T, class Parse>
std::optional<T> viaParser(ReadContext& ctx, const YamlNode& n, const std::string& what, Parse parse)
{
    auto t = text(ctx, n, what);
    if (!t)
        return std::nullopt;
    auto r = parse(*t);
    if (!r) {
        ctx.error(n, r.error().code.empty() ? std::string("bad-value") : r.error().code, what + ": " + r.error().message);
        return std::nullopt;
    }
    return std::move(*r);
}

/// Plain numbers, sizes and rates beyond this are refused: sums and products of them (costs, capacity x
/// instances, restore times) would overflow to infinity or beyond the int64 milliseconds of durations.
constexpr double kMaxMagnitude = 1e15;

template <class T>
std::optional<T> bounded(ReadContext& ctx, const YamlNode& n, const std::string& what, std::optional<T> v, double magnitude)
{
    if (v && !(std::fabs(magnitude) <= kMaxMagnitude)) {
        ctx.error(n, "out-of-range", what + ": '" + n.text + "' is too large; at most 1e15 in size");
        return std::nullopt;
    }
    return v;
}
} // namespace

std::optional<std::string> text(ReadContext& ctx, const YamlNode& n, const std::string& what)
{
    if (n.type != YamlNode::Type::Scalar) {
        ctx.error(n, "bad-type", "'" + what + "' must be a single value, not a " +
                                     (n.type == YamlNode::Type::Map ? "map" : n.type == YamlNode::Type::Sequence ? "list" : "null"));
        return std::nullopt;
    }
    return n.text;
}

std::optional<int> integer(ReadContext& ctx, const YamlNode& n, const std::string& what)
{
    return viaParser<int>(ctx, n, what, parseInteger);
}

std::optional<double> number(ReadContext& ctx, const YamlNode& n, const std::string& what)
{
    const auto v = viaParser<double>(ctx, n, what, parseNumber);
    return bounded(ctx, n, what, v, v.value_or(0));
}

std::optional<bool> boolean(ReadContext& ctx, const YamlNode& n, const std::string& what)
{
    auto t = text(ctx, n, what);
    if (!t)
        return std::nullopt;
    if (*t == "true" || *t == "True" || *t == "TRUE")
        return true;
    if (*t == "false" || *t == "False" || *t == "FALSE")
        return false;
    ctx.error(n, "bad-value", what + ": '" + *t + "' is not true or false");
    return std::nullopt;
}

std::optional<Duration> duration(ReadContext& ctx, const YamlNode& n, const std::string& what)
{
    return viaParser<Duration>(ctx, n, what, parseDuration);
}

std::optional<Percent> percent(ReadContext& ctx, const YamlNode& n, const std::string& what)
{
    return viaParser<Percent>(ctx, n, what, parsePercent);
}

std::optional<DataSize> dataSize(ReadContext& ctx, const YamlNode& n, const std::string& what)
{
    const auto v = viaParser<DataSize>(ctx, n, what, parseDataSize);
    return bounded(ctx, n, what, v, v ? v->gigabytes : 0);
}

std::optional<double> rate(ReadContext& ctx, const YamlNode& n, const std::string& what)
{
    const auto v = viaParser<double>(ctx, n, what, parseRate);
    return bounded(ctx, n, what, v, v.value_or(0));
}

std::optional<DataRate> dataRate(ReadContext& ctx, const YamlNode& n, const std::string& what)
{
    const auto v = viaParser<DataRate>(ctx, n, what, parseDataRate);
    return bounded(ctx, n, what, v, v ? v->gigabytesPerHour : 0);
}

std::optional<CardPosition> position(ReadContext& ctx, const YamlNode& n, const std::string& what)
{
    if (n.type != YamlNode::Type::Sequence || n.items.size() != 2) {
        ctx.error(n, "bad-type", "'" + what + "' must be a list of two whole numbers such as [120, 40]");
        return std::nullopt;
    }
    CardPosition p;
    int* const coordinates[] = {&p.x, &p.y};
    for (std::size_t i = 0; i < 2; ++i) {
        const YamlNode& item = *n.items[i];
        const auto v = integer(ctx, item, what);
        if (!v)
            return std::nullopt;
        if (*v < 0 || *v > kMaxCardCoordinate) {
            ctx.error(item, "bad-value",
                      what + ": " + std::to_string(*v) + " is outside 0 to " + std::to_string(kMaxCardCoordinate));
            return std::nullopt;
        }
        *coordinates[i] = *v;
    }
    return p;
}

} // namespace yamlvalue

YamlFieldReader::YamlFieldReader(ReadContext& ctx, const YamlNode& node, std::string path, std::string what)
    : m_ctx(ctx), m_node(node), m_path(std::move(path)), m_what(std::move(what))
{
    if (node.type != YamlNode::Type::Map) {
        m_valid = false;
        m_ctx.error(node, "bad-type", m_what + " must be a map of 'key: value' entries", m_path);
        return;
    }
    m_ctx.record(m_path, node);
}

YamlFieldReader::~YamlFieldReader()
{
    if (!m_valid)
        return;
    for (const auto& [key, value] : m_node.entries) {
        if (std::find(m_known.begin(), m_known.end(), key->text) != m_known.end())
            continue;
        std::string expected;
        for (std::size_t i = 0; i < m_known.size(); ++i)
            expected += (i ? ", " : "") + m_known[i];
        m_ctx.warning(*key, "unknown-key",
                      "unknown key '" + key->text + "' in " + m_what + " is ignored; expected one of: " + expected,
                      m_path);
    }
}

const YamlNode* YamlFieldReader::get(std::string_view key)
{
    m_known.emplace_back(key);
    if (!m_valid)
        return nullptr;
    for (const auto& [k, v] : m_node.entries) {
        if (k->text == key) {
            m_ctx.record(pathOf(key), *v);
            return v->isNull() ? nullptr : v.get();
        }
    }
    return nullptr;
}

void forEachItem(ReadContext& ctx, const YamlNode* node, const std::string& what,
                 const std::function<void(const YamlNode&, std::size_t)>& each)
{
    if (!node)
        return;
    if (node->type != YamlNode::Type::Sequence) {
        ctx.error(*node, "bad-type", "'" + what + "' must be a list (items starting with '- ')");
        return;
    }
    for (std::size_t i = 0; i < node->items.size(); ++i)
        each(*node->items[i], i);
}

std::string itemPath(const std::string& collection, const YamlNode& item, std::size_t index)
{
    if (item.type == YamlNode::Type::Map)
        if (const YamlNode* id = item.find("id"); id && id->type == YamlNode::Type::Scalar && !id->text.empty())
            return collection + "[" + id->text + "]";
    return collection + "[#" + std::to_string(index) + "]";
}

} // namespace firedrill
