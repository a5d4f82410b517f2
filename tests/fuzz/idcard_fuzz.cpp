// libFuzzer target for the ID card reader's parsers: the frame decoder fed in pieces, the
// 256-byte text block, and the Reader's answer handling with the input as the reader's bytes.
// Any crash, leak or undefined behaviour fails; typed IdCardErrors are the expected outcome.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

#include "drivers/idcard/reader.hpp"

namespace idcard = renshe::drivers::idcard;

namespace {

// A reader whose every answer is the fuzz input, in pieces.
class ReplayLink : public idcard::Link {
public:
    ReplayLink(std::span<const std::uint8_t> data, std::size_t piece)
        : m_data(data), m_piece(piece) {}
    void write(std::span<const std::uint8_t>) override {}
    std::size_t read(std::span<std::uint8_t> into, std::chrono::milliseconds) override {
        const std::size_t n = std::min({into.size(), m_data.size() - m_at, m_piece});
        if (n == 0)
            throw idcard::IdCardError(idcard::Problem::Timeout, "end of input");
        std::copy_n(m_data.begin() + static_cast<long>(m_at), n, into.begin());
        m_at += n;
        return n;
    }
    void discardInput() override {}

private:
    std::span<const std::uint8_t> m_data;
    std::size_t m_piece;
    std::size_t m_at = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    const std::span<const std::uint8_t> in(data + 1, size - 1);
    const std::size_t piece = 1 + data[0] % 64;

    idcard::FrameDecoder decoder;
    for (std::size_t at = 0; at < in.size(); at += piece) {
        decoder.feed(in.subspan(at, std::min(piece, in.size() - at)));
        while (auto f = decoder.next()) {
            if (!f->problem) {
                (void)idcard::parseAnswer(f->body);
                (void)idcard::parseCommand(f->body);
            }
        }
    }
    if (in.size() >= idcard::kTextBytes) {
        try {
            auto t = idcard::parseText(in.first(idcard::kTextBytes));
            (void)idcard::isExpired(t, "20261203");
            (void)idcard::encodeText(t);  // what parses must encode back
            t.cleanse();
        } catch (const idcard::IdCardError&) {
        }
    }
    idcard::Reader reader(
        std::make_unique<ReplayLink>(in, piece),
        idcard::ReaderOptions{std::chrono::milliseconds(1), std::chrono::milliseconds(1), 1});
    try {
        (void)reader.samId();
        auto card = reader.read();
        card.cleanse();
    } catch (const idcard::IdCardError&) {
    }
    return 0;
}
