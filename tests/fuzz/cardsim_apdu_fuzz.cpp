// libFuzzer target for the card simulator's side of the card profile: command APDUs parsed
// and answered by drivers/sim's VirtualCard (the sample card 张三丰, PIN tries, challenges,
// GET RESPONSE with the T=0 quirk), and card files parsed by CardFile::parse.
// Input: byte 0 chooses — even: a sequence of APDUs, each a length byte and that many bytes,
// with the quirks from byte 1; odd: the rest is a card file's text.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <span>
#include <sstream>
#include <string>

#include "drivers/sim/card_file.hpp"
#include "drivers/sim/virtual_card.hpp"

namespace sim = renshe::drivers::sim;

namespace {

const sim::CardImage& sampleImage() {
    static const sim::CardImage image = [] {
        std::ifstream in(RENSHE_SAMPLE_CARD);
        std::stringstream text;
        text << in.rdbuf();
        return sim::CardFile::parse(text.str(), "sample.card").image();
    }();
    return image;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2)
        return 0;
    if (data[0] % 2 == 1) {
        try {
            (void)sim::CardFile::parse(
                std::string(reinterpret_cast<const char*>(data + 1), size - 1), "fuzz.card");
        } catch (const sim::CardFileError&) {
        } catch (const std::runtime_error&) {
        }
        return 0;
    }
    sim::VirtualCard card(sampleImage(), [](const sim::ChipState&) {});
    card.quirks().t0 = (data[1] & 1) != 0;
    card.quirks().wrongLe = (data[1] & 2) != 0;
    card.powerOn();
    std::size_t at = 2;
    while (at < size) {
        const std::size_t n = std::min<std::size_t>(data[at], size - at - 1);
        const auto answer = card.process(std::span(data + at + 1, n));
        if (answer.size() < 2)
            __builtin_trap();  // every answer ends with a status word
        at += 1 + n;
    }
    return 0;
}
