// The resident ID card reader on a serial line: the SAM commands (reset, SAM id, find card,
// select card, read base message) with frame reassembly, retries on garbled answers, timeouts
// and typed errors. No Qt; one Reader is used from one thread.
//
//   Reader r(std::make_unique<SerialLink>("/dev/ttyUSB0"));
//   IdCard card = r.read();   // find + select + read base message + parseText
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "drivers/idcard/frame.hpp"
#include "drivers/idcard/idcard_error.hpp"
#include "drivers/idcard/text.hpp"

namespace renshe::drivers::idcard {

// A byte pipe to the reader. read() returns 0 when nothing arrived before the deadline and
// throws IdCardError(NoReader) when the line is gone.
class Link {
public:
    virtual ~Link() = default;
    virtual void write(std::span<const std::uint8_t> bytes) = 0;
    virtual std::size_t read(std::span<std::uint8_t> into, std::chrono::milliseconds timeout) = 0;
    // Drops whatever the reader sent that nobody read (a late answer to a timed-out command).
    virtual void discardInput() = 0;
};

// A serial port (or USB-serial adapter, or the simulator's pseudo-terminal): raw 8N1 at
// `baud` (115200 for every common reader). Throws IdCardError(NoReader) when it cannot open.
class SerialLink : public Link {
public:
    explicit SerialLink(const std::string& path, int baud = 115200);
    ~SerialLink() override;
    SerialLink(const SerialLink&) = delete;
    SerialLink& operator=(const SerialLink&) = delete;

    void write(std::span<const std::uint8_t> bytes) override;
    std::size_t read(std::span<std::uint8_t> into, std::chrono::milliseconds timeout) override;
    void discardInput() override;

private:
    int m_fd = -1;
    std::string m_path;
};

struct ReaderOptions {
    std::chrono::milliseconds answerTimeout{1000};  // reset, SAM id, find, select
    std::chrono::milliseconds readTimeout{3000};    // read base message (a real SAM: ~0.8 s)
    int retries = 2;                                // resends after a garbled answer
};

struct IdCard {
    IdCardText text;
    Bytes photo;  // the WLT photo as read (opaque; see photo_decoder.hpp)
    void cleanse();
};

class Reader {
public:
    explicit Reader(std::unique_ptr<Link> link, ReaderOptions options = {});

    void reset();
    // The SAM module's 16-byte id as "05.01-20101103-0012345678-1234567890". Throws
    // SamFault when the SAM reports itself unusable.
    std::string samId();
    // Whether a card lies on the reader (find card). Throws on link or SAM problems.
    bool findCard();
    // Select the found card; CardRemoved when it left in between.
    void selectCard();
    // Read base message: text (256 bytes) and photo (1024). CardRemoved when the card left.
    IdCard readBase();
    // find + select + read; NoCard when none lies there.
    IdCard read();

    // One command → its answer, with the retries; public for the technician tool.
    Answer transact(const Command& c, std::chrono::milliseconds timeout);

private:
    std::optional<DecodedFrame> awaitFrame(std::chrono::milliseconds timeout);

    std::unique_ptr<Link> m_link;
    ReaderOptions m_options;
    FrameDecoder m_decoder;
};

// "05.01-20101103-0012345678-1234567890" from the 16 bytes of the SAM id answer.
std::string formatSamId(std::span<const std::uint8_t> raw);

}  // namespace renshe::drivers::idcard
