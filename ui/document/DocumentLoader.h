#pragma once

#include "OpenedDocument.h"
#include "core/model/Result.h"
#include "core/store/Workspace.h"

#include <QString>
#include <memory>

namespace firedrill::ui {

/// True when `path` names a workspace, by extension (.firedrill) or by its SQLite header.
bool isWorkspacePath(const QString& path);

/// Opens a `.firedrill` workspace (read-only) or a YAML topology. On failure the error message names the
/// file and, for YAML problems, every error as "file:line:column: error: message". Never throws.
Result<OpenedDocument> openDocument(const QString& path);

/// A file read and, for a workspace, held for editing: everything Document::adopt() needs. Built on any
/// thread, so the window can read a large file without freezing.
struct LoadedDocument
{
    OpenedDocument opened;
    std::unique_ptr<Workspace> workspace; ///< null for YAML files
    bool readOnly = false;                ///< the workspace cannot be saved in place: Save is refused
    QString readOnlyReason;               ///< core's message: who holds it, or which permission forbids it
    ReadOnlyCause readOnlyCause = ReadOnlyCause::None;
    QString recoveryNote; ///< set when opening rolled back a save a crash interrupted: what is intact
};

/// Reads `path` (openDocument()) and, for a workspace, opens it read-write with its lock, or read-only
/// when someone else holds the lock or the file may not be changed. A workspace a crash left with an
/// unfinished save (a hot journal) is opened for editing first, which rolls that save back, and
/// `recoveryNote` says so. Never throws; touches nothing but the file (and its journal).
Result<LoadedDocument> loadDocument(const QString& path);

} // namespace firedrill::ui
