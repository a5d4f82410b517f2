#include "drivers/idcard/reader.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>

namespace renshe::drivers::idcard {

namespace {

constexpr std::size_t kSamIdBytes = 16;

[[noreturn]] void statusError(const Answer& a, const char* command) {
    char sw[8];
    std::snprintf(sw, sizeof sw, "%02X", a.sw3);
    const std::string what = std::string(command) + " answered SW3 " + sw;
    switch (a.status()) {
        case SamStatus::SelfCheckFailed:
        case SamStatus::SamNotAuthorised:
        case SamStatus::NotAuthorised:
            throw IdCardError(Problem::SamFault, what);
        case SamStatus::CardAuthFailed:
        case SamStatus::SamAuthFailed:
        case SamStatus::InfoCheckFailed:
        case SamStatus::UnknownCardType:
            throw IdCardError(Problem::CardRejected, what);
        default:
            throw IdCardError(Problem::Unsupported, what);
    }
}

std::uint32_t le32(std::span<const std::uint8_t> b) {
    return static_cast<std::uint32_t>(b[0]) | (static_cast<std::uint32_t>(b[1]) << 8) |
           (static_cast<std::uint32_t>(b[2]) << 16) | (static_cast<std::uint32_t>(b[3]) << 24);
}

}  // namespace

void IdCard::cleanse() {
    text.cleanse();
    std::fill(photo.begin(), photo.end(), 0);
    photo.clear();
}

Reader::Reader(std::unique_ptr<Link> link, ReaderOptions options)
    : m_link(std::move(link)), m_options(options) {}

std::optional<DecodedFrame> Reader::awaitFrame(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::array<std::uint8_t, 1024> buf{};
    for (;;) {
        if (auto f = m_decoder.next())
            return f;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            return std::nullopt;
        const std::size_t n = m_link->read(buf, left);
        m_decoder.feed(std::span(buf).first(n));  // 0: woken without data, the loop re-checks
    }
}

Answer Reader::transact(const Command& c, std::chrono::milliseconds timeout) {
    const Bytes frame = encodeCommand(c);
    Problem last = Problem::Checksum;
    for (int attempt = 0;; ++attempt) {
        m_link->discardInput();
        m_decoder.clear();
        m_link->write(frame);
        const auto f = awaitFrame(timeout);
        if (!f) {
            if (m_decoder.midFrame())
                throw IdCardError(Problem::Truncated, "the answer stopped part way");
            throw IdCardError(Problem::Timeout,
                              "no answer within " + std::to_string(timeout.count()) + " ms");
        }
        if (!f->problem) {
            const auto a = parseAnswer(f->body);
            if (!a) {
                last = Problem::BadFrame;
            } else if (a->status() == SamStatus::ChecksumError ||
                       a->status() == SamStatus::LengthError) {
                last = Problem::Checksum;  // our command reached the SAM garbled
            } else {
                return *a;
            }
        } else {
            last = *f->problem == FrameProblem::BadLength ? Problem::BadFrame : Problem::Checksum;
        }
        if (attempt >= m_options.retries) {
            throw IdCardError(last,
                              "still garbled after " + std::to_string(attempt + 1) + " tries");
        }
    }
}

void Reader::reset() {
    const Answer a = transact(commands::kReset, m_options.answerTimeout);
    if (a.status() != SamStatus::Ok)
        statusError(a, "reset");
}

std::string Reader::samId() {
    const Answer a = transact(commands::kSamId, m_options.answerTimeout);
    if (a.status() != SamStatus::Ok)
        statusError(a, "SAM id");
    if (a.data.size() != kSamIdBytes)
        throw IdCardError(Problem::Unsupported,
                          "SAM id of " + std::to_string(a.data.size()) + " bytes");
    return formatSamId(a.data);
}

bool Reader::findCard() {
    const Answer a = transact(commands::kFindCard, m_options.answerTimeout);
    if (a.status() == SamStatus::CardFound)
        return true;
    if (a.status() == SamStatus::FindFailed)
        return false;
    statusError(a, "find card");
}

void Reader::selectCard() {
    const Answer a = transact(commands::kSelectCard, m_options.answerTimeout);
    if (a.status() == SamStatus::SelectFailed)
        throw IdCardError(Problem::CardRemoved, "the card left before it was selected");
    if (a.status() != SamStatus::Ok)
        statusError(a, "select card");
}

IdCard Reader::readBase() {
    Answer a = transact(commands::kReadBase, m_options.readTimeout);
    if (a.status() == SamStatus::ReadFailed)
        throw IdCardError(Problem::CardRemoved, "the card left during the read");
    if (a.status() != SamStatus::Ok)
        statusError(a, "read base message");
    if (a.data.size() < 4)
        throw IdCardError(Problem::Unsupported, "base message without its lengths");
    const std::size_t textLen = (std::size_t{a.data[0]} << 8) | a.data[1];
    const std::size_t photoLen = (std::size_t{a.data[2]} << 8) | a.data[3];
    if (textLen != kTextBytes || (photoLen != kPhotoBytes && photoLen != 0) ||
        a.data.size() != 4 + textLen + photoLen) {
        throw IdCardError(Problem::Unsupported, "base message of " + std::to_string(textLen) +
                                                    " + " + std::to_string(photoLen) +
                                                    " bytes in " + std::to_string(a.data.size()));
    }
    IdCard card;
    const auto data = std::span(a.data);
    try {
        card.text = parseText(data.subspan(4, textLen));
    } catch (...) {
        std::fill(a.data.begin(), a.data.end(), 0);
        throw;
    }
    card.photo.assign(data.begin() + static_cast<long>(4 + textLen), data.end());
    std::fill(a.data.begin(), a.data.end(), 0);
    return card;
}

IdCard Reader::read() {
    if (!findCard())
        throw IdCardError(Problem::NoCard, "no card on the reader");
    selectCard();
    return readBase();
}

std::string formatSamId(std::span<const std::uint8_t> raw) {
    if (raw.size() != kSamIdBytes)
        return {};
    char out[64];
    std::snprintf(out, sizeof out, "%02u.%02u-%08u-%010u-%010u",
                  static_cast<unsigned>(raw[0] | (raw[1] << 8)) % 100u,
                  static_cast<unsigned>(raw[2] | (raw[3] << 8)) % 100u,
                  le32(raw.subspan(4, 4)) % 100000000u, le32(raw.subspan(8, 4)),
                  le32(raw.subspan(12, 4)));
    return out;
}

}  // namespace renshe::drivers::idcard
