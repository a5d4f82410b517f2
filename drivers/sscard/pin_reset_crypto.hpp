// The PIN reset / unblock cryptography shared by the back office (acting as the HSM, 加密机),
// the card simulator and the kiosk. Agreed once, here.
//
//   card key     K_card = SM4-ECB(K_master, 卡识别码[16])              (key diversification)
//   session key  K_s    = SM4-ECB(K_card, challenge[8] || INS || 80 00 .. 00)
//                         (one GET CHALLENGE; INS is the command the key is for, 5E or 24)
//   MAC                 = first 4 bytes of SM4-CBC-MAC(K_s, IV = 0,
//                           CLA INS P1 P2 Lc || data-before-MAC, ISO 9797-1 padding method 2)
//
//   RELOAD PIN  (重置)  84 5E 00 00 07 <new PIN BCD 3> <MAC 4>   PIN := new, tries := max
//   UNBLOCK PIN (解锁)  84 24 00 00 04 <MAC 4>                   tries := max, PIN unchanged
//
// The back office hands the kiosk K_s (the "cryptogram" of the contract) only after the
// holder's identity is established; K_s opens exactly one command of the operation it was
// derived for after exactly one challenge (a session allowed only to unblock cannot yield a key
// that sets a PIN), and the new PIN never leaves the kiosk. The master key never leaves the back
// office and K_card never leaves the back office or the card.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace renshe::drivers::sscard {

using Key = std::array<std::uint8_t, 16>;

Key deriveCardKey(const Key& masterKey, std::span<const std::uint8_t> cardIdentifier);
// The operation a session key opens: the INS byte of its command.
enum class ResetOperation : std::uint8_t { Reload = 0x5E, Unblock = 0x24 };

Key deriveSessionKey(const Key& cardKey, std::span<const std::uint8_t> challenge,
                     ResetOperation operation);
std::array<std::uint8_t, 4> commandMac(const Key& sessionKey,
                                       std::span<const std::uint8_t> headerAndData);

// The complete RELOAD PIN and UNBLOCK PIN commands, MAC included.
std::vector<std::uint8_t> buildReloadPinCommand(const Key& sessionKey,
                                                std::span<const std::uint8_t> newPinBcd);
std::vector<std::uint8_t> buildUnblockPinCommand(const Key& sessionKey);

}  // namespace renshe::drivers::sscard
