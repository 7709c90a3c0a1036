#pragma once

#include "core/model/Diagnostic.h"
#include "core/model/Topology.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace firedrill::cli {

/// The two file formats the CLI reads and writes.
enum class FileFormat { Yaml, Workspace };

/// The format a path names by its extension (.firedrill is a workspace, .yaml/.yml are YAML).
std::optional<FileFormat> formatFromExtension(const std::filesystem::path& path);

/// Facts about a workspace file beyond its topology.
struct WorkspaceFacts
{
    int schemaVersion = 0;
    std::size_t revisions = 0;
    std::string lastSaved;
    std::string lastNote;
    std::size_t damaged = 0; ///< items auditWorkspace() found damaged (InputDepth::Everything only)
};

/// How much of a workspace loadInput() reads: the newest revision (what a command works on), or every
/// revision, drill plan version and approval trail, checked against the checksums the store keeps.
enum class InputDepth { Current, Everything };

/// A topology read from either format, with every diagnostic.
struct InputDocument
{
    FileFormat format = FileFormat::Yaml;
    std::optional<Topology> topology;
    std::vector<Diagnostic> diagnostics;
    std::optional<WorkspaceFacts> workspace;

    bool ok() const { return topology.has_value() && !hasErrors(diagnostics); }
};

/// Reads a YAML topology or a workspace (read-only, without taking its lock). The format is
/// sniffed from the content, so a workspace with a .yaml name is still read correctly. Anything but a
/// regular file (a FIFO, a device, a socket, a folder) is refused before it is opened. With
/// InputDepth::Everything each damaged item of a workspace is one error diagnostic (code "corrupt").
InputDocument loadInput(const std::filesystem::path& path, InputDepth depth = InputDepth::Current);

/// `text` quoted for a POSIX shell when it needs it (a path in a command the user is told to run).
std::string shellQuoted(const std::string& text);

} // namespace firedrill::cli
