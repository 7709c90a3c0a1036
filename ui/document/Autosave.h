#pragma once

#include "core/model/Topology.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <optional>

class QTimer;

namespace firedrill::ui {

class Document;

/// Periodically writes the topology of a dirty document to a side file next to it (`<file>.autosave.yaml`,
/// or `untitled.autosave.yaml` in the application's data folder for new documents), atomically through
/// QSaveFile. It never touches the document's own file. The side file is removed by a clean save, a close,
/// a revert, or when the user declines to restore it.
class Autosave : public QObject
{
    Q_OBJECT

public:
    /// A side file found for a document, as offered for restoring.
    struct Recovery
    {
        QString sidePath;     ///< the autosave file
        QString originalPath; ///< the document it belongs to (empty: an untitled document)
        QDateTime savedAt;    ///< when it was written
        Topology topology;    ///< what it holds
    };

    /// The default interval, in minutes.
    static constexpr int kDefaultIntervalMinutes = 2;

    /// Watches `document`; the timer runs on the GUI thread.
    explicit Autosave(Document* document, QObject* parent = nullptr);

    /// Sets the autosave interval; 0 turns autosave off.
    void setIntervalMinutes(int minutes);
    /// The interval, in minutes (0: off).
    int intervalMinutes() const { return m_minutes; }
    /// The side file for a document at `documentPath` (empty: untitled): beside the document, or, when
    /// its folder may not be written (a read-only workspace), in the application's data folder.
    static QString sidePathFor(const QString& documentPath);
    /// The side file for a document whose folder may not be written, in the application's data folder.
    static QString sidePathInDataFolder(const QString& documentPath);
    /// The side file for the current document.
    QString sidePath() const;
    /// Writes the side file now when the document has unsaved changes; true when a file was written.
    bool autosaveNow();
    /// A side file for `documentPath` that is newer than the document's file and readable, if any.
    /// Unreadable or stale side files are left alone.
    static std::optional<Recovery> findRecovery(const QString& documentPath);
    /// Removes the current document's side file (and the last one written, when it belonged elsewhere).
    void discard();
    /// Takes over `sidePath` (a restored autosave) so a later save or close removes it.
    void adopt(const QString& sidePath) { m_lastWritten = sidePath; }
    /// Removes the side file at `sidePath`.
    static void remove(const QString& sidePath);

signals:
    /// A side file was written.
    void written(const QString& sidePath);
    /// Writing failed; `message` says why.
    void failed(const QString& message);

private:
    void onFileChanged();

    Document* m_document;
    QTimer* m_timer;
    int m_minutes = kDefaultIntervalMinutes;
    QString m_lastWritten;
    QString m_documentPath;
};

} // namespace firedrill::ui
