#include "Autosave.h"

#include "Document.h"
#include "core/io/TopologyFile.h"
#include "ui/common/SafeSave.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>

namespace firedrill::ui {

namespace {

const char* const kMagic = "# Firedrill autosave";
const char* const kOriginalKey = "# original: ";
const char* const kSavedKey = "# saved: ";

/// The value of a "# key: value" header line, or an empty string.
QString headerValue(const QByteArray& text, const char* key)
{
    const QByteArray prefix(key);
    for (const QByteArray& line : text.split('\n')) {
        if (!line.startsWith('#'))
            break;
        if (line.startsWith(prefix))
            return QString::fromUtf8(line.mid(prefix.size())).trimmed();
    }
    return {};
}

} // namespace

Autosave::Autosave(Document* document, QObject* parent)
    : QObject(parent), m_document(document), m_timer(new QTimer(this)), m_documentPath(document->path())
{
    m_timer->setTimerType(Qt::VeryCoarseTimer);
    connect(m_timer, &QTimer::timeout, this, &Autosave::autosaveNow);
    connect(document, &Document::saved, this, &Autosave::discard);
    connect(document, &Document::fileChanged, this, &Autosave::onFileChanged);
    setIntervalMinutes(kDefaultIntervalMinutes);
}

void Autosave::setIntervalMinutes(int minutes)
{
    m_minutes = std::max(0, minutes);
    if (m_minutes == 0) {
        m_timer->stop();
        return;
    }
    m_timer->start(m_minutes * 60 * 1000);
}

QString Autosave::sidePathFor(const QString& documentPath)
{
    if (!documentPath.isEmpty() && !QFileInfo(QFileInfo(documentPath).absolutePath()).isWritable())
        return sidePathInDataFolder(documentPath);
    if (!documentPath.isEmpty())
        return documentPath + QStringLiteral(".autosave.yaml");
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(folder).filePath(QStringLiteral("untitled.autosave.yaml"));
}

QString Autosave::sidePathInDataFolder(const QString& documentPath)
{
    // One name per document path: its file name for the reader, a hash of the whole path to tell apart
    // documents of the same name in different folders.
    const QString absolute = QFileInfo(documentPath).absoluteFilePath();
    const QByteArray hash = QCryptographicHash::hash(absolute.toUtf8(), QCryptographicHash::Sha1).toHex().left(12);
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(folder).filePath(QStringLiteral("%1-%2.autosave.yaml")
                                     .arg(QFileInfo(documentPath).fileName(), QString::fromLatin1(hash)));
}

QString Autosave::sidePath() const
{
    return sidePathFor(m_document->path());
}

bool Autosave::autosaveNow()
{
    if (!m_document->isModified())
        return false;
    const QString path = sidePath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    QByteArray text = QByteArray(kMagic) + " — restore it from Firedrill; this is not the document itself.\n";
    text += QByteArray(kOriginalKey) + m_document->path().toUtf8() + '\n';
    text += QByteArray(kSavedKey) + QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toUtf8() + '\n';
    text += QByteArray::fromStdString(writeTopologyYaml(m_document->topology()));
    if (auto written = SafeSave::write(path, text); !written) {
        emit failed(
            tr("Could not autosave to “%1”: %2").arg(path, QString::fromStdString(written.error().message)));
        return false;
    }
    if (!m_lastWritten.isEmpty() && m_lastWritten != path)
        remove(m_lastWritten);
    m_lastWritten = path;
    emit written(path);
    return true;
}

std::optional<Autosave::Recovery> Autosave::findRecovery(const QString& documentPath)
{
    QString side = sidePathFor(documentPath);
    // Written while the folder was read-only, found now that it is writable (or the other way round).
    if (!documentPath.isEmpty() && !QFileInfo(side).isFile())
        side = side == sidePathInDataFolder(documentPath) ? documentPath + QStringLiteral(".autosave.yaml")
                                                          : sidePathInDataFolder(documentPath);
    const QFileInfo sideInfo(side);
    if (!sideInfo.isFile())
        return std::nullopt;
    if (!documentPath.isEmpty()) {
        const QFileInfo original(documentPath);
        if (original.exists() && sideInfo.lastModified() < original.lastModified())
            return std::nullopt; // saved after the autosave: stale
    }
    QFile file(side);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray text = file.readAll();
    if (!text.startsWith(kMagic))
        return std::nullopt;
    LoadResult loaded = readTopologyYaml(std::string_view(text.constData(), static_cast<std::size_t>(text.size())),
                                         side.toStdString());
    if (!loaded.topology)
        return std::nullopt;
    Recovery recovery;
    recovery.sidePath = side;
    recovery.originalPath = headerValue(text, kOriginalKey);
    recovery.savedAt = QDateTime::fromString(headerValue(text, kSavedKey), Qt::ISODate);
    recovery.topology = std::move(*loaded.topology);
    return recovery;
}

void Autosave::discard()
{
    remove(sidePath());
    if (!m_lastWritten.isEmpty())
        remove(m_lastWritten);
    m_lastWritten.clear();
}

void Autosave::remove(const QString& sidePath)
{
    if (!sidePath.isEmpty() && QFileInfo(sidePath).isFile())
        QFile::remove(sidePath);
}

void Autosave::onFileChanged()
{
    // The document now belongs to another file: what was autosaved for the previous one was dropped
    // (Save As moved it, or the user chose not to save it).
    const QString now = m_document->path();
    if (now == m_documentPath)
        return;
    if (!m_lastWritten.isEmpty())
        remove(m_lastWritten);
    m_lastWritten.clear();
    m_documentPath = now;
}

} // namespace firedrill::ui
