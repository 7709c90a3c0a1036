#include "TerminalSafeBuf.h"

#include <cstdio>

namespace firedrill::cli {

namespace {

constexpr unsigned char kUtf8C1Lead = 0xC2;

bool isC0OrDel(unsigned char c)
{
    return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F;
}

bool isC1Tail(unsigned char c)
{
    return c >= 0x80 && c <= 0x9F;
}

std::string hexEscape(const char* format, unsigned char c)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, format, static_cast<unsigned>(c));
    return buf;
}

} // namespace

std::string terminalSafe(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (isC0OrDel(c)) {
            out += hexEscape("\\x%02x", c);
        } else if (c == kUtf8C1Lead && i + 1 < text.size() && isC1Tail(static_cast<unsigned char>(text[i + 1]))) {
            out += hexEscape("\\u%04x", static_cast<unsigned char>(text[i + 1]));
            ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

TerminalSafeBuf::TerminalSafeBuf(std::ostream& stream) : m_stream(stream), m_target(stream.rdbuf())
{
    m_stream.rdbuf(this);
}

TerminalSafeBuf::~TerminalSafeBuf()
{
    if (m_pendingLead)
        m_target->sputc(static_cast<char>(kUtf8C1Lead));
    m_target->pubsync();
    m_stream.rdbuf(m_target);
}

void TerminalSafeBuf::put(char ch)
{
    const auto c = static_cast<unsigned char>(ch);
    if (m_pendingLead) {
        m_pendingLead = false;
        if (isC1Tail(c)) {
            m_out += hexEscape("\\u%04x", c);
            return;
        }
        m_out += static_cast<char>(kUtf8C1Lead);
    }
    if (c == kUtf8C1Lead)
        m_pendingLead = true;
    else if (isC0OrDel(c))
        m_out += hexEscape("\\x%02x", c);
    else
        m_out += ch;
}

void TerminalSafeBuf::flushOut()
{
    // One write per call into the target: std::cerr is unbuffered, and a byte at a time made printing
    // 200,000 diagnostics take over a minute.
    if (!m_out.empty())
        m_target->sputn(m_out.data(), static_cast<std::streamsize>(m_out.size()));
    m_out.clear();
}

TerminalSafeBuf::int_type TerminalSafeBuf::overflow(int_type ch)
{
    if (traits_type::eq_int_type(ch, traits_type::eof()))
        return traits_type::not_eof(ch);
    put(traits_type::to_char_type(ch));
    flushOut();
    return ch;
}

std::streamsize TerminalSafeBuf::xsputn(const char* data, std::streamsize count)
{
    m_out.reserve(m_out.size() + static_cast<std::size_t>(count));
    for (std::streamsize i = 0; i < count; ++i)
        put(data[i]);
    flushOut();
    return count;
}

int TerminalSafeBuf::sync()
{
    return m_target->pubsync();
}

} // namespace firedrill::cli
