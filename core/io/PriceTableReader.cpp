#include "PriceTableReader.h"

#include "YamlFieldReader.h"
#include "YamlTree.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <system_error>
#include <tuple>

namespace firedrill {

namespace yv = yamlvalue;

namespace {

constexpr std::size_t kMaxPriceTableBytes = std::size_t{1024} * 1024;

/// A price: a plain number, 0 or more.
std::optional<double> price(ReadContext& ctx, const YamlNode& n, const std::string& what)
{
    auto v = yv::number(ctx, n, what);
    if (v && *v < 0.0) {
        ctx.error(n, "bad-value", what + " must be 0 or more, not " + n.text);
        return std::nullopt;
    }
    return v;
}

/// True for "YYYY-MM-DD" with a month 01..12 and a day 01..31.
bool isIsoDate(const std::string& s)
{
    if (s.size() != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (i != 4 && i != 7 && !std::isdigit(static_cast<unsigned char>(s[i])))
            return false;
    const int month = std::stoi(s.substr(5, 2));
    const int day = std::stoi(s.substr(8, 2));
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/// Reads `per_gb`: a number for every redundancy, or (storage accounts) a map with one price per redundancy.
void readPerGb(ReadContext& ctx, const YamlNode& n, KindPrice& out)
{
    if (n.type != YamlNode::Type::Map) {
        out.perGb = price(ctx, n, "per_gb");
        return;
    }
    if (out.kind != ComponentKind::StorageAccount) {
        ctx.error(n, "bad-type", "per_gb by redundancy only applies to storage-account; give one number");
        return;
    }
    for (const auto& [key, value] : n.entries) {
        const auto redundancy = fromName<StorageRedundancy>(key->text);
        if (!redundancy) {
            ctx.error(*key, "bad-value",
                      "'" + key->text + "' is not a storage redundancy; expected " +
                          nameList<StorageRedundancy>());
            continue;
        }
        if (auto v = price(ctx, *value, "per_gb " + key->text))
            out.perGbByRedundancy[*redundancy] = *v;
    }
    std::string missing;
    for (const auto& entry : enumNames<StorageRedundancy>())
        if (!n.find(entry.name))
            missing += (missing.empty() ? "" : ", ") + std::string(entry.name);
    if (!missing.empty())
        ctx.error(n, "missing-key", "per_gb by redundancy must price every redundancy; missing " + missing);
}

/// Reads one entry of `kinds`.
std::optional<KindPrice> readKindPrice(ReadContext& ctx, const YamlNode& n, std::size_t index)
{
    const YamlNode* kindNode = n.type == YamlNode::Type::Map ? n.find("kind") : nullptr;
    const std::string path =
        "kinds[" +
        (kindNode && kindNode->type == YamlNode::Type::Scalar ? kindNode->text
                                                              : "#" + std::to_string(index)) +
        "]";
    YamlFieldReader r(ctx, n, path, "a price entry");
    if (!r.valid())
        return std::nullopt;
    KindPrice out;
    std::optional<ComponentKind> kind;
    r.required("kind", kind, yv::enumeration<ComponentKind>);
    r.value("unit", out.unit, yv::text);
    r.optional("per_instance", out.perInstance, price);
    r.optional("per_endpoint", out.perEndpoint, price);
    r.optional("per_gateway", out.perGateway, price);
    r.value("note", out.note, yv::text);
    const YamlNode* perGb = r.get("per_gb");
    if (!kind)
        return std::nullopt;
    out.kind = *kind;
    if (perGb)
        readPerGb(ctx, *perGb, out);
    const auto priced = [&](std::string_view key) { return n.find(key) && !n.find(key)->isNull(); };
    if (!priced("per_instance") && !priced("per_gb") && !priced("per_endpoint") && !priced("per_gateway"))
        ctx.error(n, "missing-key",
                  "the entry for " + std::string(kindName(out.kind)) +
                      " has no price; give per_instance, per_gb, per_endpoint or per_gateway",
                  path);
    if (priced("per_endpoint") && !isGlobal(out.kind))
        ctx.error(*n.find("per_endpoint"), "bad-key",
                  "per_endpoint only applies to traffic-manager and front-door");
    if (priced("per_gateway") && !isLink(out.kind))
        ctx.error(*n.find("per_gateway"), "bad-key",
                  "per_gateway only applies to vpn-gateway and expressroute");
    if (out.unit.empty())
        ctx.error(*n.find("unit"), "bad-value", "unit must not be empty");
    return out;
}

/// Maps the root map onto a PriceTable, reporting every problem to `ctx`.
PriceTable mapPriceTable(ReadContext& ctx, const YamlNode& root)
{
    PriceTable table;
    YamlFieldReader r(ctx, root, "", "a price table");
    if (!r.valid())
        return table;
    int version = 0;
    r.required("prices", version, yv::integer);
    if (const YamlNode* v = r.get("prices"); v && version != 0 && version != kPriceTableFormatVersion)
        ctx.error(*v, "unsupported-version",
                  "price table version " + std::to_string(version) +
                      " is not supported; this build reads version " +
                      std::to_string(kPriceTableFormatVersion));
    std::string currency;
    r.required("currency", currency, yv::text);
    if (const YamlNode* c = r.get("currency"); c && !currency.empty() && currency != "USD")
        ctx.error(*c, "bad-value",
                  "currency '" + currency +
                      "' is not supported; component costs are USD, so "
                      "the price table must be USD too");
    table.setCurrency(currency);
    std::string date;
    r.required("date", date, yv::text);
    if (const YamlNode* d = r.get("date"); d && !date.empty() && !isIsoDate(date))
        ctx.error(*d, "bad-value", "date '" + date + "' must be written YYYY-MM-DD");
    table.setDate(date);
    std::string source;
    r.required("source", source, yv::text);
    if (const YamlNode* s = r.get("source"); s && source.empty())
        ctx.error(*s, "bad-value", "source must say where the prices come from");
    table.setSource(source);
    std::string region;
    r.value("region", region, yv::text);
    table.setRegion(region);
    const YamlNode* kinds = r.get("kinds");
    if (!kinds)
        ctx.error(root, "missing-key", "a price table needs 'kinds', the list of prices per component kind");
    std::vector<std::pair<ComponentKind, const YamlNode*>> seen;
    forEachItem(ctx, kinds, "kinds", [&](const YamlNode& item, std::size_t index) {
        auto entry = readKindPrice(ctx, item, index);
        if (!entry)
            return;
        const auto first =
            std::find_if(seen.begin(), seen.end(), [&](const auto& s) { return s.first == entry->kind; });
        if (first != seen.end()) {
            ctx.error(*item.find("kind"), "duplicate-kind",
                      std::string(kindName(entry->kind)) + " is priced twice; the first entry is on line " +
                          std::to_string(first->second->line));
            return;
        }
        seen.emplace_back(entry->kind, &item);
        table.add(std::move(*entry));
    });
    return table;
}

/// One Error that lists every diagnostic, first one's code.
Error toError(std::vector<Diagnostic> diagnostics)
{
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
    });
    std::string message;
    for (auto& d : diagnostics) {
        d.severity = Severity::Error; // unknown keys too: a mistyped price must not read as 0
        if (d.code == "unknown-key")
            if (const auto at = d.message.find(" is ignored;"); at != std::string::npos)
                d.message.replace(at, 12, ";");
        if (d.code == "empty-document")
            d.message = "the file is empty; expected a map starting with 'prices: 1'";
        message += (message.empty() ? "" : "\n") + d.format();
    }
    return Error{diagnostics.front().code, message};
}

} // namespace

Result<PriceTable> readPriceTable(std::string_view text, const std::string& fileName)
{
    ReadLimits limits;
    limits.maxBytes = kMaxPriceTableBytes;
    limits.maxDepth = 16;
    limits.maxNodes = 100'000;
    YamlDocument doc = parseYaml(text, fileName, limits);
    if (!doc.root)
        return toError(std::move(doc.diagnostics));
    ReadContext ctx(fileName);
    PriceTable table = mapPriceTable(ctx, *doc.root);
    doc.diagnostics.insert(doc.diagnostics.end(), ctx.diagnostics().begin(), ctx.diagnostics().end());
    if (!doc.diagnostics.empty())
        return toError(std::move(doc.diagnostics));
    return table;
}

Result<PriceTable> loadPriceTable(const std::filesystem::path& path)
{
    const std::string name = path.string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return Error{"not-found",
                     name + ": error: the price table file does not exist or is not a regular file"};
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size > kMaxPriceTableBytes)
        return Error{"too-large", name + ": error: a price table may be at most " +
                                      std::to_string(kMaxPriceTableBytes) + " bytes"};
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{"io", name + ": error: cannot open the price table for reading"};
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    return readPriceTable(text, name);
}

const PriceTable& builtInPriceTable()
{
    static const PriceTable table = [] {
        auto r = readPriceTable(builtInPriceTableText(), "built-in price table");
        if (r)
            return std::move(r).value();
        PriceTable empty; // unreachable while the shipped table parses (tests/analysis/test_cost.cpp)
        empty.setCurrency("USD");
        empty.setSource(r.error().message);
        return empty;
    }();
    return table;
}

} // namespace firedrill
