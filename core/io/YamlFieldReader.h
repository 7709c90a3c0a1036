#pragma once

#include "core/io/SourceMap.h"
#include "core/io/YamlTree.h"
#include "core/model/Component.h"
#include "core/model/Diagnostic.h"
#include "core/model/EnumNames.h"
#include "core/model/Quantity.h"

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace firedrill {

/// Shared state of one read: file name, diagnostics and the source map.
class ReadContext
{
public:
    explicit ReadContext(std::string fileName) : m_file(std::move(fileName)) {}

    void error(const YamlNode& at, std::string code, std::string message, std::string path = {});
    void warning(const YamlNode& at, std::string code, std::string message, std::string path = {});
    void record(const std::string& path, const YamlNode& at) { m_sources.record(path, at.line, at.column); }

    const std::string& file() const { return m_file; }
    std::vector<Diagnostic>& diagnostics() { return m_diagnostics; }
    SourceMap& sources() { return m_sources; }

private:
    std::string m_file;
    std::vector<Diagnostic> m_diagnostics;
    SourceMap m_sources;
};

/// Scalar converters: each reports its own error at the node and returns nullopt on failure.
namespace yamlvalue {
std::optional<std::string> text(ReadContext& ctx, const YamlNode& n, const std::string& what);
std::optional<int> integer(ReadContext& ctx, const YamlNode& n, const std::string& what);
std::optional<double> number(ReadContext& ctx, const YamlNode& n, const std::string& what);
std::optional<bool> boolean(ReadContext& ctx, const YamlNode& n, const std::string& what);
std::optional<Duration> duration(ReadContext& ctx, const YamlNode& n, const std::string& what);
std::optional<Percent> percent(ReadContext& ctx, const YamlNode& n, const std::string& what);
std::optional<DataSize> dataSize(ReadContext& ctx, const YamlNode& n, const std::string& what);
std::optional<double> rate(ReadContext& ctx, const YamlNode& n, const std::string& what);
std::optional<DataRate> dataRate(ReadContext& ctx, const YamlNode& n, const std::string& what);
/// A diagram position: a list of two whole numbers [x, y], each from 0 to kMaxCardCoordinate.
std::optional<CardPosition> position(ReadContext& ctx, const YamlNode& n, const std::string& what);

/// An enum spelled as in enumNames<E>().
template <class E>
std::optional<E> enumeration(ReadContext& ctx, const YamlNode& n, const std::string& what)
{
    auto t = text(ctx, n, what);
    if (!t)
        return std::nullopt;
    if (auto v = fromName<E>(*t))
        return v;
    ctx.error(n, "bad-value", "'" + *t + "' is not a valid " + what + "; expected " + nameList<E>());
    return std::nullopt;
}
} // namespace yamlvalue

/// Reads the keys of one YAML map, records their positions, and warns about keys nobody asked for.
class YamlFieldReader
{
public:
    /// `path` is the item path of the map ("components[web]"); `what` names it in messages.
    YamlFieldReader(ReadContext& ctx, const YamlNode& node, std::string path, std::string what);
    ~YamlFieldReader();
    YamlFieldReader(const YamlFieldReader&) = delete;
    YamlFieldReader& operator=(const YamlFieldReader&) = delete;

    /// False when the node was not a map (an error has been reported).
    bool valid() const { return m_valid; }
    /// The value of `key`, or nullptr when absent or null. Marks the key as known.
    const YamlNode* get(std::string_view key);
    /// The item path of a key.
    std::string pathOf(std::string_view key) const { return m_path + "." + std::string(key); }
    ReadContext& context() { return m_ctx; }
    const YamlNode& node() const { return m_node; }

    /// Reads an optional value with a converter from yamlvalue.
    template <class T, class Convert>
    void optional(std::string_view key, std::optional<T>& out, Convert convert)
    {
        if (const YamlNode* n = get(key))
            if (auto v = convert(m_ctx, *n, std::string(key)))
                out = std::move(*v);
    }
    /// Reads a value that keeps its default when absent.
    template <class T, class Convert>
    void value(std::string_view key, T& out, Convert convert)
    {
        if (const YamlNode* n = get(key))
            if (auto v = convert(m_ctx, *n, std::string(key)))
                out = std::move(*v);
    }
    /// Reads a value that must be present.
    template <class T, class Convert>
    void required(std::string_view key, T& out, Convert convert)
    {
        if (const YamlNode* n = get(key)) {
            if (auto v = convert(m_ctx, *n, std::string(key)))
                out = std::move(*v);
        } else {
            m_ctx.error(m_node, "missing-key", m_what + " needs '" + std::string(key) + "'", m_path);
        }
    }
    /// Reads a sequence of scalars with a converter.
    template <class T, class Convert>
    void list(std::string_view key, std::vector<T>& out, Convert convert)
    {
        const YamlNode* n = get(key);
        if (!n)
            return;
        if (n->type != YamlNode::Type::Sequence) {
            m_ctx.error(*n, "bad-type", "'" + std::string(key) + "' must be a list such as [a, b]");
            return;
        }
        for (const auto& item : n->items)
            if (auto v = convert(m_ctx, *item, std::string(key)))
                out.push_back(std::move(*v));
    }

private:
    ReadContext& m_ctx;
    const YamlNode& m_node;
    std::string m_path;
    std::string m_what;
    bool m_valid = true;
    std::vector<std::string> m_known;
};

/// Calls `each(item, index)` for every item of a sequence; reports an error when it is not one.
void forEachItem(ReadContext& ctx, const YamlNode* node, const std::string& what,
                 const std::function<void(const YamlNode&, std::size_t)>& each);

/// The item path for a list item: "collection[id]" when it has an id, else "collection[#index]".
std::string itemPath(const std::string& collection, const YamlNode& item, std::size_t index);

} // namespace firedrill
