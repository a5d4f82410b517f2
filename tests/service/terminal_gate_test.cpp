// The terminal gate on a real store (SQLite, and a private PostgreSQL for its trigger): an
// answer is trusted for TerminalGate::kFreshness after the gate last knew it current, and it
// knows that from one read of the enrolments' change token rather than a read of each
// terminal's enrolment; any change to the enrolments, made by the back office or by hand in
// SQL, renews the token, so the change is seen within kFreshness.
#include "services/backoffice/rpc/terminal_gate.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "renshe/v1/common.pb.h"
#include "services/backoffice/rpc/refusal.hpp"
#include "tests/fixtures/postgres.hpp"
#include "tests/fixtures/temp_dir.hpp"

namespace {

namespace bo = renshe::services::backoffice;
namespace store = renshe::services::store;
namespace pki = renshe::services::pki;
using renshe::testing::PrivatePostgres;
using renshe::testing::TempDir;

const std::string kKey1(64, 'a'), kKey2(64, 'b'), kOtherKey(64, 'c');

class TerminalGateTest : public ::testing::TestWithParam<store::Backend> {
protected:
    void SetUp() override {
        std::string url;
        if (GetParam() == store::Backend::Sqlite) {
            m_dir = std::make_unique<TempDir>("renshe-gate");
            url = "sqlite:" + (*m_dir / "gate.db").string();
        } else {
            m_pg = std::make_unique<PrivatePostgres>();
            url = "postgres:" + m_pg->createDatabase("gate");
        }
        m_store = store::Store::open(url);
        enrol("T-371302-001", kKey1);
        enrol("T-371302-002", kKey2);
    }

    void enrol(const std::string& id, const std::string& key) {
        m_store->write([&](store::Tx& tx) {
            tx.exec(
                "INSERT INTO terminal_enrolments (terminal_id, role, region, public_key_sha256, "
                "certificate_pem, not_after, enrolled_at, enrolled_by) "
                "VALUES ($1, 1, '371302', $2, 'pem', 0, 0, 'S-0001')",
                {id, key});
        });
    }

    // What an operator's UPDATE by hand would do: no code of the back office involved.
    void revokeBySql(const std::string& id) {
        m_store->write([&](store::Tx& tx) {
            tx.exec(
                "UPDATE terminal_enrolments SET revoked_at = 1, revoked_by = 'S-0001' "
                "WHERE terminal_id = $1",
                {id});
        });
    }

    static bo::Caller terminal(const std::string& id, const std::string& key) {
        return {{id, pki::Role::Touch, "371302"}, key};
    }

    static renshe::v1::RefusalReason refusalOf(bo::TerminalGate& gate, const bo::Caller& c) {
        try {
            gate.require(c);
        } catch (const bo::Refused& r) {
            return r.refusal().reason;
        }
        return renshe::v1::REFUSAL_REASON_UNSPECIFIED;
    }

    static void pastFreshness() {
        std::this_thread::sleep_for(bo::TerminalGate::kFreshness + std::chrono::milliseconds(100));
    }

    std::unique_ptr<TempDir> m_dir;
    std::unique_ptr<PrivatePostgres> m_pg;
    std::unique_ptr<store::Store> m_store;
};

INSTANTIATE_TEST_SUITE_P(Backends, TerminalGateTest,
                         ::testing::Values(store::Backend::Sqlite, store::Backend::Postgres),
                         [](const auto& info) {
                             return info.param == store::Backend::Sqlite ? "Sqlite" : "Postgres";
                         });

TEST_P(TerminalGateTest, AnAnswerStaysCurrentUntilAnEnrolmentChangesAndNoLonger) {
    bo::TerminalGate gate(*m_store);
    const auto first = terminal("T-371302-001", kKey1);
    const auto second = terminal("T-371302-002", kKey2);
    gate.require(first);
    gate.require(second);
    EXPECT_EQ(gate.enrolmentReads(), 2u);
    EXPECT_EQ(refusalOf(gate, terminal("T-371302-001", kOtherKey)),
              renshe::v1::REFUSAL_REASON_TERMINAL_KEY_MISMATCH);
    EXPECT_EQ(refusalOf(gate, terminal("T-371302-099", kOtherKey)),
              renshe::v1::REFUSAL_REASON_TERMINAL_NOT_ENROLLED);
    EXPECT_EQ(gate.enrolmentReads(), 4u);

    // Nothing changed: past kFreshness one token read answers for every terminal.
    for (int round = 1; round <= 2; ++round) {
        pastFreshness();
        // A gRPC callback thread may not wait for the token's read.
        EXPECT_THROW(gate.require(first, /*mayWait=*/false), bo::WouldWait);
        gate.require(first);
        gate.require(first, /*mayWait=*/false);
        gate.require(second, /*mayWait=*/false);
        EXPECT_EQ(gate.enrolmentReads(), 4u) << "round " << round;
        EXPECT_EQ(gate.tokenReads(), static_cast<std::uint64_t>(round));
    }

    // Another terminal's enrolment changes: the token does, so each answer is read again.
    revokeBySql("T-371302-002");
    pastFreshness();
    gate.require(first);
    EXPECT_EQ(gate.enrolmentReads(), 5u);
    EXPECT_EQ(refusalOf(gate, second), renshe::v1::REFUSAL_REASON_TERMINAL_REVOKED);

    // This terminal revoked by hand in SQL: refused once kFreshness has passed.
    revokeBySql("T-371302-001");
    pastFreshness();
    EXPECT_EQ(refusalOf(gate, first), renshe::v1::REFUSAL_REASON_TERMINAL_REVOKED);
    // A new enrolment (an INSERT) renews the token too.
    const auto before = gate.enrolmentReads();
    pastFreshness();
    EXPECT_EQ(refusalOf(gate, first), renshe::v1::REFUSAL_REASON_TERMINAL_REVOKED);
    EXPECT_EQ(gate.enrolmentReads(), before);
    enrol("T-371302-003", kOtherKey);
    pastFreshness();
    EXPECT_EQ(refusalOf(gate, first), renshe::v1::REFUSAL_REASON_TERMINAL_REVOKED);
    EXPECT_EQ(gate.enrolmentReads(), before + 1);
}

// The gate of another replica (another process, another cache) sees a change made through
// this one's store within kFreshness too: the token lives in the database.
TEST_P(TerminalGateTest, TwoGatesOnOneDatabaseSeeEachChange) {
    bo::TerminalGate a(*m_store), b(*m_store);
    const auto first = terminal("T-371302-001", kKey1);
    a.require(first);
    b.require(first);
    pastFreshness();
    a.require(first);
    b.require(first);
    revokeBySql("T-371302-001");
    pastFreshness();
    EXPECT_EQ(refusalOf(a, first), renshe::v1::REFUSAL_REASON_TERMINAL_REVOKED);
    EXPECT_EQ(refusalOf(b, first), renshe::v1::REFUSAL_REASON_TERMINAL_REVOKED);
}

}  // namespace
