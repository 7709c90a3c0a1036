#include "DocumentLoader.h"

#include "core/io/InputPath.h"
#include "core/io/TopologyFile.h"
#include "core/model/Validator.h"
#include "core/store/Workspace.h"
#include "ui/common/DisplayText.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <exception>
#include <optional>

namespace firedrill::ui {

namespace {

/// At most this many errors are spelled out in a message; the rest are counted.
constexpr std::size_t kMaxListedErrors = 12;

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

std::filesystem::path toPath(const QString& path)
{
    return std::filesystem::path(path.toStdU16String());
}

QString errorList(const std::vector<Diagnostic>& diagnostics)
{
    QStringList lines;
    std::size_t errors = 0;
    for (const Diagnostic& d : diagnostics) {
        if (d.severity != Severity::Error)
            continue;
        if (++errors <= kMaxListedErrors)
            lines << fromStd(d.format());
    }
    if (errors > kMaxListedErrors)
        lines << countText(errors - kMaxListedErrors, "… and %1 more error.", "… and %1 more errors.");
    return lines.join(QLatin1Char('\n'));
}

QString localTime(const std::string& isoUtc)
{
    QDateTime when = QDateTime::fromString(fromStd(isoUtc), Qt::ISODateWithMs);
    if (!when.isValid())
        when = QDateTime::fromString(fromStd(isoUtc), Qt::ISODate);
    if (!when.isValid())
        return fromStd(isoUtc);
    return when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

Result<OpenedDocument> openYaml(const QString& path)
{
    LoadResult loaded = loadTopologyYamlFile(toPath(path));
    if (!loaded.ok()) {
        QString message =
            QObject::tr("“%1” is not a valid Firedrill topology.").arg(QFileInfo(path).fileName());
        const QString errors = errorList(loaded.diagnostics);
        if (!errors.isEmpty())
            message += QLatin1Char('\n') + errors;
        return Error{"invalid-topology", message.toStdString()};
    }
    OpenedDocument doc;
    doc.path = path;
    doc.format = OpenedDocument::Format::Yaml;
    doc.topology = std::move(*loaded.topology);
    doc.diagnostics = std::move(loaded.diagnostics);
    return doc;
}

Result<OpenedDocument> openWorkspace(const QString& path)
{
    auto workspace = Workspace::open(toPath(path), OpenMode::ReadOnly);
    if (!workspace)
        return workspace.error();
    auto topology = workspace->currentTopology();
    if (!topology)
        return topology.error();
    auto revisions = workspace->revisions();
    if (!revisions)
        return revisions.error();

    OpenedDocument doc;
    doc.path = path;
    doc.format = OpenedDocument::Format::Workspace;
    doc.topology = std::move(*topology);
    // A workspace is the document of record: it opens even when its topology has problems, which the
    // Problems panel then lists.
    doc.diagnostics = validate(doc.topology);
    for (auto it = revisions->rbegin(); it != revisions->rend(); ++it)
        doc.revisions.push_back({it->id, localTime(it->savedAt), fromStd(it->note)});
    return doc;
}

/// What the message bar says after an interrupted save was rolled back: the revision that is intact.
QString recoveryNote(const OpenedDocument& doc)
{
    if (doc.revisions.empty())
        return QObject::tr("This workspace was not closed cleanly; the unfinished save was rolled back.");
    const RevisionEntry& newest = doc.revisions.front();
    const QString when = newest.note.isEmpty()
                             ? QObject::tr("saved %1").arg(newest.savedAt)
                             : QObject::tr("saved %1, “%2”").arg(newest.savedAt, newest.note);
    return QObject::tr("This workspace was not closed cleanly; the last unsaved write was rolled back. "
                       "Revision %1 (%2) is intact and is the newest of %3.")
        .arg(newest.id)
        .arg(when, countText(doc.revisions.size(), "%1 revision", "%1 revisions"));
}

} // namespace

bool isWorkspacePath(const QString& path)
{
    return path.endsWith(QLatin1String(".firedrill"), Qt::CaseInsensitive) ||
           Workspace::isWorkspaceFile(toPath(path));
}

Result<OpenedDocument> openDocument(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error{
            "not-found",
            QObject::tr("The file “%1” does not exist.").arg(QDir::toNativeSeparators(path)).toStdString()};
    if (info.isDir())
        return Error{
            "is-directory",
            QObject::tr("“%1” is a folder, not a file.").arg(QDir::toNativeSeparators(path)).toStdString()};
    // A FIFO, device or socket is refused before anything opens it (reading a FIFO waits for ever).
    if (auto regular = checkInputFile(toPath(path)); !regular)
        return regular.error();
    const QString absolute = info.absoluteFilePath();
    try {
        return isWorkspacePath(absolute) ? openWorkspace(absolute) : openYaml(absolute);
    } catch (const std::exception& e) {
        return Error{"internal", QObject::tr("Could not read “%1”: %2")
                                     .arg(info.fileName(), QString::fromLocal8Bit(e.what()))
                                     .toStdString()};
    }
}

Result<LoadedDocument> loadDocument(const QString& path)
{
    Result<OpenedDocument> opened = openDocument(path);
    std::optional<Result<Workspace>> recovered;
    if (!opened && opened.error().code == "needs-recovery") {
        // A crash interrupted a save: opening for editing rolls it back, then the file reads as usual.
        const QString absolute = QFileInfo(path).absoluteFilePath();
        recovered.emplace(Workspace::open(toPath(absolute), OpenMode::ReadWrite));
        if (!*recovered)
            return Error{"needs-recovery",
                         opened.error().message + "\n\n" +
                             QObject::tr("Firedrill tried to recover it and could not: %1")
                                 .arg(fromStd((*recovered).error().message))
                                 .toStdString()};
        opened = openDocument(absolute);
    }
    if (!opened)
        return opened.error();
    LoadedDocument loaded;
    loaded.opened = std::move(opened).value();
    if (loaded.opened.format != OpenedDocument::Format::Workspace)
        return loaded;
    auto rw = recovered ? std::move(*recovered) : Workspace::open(toPath(loaded.opened.path), OpenMode::ReadWrite);
    if (rw) {
        if (rw->file().recoveredInterruptedSave())
            loaded.recoveryNote = recoveryNote(loaded.opened);
        loaded.workspace = std::make_unique<Workspace>(std::move(rw).value());
        return loaded;
    }
    // Someone else holds the lock, or the file may not be changed: show it, but Save is refused (Save As
    // still works).
    auto ro = Workspace::open(toPath(loaded.opened.path), OpenMode::ReadOnly);
    if (!ro)
        return rw.error();
    loaded.workspace = std::make_unique<Workspace>(std::move(ro).value());
    loaded.readOnly = true;
    loaded.readOnlyReason = fromStd(rw.error().message);
    loaded.readOnlyCause = rw.error().code == "read-only" ? ReadOnlyCause::NotWritable : ReadOnlyCause::HeldElsewhere;
    return loaded;
}

} // namespace firedrill::ui
