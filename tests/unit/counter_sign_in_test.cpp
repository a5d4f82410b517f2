// The counter's staff key under a passphrase (services/pki/protected_key) and its sign-in
// budget (kiosk/counter/sign_in_guard): three wrong passphrases lock for the configured time,
// the count survives a restart, a damaged count file does not reopen the budget.
#include <gtest/gtest.h>

#include <fstream>

#include "kiosk/counter/sign_in_guard.hpp"
#include "services/pki/pki.hpp"
#include "services/pki/protected_key.hpp"
#include "tests/fixtures/temp_dir.hpp"

namespace pki = renshe::services::pki;
using renshe::kiosk::counter::SignInGuard;

namespace {

TEST(ProtectedKey, OpensWithItsPassphraseOnlyAndSignsLikeTheOriginal) {
    const std::string plain = pki::generatePrivateKeyPem();
    const std::string sealed = pki::protectPrivateKeyPem(plain, "counter-pass");
    EXPECT_TRUE(pki::isProtectedKeyPem(sealed));
    EXPECT_FALSE(pki::isProtectedKeyPem(plain));
    EXPECT_EQ(sealed.find(plain.substr(40, 40)), std::string::npos);
    EXPECT_FALSE(pki::unprotectPrivateKeyPem(sealed, "counter-pasS").has_value());
    EXPECT_FALSE(pki::unprotectPrivateKeyPem(sealed, "").has_value());
    const auto opened = pki::unprotectPrivateKeyPem(sealed, "counter-pass");
    ASSERT_TRUE(opened.has_value());
    // The same key: a request signed with the opened key names the same public key.
    const pki::Identity who{"S-0001", pki::Role::Staff, "371302"};
    EXPECT_EQ(pki::csrPublicKeySha256(pki::createCsrPem(*opened, who)),
              pki::csrPublicKeySha256(pki::createCsrPem(plain, who)));
}

TEST(ProtectedKey, RefusesShortPassphrasesAndKeysThatAreNotKeys) {
    const std::string plain = pki::generatePrivateKeyPem();
    EXPECT_THROW(pki::protectPrivateKeyPem(plain, "1234567"), pki::PkiError);
    EXPECT_THROW(pki::protectPrivateKeyPem("not a key", "counter-pass"), pki::PkiError);
    EXPECT_THROW(pki::unprotectPrivateKeyPem(plain, "counter-pass"), pki::PkiError);
}

TEST(SignInGuard, ThreeWrongPassphrasesLockForTheConfiguredTimeThenAFreshBudget) {
    renshe::testing::TempDir dir{"renshe-sign-in"};
    SignInGuard guard(dir / "sign-in", 3, std::chrono::minutes(5));
    const std::int64_t t0 = 1'800'000'000;
    EXPECT_EQ(guard.lockedFor(t0), 0);
    EXPECT_FALSE(guard.recordFailure(t0));
    EXPECT_EQ(guard.attemptsLeft(), 2);
    EXPECT_FALSE(guard.recordFailure(t0 + 1));
    EXPECT_TRUE(guard.recordFailure(t0 + 2));
    EXPECT_EQ(guard.lockedFor(t0 + 2), 300);
    EXPECT_EQ(guard.lockedFor(t0 + 301), 1);
    EXPECT_EQ(guard.lockedFor(t0 + 302), 0);
    // After the lock a wrong passphrase starts a new count.
    EXPECT_FALSE(guard.recordFailure(t0 + 400));
    EXPECT_EQ(guard.attemptsLeft(), 2);
    guard.recordSuccess();
    EXPECT_EQ(guard.attemptsLeft(), 3);
}

TEST(SignInGuard, TheCountAndTheLockSurviveARestart) {
    renshe::testing::TempDir dir{"renshe-sign-in"};
    const std::int64_t t0 = 1'800'000'000;
    {
        SignInGuard guard(dir / "sign-in", 3, std::chrono::minutes(5));
        guard.recordFailure(t0);
        guard.recordFailure(t0);
    }
    {
        SignInGuard again(dir / "sign-in", 3, std::chrono::minutes(5));
        EXPECT_EQ(again.attemptsLeft(), 1);
        EXPECT_TRUE(again.recordFailure(t0 + 1));
    }
    SignInGuard third(dir / "sign-in", 3, std::chrono::minutes(5));
    EXPECT_EQ(third.lockedFor(t0 + 1), 300);
}

TEST(SignInGuard, ADamagedCountFileLeavesOneAttemptNotAFreshBudget) {
    renshe::testing::TempDir dir{"renshe-sign-in"};
    std::ofstream(dir / "sign-in") << "garbage";
    SignInGuard guard(dir / "sign-in", 3, std::chrono::minutes(5));
    EXPECT_EQ(guard.attemptsLeft(), 1);
    EXPECT_TRUE(guard.recordFailure(1'800'000'000));
}

}  // namespace
