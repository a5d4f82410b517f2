#include "drivers/idcard/frame.hpp"

#include <algorithm>
#include <stdexcept>

namespace renshe::drivers::idcard {

namespace {

constexpr std::size_t kHeader = kPreamble.size() + 2;  // preamble + length
constexpr std::size_t kMinLength = 3;                  // CMD PARA CHK (an answer needs 4)

}  // namespace

std::uint8_t xorChecksum(std::span<const std::uint8_t> bytes) {
    std::uint8_t x = 0;
    for (std::uint8_t b : bytes)
        x ^= b;
    return x;
}

Bytes encodeFrame(std::span<const std::uint8_t> body) {
    const std::size_t length = body.size() + 1;
    if (length > kMaxFrameLength)
        throw std::length_error("ID card reader frame too long");
    Bytes out(kPreamble.begin(), kPreamble.end());
    out.push_back(static_cast<std::uint8_t>(length >> 8));
    out.push_back(static_cast<std::uint8_t>(length & 0xFF));
    out.insert(out.end(), body.begin(), body.end());
    out.push_back(xorChecksum(std::span(out).subspan(kPreamble.size())));
    return out;
}

Bytes encodeCommand(const Command& c) {
    Bytes body{c.cmd, c.para};
    body.insert(body.end(), c.data.begin(), c.data.end());
    return encodeFrame(body);
}

Bytes encodeAnswer(const Answer& a) {
    Bytes body{a.sw1, a.sw2, a.sw3};
    body.insert(body.end(), a.data.begin(), a.data.end());
    return encodeFrame(body);
}

std::optional<Command> parseCommand(std::span<const std::uint8_t> body) {
    if (body.size() < 2)
        return std::nullopt;
    return Command{body[0], body[1], Bytes(body.begin() + 2, body.end())};
}

std::optional<Answer> parseAnswer(std::span<const std::uint8_t> body) {
    if (body.size() < 3)
        return std::nullopt;
    return Answer{body[0], body[1], body[2], Bytes(body.begin() + 3, body.end())};
}

void FrameDecoder::feed(std::span<const std::uint8_t> bytes) {
    m_buffer.insert(m_buffer.end(), bytes.begin(), bytes.end());
}

void FrameDecoder::skipToPreamble() {
    const auto at =
        std::search(m_buffer.begin(), m_buffer.end(), kPreamble.begin(), kPreamble.end());
    std::size_t drop = static_cast<std::size_t>(at - m_buffer.begin());
    if (at == m_buffer.end()) {
        // Keep a tail that may be the start of a preamble split across reads.
        std::size_t keep = 0;
        for (std::size_t n = std::min(m_buffer.size(), kPreamble.size() - 1); n > 0; --n) {
            if (std::equal(m_buffer.end() - static_cast<long>(n), m_buffer.end(),
                           kPreamble.begin())) {
                keep = n;
                break;
            }
        }
        drop = m_buffer.size() - keep;
    }
    m_skipped += drop;
    m_buffer.erase(m_buffer.begin(), m_buffer.begin() + static_cast<long>(drop));
}

std::optional<DecodedFrame> FrameDecoder::next() {
    skipToPreamble();
    if (m_buffer.size() < kHeader)
        return std::nullopt;
    const std::size_t length = (std::size_t{m_buffer[5]} << 8) | m_buffer[6];
    if (length < kMinLength || length > kMaxFrameLength) {
        // Not a frame we can trust: drop its first byte and look for the next preamble.
        m_buffer.erase(m_buffer.begin());
        ++m_skipped;
        return DecodedFrame{{}, FrameProblem::BadLength};
    }
    if (m_buffer.size() < kHeader + length)
        return std::nullopt;
    const auto frameEnd = m_buffer.begin() + static_cast<long>(kHeader + length);
    const std::uint8_t expected =
        xorChecksum(std::span(m_buffer).subspan(kPreamble.size(), 2 + length - 1));
    DecodedFrame out;
    if (expected != *(frameEnd - 1)) {
        out.problem = FrameProblem::BadChecksum;
    } else {
        out.body.assign(m_buffer.begin() + kHeader, frameEnd - 1);
    }
    m_buffer.erase(m_buffer.begin(), frameEnd);
    return out;
}

bool FrameDecoder::midFrame() const {
    return !m_buffer.empty();
}

void FrameDecoder::clear() {
    m_buffer.clear();
}

std::string hex(std::span<const std::uint8_t> bytes) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(bytes.size() * 3);
    for (std::uint8_t b : bytes) {
        if (!out.empty())
            out += ' ';
        out += kDigits[b >> 4];
        out += kDigits[b & 0x0F];
    }
    return out;
}

}  // namespace renshe::drivers::idcard
