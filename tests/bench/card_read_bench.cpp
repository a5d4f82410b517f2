// Card read: insert → decoded holder data through drivers/sscard, against the floor of the
// same APDU sequence sent raw through SCardTransmit, in the same run, on the real pcscd +
// vpcd + renshe-cardsim. Prints both, the ratio and the APDUs per read.
#include <winscard.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "drivers/pcsc/pcsc.hpp"
#include "drivers/sscard/sscard.hpp"
#include "tests/bench/bench_stats.hpp"
#include "tests/fixtures/cardsim.hpp"
#include "tests/fixtures/pcscd.hpp"

using Clock = std::chrono::steady_clock;
using renshe::bench::percentile;
namespace pcsc = renshe::drivers::pcsc;
namespace sscard = renshe::drivers::sscard;

namespace {

constexpr int kWarmup = 20;
constexpr int kRounds = 300;

// The APDUs drivers/sscard sends for a read, built from the same profile table.
std::vector<pcsc::Bytes> readSequence() {
    std::vector<pcsc::Bytes> apdus;
    const pcsc::Bytes aid(sscard::profile::kSsseAid.begin(), sscard::profile::kSsseAid.end());
    apdus.push_back(pcsc::CommandApdu::case3(0x00, 0xA4, 0x04, 0x00, aid).encode());
    for (const auto& r : sscard::profile::kRecords) {
        if (r.readAtInsert) {
            apdus.push_back(pcsc::CommandApdu::case2(0x00, 0xB2, r.number,
                                                     static_cast<std::uint8_t>(r.sfi << 3 | 4),
                                                     r.length + 2)
                                .encode());
        }
    }
    return apdus;
}

}  // namespace

int main() {
    renshe::testing::PrivatePcscd pcscd;
    renshe::testing::CardSim sim(pcscd, 0, renshe::testing::sampleCard("zhang-sanfeng"));
    const std::string reader = pcscd.readerName(0);

    // Ours: connect, transaction, SELECT + READ RECORDs, TLV/BCD/GBK decoding, checks.
    pcsc::Context ctx;
    std::vector<double> ours;
    int apdus = 0;
    for (int i = 0; i < kWarmup + kRounds; ++i) {
        const auto t0 = Clock::now();
        const auto card = ctx.connect(reader);
        auto session = card->beginSession();
        const auto data = sscard::SocialSecurityCard(session).readCardData();
        apdus = session.apduCount();
        if (data.name != "张三丰") {
            std::fprintf(stderr, "bench invalid: read %s\n", data.name.c_str());
            return 1;
        }
        if (i >= kWarmup)
            ours.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
    }

    // Floor: the same connect, transaction and APDU bytes straight through libpcsclite.
    SCARDCONTEXT raw = 0;
    SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &raw);
    const auto sequence = readSequence();
    std::vector<double> floor;
    for (int i = 0; i < kWarmup + kRounds; ++i) {
        const auto t0 = Clock::now();
        SCARDHANDLE h = 0;
        DWORD proto = 0;
        if (SCardConnect(raw, reader.c_str(), SCARD_SHARE_SHARED,
                         SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, &h, &proto) != SCARD_S_SUCCESS) {
            std::fprintf(stderr, "bench invalid: raw connect failed\n");
            return 1;
        }
        SCardBeginTransaction(h);
        for (const auto& apdu : sequence) {
            unsigned char answer[258];
            DWORD len = sizeof answer;
            SCardTransmit(h, proto == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1, apdu.data(),
                          static_cast<DWORD>(apdu.size()), nullptr, answer, &len);
            if (len < 2 || answer[len - 2] != 0x90) {
                std::fprintf(stderr, "bench invalid: raw APDU failed\n");
                return 1;
            }
        }
        SCardEndTransaction(h, SCARD_LEAVE_CARD);
        SCardDisconnect(h, SCARD_LEAVE_CARD);
        if (i >= kWarmup)
            floor.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
    }
    SCardReleaseContext(raw);

    const double a50 = percentile(ours, 0.5), a99 = percentile(ours, 0.99);
    const double b50 = percentile(floor, 0.5), b99 = percentile(floor, 0.99);
    std::printf("card read, %d rounds, pcscd + vpcd + renshe-cardsim\n", kRounds);
    std::printf("  drivers/sscard readCardData: p50 %.0f us  p99 %.0f us  (%d APDUs)\n", a50, a99,
                apdus);
    std::printf("  raw SCardTransmit sequence:  p50 %.0f us  p99 %.0f us  (%zu APDUs)\n", b50, b99,
                sequence.size());
    std::printf("  ratio ours/floor: p50 %.2fx  p99 %.2fx  (target <= 1.25)\n", a50 / b50,
                a99 / b99);
    std::printf("  per APDU (floor): %.0f us\n", b50 / static_cast<double>(sequence.size()));
    return apdus == static_cast<int>(sequence.size()) ? 0 : 1;
}
