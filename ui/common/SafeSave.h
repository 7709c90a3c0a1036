#pragma once

#include "core/model/Result.h"

#include <QByteArray>
#include <QString>

class QSaveFile;

namespace firedrill::ui {

/// Writes files atomically through QSaveFile, making sure every byte reached the temporary file before it
/// replaces the target. QSaveFile::commit() (Qt 6.4) renames a temporary file whose last buffered bytes
/// could not be written, so on a full disk a truncated file would replace the target; and after a short
/// write Qt reports "Unknown error" instead of the reason. Errors carry the reason only ("No space left on
/// device"); callers name the file.
class SafeSave
{
public:
    /// Writes `bytes` to `path` through a QSaveFile (removing stale temporaries first); the target is
    /// unchanged and no temporary file is left when it fails.
    static Result<void> write(const QString& path, const QByteArray& bytes);
    /// Removes what a writer killed while committing may leave beside `path`: QSaveFile's temporary files,
    /// named `<file name>.XXXXXX` (six letters or digits). Returns how many were removed.
    static int removeStaleTemporaries(const QString& path);
    /// Flushes `file` until its buffer is empty, checks that no write failed, then commits it. On failure the
    /// file is not committed (its temporary file goes when `file` is destroyed).
    static Result<void> commit(QSaveFile& file);
};

} // namespace firedrill::ui
