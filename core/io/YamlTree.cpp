#include "YamlTree.h"

#include "TextChecks.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <unordered_map>

namespace firedrill {

bool YamlNode::isNull() const
{
    if (type == Type::Null)
        return true;
    return type == Type::Scalar && plain && (text == "~" || text == "null" || text == "Null" || text == "NULL");
}

const YamlNode* YamlNode::find(std::string_view key) const
{
    for (const auto& [k, v] : entries)
        if (k->text == key)
            return v.get();
    return nullptr;
}

namespace {

/// Thrown from inside the event handler to stop parsing at the first fatal problem.
struct StopParsing
{
    Diagnostic diagnostic;
};

/// Builds a YamlNode tree from yaml-cpp's parser events, checking limits as it goes.
class TreeBuilder : public YAML::EventHandler
{
public:
    TreeBuilder(std::string fileName, const ReadLimits& limits) : m_file(std::move(fileName)), m_limits(limits) {}

    YamlNode::Ptr root() const { return m_root; }
    int documents() const { return m_documents; }

    void OnDocumentStart(const YAML::Mark&) override { ++m_documents; }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override
    {
        auto node = makeNode(YamlNode::Type::Null, mark);
        complete(node, anchor);
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override
    {
        const auto it = m_anchors.find(anchor);
        if (it == m_anchors.end())
            fail(mark, "unknown-alias", "alias refers to an anchor that is not defined");
        if (!it->second)
            fail(mark, "alias-cycle", "alias refers to the node that contains it (a cycle); aliases must point "
                                      "to a node defined earlier and outside themselves");
        count(it->second->expandedSize, mark);
        add(it->second);
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override
    {
        auto node = makeNode(YamlNode::Type::Scalar, mark);
        node->text = value;
        node->plain = (tag == "?");
        complete(node, anchor);
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        open(makeNode(YamlNode::Type::Sequence, mark), anchor, mark);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        open(makeNode(YamlNode::Type::Map, mark), anchor, mark);
    }
    void OnMapEnd() override
    {
        if (m_stack.back().pendingKey)
            fail(m_lastMark, "missing-value", "map key without a value");
        close();
    }

private:
    struct Frame
    {
        std::shared_ptr<YamlNode> node;
        YAML::anchor_t anchor = 0;
        YamlNode::Ptr pendingKey;
        std::unordered_map<std::string, std::pair<int, int>> keys; ///< key -> line, column
        /// Merge keys ("<<: *defaults") met so far: where in `entries` the merged entries go, and the map
        /// or list of maps to merge.
        std::vector<std::pair<std::size_t, YamlNode::Ptr>> merges;
    };

    [[noreturn]] void fail(const YAML::Mark& mark, std::string code, std::string message) const
    {
        throw StopParsing{Diagnostic{Severity::Error, std::move(code), std::move(message), "",
                                     {m_file, mark.line + 1, mark.column + 1}}};
    }

    std::shared_ptr<YamlNode> makeNode(YamlNode::Type type, const YAML::Mark& mark)
    {
        m_lastMark = mark;
        count(1, mark);
        auto node = std::make_shared<YamlNode>();
        node->type = type;
        node->line = mark.line + 1;
        node->column = mark.column + 1;
        return node;
    }

    void open(std::shared_ptr<YamlNode> node, YAML::anchor_t anchor, const YAML::Mark& mark)
    {
        if (static_cast<int>(m_stack.size()) >= m_limits.maxDepth)
            fail(mark, "too-deep",
                 "nesting is deeper than " + std::to_string(m_limits.maxDepth) + " levels; expected a flatter file");
        if (anchor != 0)
            m_anchors[anchor] = nullptr; // open: an alias to it now would be a cycle
        m_stack.push_back(Frame{std::move(node), anchor, nullptr, {}, {}});
    }

    void close()
    {
        Frame frame = std::move(m_stack.back());
        m_stack.pop_back();
        if (!frame.merges.empty())
            merge(frame);
        complete(frame.node, frame.anchor);
    }

    /// True for the merge key of YAML 1.1: a plain "<<".
    static bool isMergeKey(const YamlNode& key) { return key.plain && key.text == "<<"; }

    /// Checks the value of a merge key: a map, or a list of maps (aliases to them, usually).
    void checkMergeValue(const YamlNode& value) const
    {
        const char* expected = "; expected an alias to a map, such as '<<: *defaults', or a list of them, "
                               "such as '<<: [*a, *b]'";
        if (value.type == YamlNode::Type::Map)
            return;
        if (value.type == YamlNode::Type::Sequence) {
            for (const auto& item : value.items)
                if (item->type != YamlNode::Type::Map)
                    fail(markOf(*item), "bad-merge", std::string("a merge key ('<<') list holds something that is "
                                                                 "not a map") + expected);
            return;
        }
        fail(markOf(value), "bad-merge", std::string("the value of a merge key ('<<') is not a map") + expected);
    }

    /// Resolves the merge keys of a closed map (YAML 1.1 merge): the keys of the merged maps are added
    /// where the merge key stood, except keys the map gives itself (those win wherever they are written)
    /// and keys an earlier merged map already gave (in '<<: [*a, *b]', *a wins). The merged entries are the
    /// anchored map's own nodes, so diagnostics about them point at the text that wrote them.
    static void merge(Frame& frame)
    {
        std::unordered_map<std::string, bool> taken; // explicit keys, then merged ones as they are added
        for (const auto& [key, value] : frame.node->entries)
            taken.emplace(key->text, true);
        std::vector<std::pair<YamlNode::Ptr, YamlNode::Ptr>> entries;
        entries.reserve(frame.node->entries.size());
        std::size_t next = 0;
        for (const auto& [at, source] : frame.merges) {
            for (; next < at; ++next)
                entries.push_back(std::move(frame.node->entries[next]));
            const auto mergeMap = [&](const YamlNode& map) {
                for (const auto& entry : map.entries)
                    if (taken.emplace(entry.first->text, true).second)
                        entries.push_back(entry);
            };
            if (source->type == YamlNode::Type::Map)
                mergeMap(*source);
            else
                for (const auto& item : source->items)
                    mergeMap(*item);
        }
        for (; next < frame.node->entries.size(); ++next)
            entries.push_back(std::move(frame.node->entries[next]));
        frame.node->entries = std::move(entries);
    }

    void complete(const std::shared_ptr<YamlNode>& node, YAML::anchor_t anchor)
    {
        if (anchor != 0)
            m_anchors[anchor] = node;
        add(node);
    }

    /// Counts a node toward the limit: one for a node the file spells out, its whole expanded size for an
    /// alias (which repeats a subtree without spelling it out).
    void count(std::uint64_t nodes, const YAML::Mark& mark)
    {
        m_total = saturatingAdd(m_total, nodes);
        if (m_total > m_limits.maxNodes)
            fail(mark, "too-large",
                 "the document expands to more than " + std::to_string(m_limits.maxNodes) +
                     " nodes (aliases included); expected a smaller file");
    }

    void add(const YamlNode::Ptr& node)
    {
        if (m_stack.empty()) {
            m_root = node;
            return;
        }
        Frame& parent = m_stack.back();
        parent.node->expandedSize = saturatingAdd(parent.node->expandedSize, node->expandedSize);
        if (parent.node->type == YamlNode::Type::Sequence) {
            parent.node->items.push_back(node);
            return;
        }
        if (!parent.pendingKey) {
            if (node->type != YamlNode::Type::Scalar)
                fail(markOf(*node), "complex-key", "map keys must be plain text; expected a key such as 'name:'");
            const auto [it, inserted] = parent.keys.emplace(node->text, std::make_pair(node->line, node->column));
            if (!inserted)
                fail(markOf(*node), "duplicate-key",
                     "duplicate key '" + node->text + "' (first given at line " + std::to_string(it->second.first) +
                         ", column " + std::to_string(it->second.second) + "); each key may appear once");
            parent.pendingKey = node;
            return;
        }
        if (isMergeKey(*parent.pendingKey)) {
            checkMergeValue(*node);
            parent.merges.emplace_back(parent.node->entries.size(), node);
        } else {
            parent.node->entries.emplace_back(std::move(parent.pendingKey), node);
        }
        parent.pendingKey = nullptr;
    }

    static YAML::Mark markOf(const YamlNode& node)
    {
        YAML::Mark m;
        m.line = node.line - 1;
        m.column = node.column - 1;
        return m;
    }

    static std::uint64_t saturatingAdd(std::uint64_t a, std::uint64_t b)
    {
        return a > UINT64_MAX - b ? UINT64_MAX : a + b;
    }

    std::string m_file;
    ReadLimits m_limits;
    std::vector<Frame> m_stack;
    std::map<YAML::anchor_t, YamlNode::Ptr> m_anchors;
    YamlNode::Ptr m_root;
    YAML::Mark m_lastMark;
    std::uint64_t m_total = 0;
    int m_documents = 0;
};

/// Ignores everything; used to look for a second document without building it.
class DocumentCounter : public YAML::EventHandler
{
public:
    bool sawDocument = false;
    YAML::Mark where; ///< where the second document starts
    void OnDocumentStart(const YAML::Mark& mark) override
    {
        sawDocument = true;
        where = mark;
        throw StopParsing{}; // one event is all we need
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
};

/// True when a line of the text starts with a document marker ("---" or "...") : only then can the text
/// hold a second document.
bool hasDocumentMarker(std::string_view text)
{
    for (std::size_t at = 0; at < text.size();) {
        const std::string_view line = text.substr(at, text.find('\n', at) - at);
        if ((line.substr(0, 3) == "---" || line.substr(0, 3) == "...") &&
            (line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r'))
            return true;
        const std::size_t end = text.find('\n', at);
        at = end == std::string_view::npos ? text.size() : end + 1;
    }
    return false;
}

/// What yaml-cpp takes for the start of a second document in a text without "---": text its parser
/// stopped at, such as a ',' ']' or '}' outside any [list] or {map}.
Diagnostic strayText(std::string_view text, const YAML::Mark& mark, const std::string& file)
{
    const auto at = mark.pos >= 0 ? static_cast<std::size_t>(mark.pos) : text.size();
    const char c = at < text.size() ? text[at] : '\0';
    std::string message = "YAML syntax error: ";
    if (c == ',' || c == ']' || c == '}')
        message += std::string("unexpected '") + c + "' outside any [list] or {map}; a '" + c +
                   "' belongs inside [ ] or { } (put the value in quotes if the text itself starts with it)";
    else
        message += "unexpected text after the end of the document; expected one YAML document";
    return Diagnostic{Severity::Error, "syntax", message, "",
                      {file, mark.line >= 0 ? mark.line + 1 : 0, mark.column >= 0 ? mark.column + 1 : 0}};
}

/// Text with every lone CR (classic Mac line ending) made an LF, as YAML counts a lone CR as a line
/// break but yaml-cpp does not; CR LF pairs are left alone.
std::string withLineFeeds(std::string_view text)
{
    std::string out(text);
    for (std::size_t i = 0; i < out.size(); ++i)
        if (out[i] == '\r' && (i + 1 == out.size() || out[i + 1] != '\n'))
            out[i] = '\n';
    return out;
}

Diagnostic syntaxError(const YAML::Exception& e, const std::string& file)
{
    std::string msg = e.msg.empty() ? std::string("invalid YAML") : e.msg;
    return Diagnostic{Severity::Error, "syntax", "YAML syntax error: " + msg, "",
                      {file, e.mark.line >= 0 ? e.mark.line + 1 : 0, e.mark.column >= 0 ? e.mark.column + 1 : 0}};
}

} // namespace

YamlDocument parseYaml(std::string_view text, const std::string& fileName, const ReadLimits& limits)
{
    YamlDocument doc;
    if (text.size() > limits.maxBytes) {
        doc.diagnostics.push_back({Severity::Error, "too-large",
                                   "the file is " + std::to_string(text.size()) + " bytes; the limit is " +
                                       std::to_string(limits.maxBytes) + " bytes",
                                   "", {fileName, 0, 0}});
        return doc;
    }
    const std::string body = withLineFeeds(stripBom(text));
    if (auto bad = checkUtf8(body, fileName)) {
        doc.diagnostics.push_back(std::move(*bad));
        return doc;
    }
    std::istringstream in{body};
    try {
        YAML::Parser parser(in);
        TreeBuilder builder(fileName, limits);
        // Only ever ask for a bounded number of documents: looping until the parser says "no more"
        // never ends on some inputs (e.g. a lone ",").
        parser.HandleNextDocument(builder);
        if (builder.documents() == 0 || !builder.root()) {
            doc.diagnostics.push_back({Severity::Error, "empty-document",
                                       "the file is empty; expected a map starting with 'firedrill: 1'", "",
                                       {fileName, 1, 1}});
            return doc;
        }
        DocumentCounter counter;
        try {
            parser.HandleNextDocument(counter);
        } catch (const StopParsing&) {
        }
        if (counter.sawDocument && !hasDocumentMarker(body)) {
            doc.diagnostics.push_back(strayText(body, counter.where, fileName));
            return doc;
        }
        if (counter.sawDocument) {
            doc.diagnostics.push_back({Severity::Error, "multiple-documents",
                                       "the file holds more than one YAML document; expected exactly one", "",
                                       {fileName, 0, 0}});
            return doc;
        }
        doc.root = builder.root();
    } catch (const StopParsing& stop) {
        doc.diagnostics.push_back(stop.diagnostic);
    } catch (const YAML::Exception& e) {
        doc.diagnostics.push_back(syntaxError(e, fileName));
    } catch (const std::exception& e) {
        doc.diagnostics.push_back({Severity::Error, "syntax", std::string("cannot read YAML: ") + e.what(), "",
                                   {fileName, 0, 0}});
    }
    return doc;
}

} // namespace firedrill
