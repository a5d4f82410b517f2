// Pieces of the back office that need no server: the CSV reader, the keystore and its
// service-password hashes, the audit hash's canonical form, masking in Subject.
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sys/stat.h>

#include <atomic>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <thread>
#include <vector>

#include "services/backoffice/checks/csv.hpp"
#include "services/backoffice/records/record_rows.hpp"
#include "services/backoffice/rpc/audit.hpp"
#include "services/backoffice/rpc/keystore.hpp"
#include "services/backoffice/rpc/mutation_runner.hpp"
#include "services/backoffice/rpc/replica_lag.hpp"
#include "tests/fixtures/temp_dir.hpp"

namespace bo = renshe::services::backoffice;

TEST(RegistryCsv, QuotesCrLfBomAndLineNumbers) {
    const auto p = bo::csv::parse(
        "\xEF\xBB\xBFssn,name\r\n1,\"王, 伟\"\r\n\r\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,");
    ASSERT_FALSE(p.error) << *p.error;
    ASSERT_EQ(p.records.size(), 5u);
    EXPECT_EQ(p.records[0].fields, (std::vector<std::string>{"ssn", "name"}));
    EXPECT_EQ(p.records[1].fields[1], "王, 伟");
    EXPECT_EQ(p.records[2].line, 4);  // the blank line 3 is skipped
    EXPECT_EQ(p.records[2].fields[1], "say \"hi\"");
    EXPECT_EQ(p.records[3].fields[1], "two\nlines");
    EXPECT_EQ(p.records[4].line, 7);
    EXPECT_EQ(p.records[4].fields, (std::vector<std::string>{"4", ""}));
}

TEST(RegistryCsv, UnterminatedQuoteIsAnErrorWithItsLine) {
    const auto p = bo::csv::parse("a,b\n1,\"open\n2,3\n");
    ASSERT_TRUE(p.error);
    EXPECT_NE(p.error->find("line 2"), std::string::npos);
    EXPECT_TRUE(bo::csv::parse("a\n\"x\"y\n").error);
}

TEST(Keystore, CreatesLoadsAndRefusesLooseFiles) {
    renshe::testing::TempDir dir;
    const auto path = dir / "keystore";
    bo::Keystore::createDemo(path);
    EXPECT_THROW(bo::Keystore::createDemo(path), bo::KeystoreError);  // never overwrites
    const auto ks = bo::Keystore::load(path);
    const std::string demo = "RENSHE-DEMO-MK01";
    EXPECT_TRUE(std::equal(demo.begin(), demo.end(), ks.masterKey().begin()));

    ::chmod(path.c_str(), 0644);
    EXPECT_THROW(bo::Keystore::load(path), bo::KeystoreError);

    const auto bad = dir / "bad";
    {
        std::ofstream out(bad);
        out << "master-key = 00112233\n";
    }
    ::chmod(bad.c_str(), 0600);
    try {
        bo::Keystore::load(bad);
        FAIL() << "short key accepted";
    } catch (const bo::KeystoreError& e) {
        EXPECT_NE(std::string(e.what()).find(":1"), std::string::npos);        // names the line
        EXPECT_EQ(std::string(e.what()).find("00112233"), std::string::npos);  // never the key
    }
}

TEST(Keystore, ServicePasswordHashesAreSaltedAndPeppered) {
    renshe::testing::TempDir dir;
    bo::Keystore::create(dir / "a");
    bo::Keystore::create(dir / "b");
    const auto a = bo::Keystore::load(dir / "a");
    const auto b = bo::Keystore::load(dir / "b");
    const auto h1 = a.hashServicePassword("285714");
    const auto h2 = a.hashServicePassword("285714");
    EXPECT_NE(h1, h2);  // salted
    EXPECT_EQ(h1.find("285714"), std::string::npos);
    EXPECT_TRUE(a.verifyServicePassword("285714", h1));
    EXPECT_TRUE(a.verifyServicePassword("285714", h2));
    EXPECT_FALSE(a.verifyServicePassword("285715", h1));
    EXPECT_FALSE(b.verifyServicePassword("285714", h1));  // another pepper
    EXPECT_FALSE(a.verifyServicePassword("285714", "garbage"));
    EXPECT_FALSE(a.verifyServicePassword("285714", "hmac-sha256$00$00"));
    // Argon2id, current parameters: not outdated. Parameters out of bounds, or text after
    // them, are not a verifier (no 4 GiB allocation on a garbled row).
    EXPECT_EQ(h1.rfind("argon2id$m=19456,t=2$", 0), 0u) << h1;
    EXPECT_FALSE(a.checkServicePassword("285714", h1).outdated);
    const std::string saltAndHash = h1.substr(h1.find('$', 9));
    EXPECT_FALSE(a.verifyServicePassword("285714", "argon2id$m=99999999,t=2" + saltAndHash));
    EXPECT_FALSE(a.verifyServicePassword("285714", "argon2id$m=19456,t=0" + saltAndHash));
    EXPECT_FALSE(a.verifyServicePassword("285714", "argon2id$m=19456,t=2x" + saltAndHash));
    // Another parameter set is the same password under other costs: no match here.
    EXPECT_FALSE(a.verifyServicePassword("285714", "argon2id$m=19456,t=3" + saltAndHash));
    // Subject digests are keyed: same ID number, different keystores, different digests.
    EXPECT_EQ(a.subjectDigest("370102194704090017"), a.subjectDigest("370102194704090017"));
    EXPECT_NE(a.subjectDigest("370102194704090017"), b.subjectDigest("370102194704090017"));
}

namespace {
// HMAC-SHA-256 by OpenSSL's one-shot HMAC(): the reference for the keystore's MACs and
// bo::KeyedHmac.
std::string referenceHmac(const std::string& key, const std::string& data) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &len);
    return std::string(reinterpret_cast<const char*>(out), len);
}
}  // namespace

// The MACs are computed from states keyed once (keystore.hpp): they must stay the HMAC-SHA-256
// every stored digest, fingerprint and legacy verifier was made with (OpenSSL's, here).
TEST(Keystore, MacsAreStandardHmacSha256UnderTheirKeys) {
    const renshe::testing::TempDir dir("renshe-keystore-kat");
    const std::string audit(32, '\x11'), pepper(32, '\x22');
    {
        std::ofstream out(dir / "ks");
        out << "master-key = " << std::string(32, '3') << "\n"
            << "audit-key = " << std::string(64, '1') << "\n"
            << "password-pepper = " << std::string(64, '2') << "\n"
            << "template-key = " << std::string(64, '4') << "\n";
    }
    std::filesystem::permissions(
        dir / "ks", std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    auto ks = bo::Keystore::load(dir / "ks");
    const std::string ssn = "370102194704090017";
    EXPECT_EQ(ks.subjectDigest(ssn), renshe::services::store::toHex(referenceHmac(audit, ssn)));
    EXPECT_EQ(ks.auditMac("entry"), referenceHmac(audit, "entry"));
    EXPECT_EQ(ks.requestFingerprint("body"), renshe::services::store::toHex(referenceHmac(
                                                 pepper, std::string("request\0body", 12))));
    // The keyed scheme before Argon2id, still accepted: HMAC-SHA-256(pepper, salt || password).
    const std::string salt = "0123456789abcdef";
    const std::string legacy =
        "hmac-sha256$" + renshe::services::store::toHex(salt) + "$" +
        renshe::services::store::toHex(referenceHmac(pepper, salt + "285714"));
    EXPECT_TRUE(ks.verifyServicePassword("285714", legacy));
    EXPECT_FALSE(ks.verifyServicePassword("285715", legacy));
    // A moved keystore keeps its keyed states.
    const auto moved = std::move(ks);
    EXPECT_EQ(moved.subjectDigest(ssn), renshe::services::store::toHex(referenceHmac(audit, ssn)));
}

// Keys shorter than, as long as and longer than SHA-256's 64-byte block (hashed first), and
// data of every length around the block's edges, against OpenSSL's HMAC() and RFC 4231.
TEST(KeyedHmac, IsHmacSha256ForEveryLengthOfKeyAndData) {
    for (const std::size_t keyLength : {0, 1, 20, 32, 63, 64, 65, 131, 200}) {
        std::string key;
        for (std::size_t i = 0; i < keyLength; ++i)
            key.push_back(static_cast<char>(i * 37 + keyLength));
        const bo::KeyedHmac keyed(key);
        std::string data;
        for (std::size_t n = 0; n <= 300; ++n) {
            ASSERT_EQ(keyed.mac(data), referenceHmac(key, data))
                << "key of " << keyLength << " bytes, data of " << n;
            data.push_back(static_cast<char>(n * 11 + 3));
        }
    }
    // RFC 4231, test cases 1 and 6 (a 131-byte key).
    EXPECT_EQ(
        renshe::services::store::toHex(bo::KeyedHmac(std::string(20, '\x0b')).mac("Hi There")),
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    EXPECT_EQ(renshe::services::store::toHex(
                  bo::KeyedHmac(std::string(131, '\xaa'))
                      .mac("Test Using Larger Than Block-Size Key - Hash Key First")),
              "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

// One keyed state shared by threads that MAC at once (each copies it into a context of its
// own); a moved key keeps MACing, the one it was moved from refuses.
TEST(KeyedHmac, ThreadsMacWithOneKeyAtOnceAndAMovedKeyStillMacs) {
    const std::string key(32, '\x5a');
    bo::KeyedHmac keyed(key);
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 2000; ++i) {
                const std::string data = "event " + std::to_string(t) + "/" + std::to_string(i);
                if (keyed.mac(data) != referenceHmac(key, data))
                    ++wrong;
            }
        });
    }
    for (auto& th : threads)
        th.join();
    EXPECT_EQ(wrong.load(), 0);
    bo::KeyedHmac moved(std::move(keyed));
    EXPECT_EQ(moved.mac("entry"), referenceHmac(key, "entry"));
    EXPECT_THROW((void)keyed.mac("entry"), std::logic_error);  // NOLINT(bugprone-use-after-move)
}

TEST(AuditHash, CoversEveryFieldAndThePreviousHash) {
    const std::string zero(64, '0');
    bo::AuditEntry e{
        "T-1",  "T-1",   "card.report_temporary_loss", "370***********0017", "ab", "OK",
        "id-1", "371302"};
    const auto h = bo::auditHashHex(zero, 1, 1000, e);
    EXPECT_EQ(h.size(), 64u);
    EXPECT_EQ(h, bo::auditHashHex(zero, 1, 1000, e));
    EXPECT_NE(h, bo::auditHashHex(std::string(63, '0') + "1", 1, 1000, e));
    EXPECT_NE(h, bo::auditHashHex(zero, 2, 1000, e));
    EXPECT_NE(h, bo::auditHashHex(zero, 1, 1001, e));
    auto moved = e;
    moved.actor = "T-1T";
    moved.terminalId = "-1";  // same concatenation, different fields: length prefixes tell
    EXPECT_NE(h, bo::auditHashHex(zero, 1, 1000, moved));
    auto other = e;
    other.outcome = "REFUSAL_REASON_SECOND_FACTOR_FAILED";
    EXPECT_NE(h, bo::auditHashHex(zero, 1, 1000, other));
}

TEST(Subject, IsMaskedForLogsAndAudit) {
    bo::Subject s;
    s.ssn = "370102194704090017";
    EXPECT_EQ(s.masked(), "370***********0017");
    EXPECT_EQ(renshe::util::chinaDate(0), "19700101");
    EXPECT_EQ(renshe::util::chinaDate(16LL * 3600 * 1'000'000),
              "19700102");  // 16:00 UTC is midnight in China
}

namespace records = renshe::services::backoffice::records;

TEST(RecordRows, AmountsInYuanBecomeFenExactly) {
    EXPECT_EQ(records::parseYuan("0"), 0);
    EXPECT_EQ(records::parseYuan("3000.5"), 300050);
    EXPECT_EQ(records::parseYuan("215.05"), 21505);
    EXPECT_EQ(records::parseYuan("9999999999.99"), 999999999999);
    for (const char* bad :
         {"", "-1", "1.", ".5", "1.234", "1e3", " 1", "1,000", "12345678901", "0x10", "１"})
        EXPECT_FALSE(records::parseYuan(bad).has_value()) << bad;
}

TEST(RecordRows, MonthsAndNames) {
    EXPECT_EQ(records::parseMonth("2024-06"), 202406);
    for (const char* bad : {"2024-6", "2024-13", "2024-00", "202406", "2024/06", "24-06-01"})
        EXPECT_FALSE(records::parseMonth(bad).has_value()) << bad;
    EXPECT_EQ(records::monthText(195101), "1951-01");
    EXPECT_EQ(records::insuranceTypeOf("失业保险"), renshe::v1::INSURANCE_TYPE_UNEMPLOYMENT);
    EXPECT_EQ(records::insuranceTypeOf("employee_medical"),
              renshe::v1::INSURANCE_TYPE_EMPLOYEE_MEDICAL);
    EXPECT_EQ(records::insuranceTypeOf("pension"), 0);
    EXPECT_EQ(records::benefitKindOf("失业保险金"), renshe::v1::BENEFIT_KIND_UNEMPLOYMENT);
}

TEST(RecordRows, EachLineIsARowOrAnErrorWithItsLineAndNeverTheIdNumber) {
    const std::string bad = "370102194704090018";
    const auto r = records::readRecordRows(
        renshe::v1::RECORDS_FILE_KIND_PAYMENTS,
        "370102194704090017,2024-05,employee_pension,3120.40,6217001234567890,2024-06-05\n"
        "\n" +
            bad + ",2024-05,employee_pension,1,62170012,2024-06-05\n" +
            "370102194704090017,2024-05,unemployment,1,621700,2024-06-05\n"
            "370102194704090017,2024-05,work_injury,1,62170012,2024-04-30\n"
            "370102194704090017,2024-05,work_injury,1,62170012\n",
        40, 202412);
    ASSERT_FALSE(r.unreadable);
    ASSERT_EQ(r.rows.size(), 1u);
    EXPECT_EQ(r.rows[0].line, 40);
    EXPECT_EQ(r.rows[0].a, 312040);
    EXPECT_EQ(r.rows[0].text, "7890");  // the account's last four digits only
    EXPECT_EQ(r.rows[0].b, 20240605);
    ASSERT_EQ(r.errors.size(), 4u);
    EXPECT_EQ(r.errors[0].line(), 42);
    EXPECT_EQ(r.errors[0].field(), "ssn");
    EXPECT_EQ(r.errors[0].reason().find(bad), std::string::npos);
    EXPECT_EQ(r.errors[1].field(), "bank_account");
    EXPECT_EQ(r.errors[2].field(), "paid_on");  // paid before the month it is for
    EXPECT_EQ(r.errors[3].field(), "");         // a column missing
    EXPECT_TRUE(records::readRecordRows(renshe::v1::RECORDS_FILE_KIND_CONTRIBUTIONS,
                                        "a,\"open quote\n", 2, 202412)
                    .unreadable);
}

// A replica is as far behind as the newest sample of the primary's WAL position it has replayed
// is old: every commit made before that sample was taken lies at or below its position.
TEST(ReplicaLag, IsTheAgeOfTheNewestPrimaryPositionItHasReplayed) {
    using renshe::services::backoffice::ReplicaLag;
    using namespace std::chrono_literals;
    const ReplicaLag::Clock::time_point t0{};
    const std::deque<ReplicaLag::Sample> samples{
        {t0, 100}, {t0 + 200ms, 100}, {t0 + 400ms, 250}, {t0 + 600ms, 400}};
    const auto now = t0 + 700ms;
    // Caught up with the last sample: behind by that sample's age, no more.
    EXPECT_EQ(ReplicaLag::lagOf(samples, 400, now), 100ms);
    EXPECT_EQ(ReplicaLag::lagOf(samples, 900, now), 100ms);
    // Between samples: the newest one at or below its position counts.
    EXPECT_EQ(ReplicaLag::lagOf(samples, 399, now), 300ms);
    EXPECT_EQ(ReplicaLag::lagOf(samples, 250, now), 300ms);
    // An idle primary's position stands still: the later of equal samples counts.
    EXPECT_EQ(ReplicaLag::lagOf(samples, 100, now), 500ms);
    // Behind every sample kept: further than they reach, not known.
    EXPECT_EQ(ReplicaLag::lagOf(samples, 99, now), std::nullopt);
    EXPECT_EQ(ReplicaLag::lagOf({}, 400, now), std::nullopt);
    // A sample taken after `now` (clock read before the primary answered) is no lag at all.
    EXPECT_EQ(ReplicaLag::lagOf(samples, 400, t0 + 500ms), ReplicaLag::Clock::duration::zero());
}

// The bound is judged when a read asks, not when it was sampled: a sample that hangs on the
// replica (a standby that stopped answering with its connection open) lets the bound grow until
// the reads go back to the primary; one that hangs on the primary for longer than the bound
// counts the primary as away. The positions here are fault injection: each can be made to hang.
TEST(ReplicaLag, AHangingSampleLetsTheBoundGrowOrCountsThePrimaryAway) {
    using renshe::services::backoffice::ReplicaLag;
    using Verdict = ReplicaLag::Verdict;
    using namespace std::chrono_literals;
    struct Hang {
        std::mutex mutex;
        std::condition_variable changed;
        bool replica = false, primary = false, replicaHeld = false, primaryHeld = false;
        void wait(bool& hang, bool& held) {
            std::unique_lock lock(mutex);
            held = hang;
            changed.notify_all();
            changed.wait(lock, [&] { return !hang; });
            held = false;
        }
        void set(bool& hang, bool on) {
            const std::lock_guard lock(mutex);
            hang = on;
            changed.notify_all();
        }
        bool waitHeld(const bool& held) {
            std::unique_lock lock(mutex);
            return changed.wait_for(lock, 5s, [&] { return held; });
        }
    } hang;
    std::atomic<std::int64_t> wal{1000};
    constexpr auto kBound = 1s;
    {
        ReplicaLag lag(
            [&]() -> std::optional<std::int64_t> {
                hang.wait(hang.primary, hang.primaryHeld);
                return wal += 100;  // a busy primary: its position moves on every sample
            },
            [&]() -> std::optional<std::int64_t> {
                hang.wait(hang.replica, hang.replicaHeld);
                return wal.load();  // caught up
            },
            kBound, {}, 20ms);
        struct Release {  // before `lag` is destroyed, whatever failed: its sampler must return
            Hang& hang;
            ~Release() {
                hang.set(hang.replica, false);
                hang.set(hang.primary, false);
            }
        } release{hang};
        const auto waitFor = [&](Verdict v) {
            const auto until = ReplicaLag::Clock::now() + 10s;
            while (lag.verdict() != v && ReplicaLag::Clock::now() < until)
                std::this_thread::sleep_for(5ms);
            return lag.verdict() == v;
        };
        ASSERT_TRUE(waitFor(Verdict::Replica));

        // The replica stops answering: the last verdict stands only while its bound holds.
        hang.set(hang.replica, true);
        ASSERT_TRUE(hang.waitHeld(hang.replicaHeld));
        const auto stuck = ReplicaLag::Clock::now();
        EXPECT_EQ(lag.verdictAt(stuck + kBound + 10ms), Verdict::Primary);
        EXPECT_TRUE(waitFor(Verdict::Primary)) << "the hung replica kept serving";
        // Not at once: the bound counts from the last sample, an interval or so before `stuck`.
        EXPECT_GE(ReplicaLag::Clock::now() - stuck, kBound / 2) << "let go long before the bound";
        hang.set(hang.replica, false);
        ASSERT_TRUE(waitFor(Verdict::Replica)) << "the replica, answering again, never served";

        // The primary stops answering: for as long as the bound it is waited for, then it is
        // away and the replica serves whatever its lag.
        hang.set(hang.primary, true);
        ASSERT_TRUE(hang.waitHeld(hang.primaryHeld));
        const auto asked = ReplicaLag::Clock::now();
        EXPECT_EQ(lag.verdictAt(asked + kBound + 10ms), Verdict::PrimaryAway);
        EXPECT_TRUE(waitFor(Verdict::PrimaryAway));
        EXPECT_GE(ReplicaLag::Clock::now() - asked, kBound / 2);
        hang.set(hang.primary, false);
        EXPECT_TRUE(waitFor(Verdict::Replica));
    }
}
