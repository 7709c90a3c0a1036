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
        m_stack.push_back(Frame{std::move(node), anchor, nullptr, {}});
    }

    void close()
    {
        Frame frame = std::move(m_stack.back());
        m_stack.pop_back();
        complete(frame.node, frame.anchor);
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
        parent.node->entries.emplace_back(std::move(parent.pendingKey), node);
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
    void OnDocumentStart(const YAML::Mark&) override
    {
        sawDocument = true;
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
    if (auto bad = checkUtf8(text, fileName)) {
        doc.diagnostics.push_back(std::move(*bad));
        return doc;
    }
    std::istringstream in{std::string(stripBom(text))};
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
