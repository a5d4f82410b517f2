// renshe-idcard: the technician's tool for the resident ID card reader (real or simulated).
//   renshe-idcard read --device PATH [--json] [--reveal] [--baud N]
//                      [--wlt-decoder LIB --photo-out FILE.bmp]
//   renshe-idcard sam --device PATH [--baud N]
// Personal data is masked unless --reveal is given. No reader, no card or an unreadable card
// end with one line on stderr and a non-zero exit (3 no reader, 4 no card, 5 card data, 1
// other) within a few seconds.
#include <algorithm>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "drivers/idcard/photo_decoder.hpp"
#include "drivers/idcard/reader.hpp"
#include "drivers/sscard/id_number.hpp"
#include "drivers/util/clock.hpp"
#include "drivers/util/json.hpp"

namespace idcard = renshe::drivers::idcard;
namespace sscard = renshe::drivers::sscard;

namespace {

struct Args {
    std::string command;
    std::string device;
    bool json = false;
    bool reveal = false;
    int baud = 115200;
    std::string wltDecoder;  // a licensed decoder's shim (drivers/idcard/photo_decoder.hpp)
    std::string photoOut;
};

int usage(std::ostream& out, int rc) {
    out << "usage: renshe-idcard read --device PATH [--json] [--reveal] [--baud N]\n"
           "                          [--wlt-decoder LIB --photo-out FILE.bmp]\n"
           "       renshe-idcard sam --device PATH [--baud N]\n"
           "\n"
           "  read   read the ID card on the reader (name, ID number, address and birth date\n"
           "         masked unless --reveal); --json keys: name sex nation birth address\n"
           "         id_number authority valid_from valid_until (codes and YYYYMMDD as on the\n"
           "         card), expired, photo_bytes\n"
           "         --photo-out writes the photo as BMP with a licensed decoder installed as LIB\n"
           "         (none ships: the photo is 1024 bytes of WLT otherwise)\n"
           "  sam    the reader's SAM module id\n"
           "exit: 0 done, 2 usage, 3 no reader, 4 no card, 5 card data unreadable, 1 other\n";
    return rc;
}

std::string q(const std::string& s) {
    return "\"" + renshe::util::jsonEscape(s) + "\"";
}

// The first `keep` code points of an address, then ***.
std::string maskAddress(const std::string& s, std::size_t keep = 6) {
    std::size_t i = 0, cps = 0;
    while (i < s.size() && cps < keep) {
        ++i;
        while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80)
            ++i;
        ++cps;
    }
    return i < s.size() ? s.substr(0, i) + "***" : s;
}

int exitFor(idcard::Problem p) {
    switch (p) {
        case idcard::Problem::NoReader:
        case idcard::Problem::Timeout:
        case idcard::Problem::SamFault:
            return 3;
        case idcard::Problem::NoCard:
        case idcard::Problem::CardRemoved:
            return 4;
        case idcard::Problem::BadText:
        case idcard::Problem::CardRejected:
            return 5;
        default:
            return 1;
    }
}

void print(const idcard::IdCard& card, const Args& a) {
    const auto& t = card.text;
    const std::string name = a.reveal ? t.name : sscard::maskName(t.name);
    const std::string id = a.reveal ? t.idNumber : sscard::maskIdNumber(t.idNumber);
    const std::string address = a.reveal ? t.address : maskAddress(t.address);
    const std::string birth = a.reveal ? t.birth : t.birth.substr(0, 4) + "****";
    const bool expired =
        idcard::isExpired(t, renshe::util::chinaDate(renshe::util::SystemClock().nowMicros()));
    if (a.json) {
        std::cout << "{" << q("name") << ":" << q(name) << "," << q("sex") << ":" << q(t.sex) << ","
                  << q("nation") << ":" << q(t.nation) << "," << q("birth") << ":" << q(birth)
                  << "," << q("address") << ":" << q(address) << "," << q("id_number") << ":"
                  << q(id) << "," << q("authority") << ":" << q(t.authority) << ","
                  << q("valid_from") << ":" << q(t.validFrom) << "," << q("valid_until") << ":"
                  << q(t.validUntil) << "," << q("expired") << ":" << (expired ? "true" : "false")
                  << "," << q("photo_bytes") << ":" << card.photo.size() << "}\n";
        return;
    }
    std::cout << "姓名 name:        " << name << "\n"
              << "性别 sex:         " << idcard::sexName(t.sex) << "\n"
              << "民族 nation:      " << idcard::nationName(t.nation) << "\n"
              << "出生 birth:       " << birth << "\n"
              << "住址 address:     " << address << "\n"
              << "公民身份号码:     " << id << "\n"
              << "签发机关 authority: " << t.authority << "\n"
              << "有效期限 valid:   " << t.validFrom << "-" << t.validUntil
              << (expired ? "  (已过期 expired)" : "") << "\n"
              << "照片 photo:       " << card.photo.size() << " bytes (WLT, not decoded)\n";
}

}  // namespace

int main(int argc, char** argv) {
    Args a;
    for (int i = 1; i < argc; ++i) {
        const std::string v = argv[i];
        if (v == "--help" || v == "-h")
            return usage(std::cout, 0);
        if (v == "--device" && i + 1 < argc)
            a.device = argv[++i];
        else if (v == "--baud" && i + 1 < argc)
            a.baud = std::atoi(argv[++i]);
        else if (v == "--wlt-decoder" && i + 1 < argc)
            a.wltDecoder = argv[++i];
        else if (v == "--photo-out" && i + 1 < argc)
            a.photoOut = argv[++i];
        else if (v == "--json")
            a.json = true;
        else if (v == "--reveal")
            a.reveal = true;
        else if (a.command.empty() && (v == "read" || v == "sam"))
            a.command = v;
        else
            return usage(std::cerr, 2);
    }
    if (a.command.empty() || a.device.empty() || a.wltDecoder.empty() != a.photoOut.empty())
        return usage(std::cerr, 2);
    std::unique_ptr<idcard::PhotoDecoder> decoder;
    if (!a.wltDecoder.empty()) {
        std::string why;
        decoder = idcard::PhotoDecoder::load(a.wltDecoder, &why);
        if (!decoder) {
            std::cerr << "renshe-idcard: no photo decoder: " << why << "\n";
            return 1;
        }
    }
    try {
        idcard::Reader reader(std::make_unique<idcard::SerialLink>(a.device, a.baud));
        if (a.command == "sam") {
            std::cout << reader.samId() << "\n";
            return 0;
        }
        idcard::IdCard card = reader.read();
        print(card, a);
        int rc = 0;
        if (decoder) {
            auto bmp = decoder->decode(card.photo);
            std::ofstream out(a.photoOut, std::ios::binary | std::ios::trunc);
            if (bmp && out.write(reinterpret_cast<const char*>(bmp->data()),
                                 static_cast<std::streamsize>(bmp->size()))) {
                std::cerr << "renshe-idcard: photo written to " << a.photoOut << "\n";
            } else {
                std::cerr << "renshe-idcard: the photo could not be decoded\n";
                rc = 5;
            }
            if (bmp)
                std::fill(bmp->begin(), bmp->end(), 0);
        }
        card.cleanse();
        return rc;
    } catch (const idcard::IdCardError& e) {
        std::cerr << "renshe-idcard: " << e.what() << "\n";
        return exitFor(e.problem());
    } catch (const std::exception& e) {
        std::cerr << "renshe-idcard: " << e.what() << "\n";
        return 1;
    }
}
