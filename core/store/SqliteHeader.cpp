#include "SqliteHeader.h"

#include <array>
#include <cstring>
#include <fstream>
#include <system_error>

namespace firedrill {

namespace {

constexpr std::size_t kHeaderSize = 100;
constexpr char kMagic[] = "SQLite format 3"; // followed by its terminating zero: 16 bytes

std::uint32_t bigEndian32(const unsigned char* bytes)
{
    return (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) |
           (std::uint32_t{bytes[2]} << 8) | std::uint32_t{bytes[3]};
}

/// The error for a file whose size is not a whole number of pages: bytes appended after its last page
/// (the header says how many pages it holds), or a file cut off inside a page.
Error partialPage(const std::string& name, const SqliteHeader& header, std::uint64_t pagesOnDisk,
                  std::uint64_t partial)
{
    const std::string size = std::to_string(header.fileSize) + " bytes";
    const std::string pages = std::to_string(header.pageSize) + "-byte pages";
    if (header.declaredPages != 0 && pagesOnDisk >= header.declaredPages) {
        const std::uint64_t whole = std::uint64_t{header.declaredPages} * header.pageSize;
        return Error{"corrupt",
                     name + " is not a whole SQLite database: it has " + std::to_string(header.fileSize - whole) +
                         " extra bytes after its last page (its header declares " +
                         std::to_string(header.declaredPages) + " " + pages + ", " + std::to_string(whole) +
                         " bytes, but the file holds " + size +
                         "). Something was appended to it. Restore it from a backup; or, if you know only bytes "
                         "were added at its end, keep a copy and cut the file back to " + std::to_string(whole) +
                         " bytes (truncate -s " + std::to_string(whole) + " FILE), then open it again."};
    }
    if (header.declaredPages > pagesOnDisk)
        return Error{"corrupt", name + " is damaged: it was cut off in the middle of a page (its header declares " +
                                    std::to_string(header.declaredPages) + " " + pages + " but the file holds " +
                                    size + ", " + std::to_string(pagesOnDisk) + " whole pages and " +
                                    std::to_string(partial) + " bytes). Restore it from a backup."};
    return Error{"corrupt", name + " is not a whole SQLite database: its size (" + size +
                                ") is not a whole number of its " + pages + " (" + std::to_string(partial) +
                                " bytes are left over): bytes were appended to it or it was cut off. Restore it "
                                "from a backup."};
}

} // namespace

Result<SqliteHeader> SqliteHeader::read(const std::filesystem::path& path)
{
    const std::string name = path.string();
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status))
        return Error{"not-found", name + " does not exist. Check the path, or create a new workspace."};
    if (!std::filesystem::is_regular_file(status))
        return Error{"io", name + " is not a regular file, so it cannot be a Firedrill workspace."};

    SqliteHeader header;
    header.fileSize = std::filesystem::file_size(path, ec);
    if (ec)
        return Error{"io", "Could not read " + name + ": " + ec.message() + "."};
    if (header.fileSize == 0)
        return Error{"empty-file",
                     name + " is empty (0 bytes), so it is not a Firedrill workspace. If it was one, "
                            "it has been truncated: restore it from a backup."};

    std::ifstream in(path, std::ios::binary);
    std::array<unsigned char, kHeaderSize> bytes{};
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!in && !in.eof())
        return Error{"io", "Could not read " + name + ". Check that you may read it."};
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got < kHeaderSize || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        return Error{"not-sqlite", name + " is not a Firedrill workspace: it does not start with an SQLite "
                                          "header (it is another kind of file, or its header is damaged)."};

    const std::uint32_t rawPageSize = (std::uint32_t{bytes[16]} << 8) | bytes[17];
    header.pageSize = rawPageSize == 1 ? 65536u : rawPageSize;
    const bool powerOfTwo = header.pageSize != 0 && (header.pageSize & (header.pageSize - 1)) == 0;
    if (!powerOfTwo || header.pageSize < 512 || header.pageSize > 65536)
        return Error{"corrupt", name + " is damaged: its SQLite header gives an impossible page size (" +
                                    std::to_string(rawPageSize) + "). Restore it from a backup."};
    // File format versions (write, read): 1 is the rollback journal every workspace uses, 2 is
    // write-ahead logging (another SQLite tool may leave a workspace so; opening for editing turns it back).
    const bool known = (bytes[18] == 1 || bytes[18] == 2) && (bytes[19] == 1 || bytes[19] == 2);
    if (!known)
        return Error{"corrupt", name + " is damaged: its SQLite header gives unknown file format versions (" +
                                    std::to_string(bytes[18]) + ", " + std::to_string(bytes[19]) +
                                    "). Restore it from a backup."};
    header.walMode = bytes[18] == 2 || bytes[19] == 2;

    // The in-header page count is valid only when the change counter matches "version-valid-for".
    const std::uint32_t declared = bigEndian32(&bytes[28]);
    if (declared != 0 && bigEndian32(&bytes[24]) == bigEndian32(&bytes[92]))
        header.declaredPages = declared;
    const std::uint64_t pagesOnDisk = header.fileSize / header.pageSize;
    if (const std::uint64_t partial = header.fileSize % header.pageSize; partial != 0)
        return partialPage(name, header, pagesOnDisk, partial);
    // A save killed half-way leaves a journal beside the file, and the file may then declare pages it
    // does not hold yet: SQLite rolls the journal back when the file is next opened for writing, so
    // that is not damage.
    std::error_code journalError;
    const auto journal = std::filesystem::path(path.string() + "-journal");
    const bool hotJournal = std::filesystem::is_regular_file(journal, journalError) &&
                            std::filesystem::file_size(journal, journalError) > 0 && !journalError;
    if (header.declaredPages > pagesOnDisk && !hotJournal)
        return Error{"corrupt", name + " is damaged: it should hold " + std::to_string(header.declaredPages) +
                                    " pages but holds only " + std::to_string(pagesOnDisk) +
                                    ", so it was truncated. Restore it from a backup."};

    header.userVersion = static_cast<std::int32_t>(bigEndian32(&bytes[60]));
    header.applicationId = static_cast<std::int32_t>(bigEndian32(&bytes[68]));
    return header;
}

} // namespace firedrill
