#include "CliOutput.h"
#include "Commands.h"
#include "InputDocument.h"

#include "core/io/TopologyFile.h"
#include "core/store/Workspace.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <system_error>
#include <unistd.h>

namespace firedrill::cli {

namespace {

/// Writes text to a temporary file beside `target`, flushes it to disk and renames it into place.
bool writeFileAtomically(const std::filesystem::path& target, const std::string& text, std::string& error)
{
    const std::filesystem::path tmp = target.string() + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) {
            error = "cannot create " + tmp.string();
            return false;
        }
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.flush();
        if (!out) {
            error = "cannot write " + tmp.string() + " (disk full?)";
            out.close();
            std::filesystem::remove(tmp);
            return false;
        }
    }
    if (FILE* f = std::fopen(tmp.c_str(), "rb")) {
        ::fsync(::fileno(f));
        std::fclose(f);
    }
    std::error_code ec;
    std::filesystem::rename(tmp, target, ec);
    if (ec) {
        error = "cannot replace " + target.string() + ": " + ec.message();
        std::filesystem::remove(tmp);
        return false;
    }
    return true;
}

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
    if (std::filesystem::exists(options.output) && !options.force)
        return fail(options, "'" + options.output + "' already exists; use --force to replace it",
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

    std::string error;
    if (*outFormat == FileFormat::Yaml) {
        if (!writeFileAtomically(options.output, writeTopologyYaml(*doc.topology), error))
            return fail(options, error, ExitCode::InvalidInput);
    } else {
        // Workspace::create builds the file beside the target and renames it into place.
        const std::string note = options.note.empty()
                                     ? "Imported from " + std::filesystem::path(options.input).filename().string()
                                     : options.note;
        std::error_code ec;
        if (options.force && std::filesystem::exists(options.output, ec) &&
            std::filesystem::equivalent(options.input, options.output, ec))
            return fail(options, "input and output are the same file", ExitCode::UsageError);
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
