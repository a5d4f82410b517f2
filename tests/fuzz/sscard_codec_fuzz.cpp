// libFuzzer target: everything that turns card bytes into values. The first input byte picks
// a record of the profile; the rest is the READ RECORD answer. Expected refusals are typed
// exceptions (MalformedRecord, std::invalid_argument); anything else — a crash, a sanitizer
// report, another exception — is a bug.
#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>

#include "drivers/pcsc/apdu.hpp"
#include "drivers/sscard/codec.hpp"
#include "drivers/sscard/id_number.hpp"
#include "drivers/sscard/profile.hpp"

namespace sscard = renshe::drivers::sscard;
namespace profile = renshe::drivers::sscard::profile;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const auto& rec = profile::kRecords[data[0] % profile::kRecords.size()];
    const std::span<const std::uint8_t> answer(data + 1, size - 1);
    try {
        (void)renshe::drivers::pcsc::ResponseApdu::parse({answer.begin(), answer.end()});
    } catch (const std::invalid_argument&) {
    }
    try {
        const auto value = sscard::parseRecordTlv(rec, answer);
        switch (rec.encoding) {
            case profile::Encoding::Bcd:
                if (rec.length == 4) {
                    (void)sscard::decodeDate(value, rec.key);
                } else {
                    (void)sscard::decodeBcd(value, rec.key);
                }
                break;
            case profile::Encoding::Alnum: {
                const std::string s = sscard::decodeAlnum(value, rec.key);
                (void)sscard::validateIdNumber(s);
                (void)sscard::maskIdNumber(s);
                break;
            }
            case profile::Encoding::Gbk: {
                const std::string utf8 = sscard::gbkToUtf8(value, rec.key);
                (void)sscard::maskName(utf8);
                break;
            }
            case profile::Encoding::Binary:
                break;
        }
    } catch (const sscard::MalformedRecord&) {
    }
    // The raw bytes straight into each decoder as well, without the TLV frame.
    try {
        (void)sscard::decodeBcd(answer, "raw");
    } catch (const sscard::MalformedRecord&) {
    }
    try {
        (void)sscard::decodeAlnum(answer, "raw");
    } catch (const sscard::MalformedRecord&) {
    }
    try {
        (void)sscard::gbkToUtf8(answer, "raw");
    } catch (const sscard::MalformedRecord&) {
    }
    try {
        (void)sscard::decodeDate(answer, "raw");
    } catch (const sscard::MalformedRecord&) {
    }
    (void)sscard::maskName(
        std::string_view(reinterpret_cast<const char*>(answer.data()), answer.size()));
    return 0;
}
