#pragma once

#include "DocumentLoader.h"

#include <QString>

namespace firedrill::ui {

/// Runs loadDocument(`path`) on a worker thread and waits for it in a local event loop that repaints
/// and runs timers but holds back keyboard and mouse input, so a large file never freezes the window.
/// Returns what loadDocument() returned.
Result<LoadedDocument> loadInBackground(const QString& path);

} // namespace firedrill::ui
