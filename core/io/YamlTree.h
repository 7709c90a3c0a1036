#pragma once

#include "core/io/ReadLimits.h"
#include "core/model/Diagnostic.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace firedrill {

/// A node of a parsed YAML document, with its 1-based position. Aliases share the anchored node.
struct YamlNode
{
    enum class Type { Null, Scalar, Sequence, Map };
    using Ptr = std::shared_ptr<const YamlNode>;

    Type type = Type::Null;
    int line = 0;
    int column = 0;
    std::string text;                          ///< scalar value
    bool plain = true;                         ///< scalar was unquoted
    std::vector<Ptr> items;                    ///< sequence items
    std::vector<std::pair<Ptr, Ptr>> entries;  ///< map entries in file order; keys are scalars
    std::uint64_t expandedSize = 1;            ///< nodes below and including this one, aliases expanded

    /// True for an explicit or implicit null (empty value, "~", "null").
    bool isNull() const;
    /// The value for `key` in a map, or nullptr.
    const YamlNode* find(std::string_view key) const;
};

/// The parsed document (null root on failure) and the problems found.
struct YamlDocument
{
    YamlNode::Ptr root;
    std::vector<Diagnostic> diagnostics;
};

/// Parses one YAML document into a tree, enforcing `limits`: UTF-8 only, bounded depth and alias
/// expansion, no alias cycles, no duplicate or complex keys, a single document. Never throws.
YamlDocument parseYaml(std::string_view text, const std::string& fileName, const ReadLimits& limits);

} // namespace firedrill
