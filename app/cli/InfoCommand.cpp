#include "CliOutput.h"
#include "Commands.h"
#include "InputDocument.h"

#include "core/model/EnumNames.h"

#include <iomanip>
#include <iostream>
#include <map>

namespace firedrill::cli {

namespace {

nlohmann::json describe(const InputDocument& doc, const std::string& file)
{
    const Topology& t = *doc.topology;
    std::map<std::string, int> byKind;
    for (const auto& c : t.components)
        ++byKind[std::string(toName(c.kind))];
    nlohmann::json regions = nlohmann::json::array();
    for (const auto& r : t.regions)
        regions.push_back({{"id", r.id.str()}, {"name", r.name}, {"pair", r.pair ? r.pair->str() : ""}, {"zones", r.zones}});
    nlohmann::json workloads = nlohmann::json::array();
    for (const auto& w : t.workloads)
        workloads.push_back({{"id", w.id.str()},
                             {"name", w.name},
                             {"entry", w.entry.str()},
                             {"demand_rps", w.demandRps},
                             {"strategy", w.strategy ? std::string(toName(w.strategy->kind)) : "single-region"}});
    nlohmann::json scenarios = nlohmann::json::array();
    for (const auto& s : t.scenarios)
        scenarios.push_back({{"id", s.id.str()}, {"name", s.name}, {"faults", s.faults.size()}});
    nlohmann::json j{{"file", file},
                     {"format", doc.format == FileFormat::Workspace ? "workspace" : "yaml"},
                     {"format_version", t.formatVersion},
                     {"name", t.name},
                     {"description", t.description},
                     {"counts",
                      {{"regions", t.regions.size()},
                       {"sites", t.sites.size()},
                       {"components", t.components.size()},
                       {"workloads", t.workloads.size()},
                       {"policies", t.policies.size()},
                       {"scenarios", t.scenarios.size()}}},
                     {"components_by_kind", byKind},
                     {"regions", regions},
                     {"workloads", workloads},
                     {"scenarios", scenarios},
                     {"warnings", countSeverity(doc.diagnostics, Severity::Warning)}};
    if (doc.workspace)
        j["workspace"] = {{"schema_version", doc.workspace->schemaVersion},
                          {"revisions", doc.workspace->revisions},
                          {"last_saved", doc.workspace->lastSaved},
                          {"last_note", doc.workspace->lastNote},
                          {"damaged_items", doc.workspace->damaged}};
    if (hasErrors(doc.diagnostics)) {
        j["valid"] = false;
        j["diagnostics"] = toJson(doc.diagnostics);
    }
    return j;
}

void printHuman(const nlohmann::json& j)
{
    std::cout << j["name"].get<std::string>() << "\n";
    std::cout << "  file:        " << j["file"].get<std::string>() << " (" << j["format"].get<std::string>()
              << ", format " << j["format_version"].get<int>() << ")\n";
    if (j.contains("workspace")) {
        const auto& w = j["workspace"];
        std::cout << "  workspace:   schema " << w["schema_version"].get<int>() << ", " << w["revisions"].get<std::size_t>()
                  << " revision(s), last saved " << w["last_saved"].get<std::string>();
        if (!w["last_note"].get<std::string>().empty())
            std::cout << " (\"" << w["last_note"].get<std::string>() << "\")";
        std::cout << "\n";
        if (const auto damaged = w["damaged_items"].get<std::size_t>(); damaged > 0)
            std::cout << "  damage:      " << damaged
                      << " damaged item(s) in older revisions, drill plans or approval trails (listed above)\n";
    }
    const auto& c = j["counts"];
    std::cout << "  contents:    " << c["regions"] << " regions, " << c["sites"] << " sites, " << c["components"]
              << " components, " << c["workloads"] << " workloads, " << c["policies"] << " policies, "
              << c["scenarios"] << " scenarios\n";
    std::cout << "  regions:\n";
    for (const auto& r : j["regions"])
        std::cout << "    " << std::left << std::setw(16) << r["id"].get<std::string>() + " " << r["name"].get<std::string>()
                  << " (" << r["zones"].get<int>() << " zones"
                  << (r["pair"].get<std::string>().empty() ? "" : ", paired with " + r["pair"].get<std::string>())
                  << ")\n";
    std::cout << "  components by kind:\n";
    for (const auto& [kind, count] : j["components_by_kind"].items())
        std::cout << "    " << std::left << std::setw(22) << kind << count.get<int>() << "\n";
    std::cout << "  workloads:\n";
    for (const auto& w : j["workloads"])
        std::cout << "    " << std::left << std::setw(16) << w["id"].get<std::string>() + " " << w["name"].get<std::string>()
                  << " — " << w["strategy"].get<std::string>() << ", " << w["demand_rps"].get<double>() << " req/s\n";
    std::cout << "  scenarios:\n";
    for (const auto& s : j["scenarios"])
        std::cout << "    " << std::left << std::setw(16) << s["id"].get<std::string>() + " " << s["name"].get<std::string>()
                  << " (" << s["faults"].get<std::size_t>() << " fault(s))\n";
}

} // namespace

int runInfo(const InfoOptions& options)
{
    const InputDocument doc = loadInput(options.file, InputDepth::Everything);
    // A workspace whose newest topology reads is described even when older items are damaged; the
    // damage is listed first and the exit code says it.
    const bool damagedWorkspace = doc.topology && doc.workspace && doc.workspace->damaged > 0;
    if (damagedWorkspace) {
        printDiagnostics(std::cerr, doc.diagnostics);
        const nlohmann::json j = describe(doc, options.file);
        if (options.json)
            std::cout << j.dump(2) << '\n';
        else
            printHuman(j);
        return ExitCode::InvalidInput;
    }
    if (!doc.ok()) {
        printDiagnostics(std::cerr, doc.diagnostics);
        if (options.json)
            std::cout << nlohmann::json{{"file", options.file}, {"valid", false}, {"diagnostics", toJson(doc.diagnostics)}}.dump(2)
                      << '\n';
        return ExitCode::InvalidInput;
    }
    const nlohmann::json j = describe(doc, options.file);
    if (options.json)
        std::cout << j.dump(2) << '\n';
    else
        printHuman(j);
    return ExitCode::Ok;
}

} // namespace firedrill::cli
