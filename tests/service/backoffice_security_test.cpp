// Who may call what: mutual TLS only, roles and regions enforced per RPC, malformed input
// refused with INVALID_ARGUMENT and nothing written, and the hash-chained audit log.
#include <grpcpp/generic/generic_stub.h>
#include <gtest/gtest.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <atomic>
#include <iostream>
#include <sstream>
#include <thread>

#include "services/pki/pki.hpp"
#include "services/pki/sealing.hpp"
#include "services/store/store.hpp"
#include "tests/fixtures/prometheus_text.hpp"
#include "tests/service/backoffice_env.hpp"

namespace {

using namespace renshe::v1;
using renshe::testing::activate;
using renshe::testing::BackofficeEnv;
using renshe::testing::call;
using renshe::testing::lossReport;
using renshe::testing::newRequestId;
using renshe::testing::Outcome;
using renshe::testing::SeededCard;
using renshe::testing::StoreKind;
using Card = CardService::Stub;
using Admin = AdminService::Stub;
namespace pki = renshe::services::pki;

GetCardStatusRequest statusRequest(const SeededCard& card) {
    GetCardStatusRequest r;
    *r.mutable_card() = card.inserted();
    return r;
}

// A channel with arbitrary credentials (no client certificate, a foreign CA's, an expired one).
std::unique_ptr<Card> cardStubWith(BackofficeEnv& env, const std::string& certPem,
                                   const std::string& keyPem) {
    grpc::SslCredentialsOptions tls;
    tls.pem_root_certs = pki::readFile(env.pki().caCertificate());
    tls.pem_cert_chain = certPem;
    tls.pem_private_key = keyPem;
    grpc::ChannelArguments args;
    args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 100);
    auto channel =
        grpc::CreateCustomChannel(env.backoffice().target(), grpc::SslCredentials(tls), args);
    return CardService::NewStub(channel);
}

class BackofficeSecurity : public ::testing::TestWithParam<StoreKind> {};

TEST_P(BackofficeSecurity, OnlyEnrolledRolesInTheirRegionGetThrough) {
    BackofficeEnv env(GetParam());
    const SeededCard card;
    renshe::testing::seed(env.staff(), card);
    GetCardStatusResponse st;

    // No client certificate, another CA's certificate, an expired certificate: the TLS
    // handshake fails, so the call never reaches an RPC.
    {
        auto stub = cardStubWith(env, "", "");
        auto o = call(*stub, &Card::GetCardStatus, statusRequest(card), &st);
        EXPECT_EQ(o.code, grpc::StatusCode::UNAVAILABLE) << o;
    }
    {
        const auto otherCa =
            pki::CertificateAuthority::create("Some Other CA", std::chrono::hours(24));
        const auto foreign = otherCa.issueClient({"T-371302-001", pki::Role::Touch, "371302"},
                                                 std::chrono::hours(24));
        auto stub = cardStubWith(env, foreign.certificatePem, foreign.privateKeyPem);
        auto o = call(*stub, &Card::GetCardStatus, statusRequest(card), &st);
        EXPECT_EQ(o.code, grpc::StatusCode::UNAVAILABLE) << o;
    }
    {
        const auto expired = env.pki().ca().issueClient(
            {"T-371302-001", pki::Role::Touch, "371302"}, std::chrono::hours(-1));
        auto stub = cardStubWith(env, expired.certificatePem, expired.privateKeyPem);
        auto o = call(*stub, &Card::GetCardStatus, statusRequest(card), &st);
        EXPECT_EQ(o.code, grpc::StatusCode::UNAVAILABLE) << o;
    }

    // A display terminal on a card RPC; a terminal on a staff RPC; a terminal of another region.
    auto display = call(*env.display().card, &Card::GetCardStatus, statusRequest(card), &st);
    EXPECT_EQ(display.code, grpc::StatusCode::PERMISSION_DENIED) << display;
    EXPECT_EQ(display.refusal, "REFUSAL_REASON_WRONG_ROLE");
    ReportTemporaryLossRequest loss;
    loss.set_request_id(newRequestId());
    loss.set_ssn(card.ssn);
    loss.set_name(card.name);
    loss.mutable_second_factor()->set_service_password("285714");
    ReportTemporaryLossResponse lr;
    auto displayLoss = call(*env.display().card, &Card::ReportTemporaryLoss, loss, &lr);
    EXPECT_EQ(displayLoss.refusal, "REFUSAL_REASON_WRONG_ROLE") << displayLoss;

    CardOperationRequest op;
    op.set_request_id(newRequestId());
    op.set_card_number(card.cardNumber);
    CardOperationResponse opr;
    auto terminalOnAdmin = call(*env.touch().admin, &Admin::CancelCard, op, &opr);
    EXPECT_EQ(terminalOnAdmin.code, grpc::StatusCode::PERMISSION_DENIED) << terminalOnAdmin;
    EXPECT_EQ(terminalOnAdmin.refusal, "REFUSAL_REASON_STAFF_ONLY");

    auto elsewhere = call(*env.elsewhere().card, &Card::GetCardStatus, statusRequest(card), &st);
    EXPECT_EQ(elsewhere.code, grpc::StatusCode::PERMISSION_DENIED) << elsewhere;
    EXPECT_EQ(elsewhere.refusal, "REFUSAL_REASON_OUTSIDE_REGION");
    auto otherStaff = env.as(env.pki().staff("S-0900", "370102"));
    op.set_request_id(newRequestId());
    auto staffElsewhere = call(*otherStaff.admin, &Admin::CancelCard, op, &opr);
    EXPECT_EQ(staffElsewhere.refusal, "REFUSAL_REASON_OUTSIDE_REGION") << staffElsewhere;

    // Staff may read card status; the card is still ISSUED after all of the above.
    ASSERT_TRUE(call(*env.staff().card, &Card::GetCardStatus, statusRequest(card), &st).ok());
    EXPECT_EQ(st.card().status(), CARD_STATUS_ISSUED);
    // The card's three values must agree with the registry.
    auto mismatch = statusRequest(card);
    mismatch.mutable_card()->set_card_number("A37010009");
    auto unknown = call(*env.touch().card, &Card::GetCardStatus, mismatch, &st);
    EXPECT_EQ(unknown.code, grpc::StatusCode::NOT_FOUND) << unknown;
    EXPECT_EQ(unknown.refusal, "REFUSAL_REASON_UNKNOWN_CARD");
}

TEST_P(BackofficeSecurity, MalformedInputIsInvalidArgumentAndWritesNothing) {
    BackofficeEnv env(GetParam());
    const auto touch = env.touch();
    const auto staff = env.staff();
    const SeededCard card;
    renshe::testing::seed(staff, card);
    ASSERT_TRUE(activate(touch, card, "285714").ok());

    auto expectInvalid = [&](const ReportTemporaryLossRequest& r, const std::string& reason) {
        ReportTemporaryLossResponse lr;
        const auto o = call(*touch.card, &Card::ReportTemporaryLoss, r, &lr);
        EXPECT_EQ(o.code, grpc::StatusCode::INVALID_ARGUMENT)
            << o << " for " << r.ShortDebugString().substr(0, 200);
        EXPECT_EQ(o.refusal, reason);
        EXPECT_FALSE(o.message.empty());
        EXPECT_EQ(o.message.find(card.ssn), std::string::npos) << "full ID number in a message";
    };
    auto base = [&] {
        ReportTemporaryLossRequest r;
        r.set_request_id(newRequestId());
        r.set_ssn(card.ssn);
        r.set_name(card.name);
        r.mutable_second_factor()->set_service_password("285714");
        return r;
    };
    for (const std::string bad : {"37010219470409001", "3701021947040900177", "37010219470409001A",
                                  "370102194713090017", "370102194704090018", ""}) {
        auto r = base();
        r.set_ssn(bad);
        expectInvalid(r, "REFUSAL_REASON_MALFORMED_ID_NUMBER");
    }
    {
        auto r = base();
        r.set_name("张三丰张三丰张三丰张三丰张三丰张三丰");  // 18 characters = 36 GBK bytes
        expectInvalid(r, "REFUSAL_REASON_MALFORMED_FIELD");
    }
    {
        auto r = base();
        r.set_name("'; DROP TABLE persons; --");
        expectInvalid(r, "REFUSAL_REASON_MALFORMED_FIELD");
    }
    {
        auto r = base();
        r.set_name(std::string(60 * 1024, 'a'));  // oversized field
        expectInvalid(r, "REFUSAL_REASON_MALFORMED_FIELD");
    }
    {
        auto r = base();
        r.set_request_id("not-a-uuid");
        expectInvalid(r, "REFUSAL_REASON_MALFORMED_FIELD");
    }
    {
        auto r = base();
        r.mutable_second_factor()->set_service_password("12ab56");
        ReportTemporaryLossResponse lr;
        const auto o = call(*touch.card, &Card::ReportTemporaryLoss, r, &lr);
        EXPECT_EQ(o.code, grpc::StatusCode::INVALID_ARGUMENT) << o;
    }
    {
        // An unknown enum value arrives as a plain number in proto3.
        ReportPinChangedRequest r;
        r.set_request_id(newRequestId());
        *r.mutable_card() = card.inserted();
        r.set_kind(static_cast<PinChangeKind>(99));
        ReportPinChangedResponse resp;
        const auto o = call(*touch.card, &Card::ReportPinChanged, r, &resp);
        EXPECT_EQ(o.code, grpc::StatusCode::INVALID_ARGUMENT) << o;
        EXPECT_EQ(o.refusal, "REFUSAL_REASON_MALFORMED_FIELD");
    }
    {
        // Invalid UTF-8 in a string field: the message does not even parse as proto3.
        ReportTemporaryLossRequest r = base();
        r.set_name("NAME");
        std::string wire = r.SerializeAsString();
        const auto at = wire.find("NAME");
        wire.replace(at, 4, "\xC3\x28\xFF\xFE");
        grpc::GenericStub generic(renshe::services::client::makeChannel(
            env.pki().endpoint(env.backoffice().target(), env.pki().touchTerminal())));
        grpc::ClientContext ctx;
        ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
        grpc::Slice slice(wire);
        grpc::ByteBuffer request(&slice, 1), response;
        std::mutex m;
        std::condition_variable cv;
        bool done = false;
        grpc::Status status;
        generic.UnaryCall(&ctx, "/renshe.v1.CardService/ReportTemporaryLoss", grpc::StubOptions(),
                          &request, &response, [&](grpc::Status s) {
                              std::lock_guard lock(m);
                              status = s;
                              done = true;
                              cv.notify_all();
                          });
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return done; });
        EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
            << status.error_message();
        const auto& md = ctx.GetServerTrailingMetadata();
        const auto it = md.find("renshe-refusal");
        ASSERT_NE(it, md.end());
        EXPECT_EQ(std::string(it->second.data(), it->second.size()),
                  "REFUSAL_REASON_MALFORMED_FIELD");
    }

    // Nothing was written: the card is still ACTIVE, no loss report, no new history row.
    GetPersonRequest gp;
    gp.mutable_person()->set_ssn(card.ssn);
    GetPersonResponse person;
    ASSERT_TRUE(call(*staff.admin, &Admin::GetPerson, gp, &person).ok());
    EXPECT_EQ(person.cards(0).status(), CARD_STATUS_ACTIVE);
    EXPECT_EQ(person.history_size(), 2);  // issued, activation
    // Still a working service after all that.
    ReportTemporaryLossResponse lr;
    ASSERT_TRUE(call(*touch.card, &Card::ReportTemporaryLoss, base(), &lr).ok());
}

// Rate limits are one atomic step with the attempt: 40 wrong passwords for one ID number at
// once, from 16 threads, are at most 5 wrong passwords (the per-ID-number budget) and the
// rest RATE_LIMITED, on SQLite's single writer and on PostgreSQL's READ COMMITTED alike.
TEST_P(BackofficeSecurity, ConcurrentWrongPasswordsCountNoMoreThanTheBudget) {
    BackofficeEnv env(GetParam(), {"@metrics"});
    const SeededCard card;
    renshe::testing::seed(env.staff(), card);
    ASSERT_TRUE(activate(env.touch(), card, "285714").ok());
    // Every thread its own channel, all as the same terminal.
    std::vector<renshe::testing::Clients> clients;
    for (int t = 0; t < 16; ++t)
        clients.push_back(env.touch());
    std::atomic<int> next{0}, wrong{0}, limited{0}, other{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 16; ++t) {
        threads.emplace_back([&, t] {
            for (int i = next++; i < 40; i = next++) {
                ReportTemporaryLossResponse resp;
                const auto o = call(*clients[t].card, &Card::ReportTemporaryLoss,
                                    lossReport(card, card.name, "999888"), &resp);
                if (o.refusal == "REFUSAL_REASON_SECOND_FACTOR_FAILED")
                    ++wrong;
                else if (o.refusal == "REFUSAL_REASON_RATE_LIMITED")
                    ++limited;
                else
                    ++other;
            }
        });
    }
    for (auto& t : threads)
        t.join();
    std::cout << "40 concurrent wrong passwords: " << wrong << " counted, " << limited
              << " rate-limited\n";
    EXPECT_GE(wrong.load(), 1);
    EXPECT_LE(wrong.load(), 5);
    EXPECT_EQ(wrong + limited, 40);
    EXPECT_EQ(other.load(), 0);
    // Each Argon2id evaluation (the activation's hash and every counted check) waited for
    // its turn in the open: the operators' view of a burst of loss reports.
    const auto m = env.backoffice().scrapeMetrics();
    const auto* waits =
        renshe::testing::findMetric(m, "renshe_password_hash_wait_seconds_count", {});
    ASSERT_NE(waits, nullptr);
    EXPECT_GE(waits->value, 1 + wrong.load());
    const auto* waiting = renshe::testing::findMetric(m, "renshe_password_hashes_waiting", {});
    ASSERT_NE(waiting, nullptr);
    EXPECT_EQ(waiting->value, 0);
    // The right password is refused too until the window passes: the budget is spent.
    ReportTemporaryLossResponse resp;
    EXPECT_EQ(call(*env.touch().card, &Card::ReportTemporaryLoss,
                   lossReport(card, card.name, "285714"), &resp)
                  .refusal,
              "REFUSAL_REASON_RATE_LIMITED");
}

// What a database dump gives away: the stored fingerprint of a loss report that carried the
// service password must not let anyone find that password by trying all 10^6 of them.
// An activation may carry its service password sealed to the back office (as the kiosk sends
// it whenever it holds the key, so that a queued activation waits without it in clear): it
// opens only with this back office's key and for its own request id and ID number, and a weak
// password inside is refused as one sent in clear.
TEST_P(BackofficeSecurity, ActivationWithASealedServicePassword) {
    BackofficeEnv env(GetParam());
    const auto touch = env.touch();
    GetSealingKeyResponse key;
    ASSERT_TRUE(call(*touch.card, &Card::GetSealingKey, GetSealingKeyRequest{}, &key).ok());
    auto activation = [&](const SeededCard& card, const std::string& password,
                          const std::string& boundTo = {}) {
        ReportPinChangedRequest r;
        r.set_request_id(newRequestId());
        *r.mutable_card() = card.inserted();
        r.set_kind(PIN_CHANGE_KIND_ACTIVATION);
        const auto s = renshe::services::pki::seal(
            key.public_key(), password,
            boundTo.empty() ? r.request_id() + '\0' + card.ssn : boundTo);
        auto* out = r.mutable_sealed_service_password();
        out->set_key_id(key.key_id());
        out->set_ephemeral_public_key(s.ephemeralPublicKey);
        out->set_nonce(s.nonce);
        out->set_ciphertext(s.ciphertext);
        return r;
    };
    const SeededCard card;
    renshe::testing::seed(env.staff(), card);
    ReportPinChangedResponse resp;
    auto otherRequest =
        call(*touch.card, &Card::ReportPinChanged,
             activation(card, "285714", std::string("another\0", 8) + card.ssn), &resp);
    EXPECT_EQ(otherRequest.refusal, "REFUSAL_REASON_MALFORMED_FIELD") << otherRequest;
    auto weak = call(*touch.card, &Card::ReportPinChanged, activation(card, "123456"), &resp);
    EXPECT_EQ(weak.refusal, "REFUSAL_REASON_WEAK_PASSWORD") << weak;
    auto both = activation(card, "285714");
    both.set_service_password("285714");
    EXPECT_EQ(call(*touch.card, &Card::ReportPinChanged, both, &resp).refusal,
              "REFUSAL_REASON_MALFORMED_FIELD");
    const auto sealed = activation(card, "285714");
    ASSERT_TRUE(call(*touch.card, &Card::ReportPinChanged, sealed, &resp).ok());
    EXPECT_EQ(resp.card().status(), CARD_STATUS_ACTIVE);
    ReportPinChangedResponse again;  // the outbox's retry, byte for byte: the same answer
    ASSERT_TRUE(call(*touch.card, &Card::ReportPinChanged, sealed, &again).ok());
    EXPECT_EQ(again.SerializeAsString(), resp.SerializeAsString());
    // The password inside is the one the holder set: a loss report with it goes through.
    ReportTemporaryLossResponse lr;
    EXPECT_TRUE(
        call(*touch.card, &Card::ReportTemporaryLoss, lossReport(card, card.name, "285714"), &lr)
            .ok());
}

// Garbage names no one: a flood of malformed requests is audited as one event per caller,
// kind and round with its count (not one durable write each); refusals about a person stay
// one event each; the chain, aggregated events included, verifies.
TEST_P(BackofficeSecurity, RefusalsThatNameNoOneAreAuditedInAggregate) {
    BackofficeEnv env(GetParam(), {"--sweep-seconds", "1"});
    const auto touch = env.touch();
    const auto staff = env.staff();
    const SeededCard card;
    renshe::testing::seed(staff, card);
    ASSERT_TRUE(activate(touch, card, "285714").ok());
    constexpr int kGarbage = 100;
    for (int i = 0; i < kGarbage; ++i) {
        auto r = lossReport(card, card.name, "285714");
        r.set_request_id("not a uuid");
        ReportTemporaryLossResponse lr;
        ASSERT_EQ(call(*touch.card, &Card::ReportTemporaryLoss, r, &lr).refusal,
                  "REFUSAL_REASON_MALFORMED_FIELD");
    }
    ReportTemporaryLossResponse lr;
    ASSERT_EQ(
        call(*touch.card, &Card::ReportTemporaryLoss, lossReport(card, card.name, "999888"), &lr)
            .refusal,
        "REFUSAL_REASON_SECOND_FACTOR_FAILED");

    auto events = [&](const std::string& type) {
        QueryAuditRequest q;
        q.set_event_type(type);
        q.mutable_page()->set_page_size(100);
        QueryAuditResponse r;
        EXPECT_TRUE(call(*staff.admin, &Admin::QueryAudit, q, &r).ok());
        return r;
    };
    std::int64_t counted = 0;
    int rows = 0;
    EXPECT_TRUE(renshe::testing::waitUntil(
        [&] {
            counted = 0;
            rows = 0;
            const auto all = events("card.report_temporary_loss");
            for (const auto& e : all.events()) {
                if (e.outcome() == "REFUSAL_REASON_MALFORMED_FIELD") {
                    counted += e.repeats();
                    ++rows;
                    EXPECT_EQ(e.actor(), "T-371302-001");
                    EXPECT_TRUE(e.masked_subject().empty());
                }
            }
            return counted == kGarbage;
        },
        std::chrono::seconds(10)))
        << counted << " of " << kGarbage << " malformed requests audited";
    EXPECT_LE(rows, 5) << "one event per round, not one per request";
    int aboutThePerson = 0;
    const auto all = events("card.report_temporary_loss");
    for (const auto& e : all.events()) {
        if (e.outcome() == "REFUSAL_REASON_SECOND_FACTOR_FAILED") {
            ++aboutThePerson;
            EXPECT_EQ(e.repeats(), 1);
            EXPECT_EQ(e.masked_subject(), "370***********0017");
        }
    }
    EXPECT_EQ(aboutThePerson, 1);
    VerifyAuditChainResponse v;
    ASSERT_TRUE(call(*staff.admin, &Admin::VerifyAuditChain, VerifyAuditChainRequest{}, &v).ok());
    EXPECT_TRUE(v.intact()) << v.reason();
}

// A bulk import changes many people at once: each person and card it writes is in the audit
// as if registered alone (with the import's request id), so a person's audit shows the import.
TEST_P(BackofficeSecurity, ABulkImportAuditsEveryPersonAndCardItChanges) {
    BackofficeEnv env(GetParam());
    const auto staff = env.staff();
    std::vector<SeededCard> people;
    for (int i = 0; i < 3; ++i)
        people.push_back(renshe::testing::inventedCard(700 + i));
    const auto imp = renshe::testing::registryImportOf(people);
    ImportRegistryResponse ir;
    ASSERT_TRUE(call(*staff.admin, &Admin::ImportRegistry, imp, &ir).ok());
    ASSERT_EQ(ir.cards_imported(), 3);
    for (const auto& p : people) {
        QueryAuditRequest q;
        q.set_subject_ssn(p.ssn);
        QueryAuditResponse events;
        ASSERT_TRUE(call(*staff.admin, &Admin::QueryAudit, q, &events).ok());
        std::vector<std::string> types;
        for (const auto& e : events.events()) {
            types.push_back(e.event_type());
            EXPECT_EQ(e.request_id(), imp.request_id());
            EXPECT_EQ(e.actor(), "S-0001");
            EXPECT_EQ(e.masked_subject().find(p.ssn), std::string::npos);
        }
        EXPECT_EQ(types, (std::vector<std::string>{"admin.register_person", "admin.issue_card"}))
            << p.ssn;
    }
    VerifyAuditChainResponse v;
    ASSERT_TRUE(call(*staff.admin, &Admin::VerifyAuditChain, VerifyAuditChainRequest{}, &v).ok());
    EXPECT_TRUE(v.intact()) << v.reason();
}

// Rate-limit buckets count within their window only; once it has passed, the sweep deletes
// them, so the table does not keep a row for every ID number ever tried (on PostgreSQL every
// attempt creates its buckets before it locks them). A bucket inside its window stays.
TEST_P(BackofficeSecurity, RateLimitBucketsAreSweptOnceTheirWindowHasPassed) {
    BackofficeEnv env(GetParam(), {"--sweep-seconds", "1", "--limit-ssn-failures", "3/3600"});
    const auto touch = env.touch();
    const SeededCard card;
    renshe::testing::seed(env.staff(), card);
    ASSERT_TRUE(activate(touch, card, "285714").ok());
    auto report = [&](const char* password) {
        ReportTemporaryLossResponse lr;
        return call(*touch.card, &Card::ReportTemporaryLoss, lossReport(card, card.name, password),
                    &lr);
    };
    auto db = renshe::services::store::Store::open(
        GetParam() == StoreKind::Sqlite ? "sqlite:" + env.backoffice().sqlitePath().string()
                                        : env.database());
    auto buckets = [&] {
        std::int64_t n = 0;
        db->read(
            [&](auto& tx) { n = tx.queryOne("SELECT COUNT(*) FROM rate_limits")->integer(0); });
        return n;
    };
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(report("999888").refusal, "REFUSAL_REASON_SECOND_FACTOR_FAILED");
    EXPECT_GE(buckets(), 3) << "the ID number's and the terminal's";

    // Half an hour on, inside the window: sweeps run (every second; real time is what is
    // tested here) and the ID number stays limited.
    env.backoffice().advanceClock(std::chrono::seconds(1800));
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(2500);
    while (std::chrono::steady_clock::now() < until) {
        ASSERT_EQ(report("285714").refusal, "REFUSAL_REASON_RATE_LIMITED");
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }

    // Past the hour: every bucket goes, and the right password works again.
    env.backoffice().advanceClock(std::chrono::seconds(1801));
    EXPECT_TRUE(
        renshe::testing::waitUntil([&] { return buckets() == 0; }, std::chrono::seconds(10)))
        << buckets() << " buckets left";
    EXPECT_TRUE(report("285714").ok());
}

// "hmac-sha256$<salt>$<HMAC-SHA-256(pepper, salt || password)>": the verifier scheme before
// Argon2id, made with the pepper of the keystore at `keystore`.
std::string oldSchemeVerifier(const std::filesystem::path& keystore, const std::string& password) {
    std::istringstream in(renshe::services::pki::readFile(keystore));
    std::string line, pepper;
    while (std::getline(in, line)) {
        if (line.rfind("password-pepper = ", 0) == 0)
            pepper = renshe::services::store::fromHex(line.substr(18));
    }
    const std::string salt(16, '\x5a');
    const std::string input = salt + password;
    unsigned char mac[32];
    unsigned int macLen = sizeof mac;
    HMAC(EVP_sha256(), pepper.data(), static_cast<int>(pepper.size()),
         reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac, &macLen);
    return "hmac-sha256$" + renshe::services::store::toHex(salt) + "$" +
           renshe::services::store::toHex(std::string(reinterpret_cast<char*>(mac), macLen));
}

TEST_P(BackofficeSecurity, ADatabaseDumpGivesNoServicePasswordByEnumeration) {
    BackofficeEnv env(GetParam());
    const SeededCard card;
    renshe::testing::seed(env.staff(), card);
    ASSERT_TRUE(activate(env.touch(), card, "285714").ok());
    const ReportTemporaryLossRequest loss = lossReport(card, card.name, "285714");
    ReportTemporaryLossResponse lr;
    ASSERT_TRUE(call(*env.touch().card, &Card::ReportTemporaryLoss, loss, &lr).ok());

    const std::string url = GetParam() == StoreKind::Sqlite
                                ? "sqlite:" + env.backoffice().sqlitePath().string()
                                : env.database();
    auto db = renshe::services::store::Store::open(url);
    std::string stored, verifier;
    db->read([&](auto& tx) {
        const auto r = tx.queryOne("SELECT body_hash FROM requests WHERE request_id = $1",
                                   {loss.request_id()});
        ASSERT_TRUE(r);
        stored = r->text(0);
        const auto v =
            tx.queryOne("SELECT service_password_hash FROM persons WHERE ssn = $1", {card.ssn});
        ASSERT_TRUE(v);
        verifier = v->text(0);
    });
    // The attack: every password, hashed the way an unkeyed fingerprint would be.
    int found = -1;
    ReportTemporaryLossRequest guess = loss;
    for (int p = 0; p < 1'000'000 && found < 0; ++p) {
        char pw[8];
        std::snprintf(pw, sizeof pw, "%06d", p);
        guess.mutable_second_factor()->set_service_password(pw);
        const std::string body =
            "card.report_temporary_loss" + std::string(1, '\0') + guess.SerializeAsString();
        unsigned char digest[SHA256_DIGEST_LENGTH];
        SHA256(reinterpret_cast<const unsigned char*>(body.data()), body.size(), digest);
        if (renshe::services::store::toHex(
                std::string(reinterpret_cast<char*>(digest), sizeof digest)) == stored)
            found = p;
    }
    EXPECT_EQ(found, -1) << "the service password came back from the request fingerprint";
    // The verifier is memory-hard (Argon2id, 19 MiB, 2 passes) over the password keyed with
    // the pepper (not in the database), salted: with the keystore too, each guess costs ~12 ms.
    EXPECT_EQ(verifier.rfind("argon2id$m=19456,t=2$", 0), 0u) << verifier;
    EXPECT_EQ(verifier.find("285714"), std::string::npos);
    // And a retry of the same request is still recognised as one.
    ReportTemporaryLossResponse again;
    EXPECT_TRUE(call(*env.touch().card, &Card::ReportTemporaryLoss, loss, &again).ok());

    // A verifier of the scheme before (keyed HMAC-SHA-256, fast) is replaced by Argon2id at its
    // next successful check, and not by a failed one.
    const std::string old = oldSchemeVerifier(env.backoffice().keystorePath(), "285714");
    db->write([&](auto& tx) {
        tx.exec("UPDATE persons SET service_password_hash = $1 WHERE ssn = $2", {old, card.ssn});
    });
    auto storedVerifier = [&] {
        std::string v;
        db->read([&](auto& tx) {
            v = tx.queryOne("SELECT service_password_hash FROM persons WHERE ssn = $1", {card.ssn})
                    ->text(0);
        });
        return v;
    };
    EXPECT_EQ(call(*env.touch().card, &Card::ReportTemporaryLoss,
                   lossReport(card, card.name, "285715"), &again)
                  .refusal,
              "REFUSAL_REASON_SECOND_FACTOR_FAILED");
    EXPECT_EQ(storedVerifier(), old);
    ASSERT_TRUE(call(*env.touch().card, &Card::ReportTemporaryLoss,
                     lossReport(card, card.name, "285714"), &again)
                    .ok());
    EXPECT_EQ(storedVerifier().rfind("argon2id$m=19456,t=2$", 0), 0u) << storedVerifier();
    EXPECT_TRUE(call(*env.touch().card, &Card::ReportTemporaryLoss,
                     lossReport(card, card.name, "285714"), &again)
                    .ok());
}

// A terminal of another region learns nothing from a loss report (the right name and a wrong
// one answer alike) and its guesses never lock the person out at home.
TEST_P(BackofficeSecurity, LossReportsFromAnotherRegionAreNeitherOracleNorLockOut) {
    BackofficeEnv env(GetParam());
    const SeededCard card;
    renshe::testing::seed(env.staff(), card);
    ASSERT_TRUE(activate(env.touch(), card, "285714").ok());
    auto report = [&](const renshe::testing::Clients& from, const std::string& name,
                      const std::string& password) {
        ReportTemporaryLossResponse resp;
        return call(*from.card, &Card::ReportTemporaryLoss, lossReport(card, name, password),
                    &resp);
    };
    const auto elsewhere = env.elsewhere();
    const auto rightName = report(elsewhere, card.name, "285714");
    const auto wrongName = report(elsewhere, "李四", "285714");
    EXPECT_EQ(rightName.code, wrongName.code) << rightName << " / " << wrongName;
    EXPECT_EQ(rightName.refusal, wrongName.refusal);
    EXPECT_EQ(rightName.refusal, "REFUSAL_REASON_SECOND_FACTOR_FAILED");
    for (int i = 0; i < 6; ++i)
        report(elsewhere, "李四", "000000");
    // At home the person's budget is untouched: the right password still works.
    const auto home = report(env.touch(), card.name, "285714");
    EXPECT_TRUE(home.ok()) << home;
}

// The audit log is read by region: a county clerk sees their county's events only.
TEST_P(BackofficeSecurity, AClerkReadsOnlyTheirRegionsAudit) {
    BackofficeEnv env(GetParam());
    const SeededCard card;  // 371302101
    renshe::testing::seed(env.staff(), card);
    auto eventsFor = [&](const renshe::testing::Clients& who) {
        QueryAuditRequest q;
        q.set_subject_ssn(card.ssn);
        QueryAuditResponse r;
        const auto o = call(*who.admin, &Admin::QueryAudit, q, &r);
        EXPECT_TRUE(o.ok()) << o;
        return r;
    };
    const auto home = eventsFor(env.staff());
    ASSERT_EQ(home.events_size(), 2);  // registered, card issued
    EXPECT_EQ(home.events(0).region(), "371302101");
    EXPECT_EQ(eventsFor(env.as(env.pki().staff("S-0900", "370102"))).events_size(), 0);
    EXPECT_EQ(eventsFor(env.as(env.pki().staff("S-PROV", ""))).events_size(), 2);
}

TEST_P(BackofficeSecurity, AuditChainRecordsEveryOutcomeAndDetectsTampering) {
    BackofficeEnv env(GetParam());
    const auto touch = env.touch();
    const auto staff = env.staff();
    const SeededCard card;
    renshe::testing::seed(staff, card);
    ASSERT_TRUE(activate(touch, card, "285714").ok());
    ReportTemporaryLossRequest bad;
    bad.set_request_id(newRequestId());
    bad.set_ssn(card.ssn);
    bad.set_name(card.name);
    bad.mutable_second_factor()->set_service_password("999888");
    ReportTemporaryLossResponse lr;
    EXPECT_EQ(call(*touch.card, &Card::ReportTemporaryLoss, bad, &lr).refusal,
              "REFUSAL_REASON_SECOND_FACTOR_FAILED");

    QueryAuditRequest q;
    q.set_subject_ssn(card.ssn);
    QueryAuditResponse events;
    ASSERT_TRUE(call(*staff.admin, &Admin::QueryAudit, q, &events).ok());
    ASSERT_EQ(events.events_size(), 4);  // register, issue, activate, refused loss report
    EXPECT_EQ(events.events(0).event_type(), "admin.register_person");
    EXPECT_EQ(events.events(2).event_type(), "card.activate");
    EXPECT_EQ(events.events(2).actor(), "T-371302-001");
    EXPECT_EQ(events.events(3).outcome(), "REFUSAL_REASON_SECOND_FACTOR_FAILED");
    const std::string refused = std::to_string(events.events(3).sequence());
    for (const auto& e : events.events()) {
        EXPECT_EQ(e.masked_subject(), "370***********0017");
        EXPECT_EQ(e.hash().size(), 32u);
    }
    q.set_event_type("card.");
    ASSERT_TRUE(call(*staff.admin, &Admin::QueryAudit, q, &events).ok());
    EXPECT_EQ(events.events_size(), 2);
    // Paging: one at a time, no gaps or repeats.
    QueryAuditRequest paged;
    paged.mutable_page()->set_page_size(1);
    std::vector<std::int64_t> seqs;
    for (int i = 0; i < 20; ++i) {
        QueryAuditResponse page;
        ASSERT_TRUE(call(*staff.admin, &Admin::QueryAudit, paged, &page).ok());
        for (const auto& e : page.events())
            seqs.push_back(e.sequence());
        if (page.page().next_page_token().empty())
            break;
        paged.mutable_page()->set_page_token(page.page().next_page_token());
    }
    ASSERT_GE(seqs.size(), 4u);
    for (std::size_t i = 0; i < seqs.size(); ++i)
        EXPECT_EQ(seqs[i], static_cast<std::int64_t>(i + 1));

    VerifyAuditChainRequest vr;
    VerifyAuditChainResponse v;
    ASSERT_TRUE(call(*staff.admin, &Admin::VerifyAuditChain, vr, &v).ok());
    EXPECT_TRUE(v.intact()) << v.reason();
    EXPECT_EQ(v.events_checked(), static_cast<std::int64_t>(seqs.size()));

    // Tamper with the stored rows directly, as someone with database access could.
    const std::string url = GetParam() == StoreKind::Sqlite
                                ? "sqlite:" + env.backoffice().sqlitePath().string()
                                : env.database();
    auto db = renshe::services::store::Store::open(url);
    auto verify = [&] {
        VerifyAuditChainResponse out;
        EXPECT_TRUE(call(*staff.admin, &Admin::VerifyAuditChain, vr, &out).ok());
        return out;
    };
    // Edited outcome.
    db->write([&](auto& tx) {
        tx.exec("UPDATE audit_events SET outcome = 'OK' WHERE seq = " + refused);
    });
    v = verify();
    EXPECT_FALSE(v.intact());
    EXPECT_EQ(std::to_string(v.first_broken_sequence()), refused);
    EXPECT_EQ(v.reason(), "hash mismatch");
    db->write([&](auto& tx) {
        tx.exec(
            "UPDATE audit_events SET outcome = 'REFUSAL_REASON_SECOND_FACTOR_FAILED' WHERE seq = " +
            refused);
    });
    EXPECT_TRUE(verify().intact());
    // Reordered: two rows swap their sequence numbers.
    db->write([](auto& tx) {
        tx.exec("UPDATE audit_events SET seq = -2 WHERE seq = 2");
        tx.exec("UPDATE audit_events SET seq = 2 WHERE seq = 3");
        tx.exec("UPDATE audit_events SET seq = 3 WHERE seq = -2");
    });
    v = verify();
    EXPECT_FALSE(v.intact());
    EXPECT_EQ(v.first_broken_sequence(), 2);
    db->write([](auto& tx) {
        tx.exec("UPDATE audit_events SET seq = -2 WHERE seq = 2");
        tx.exec("UPDATE audit_events SET seq = 2 WHERE seq = 3");
        tx.exec("UPDATE audit_events SET seq = 3 WHERE seq = -2");
    });
    EXPECT_TRUE(verify().intact());
    // Removed: a row in the middle, then the last row.
    db->write([](auto& tx) { tx.exec("DELETE FROM audit_events WHERE seq = 3"); });
    v = verify();
    EXPECT_FALSE(v.intact());
    EXPECT_EQ(v.first_broken_sequence(), 3);
    EXPECT_EQ(v.reason(), "sequence gap");
}

// gRPC reads a whole message before any handler knows the caller, so the callers are split by
// port: the terminal port reads at most 64 KiB a message from anyone; the staff port reads
// imports of up to 40 MiB, and only from staff certificates (a terminal is refused on its
// call's headers, whatever it sends).
TEST(BackofficePorts, TerminalsAreHeardUpTo64KiBAndOnlyStaffReachThePortForImports) {
    BackofficeEnv env(StoreKind::Sqlite);
    const SeededCard card;
    renshe::testing::seed(env.staff(), card);

    // A terminal's message over 64 KiB on its port: gRPC refuses it, no handler runs.
    auto touch = env.touch();
    GetCardStatusResponse before;
    ASSERT_TRUE(call(*touch.card, &Card::GetCardStatus, statusRequest(card), &before).ok());
    auto huge = lossReport(card, std::string(100 * 1024, 'a'), "123456");
    ReportTemporaryLossResponse lr;
    EXPECT_EQ(call(*touch.card, &Card::ReportTemporaryLoss, huge, &lr).code,
              grpc::StatusCode::RESOURCE_EXHAUSTED);
    GetCardStatusResponse st;
    ASSERT_TRUE(call(*touch.card, &Card::GetCardStatus, statusRequest(card), &st).ok());
    EXPECT_EQ(st.card().status(), before.card().status());

    // Terminals on the staff port: refused before their message is read, small or large.
    const auto touchFiles = env.pki().touchTerminal("T-371302-001", BackofficeEnv::kRegion);
    const auto displayFiles =
        env.pki().client({"T-371302-001-D", pki::Role::Display, BackofficeEnv::kRegion});
    for (const auto& who : {touchFiles, displayFiles}) {
        auto onStaffPort = env.asStaff(who);
        EXPECT_EQ(call(*onStaffPort.card, &Card::GetCardStatus, statusRequest(card), &st).code,
                  grpc::StatusCode::UNAUTHENTICATED);
        auto big = renshe::testing::registryImportOf({renshe::testing::inventedCard(1)});
        big.set_persons_csv(big.persons_csv() + std::string(8 << 20, '\n'));
        ImportRegistryResponse ir;
        EXPECT_EQ(call(*onStaffPort.admin, &Admin::ImportRegistry, big, &ir).code,
                  grpc::StatusCode::UNAUTHENTICATED);
    }

    // A registry import over 64 KiB: refused whole on the terminal port, imported on the
    // staff port.
    std::vector<SeededCard> people;
    for (int i = 0; i < 1500; ++i)
        people.push_back(renshe::testing::inventedCard(2000 + i));
    const auto imp = renshe::testing::registryImportOf(people);
    ASSERT_GT(imp.ByteSizeLong(), 64u * 1024);
    auto staffOnTerminalPort = env.as(env.pki().staff("S-0001", BackofficeEnv::kRegion));
    ImportRegistryResponse ir;
    EXPECT_EQ(call(*staffOnTerminalPort.admin, &Admin::ImportRegistry, imp, &ir).code,
              grpc::StatusCode::RESOURCE_EXHAUSTED);
    GetPersonRequest who;
    who.mutable_person()->set_ssn(people.back().ssn);
    GetPersonResponse person;
    EXPECT_EQ(call(*env.staff().admin, &Admin::GetPerson, who, &person).code,
              grpc::StatusCode::NOT_FOUND);
    // Small staff calls still work on the terminal port.
    GetPersonRequest known;
    known.mutable_person()->set_ssn(card.ssn);
    EXPECT_TRUE(call(*staffOnTerminalPort.admin, &Admin::GetPerson, known, &person).ok());
    const auto o = call(*env.staff().admin, &Admin::ImportRegistry, imp, &ir);
    ASSERT_TRUE(o.ok()) << o;
    EXPECT_EQ(ir.cards_imported(), 1500);
    EXPECT_TRUE(call(*env.staff().admin, &Admin::GetPerson, who, &person).ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, BackofficeSecurity,
                         ::testing::Values(StoreKind::Sqlite, StoreKind::Postgres),
                         renshe::testing::storeKindName);

}  // namespace
