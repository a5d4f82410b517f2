// The social security card (社会保障卡) profile as publicly described (LD/T 32-2015): the
// application, its files and records, in one table. The licensed specification is not public;
// a province verifies this table against it (see ARCHITECTURE.md). The reader side
// (sscard.hpp) and the simulator (drivers/sim) both work from this table.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace renshe::drivers::sscard::profile {

// "sx1.sh." + GBK "社会保障": the SSSE DDF, selected by name (00 A4 04 00 0F ...).
inline constexpr std::array<std::uint8_t, 15> kSsseAid = {
    0x73, 0x78, 0x31, 0x2E, 0x73, 0x68, 0x2E, 0xC9, 0xE7, 0xBB, 0xE1, 0xB1, 0xA3, 0xD5, 0xCF};

// How a record's value is encoded and padded on the card.
enum class Encoding {
    Binary,  // raw bytes (卡识别码, 民族 code)
    Bcd,     // packed BCD digits, right-padded with F (dates, region codes)
    Alnum,   // ASCII, right-padded with 0x00 (the profile's "padded with 0"; an ASCII '0'
             // pad could not be told from data such as "3.00")
    Gbk,     // GBK text (names), right-padded with 0x00 or 0x20
};

enum class Field {
    CardIdentifier,  // 卡识别码: region BCD 3 B + D156000005 + chip serial 8 B
    CardType,        // 卡类别
    SpecVersion,     // 规范版本 "3.00"
    IssuerOrg,       // 初始化机构编号
    IssueDate,       // 发卡日期 YYYYMMDD
    ExpiryDate,      // 卡有效期 YYYYMMDD
    CardNumber,      // 卡号
    Ssn,             // 社会保障号码 (GB 11643 ID number)
    Name,            // 姓名
    Sex,             // 性别 '1' male, '2' female
    Nation,          // 民族 (GB 3304 code, one byte)
    Birthplace,      // 出生地 (administrative division code, BCD)
    BirthDate,       // 出生日期 YYYYMMDD
};

struct Record {
    Field field;
    std::uint16_t fileId;  // EF05 / EF06
    std::uint8_t sfi;      // short file identifier: READ RECORD P2 = (sfi << 3) | 4
    std::uint8_t number;   // record number = TLV tag
    std::uint8_t length;   // value length; READ RECORD Le = length + 2
    Encoding encoding;
    bool readAtInsert;     // part of the holder data read when a card is inserted
    std::string_view key;  // name in JSON output and card files
};

inline constexpr std::array<Record, 13> kRecords = {{
    {Field::CardIdentifier, 0xEF05, 5, 0x01, 16, Encoding::Binary, true, "card_id"},
    {Field::CardType, 0xEF05, 5, 0x02, 1, Encoding::Binary, false, "card_type"},
    {Field::SpecVersion, 0xEF05, 5, 0x03, 4, Encoding::Alnum, true, "spec_version"},
    {Field::IssuerOrg, 0xEF05, 5, 0x04, 12, Encoding::Alnum, false, "issuer_org"},
    {Field::IssueDate, 0xEF05, 5, 0x05, 4, Encoding::Bcd, true, "issue_date"},
    {Field::ExpiryDate, 0xEF05, 5, 0x06, 4, Encoding::Bcd, true, "expiry_date"},
    {Field::CardNumber, 0xEF05, 5, 0x07, 9, Encoding::Alnum, true, "card_number"},
    {Field::Ssn, 0xEF06, 6, 0x08, 18, Encoding::Alnum, true, "ssn"},
    {Field::Name, 0xEF06, 6, 0x09, 30, Encoding::Gbk, true, "name"},
    {Field::Sex, 0xEF06, 6, 0x0A, 1, Encoding::Alnum, true, "sex"},
    {Field::Nation, 0xEF06, 6, 0x0B, 1, Encoding::Binary, true, "nation"},
    {Field::Birthplace, 0xEF06, 6, 0x0C, 3, Encoding::Bcd, false, "birthplace"},
    {Field::BirthDate, 0xEF06, 6, 0x0D, 4, Encoding::Bcd, true, "birth_date"},
}};

constexpr const Record& record(Field f) {
    for (const auto& r : kRecords) {
        if (r.field == f) {
            return r;
        }
    }
    return kRecords[0];  // unreachable: every Field has a row
}

// Instruction bytes of the profile.
namespace ins {
inline constexpr std::uint8_t kSelect = 0xA4;
inline constexpr std::uint8_t kReadRecord = 0xB2;
inline constexpr std::uint8_t kVerify = 0x20;
inline constexpr std::uint8_t kChangeOrReloadPin =
    0x5E;                                          // P1=01 change (CLA 80), P1=00 reload (CLA 84)
inline constexpr std::uint8_t kUnblockPin = 0x24;  // CLA 84
inline constexpr std::uint8_t kGetChallenge = 0x84;
inline constexpr std::uint8_t kGetResponse = 0xC0;
}  // namespace ins

inline constexpr int kPinLength = 6;        // digits, 3 bytes BCD
inline constexpr int kChallengeLength = 8;  // GET CHALLENGE answer
inline constexpr int kMacLength = 4;        // MAC appended to RELOAD/UNBLOCK PIN
inline constexpr std::string_view kInitialPin = "123456";

}  // namespace renshe::drivers::sscard::profile
