#include <gtest/gtest.h>

#include "drivers/pcsc/apdu.hpp"
#include "drivers/sscard/codec.hpp"
#include "drivers/sscard/pin.hpp"
#include "drivers/sscard/pin_reset_crypto.hpp"
#include "drivers/sscard/profile.hpp"

namespace sscard = renshe::drivers::sscard;
namespace pcsc = renshe::drivers::pcsc;
using sscard::Bytes;
using sscard::MalformedRecord;

TEST(Apdu, EncodesTheFourIsoCases) {
    EXPECT_EQ(pcsc::toHex(pcsc::CommandApdu::case1(0x00, 0xA4, 0x00, 0x0C).encode()), "00A4000C");
    EXPECT_EQ(pcsc::toHex(pcsc::CommandApdu::case2(0x00, 0xB2, 0x01, 0x2C, 18).encode()),
              "00B2012C12");
    EXPECT_EQ(pcsc::toHex(pcsc::CommandApdu::case2(0x00, 0xC0, 0x00, 0x00, 256).encode()),
              "00C0000000");
    EXPECT_EQ(
        pcsc::toHex(pcsc::CommandApdu::case3(0x00, 0x20, 0x00, 0x00, {0x12, 0x34, 0x56}).encode()),
        "0020000003123456");
    EXPECT_EQ(pcsc::toHex(pcsc::CommandApdu::case4(0x00, 0x88, 0x00, 0x00, {0xAA}, 8).encode()),
              "0088000001AA08");
}

TEST(Apdu, RefusesWhatShortApdusCannotCarry) {
    EXPECT_THROW(pcsc::CommandApdu::case2(0, 0, 0, 0, 0), std::invalid_argument);
    EXPECT_THROW(pcsc::CommandApdu::case2(0, 0, 0, 0, 257), std::invalid_argument);
    EXPECT_THROW(pcsc::CommandApdu::case3(0, 0, 0, 0, Bytes(256)), std::invalid_argument);
    EXPECT_THROW(pcsc::ResponseApdu::parse({0x90}), std::invalid_argument);
    EXPECT_THROW(pcsc::fromHex("0G"), std::invalid_argument);
    EXPECT_THROW(pcsc::fromHex("123"), std::invalid_argument);
}

TEST(Apdu, ResponseSplitsDataAndStatusWord) {
    const auto r = pcsc::ResponseApdu::parse({0x01, 0x02, 0x90, 0x00});
    EXPECT_TRUE(r.ok());
    EXPECT_EQ(r.data, (Bytes{0x01, 0x02}));
    EXPECT_EQ(pcsc::ResponseApdu::parse({0x63, 0xC2}).sw(), 0x63C2);
}

TEST(SsCardCodec, RecordTlvChecksTagAndLength) {
    const auto& rec = sscard::profile::record(sscard::profile::Field::IssueDate);
    EXPECT_EQ(sscard::parseRecordTlv(rec, Bytes{0x05, 0x04, 0x20, 0x20, 0x01, 0x15}),
              (Bytes{0x20, 0x20, 0x01, 0x15}));
    EXPECT_THROW(sscard::parseRecordTlv(rec, Bytes{0x06, 0x04, 0x20, 0x20, 0x01, 0x15}),
                 MalformedRecord);
    EXPECT_THROW(sscard::parseRecordTlv(rec, Bytes{0x05, 0x05, 0x20, 0x20, 0x01, 0x15}),
                 MalformedRecord);
    EXPECT_THROW(sscard::parseRecordTlv(rec, Bytes{0x05, 0x04, 0x20}), MalformedRecord);
    EXPECT_THROW(sscard::parseRecordTlv(rec, Bytes{}), MalformedRecord);
}

TEST(SsCardCodec, BcdStopsAtPaddingAndRejectsGarbage) {
    EXPECT_EQ(sscard::decodeBcd(Bytes{0x37, 0x13, 0x02}, "k"), "371302");
    EXPECT_EQ(sscard::decodeBcd(Bytes{0x37, 0x1F, 0xFF}, "k"), "371");
    EXPECT_EQ(sscard::decodeBcd(Bytes{0x37, 0xFF}, "k"), "37");
    EXPECT_THROW(sscard::decodeBcd(Bytes{0x3A}, "k"), MalformedRecord);
    EXPECT_THROW(sscard::decodeBcd(Bytes{0x3F, 0x12}, "k"), MalformedRecord);
    EXPECT_THROW(sscard::decodeBcd(Bytes{0xF1}, "k"), MalformedRecord);
    EXPECT_EQ(sscard::encodeBcd("371", 3), (Bytes{0x37, 0x1F, 0xFF}));
    EXPECT_EQ(sscard::decodeBcd(sscard::encodeBcd("20200115", 4), "k"), "20200115");
}

TEST(SsCardCodec, DatesMustBeReal) {
    EXPECT_EQ(sscard::decodeDate(Bytes{0x19, 0x56, 0x07, 0x04}, "k").iso(), "1956-07-04");
    EXPECT_THROW(sscard::decodeDate(Bytes{0x19, 0x56, 0x02, 0x30}, "k"), MalformedRecord);
    EXPECT_THROW(sscard::decodeDate(Bytes{0x19, 0x56, 0x13, 0x01}, "k"), MalformedRecord);
    EXPECT_THROW(sscard::decodeDate(Bytes{0x19, 0x56, 0xFF, 0xFF}, "k"), MalformedRecord);
}

TEST(SsCardCodec, AlnumStripsPadding) {
    EXPECT_EQ(sscard::decodeAlnum(Bytes{'3', '.', '0', '0'}, "k"), "3.00");
    EXPECT_EQ(sscard::decodeAlnum(Bytes{'A', '1', 0x00, 0x00}, "k"), "A1");
    EXPECT_THROW(sscard::decodeAlnum(Bytes{'A', 0x07, 'B'}, "k"), MalformedRecord);
}

TEST(SsCardCodec, GbkNamesRoundTripToUtf8) {
    const Bytes gbk = sscard::utf8ToGbk("张三丰", 30);
    ASSERT_EQ(gbk.size(), 30u);
    EXPECT_EQ(gbk[0], 0xD5);  // 张 = D5C5 in GBK
    EXPECT_EQ(gbk[1], 0xC5);
    EXPECT_EQ(gbk[6], 0x00);
    EXPECT_EQ(sscard::gbkToUtf8(gbk, "name"), "张三丰");
    Bytes spacePadded = {0xD5, 0xC5, 0x20, 0x20};
    EXPECT_EQ(sscard::gbkToUtf8(spacePadded, "name"), "张");
    EXPECT_THROW(sscard::gbkToUtf8(Bytes{0xD5}, "name"), MalformedRecord);  // half a character
    EXPECT_THROW(sscard::utf8ToGbk("张三丰张三丰张三丰张三丰张三丰张三丰", 30),
                 std::invalid_argument);
}

TEST(SsCardPin, OnlySixDigitsMakeAPin) {
    EXPECT_TRUE(sscard::Pin::fromDigits("013579").has_value());
    EXPECT_FALSE(sscard::Pin::fromDigits("12345").has_value());
    EXPECT_FALSE(sscard::Pin::fromDigits("1234567").has_value());
    EXPECT_FALSE(sscard::Pin::fromDigits("12a456").has_value());
    const auto bcd = sscard::Pin::fromDigits("013579")->bcd();
    EXPECT_EQ(bcd[0], 0x01);
    EXPECT_EQ(bcd[1], 0x35);
    EXPECT_EQ(bcd[2], 0x79);
}

TEST(SsCardPin, WeakPinsAreRefusedWithTheirReason) {
    using R = sscard::WeakPinReason;
    auto pin = [](const char* d) { return *sscard::Pin::fromDigits(d); };
    const sscard::Date birth{1956, 7, 4};
    EXPECT_EQ(sscard::weakPinReason(pin("123456"), birth), R::InitialPin);
    EXPECT_EQ(sscard::weakPinReason(pin("000000"), birth), R::AllSame);
    EXPECT_EQ(sscard::weakPinReason(pin("888888"), birth), R::AllSame);
    EXPECT_EQ(sscard::weakPinReason(pin("654321"), birth), R::Sequence);
    EXPECT_EQ(sscard::weakPinReason(pin("789012"), birth), R::Sequence);
    EXPECT_EQ(sscard::weakPinReason(pin("560704"), birth), R::BirthDate);
    EXPECT_EQ(sscard::weakPinReason(pin("070456"), birth), R::BirthDate);
    EXPECT_EQ(sscard::weakPinReason(pin("271828"), birth, pin("271828")), R::SameAsOld);
    EXPECT_EQ(sscard::weakPinReason(pin("271828"), birth, pin("123456")), std::nullopt);
    EXPECT_EQ(sscard::weakPinReason(pin("560704"), std::nullopt), std::nullopt);
}

TEST(PinResetCrypto, CardKeyIsSm4OfTheCardIdentifier) {
    // GB/T 32907-2016 Appendix A example 1: key = plaintext = 0123456789ABCDEFFEDCBA9876543210.
    const Bytes v = pcsc::fromHex("0123456789ABCDEFFEDCBA9876543210");
    sscard::Key master{};
    std::copy(v.begin(), v.end(), master.begin());
    const auto cardKey = sscard::deriveCardKey(master, v);
    EXPECT_EQ(pcsc::toHex(Bytes(cardKey.begin(), cardKey.end())),
              "681EDF34D206965E86B3E94F536E4246");
}

TEST(PinResetCrypto, MacDependsOnKeyChallengeAndPin) {
    sscard::Key cardKey{};
    cardKey.fill(0x11);
    const Bytes c1 = pcsc::fromHex("0102030405060708");
    const Bytes c2 = pcsc::fromHex("0102030405060709");
    const auto k1 = sscard::deriveSessionKey(cardKey, c1, sscard::ResetOperation::Reload);
    const auto k2 = sscard::deriveSessionKey(cardKey, c2, sscard::ResetOperation::Reload);
    EXPECT_NE(k1, k2);
    // The key is bound to its operation: the same challenge gives another key for UNBLOCK.
    EXPECT_NE(sscard::deriveSessionKey(cardKey, c1, sscard::ResetOperation::Unblock), k1);
    const Bytes pinA = {0x27, 0x18, 0x28};
    const Bytes pinB = {0x27, 0x18, 0x29};
    const auto a = sscard::buildReloadPinCommand(k1, pinA);
    ASSERT_EQ(a.size(), 12u);
    EXPECT_EQ(pcsc::toHex(Bytes(a.begin(), a.begin() + 8)), "845E000007271828");
    EXPECT_NE(a, sscard::buildReloadPinCommand(k2, pinA));
    EXPECT_NE(a, sscard::buildReloadPinCommand(k1, pinB));
    const auto u = sscard::buildUnblockPinCommand(k1);
    EXPECT_EQ(pcsc::toHex(Bytes(u.begin(), u.begin() + 5)), "8424000004");
    EXPECT_EQ(u.size(), 9u);
    EXPECT_THROW(sscard::deriveSessionKey(cardKey, Bytes(7), sscard::ResetOperation::Reload),
                 std::invalid_argument);
    EXPECT_THROW(sscard::deriveCardKey(cardKey, Bytes(15)), std::invalid_argument);
}
