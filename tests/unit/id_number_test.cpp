#include "drivers/sscard/id_number.hpp"

#include <gtest/gtest.h>

namespace sscard = renshe::drivers::sscard;
using sscard::IdNumberProblem;

namespace {
// A syntactically valid number built from a real region code and birth date; the check
// character is computed, then the known-good answer is asserted separately below.
std::string withCheck(const std::string& first17) {
    return first17 + sscard::idNumberCheckCharacter(first17);
}
}  // namespace

TEST(IdNumber, CheckCharacterFollowsMod11_2) {
    // Worked example of GB 11643-1999 Annex: 11010519491231002 -> X.
    EXPECT_EQ(sscard::idNumberCheckCharacter("11010519491231002"), 'X');
    EXPECT_EQ(sscard::idNumberCheckCharacter("44052418800101001"), '4');
}

TEST(IdNumber, AcceptsWellFormedNumbers) {
    EXPECT_EQ(sscard::validateIdNumber("11010519491231002X"), std::nullopt);
    EXPECT_EQ(sscard::validateIdNumber("11010519491231002x"), std::nullopt);
    EXPECT_EQ(sscard::validateIdNumber(withCheck("37130219560704123")), std::nullopt);
}

TEST(IdNumber, RejectsWrongLength) {
    EXPECT_EQ(sscard::validateIdNumber(""), IdNumberProblem::WrongLength);
    EXPECT_EQ(sscard::validateIdNumber("11010519491231002"), IdNumberProblem::WrongLength);
    EXPECT_EQ(sscard::validateIdNumber("11010519491231002X1"), IdNumberProblem::WrongLength);
}

TEST(IdNumber, RejectsLettersOutsideTheCheckPlace) {
    EXPECT_EQ(sscard::validateIdNumber("1101051949123100AX"), IdNumberProblem::NotDigits);
    EXPECT_EQ(sscard::validateIdNumber("11010519491231002Y"), IdNumberProblem::NotDigits);
}

TEST(IdNumber, RejectsImpossibleRegionAndDates) {
    EXPECT_EQ(sscard::validateIdNumber(withCheck("01010519491231002")), IdNumberProblem::BadRegion);
    EXPECT_EQ(sscard::validateIdNumber(withCheck("11010519490231002")),
              IdNumberProblem::BadBirthDate);
    EXPECT_EQ(sscard::validateIdNumber(withCheck("11010519010229002")),
              IdNumberProblem::BadBirthDate);
    EXPECT_EQ(sscard::validateIdNumber(withCheck("11010520000229002")), std::nullopt);  // leap year
}

TEST(IdNumber, RejectsAWrongCheckDigit) {
    EXPECT_EQ(sscard::validateIdNumber("110105194912310021"), IdNumberProblem::BadCheckDigit);
}

TEST(Masking, IdNumberKeepsFirstThreeAndLastFour) {
    EXPECT_EQ(sscard::maskIdNumber("220102195607041234"), "220***********1234");
    EXPECT_EQ(sscard::maskIdNumber("12345"), "*****");
}

TEST(Masking, NameKeepsFirstAndLastCharacter) {
    EXPECT_EQ(sscard::maskName("张三丰"), "张*丰");
    EXPECT_EQ(sscard::maskName("张三"), "张*");
    EXPECT_EQ(sscard::maskName("欧阳成功"), "欧**功");
    EXPECT_EQ(sscard::maskName("李"), "李");
    EXPECT_EQ(sscard::maskName(""), "");
}
