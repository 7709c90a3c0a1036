#pragma once

#include "OpenedDocument.h"
#include "core/model/Result.h"

#include <QString>

namespace firedrill::ui {

/// True when `path` names a workspace, by extension (.firedrill) or by its SQLite header.
bool isWorkspacePath(const QString& path);

/// Opens a `.firedrill` workspace (read-only) or a YAML topology. On failure the error message names the
/// file and, for YAML problems, every error as "file:line:column: error: message". Never throws.
Result<OpenedDocument> openDocument(const QString& path);

} // namespace firedrill::ui
