#include "SafeSave.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace firedrill::ui {

namespace {

Error failure(const QSaveFile& file)
{
    const QString reason = file.errorString();
    return Error{"io", (reason.isEmpty() ? QStringLiteral("write error") : reason).toStdString()};
}

} // namespace

int SafeSave::removeStaleTemporaries(const QString& path)
{
    const QFileInfo target(path);
    const QRegularExpression temporary(
        QStringLiteral("^%1\\.[A-Za-z0-9]{6}$").arg(QRegularExpression::escape(target.fileName())));
    QDir folder = target.absoluteDir();
    int removed = 0;
    for (const QFileInfo& entry : folder.entryInfoList(QDir::Files | QDir::Hidden | QDir::System)) {
        if (!entry.isSymLink() && temporary.match(entry.fileName()).hasMatch() &&
            folder.remove(entry.fileName()))
            ++removed;
    }
    return removed;
}

Result<void> SafeSave::write(const QString& path, const QByteArray& bytes)
{
    removeStaleTemporaries(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failure(file);
    qint64 done = 0;
    while (done < bytes.size()) {
        // A short write (the disk filled up) returns what fitted; the next call fails with the reason.
        const qint64 wrote = file.write(bytes.constData() + done, bytes.size() - done);
        if (wrote <= 0)
            return failure(file);
        done += wrote;
    }
    return commit(file);
}

Result<void> SafeSave::commit(QSaveFile& file)
{
    // Flush until nothing is left: a short write keeps the rest and loses the reason, the next try reports
    // it.
    qint64 left = file.bytesToWrite();
    while (left > 0) {
        const bool flushed = file.flush();
        const qint64 now = file.bytesToWrite();
        if (!flushed && now >= left)
            break;
        left = now;
    }
    if (file.bytesToWrite() > 0 || file.error() != QFileDevice::NoError)
        return failure(file);
    if (!file.commit())
        return failure(file);
    return {};
}

} // namespace firedrill::ui
