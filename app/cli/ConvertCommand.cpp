#include "CliOutput.h"
#include "Commands.h"
#include "InputDocument.h"

#include "OutputFile.h"

#include "core/io/TopologyFile.h"
#include "core/store/TempFile.h"
#include "core/store/Workspace.h"

#include <iostream>
#include <system_error>

namespace firedrill::cli {

namespace {

int fail(const ConvertOptions& options, const std::string& message, int code)
{
    if (options.json)
        std::cout << nlohmann::json{{"ok", false}, {"error", message}}.dump(2) << '\n';
    std::cerr << "firedrill-cli: " << message << '\n';
    return code;
}

} // namespace

int runConvert(const ConvertOptions& options)
{
    const auto outFormat = formatFromExtension(options.output);
    if (!outFormat)
        return fail(options, "cannot tell the output format of '" + options.output +
                                 "': use a .firedrill, .yaml or .yml extension",
                    ExitCode::UsageError);
    const auto target = inspectOutputTarget(options.output);
    if (!target)
        return fail(options, target.error().message, ExitCode::UsageError);
    if (*target == OutputTarget::RegularFile && !options.force)
        return fail(options, "'" + options.output + "' already exists; use --force to replace it",
                    ExitCode::UsageError);
    if (*target == OutputTarget::Stream && *outFormat != FileFormat::Yaml)
        return fail(options, "refusing to write to " + options.output +
                                 ": a workspace is a database file, it cannot be written into a FIFO or device",
                    ExitCode::UsageError);

    InputDocument doc = loadInput(options.input);
    if (!doc.ok()) {
        if (options.json)
            std::cout << nlohmann::json{{"ok", false}, {"diagnostics", toJson(doc.diagnostics)}}.dump(2) << '\n';
        printDiagnostics(std::cerr, doc.diagnostics);
        std::cerr << options.input << ": not converted (" << countText(doc.diagnostics) << ")\n";
        return ExitCode::InvalidInput;
    }
    printDiagnostics(std::cerr, doc.diagnostics); // warnings

    if (*outFormat == FileFormat::Yaml) {
        if (auto written = writeOutputFile(options.output, writeTopologyYaml(*doc.topology)); !written)
            return fail(options, written.error().message,
                        written.error().code == "refused" ? ExitCode::UsageError : ExitCode::InvalidInput);
    } else {
        // Workspace::create builds the file beside the target and renames it into place.
        const std::string note = options.note.empty()
                                     ? "Imported from " + std::filesystem::path(options.input).filename().string()
                                     : options.note;
        std::error_code ec;
        if (options.force && std::filesystem::exists(options.output, ec) &&
            std::filesystem::equivalent(options.input, options.output, ec))
            return fail(options, "input and output are the same file", ExitCode::UsageError);
        TempFile::removeAbandoned(options.output);
        auto ws = Workspace::create(options.output, *doc.topology, note);
        if (!ws)
            return fail(options, ws.error().message, ExitCode::InvalidInput);
        if (auto closed = ws->close(); !closed)
            return fail(options, closed.error().message, ExitCode::InvalidInput);
    }
    if (options.json)
        std::cout << nlohmann::json{{"ok", true}, {"input", options.input}, {"output", options.output}}.dump(2) << '\n';
    else
        std::cout << options.input << " -> " << options.output << '\n';
    return ExitCode::Ok;
}

} // namespace firedrill::cli
