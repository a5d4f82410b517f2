#include "drivers/sscard/pin_reset_crypto.hpp"

#include <openssl/evp.h>

#include <memory>
#include <stdexcept>

namespace renshe::drivers::sscard {

namespace {

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

// SM4 in ECB over whole blocks (no padding); CBC-MAC is ECB with manual chaining.
void sm4Ecb(const Key& key, const std::uint8_t* in, std::uint8_t* out, int length) {
    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    int n = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_sm4_ecb(), nullptr, key.data(), nullptr) != 1 ||
        EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1 ||
        EVP_EncryptUpdate(ctx.get(), out, &n, in, length) != 1 || n != length) {
        throw std::runtime_error("SM4 unavailable in this OpenSSL");
    }
}

}  // namespace

Key deriveCardKey(const Key& masterKey, std::span<const std::uint8_t> cardIdentifier) {
    if (cardIdentifier.size() != 16) {
        throw std::invalid_argument("卡识别码 is 16 bytes");
    }
    Key out{};
    sm4Ecb(masterKey, cardIdentifier.data(), out.data(), 16);
    return out;
}

Key deriveSessionKey(const Key& cardKey, std::span<const std::uint8_t> challenge,
                     ResetOperation operation) {
    if (challenge.size() != 8) {
        throw std::invalid_argument("challenge is 8 bytes");
    }
    std::array<std::uint8_t, 16> block{};
    std::copy(challenge.begin(), challenge.end(), block.begin());
    block[8] = static_cast<std::uint8_t>(operation);
    block[9] = 0x80;
    Key out{};
    sm4Ecb(cardKey, block.data(), out.data(), 16);
    return out;
}

std::array<std::uint8_t, 4> commandMac(const Key& sessionKey,
                                       std::span<const std::uint8_t> headerAndData) {
    std::vector<std::uint8_t> padded(headerAndData.begin(), headerAndData.end());
    padded.push_back(0x80);  // ISO 9797-1 padding method 2
    while (padded.size() % 16 != 0) {
        padded.push_back(0x00);
    }
    std::array<std::uint8_t, 16> chain{};
    for (std::size_t off = 0; off < padded.size(); off += 16) {
        for (std::size_t i = 0; i < 16; ++i) {
            chain[i] ^= padded[off + i];
        }
        sm4Ecb(sessionKey, chain.data(), chain.data(), 16);
    }
    return {chain[0], chain[1], chain[2], chain[3]};
}

std::vector<std::uint8_t> buildReloadPinCommand(const Key& sessionKey,
                                                std::span<const std::uint8_t> newPinBcd) {
    if (newPinBcd.size() != 3) {
        throw std::invalid_argument("PIN is 3 bytes of BCD");
    }
    std::vector<std::uint8_t> apdu;
    apdu.reserve(12);  // also keeps GCC 12's -Warray-bounds false positive on insert quiet
    apdu.assign({0x84, static_cast<std::uint8_t>(ResetOperation::Reload), 0x00, 0x00, 0x07});
    apdu.insert(apdu.end(), newPinBcd.begin(), newPinBcd.end());
    const auto mac = commandMac(sessionKey, apdu);
    apdu.insert(apdu.end(), mac.begin(), mac.end());
    return apdu;
}

std::vector<std::uint8_t> buildUnblockPinCommand(const Key& sessionKey) {
    std::vector<std::uint8_t> apdu;
    apdu.reserve(9);
    apdu.assign({0x84, static_cast<std::uint8_t>(ResetOperation::Unblock), 0x00, 0x00, 0x04});
    const auto mac = commandMac(sessionKey, apdu);
    apdu.insert(apdu.end(), mac.begin(), mac.end());
    return apdu;
}

}  // namespace renshe::drivers::sscard
