#pragma once

#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

namespace firedrill::cli {

/// `text` with every control character that a terminal would act on shown as an escape instead: C0
/// controls except tab and newline, DEL and C1 (U+0080..U+009F, as UTF-8) become `\x1b`, `\x7f`,
/// `\u009b`. Everything else, other UTF-8 included, is unchanged.
std::string terminalSafe(std::string_view text);

/// A stream buffer that passes everything written to it through terminalSafe() into another buffer.
/// Installed on std::cout and std::cerr for the human-readable output of every command (main.cpp), so
/// names, keys and notes from a hostile file cannot retitle, clear or reprogram the user's terminal.
class TerminalSafeBuf : public std::streambuf
{
public:
    /// Routes `stream` through the filter until destroyed.
    explicit TerminalSafeBuf(std::ostream& stream);
    ~TerminalSafeBuf() override;
    TerminalSafeBuf(const TerminalSafeBuf&) = delete;
    TerminalSafeBuf& operator=(const TerminalSafeBuf&) = delete;

protected:
    int_type overflow(int_type ch) override;
    std::streamsize xsputn(const char* data, std::streamsize count) override;
    int sync() override;

private:
    /// Filters `c` into m_out.
    void put(char c);
    /// Hands m_out to the target buffer in one call.
    void flushOut();

    std::ostream& m_stream;
    std::streambuf* m_target;
    std::string m_out;          ///< filtered text of the current write, not yet handed on
    bool m_pendingLead = false; ///< the last byte was 0xC2, which may start an encoded C1 control
};

} // namespace firedrill::cli
