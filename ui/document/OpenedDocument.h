#pragma once

#include "core/model/Diagnostic.h"
#include "core/model/Topology.h"

#include <QString>
#include <vector>

namespace firedrill::ui {

/// Why a workspace is open read-only (Save is off; Save As writes a copy that can be edited).
enum class ReadOnlyCause
{
    None,          ///< editable
    HeldElsewhere, ///< another Firedrill holds its lock
    NotWritable,   ///< the file's or its folder's permissions, or a read-only file system, forbid changes
};

/// One saved revision of a workspace, as the Revisions panel lists it.
struct RevisionEntry
{
    qint64 id = 0;
    QString savedAt; ///< local time, "yyyy-MM-dd HH:mm"
    QString note;
};

/// A topology opened from a file, with what the window shows beside it. Read-only for now.
struct OpenedDocument
{
    /// The two file formats the window opens.
    enum class Format { Yaml, Workspace };

    QString path; ///< absolute path of the file
    Format format = Format::Yaml;
    Topology topology;
    std::vector<Diagnostic> diagnostics;  ///< warnings found while loading (never errors)
    std::vector<RevisionEntry> revisions; ///< newest first; empty for YAML files
};

} // namespace firedrill::ui
