#include "services/pki/pki.hpp"

#include <gtest/gtest.h>

#include "services/pki/sealing.hpp"

namespace pki = renshe::services::pki;

TEST(Pki, ClientCertificateCarriesTheIdentity) {
    const auto ca = pki::CertificateAuthority::create("Test CA", std::chrono::hours(1));
    const auto issued =
        ca.issueClient({"T-371302-007", pki::Role::Display, "371302101"}, std::chrono::hours(1));
    const auto id = pki::identityFromCertificatePem(issued.certificatePem);
    EXPECT_EQ(id.id, "T-371302-007");
    EXPECT_EQ(id.role, pki::Role::Display);
    EXPECT_EQ(id.region, "371302101");
}

TEST(Pki, SignedCsrGetsTheOperatorsIdentityNotTheRequested) {
    const auto ca = pki::CertificateAuthority::create("Test CA", std::chrono::hours(1));
    const std::string key = pki::generatePrivateKeyPem();
    const std::string csr = pki::createCsrPem(key, {"T-claimed", pki::Role::Staff, "110000"});
    const std::string cert =
        ca.signCsr(csr, {"T-371302-009", pki::Role::Touch, "371302"}, std::chrono::hours(1));
    const auto id = pki::identityFromCertificatePem(cert);
    EXPECT_EQ(id.id, "T-371302-009");
    EXPECT_EQ(id.role, pki::Role::Touch);
}

// The back office pins a terminal to the key it enrolled with (the CSR's digest) and compares
// it with the digest of the key in the certificate the terminal connects with.
TEST(Pki, ACertificatesKeyDigestIsItsCsrsAndItsIdentityReadsInOneParse) {
    const auto ca = pki::CertificateAuthority::create("Test CA", std::chrono::hours(1));
    const std::string key = pki::generatePrivateKeyPem();
    const std::string csr = pki::createCsrPem(key, {"T-371302-009", pki::Role::Touch, "371302"});
    const std::string cert =
        ca.signCsr(csr, {"T-371302-009", pki::Role::Touch, "371302101"}, std::chrono::hours(1));
    const auto certified = pki::certifiedIdentity(cert);
    EXPECT_EQ(certified.identity.id, "T-371302-009");
    EXPECT_EQ(certified.identity.role, pki::Role::Touch);
    EXPECT_EQ(certified.identity.region, "371302101");
    EXPECT_EQ(certified.publicKeySha256.size(), 64u);
    EXPECT_EQ(certified.publicKeySha256, pki::csrPublicKeySha256(csr));
    EXPECT_EQ(certified.publicKeySha256, pki::certificateFacts(cert).publicKeySha256);
    // Another key, another digest.
    const auto other =
        ca.issueClient({"T-371302-009", pki::Role::Touch, "371302101"}, std::chrono::hours(1));
    EXPECT_NE(pki::certifiedIdentity(other.certificatePem).publicKeySha256,
              certified.publicKeySha256);
    const auto server =
        ca.issueServer("backoffice", {"localhost"}, {"127.0.0.1"}, std::chrono::hours(1));
    EXPECT_THROW(pki::certifiedIdentity(server.certificatePem), pki::PkiError);
    EXPECT_THROW(pki::certifiedIdentity("not a certificate"), pki::PkiError);
}

TEST(Pki, TamperedCsrIsRefused) {
    const auto ca = pki::CertificateAuthority::create("Test CA", std::chrono::hours(1));
    std::string csr =
        pki::createCsrPem(pki::generatePrivateKeyPem(), {"T-1", pki::Role::Touch, "371302"});
    // Flip one base64 character inside the body.
    const auto pos = csr.find('\n', 40) + 10;
    csr[pos] = csr[pos] == 'A' ? 'B' : 'A';
    EXPECT_THROW(ca.signCsr(csr, {"T-1", pki::Role::Touch, "371302"}, std::chrono::hours(1)),
                 pki::PkiError);
}

TEST(Pki, ServerCertificateIsNotAClientIdentity) {
    const auto ca = pki::CertificateAuthority::create("Test CA", std::chrono::hours(1));
    const auto server =
        ca.issueServer("backoffice", {"localhost"}, {"127.0.0.1"}, std::chrono::hours(1));
    EXPECT_THROW(pki::identityFromCertificatePem(server.certificatePem), pki::PkiError);
}

TEST(Pki, GarbageIsAClearError) {
    EXPECT_THROW(pki::identityFromCertificatePem("not a certificate"), pki::PkiError);
    EXPECT_THROW(pki::CertificateAuthority::fromPem("junk", "junk"), pki::PkiError);
}

// Sealing a service password to the back office's key for the kiosk's outbox.
TEST(Sealing, OnlyTheKeyHolderOpensItAndOnlyForTheSameRequest) {
    namespace pki = renshe::services::pki;
    const auto key = pki::newSealingKey();
    const std::string pub = pki::sealingPublicKey(key);
    ASSERT_EQ(pub.size(), 32u);
    EXPECT_EQ(pki::sealingKeyId(pub).size(), 16u);
    const auto sealed = pki::seal(pub, "285714", "request-1");
    EXPECT_EQ(sealed.ciphertext.find("285714"), std::string::npos);
    EXPECT_EQ(pki::unseal(key, sealed, "request-1"), std::optional<std::string>("285714"));
    // Another request, another key, a flipped bit: nothing.
    EXPECT_FALSE(pki::unseal(key, sealed, "request-2").has_value());
    EXPECT_FALSE(pki::unseal(pki::newSealingKey(), sealed, "request-1").has_value());
    auto flipped = sealed;
    flipped.ciphertext[0] ^= 1;
    EXPECT_FALSE(pki::unseal(key, flipped, "request-1").has_value());
    auto shortNonce = sealed;
    shortNonce.nonce.pop_back();
    EXPECT_FALSE(pki::unseal(key, shortNonce, "request-1").has_value());
    // Two seals of one secret differ (fresh ephemeral key and nonce).
    EXPECT_NE(pki::seal(pub, "285714", "request-1").ciphertext, sealed.ciphertext);
    EXPECT_THROW(pki::seal("short", "285714", "x"), std::invalid_argument);
}
