// drivers/idcard without a serial line: frames, the card's text, and the Reader against the
// simulator's SAM model behind an in-memory link (the device tests run the same over a
// pseudo-terminal with renshe-idcardsim).
#include <gtest/gtest.h>

#include <deque>

#include "drivers/idcard/photo_decoder.hpp"
#include "drivers/idcard/reader.hpp"
#include "drivers/idcardsim/sam_model.hpp"
#include "tests/fixtures/idcardsim.hpp"

namespace idcard = renshe::drivers::idcard;
namespace sim = renshe::drivers::idcardsim;
using idcard::Bytes;
using idcard::Problem;
using renshe::testing::idCardProblemOf;

namespace {

idcard::IdCardText zhang() {
    idcard::IdCardText t;
    t.name = "张三丰";
    t.sex = "1";
    t.nation = "01";
    t.birth = "19470409";
    t.address = "山东省济南市历下区泉城路1号";
    t.idNumber = "370102194704090017";
    t.authority = "济南市公安局历下分局";
    t.validFrom = "20150301";
    t.validUntil = "长期";
    return t;
}

// The SAM model behind a link; `chunkSize` splits answers into small reads to exercise
// reassembly.
class ModelLink : public idcard::Link {
public:
    ModelLink(sim::SamModel& model, std::size_t chunkSize) : m_model(model), m_chunk(chunkSize) {}
    void write(std::span<const std::uint8_t> bytes) override {
        if (m_gone)
            throw idcard::IdCardError(Problem::NoReader, "gone");
        for (auto& c : m_model.receive(bytes.data(), bytes.size()))
            m_pending.insert(m_pending.end(), c.begin(), c.end());
    }
    std::size_t read(std::span<std::uint8_t> into, std::chrono::milliseconds) override {
        if (m_gone)
            throw idcard::IdCardError(Problem::NoReader, "gone");
        const std::size_t n = std::min({into.size(), m_pending.size(), m_chunk});
        std::copy_n(m_pending.begin(), n, into.begin());
        m_pending.erase(m_pending.begin(), m_pending.begin() + static_cast<long>(n));
        return n;
    }
    void discardInput() override { m_pending.clear(); }
    bool m_gone = false;

private:
    sim::SamModel& m_model;
    std::size_t m_chunk;
    std::deque<std::uint8_t> m_pending;
};

struct Rig {
    explicit Rig(std::size_t chunk = 7) {
        auto l = std::make_unique<ModelLink>(model, chunk);
        link = l.get();
        idcard::ReaderOptions o;
        o.answerTimeout = std::chrono::milliseconds(50);
        o.readTimeout = std::chrono::milliseconds(50);
        reader = std::make_unique<idcard::Reader>(std::move(l), o);
    }
    void place(const idcard::IdCardText& t) {
        sim::SimCard c;
        c.text = idcard::encodeText(t);
        c.photo = Bytes(idcard::kPhotoBytes, 0x42);
        model.place(c);
    }
    sim::SamModel model;
    ModelLink* link = nullptr;
    std::unique_ptr<idcard::Reader> reader;
};

}  // namespace

TEST(IdCardFrame, CommandsEncodeWithLengthAndXorChecksum) {
    // Find card: AA AA AA 96 69 00 03 20 01 22 (the checksum is 00^03^20^01).
    EXPECT_EQ(idcard::hex(idcard::encodeCommand(idcard::commands::kFindCard)),
              "AA AA AA 96 69 00 03 20 01 22");
    EXPECT_EQ(idcard::hex(idcard::encodeCommand(idcard::commands::kReadBase)),
              "AA AA AA 96 69 00 03 30 01 32");
}

TEST(IdCardFrame, DecoderReassemblesSkipsNoiseAndDropsBrokenFrames) {
    idcard::Answer a{0, 0, 0x90, Bytes{1, 2, 3}};
    const Bytes frame = idcard::encodeAnswer(a);
    idcard::FrameDecoder d;
    const Bytes noise{0x00, 0xAA, 0x13, 0xAA, 0xAA};
    d.feed(noise);
    EXPECT_FALSE(d.next());
    for (std::uint8_t b : frame) {  // one byte at a time
        d.feed(std::span(&b, 1));
    }
    auto f = d.next();
    ASSERT_TRUE(f);
    ASSERT_FALSE(f->problem);
    EXPECT_EQ(idcard::parseAnswer(f->body)->data, (Bytes{1, 2, 3}));
    EXPECT_EQ(d.skipped(), noise.size());
    EXPECT_FALSE(d.midFrame());

    Bytes garbled = frame;
    garbled.back() ^= 1;
    d.feed(garbled);
    f = d.next();
    ASSERT_TRUE(f);
    EXPECT_EQ(f->problem, idcard::FrameProblem::BadChecksum);

    Bytes tooLong = frame;
    tooLong[5] = 0xFF;
    d.feed(tooLong);
    d.feed(frame);  // a good frame right after a broken one is still found
    f = d.next();
    ASSERT_TRUE(f);
    EXPECT_EQ(f->problem, idcard::FrameProblem::BadLength);
    for (;;) {
        f = d.next();
        ASSERT_TRUE(f);
        if (!f->problem)
            break;
    }
    EXPECT_EQ(idcard::parseAnswer(f->body)->sw3, 0x90);
}

TEST(IdCardText, RoundTripsEveryField) {
    const auto t = zhang();
    const Bytes raw = idcard::encodeText(t);
    ASSERT_EQ(raw.size(), 256u);
    // 张 is U+5F20: little-endian 20 5F.
    EXPECT_EQ(raw[0], 0x20);
    EXPECT_EQ(raw[1], 0x5F);
    const auto back = idcard::parseText(raw);
    EXPECT_EQ(back.name, t.name);
    EXPECT_EQ(back.sex, "1");
    EXPECT_EQ(back.nation, "01");
    EXPECT_EQ(back.birth, t.birth);
    EXPECT_EQ(back.address, t.address);
    EXPECT_EQ(back.idNumber, t.idNumber);
    EXPECT_EQ(back.authority, t.authority);
    EXPECT_EQ(back.validFrom, t.validFrom);
    EXPECT_EQ(back.validUntil, "长期");
    EXPECT_EQ(idcard::sexName(back.sex), "男");
    EXPECT_EQ(idcard::nationName(back.nation), "汉");
    EXPECT_EQ(idcard::nationName("98"), "外国血统中国籍人士");
    EXPECT_EQ(idcard::nationName("57"), "");
}

TEST(IdCardText, RefusesBrokenFieldsNamingTheFieldNotTheValue) {
    auto refused = [](const idcard::IdCardText& t) {
        try {
            idcard::parseText(idcard::encodeText(t));
        } catch (const idcard::IdCardError& e) {
            EXPECT_EQ(e.problem(), Problem::BadText);
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    auto t = zhang();
    t.idNumber = "370102194704090018";
    EXPECT_NE(refused(t).find("check digit"), std::string::npos);
    EXPECT_EQ(refused(t).find("370102"), std::string::npos) << "the number never in a message";
    t = zhang();
    t.birth = "19470410";
    EXPECT_NE(refused(t).find("birth differs"), std::string::npos);
    t = zhang();
    t.nation = "77";
    EXPECT_NE(refused(t).find("nation"), std::string::npos);
    t = zhang();
    t.sex = "男";
    EXPECT_NE(refused(t).find("sex"), std::string::npos);
    t = zhang();
    t.validUntil = "20140101";
    EXPECT_NE(refused(t).find("valid_until"), std::string::npos);
    t = zhang();
    t.name = "";
    EXPECT_NE(refused(t).find("name"), std::string::npos);

    Bytes raw = idcard::encodeText(zhang());
    raw[2] = 0x00;  // 三 → a lone surrogate D800
    raw[3] = 0xD8;
    EXPECT_EQ(idCardProblemOf([&] { idcard::parseText(raw); }), Problem::BadText);
    raw = idcard::encodeText(zhang());
    raw[4] = 0x07;  // a control character
    raw[5] = 0x00;
    EXPECT_EQ(idCardProblemOf([&] { idcard::parseText(raw); }), Problem::BadText);
    EXPECT_EQ(idCardProblemOf([&] { idcard::parseText(Bytes(255, 0x20)); }), Problem::BadText);
}

TEST(IdCardText, ExpiryIsByTheLastValidDayAndLongTermNeverExpires) {
    auto t = zhang();
    EXPECT_FALSE(idcard::isExpired(t, "20991231"));
    t.validUntil = "20250301";
    EXPECT_FALSE(idcard::isExpired(t, "20250301"));
    EXPECT_TRUE(idcard::isExpired(t, "20250302"));
}

TEST(IdCardReader, ReadsTheCardOnTheReaderAcrossSmallReads) {
    Rig rig(5);
    rig.place(zhang());
    EXPECT_EQ(rig.reader->samId(), "05.01-20101103-0012345678-1234567890");
    auto card = rig.reader->read();
    EXPECT_EQ(card.text.name, "张三丰");
    EXPECT_EQ(card.text.idNumber, "370102194704090017");
    EXPECT_EQ(card.photo.size(), idcard::kPhotoBytes);
    card.cleanse();
    EXPECT_TRUE(card.text.name.empty());
    EXPECT_TRUE(card.photo.empty());
}

TEST(IdCardReader, EveryFaultIsATypedError) {
    Rig rig;
    EXPECT_FALSE(rig.reader->findCard());
    EXPECT_EQ(idCardProblemOf([&] { rig.reader->read(); }), Problem::NoCard);
    rig.place(zhang());

    rig.model.setFault(sim::Fault::GarbleOnce);  // one garbled answer: retried, read fine
    EXPECT_EQ(rig.reader->read().text.name, "张三丰");
    rig.model.setFault(sim::Fault::BadLength);
    EXPECT_EQ(rig.reader->read().text.name, "张三丰");
    rig.model.setFault(sim::Fault::Noise);
    EXPECT_EQ(rig.reader->read().text.name, "张三丰");

    rig.model.setFault(sim::Fault::GarbleAlways);
    EXPECT_EQ(idCardProblemOf([&] { rig.reader->read(); }), Problem::Checksum);
    rig.model.setFault(sim::Fault::Truncate);
    EXPECT_EQ(idCardProblemOf([&] { rig.reader->read(); }), Problem::Truncated);
    rig.model.setFault(sim::Fault::Mute);
    EXPECT_EQ(idCardProblemOf([&] { rig.reader->findCard(); }), Problem::Timeout);
    rig.model.setFault(sim::Fault::SamFault);
    EXPECT_EQ(idCardProblemOf([&] { rig.reader->samId(); }), Problem::SamFault);
    rig.model.setFault(sim::Fault::LiftMidRead);
    EXPECT_EQ(idCardProblemOf([&] { rig.reader->read(); }), Problem::CardRemoved);
    EXPECT_FALSE(rig.reader->findCard()) << "the card is gone after it was lifted";

    rig.place(zhang());
    rig.link->m_gone = true;
    EXPECT_EQ(idCardProblemOf([&] { rig.reader->read(); }), Problem::NoReader);
}

TEST(IdCardReader, ACardWithBrokenTextIsBadTextNotACrash) {
    Rig rig;
    sim::SimCard c;
    c.text = idcard::encodeText(zhang());
    c.text[244] = 0x3D;      // reserved area ignored
    c.text[122 + 34] = '8';  // last ID character → wrong check digit
    c.photo = Bytes(idcard::kPhotoBytes, 0);
    rig.model.place(c);
    EXPECT_EQ(idCardProblemOf([&] { rig.reader->read(); }), Problem::BadText);
}

TEST(IdCardPhoto, ADecoderIsLoadedAtRunTimeOnlyWhenInstalled) {
    std::string why;
    EXPECT_EQ(idcard::PhotoDecoder::load("/nonexistent/libwlt.so", &why), nullptr);
    EXPECT_FALSE(why.empty());
    EXPECT_EQ(idcard::PhotoDecoder::load("libm.so.6", &why), nullptr);
    EXPECT_NE(why.find("no renshe_wlt_decode"), std::string::npos) << why;

    const auto decoder = idcard::PhotoDecoder::load(RENSHE_WLT_STAND_IN, &why);
    ASSERT_NE(decoder, nullptr) << why;
    Rig rig;
    sim::SimCard c;
    c.text = idcard::encodeText(zhang());
    c.photo = Bytes(idcard::kPhotoBytes, 0x40);
    c.photo[0] = 'W';
    c.photo[1] = 'L';
    rig.model.place(c);
    const auto card = rig.reader->read();
    const auto bmp = decoder->decode(card.photo);
    ASSERT_TRUE(bmp);
    EXPECT_EQ((*bmp)[0], 'B');
    EXPECT_EQ((*bmp)[1], 'M');
    EXPECT_EQ(bmp->size(), 54u + 308u * 126u);
    EXPECT_FALSE(decoder->decode(Bytes(1024, 0))) << "a refusal is nullopt, not garbage";
}
