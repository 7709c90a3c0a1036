#pragma once

// Helpers shared by the store tests: paths, hashes, file damage and sidecar checks.

#include "core/store/Database.h"
#include "core/store/Statement.h"
#include "core/store/WorkspaceSchema.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <filesystem>
#include <string>

namespace storetest {

/// The workspace schema as released at version 1, for tests that extend it with synthetic steps.
inline firedrill::Migrations schemaOne()
{
    return {firedrill::workspaceMigrations().front()};
}

/// A std::filesystem path for a file in a temporary folder.
inline std::filesystem::path pathIn(const QTemporaryDir& dir, const char* name)
{
    return std::filesystem::path(dir.filePath(QString::fromUtf8(name)).toStdString());
}

/// A std::string as a QString (tests build with QT_NO_CAST_FROM_ASCII).
inline QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

/// SHA-256 of a file's bytes; empty when it cannot be read.
inline QByteArray fileHash(const std::filesystem::path& path)
{
    QFile file(QString::fromStdString(path.string()));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

/// True when `path` plus `suffix` exists.
inline bool sidecarExists(const std::filesystem::path& path, const char* suffix)
{
    return QFile::exists(QString::fromStdString(path.string() + suffix));
}

/// True when none of SQLite's sidecars (-journal, -wal, -shm) nor our .lock file exist.
inline bool noSidecars(const std::filesystem::path& path)
{
    return !sidecarExists(path, "-journal") && !sidecarExists(path, "-wal") && !sidecarExists(path, "-shm") &&
           !sidecarExists(path, ".lock");
}

/// The names in a folder, sorted.
inline QStringList folderEntries(const QTemporaryDir& dir)
{
    return QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

/// Writes bytes to a file, replacing it.
inline bool writeFile(const std::filesystem::path& path, const QByteArray& bytes)
{
    QFile file(QString::fromStdString(path.string()));
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

/// Reads a whole file.
inline QByteArray readFile(const std::filesystem::path& path)
{
    QFile file(QString::fromStdString(path.string()));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// XORs `count` bytes at `offset` with 0xFF.
inline bool flipBytes(const std::filesystem::path& path, qint64 offset, int count)
{
    QByteArray bytes = readFile(path);
    if (offset + count > bytes.size())
        return false;
    for (int i = 0; i < count; ++i)
        bytes[offset + i] = static_cast<char>(bytes[offset + i] ^ 0xFF);
    return writeFile(path, bytes);
}

/// Runs SQL directly on a file, as another program would (used to plant damage).
inline bool execOn(const std::filesystem::path& path, const std::string& sql)
{
    auto db = firedrill::Database::open(path, firedrill::DatabaseAccess::ReadWrite);
    return db && db->exec(sql).ok() && db->close().ok();
}

/// One integer from a query on a file opened read-only; -1 on failure.
inline qint64 queryInt(const std::filesystem::path& path, const std::string& sql)
{
    auto db = firedrill::Database::open(path, firedrill::DatabaseAccess::ReadOnly);
    if (!db)
        return -1;
    auto stmt = db->prepare(sql);
    if (!stmt)
        return -1;
    auto row = stmt->step();
    return row && *row ? stmt->columnInt64(0) : -1;
}

/// Some YAML text; the SQL layer stores it verbatim and never parses it.
inline std::string sampleYaml(int n)
{
    return "format: 1\nname: Sample " + std::to_string(n) +
           "\nregions:\n  - id: weu\n    name: West Europe\n";
}

} // namespace storetest
