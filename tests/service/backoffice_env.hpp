// The back office as the service tests see it: the real renshe-backoffice process on SQLite
// or on a private PostgreSQL, clients for a touch terminal, a display terminal, a terminal of
// another region and a staff member over mutual TLS, and a call helper that returns the
// status code with the refusal reason from the trailing metadata.
#pragma once

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "renshe/v1/admin.grpc.pb.h"
#include "renshe/v1/card.grpc.pb.h"
#include "services/client/call.hpp"
#include "services/client/client.hpp"
#include "tests/fixtures/backoffice.hpp"
#include "tests/fixtures/postgres.hpp"
#include "tests/fixtures/test_pki.hpp"

namespace renshe::testing {

enum class StoreKind { Sqlite, Postgres };

inline std::string storeKindName(const ::testing::TestParamInfo<StoreKind>& info) {
    return info.param == StoreKind::Sqlite ? "SQLite" : "PostgreSQL";
}

struct Outcome {
    grpc::StatusCode code = grpc::StatusCode::UNKNOWN;
    std::string refusal;     // "REFUSAL_REASON_…" or ""
    std::string retryAfter;  // seconds, with RESOURCE_EXHAUSTED
    std::string message;
    bool ok() const { return code == grpc::StatusCode::OK; }
};

inline std::ostream& operator<<(std::ostream& out, const Outcome& o) {
    return out << "code " << static_cast<int>(o.code) << " " << o.refusal << " (" << o.message
               << ")";
}

// Calls `method` on `stub` with a 10 s deadline (or `deadline`).
template <typename Stub, typename Req, typename Resp>
Outcome call(Stub& stub, grpc::Status (Stub::*method)(grpc::ClientContext*, const Req&, Resp*),
             const Req& req, Resp* resp,
             std::chrono::milliseconds deadline = std::chrono::seconds(10)) {
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + deadline);
    const grpc::Status s = (stub.*method)(&ctx, req, resp);
    Outcome o;
    o.code = s.error_code();
    o.message = s.error_message();
    const auto& md = ctx.GetServerTrailingMetadata();
    if (auto it = md.find("renshe-refusal"); it != md.end())
        o.refusal.assign(it->second.data(), it->second.size());
    if (auto it = md.find("renshe-retry-after"); it != md.end())
        o.retryAfter.assign(it->second.data(), it->second.size());
    return o;
}

// What a kiosk sends (services/client/call.hpp).
inline std::string newRequestId() {
    return services::client::newRequestId();
}

struct Clients {
    std::unique_ptr<renshe::v1::CardService::Stub> card;
    std::unique_ptr<renshe::v1::AdminService::Stub> admin;
};

class BackofficeEnv {
public:
    // Region of the terminals and the staff member: 兰山区 (371302).
    static constexpr const char* kRegion = "371302";

    BackofficeEnv(StoreKind kind, std::vector<std::string> extraArgs = {}) {
        if (kind == StoreKind::Postgres) {
            m_pg.emplace();
            m_database = "postgres:" + m_pg->createDatabase("renshe");
            extraArgs.insert(extraArgs.end(), {"--database", m_database});
        }
        m_backoffice.emplace(m_pki, std::move(extraArgs));
    }

    BackofficeProcess& backoffice() { return *m_backoffice; }
    const TestPki& pki() const { return m_pki; }
    PrivatePostgres* postgres() { return m_pg ? &*m_pg : nullptr; }
    const std::string& database() const { return m_database; }

    // Clients on the terminal port (64 KiB a message, any certificate of the CA).
    Clients as(const CertFiles& who) const { return on(m_backoffice->target(), who); }
    // Clients on the staff port (staff certificates only; imports of up to 40 MiB).
    Clients asStaff(const CertFiles& who) const { return on(m_backoffice->staffTarget(), who); }
    Clients touch() const { return as(m_pki.touchTerminal("T-371302-001", kRegion)); }
    Clients otherTouch() const { return as(m_pki.touchTerminal("T-371302-002", kRegion)); }
    Clients display() const {
        return as(m_pki.client({"T-371302-001-D", services::pki::Role::Display, kRegion}));
    }
    Clients elsewhere() const { return as(m_pki.touchTerminal("T-370102-001", "370102")); }
    Clients staff() const { return asStaff(m_pki.staff("S-0001", kRegion)); }
    // Province staff (山东省, region 37): what is the province's to say, e.g. the guide catalogue.
    static constexpr const char* kProvince = "37";
    CertFiles provinceStaffFiles() const { return m_pki.staff("P-0001", kProvince); }
    // renshe-kiosk's arguments to reach this back office as `terminal` over mutual TLS,
    // followed by `more`.
    std::vector<std::string> kioskArgs(const CertFiles& terminal,
                                       const std::vector<std::string>& more = {}) const {
        std::vector<std::string> a{
            "--backoffice", m_backoffice->target(),        "--ca",  m_pki.caCertificate().string(),
            "--cert",       terminal.certificate.string(), "--key", terminal.privateKey.string()};
        a.insert(a.end(), more.begin(), more.end());
        return a;
    }

private:
    Clients on(const std::string& target, const CertFiles& who) const {
        auto channel = services::client::makeChannel(m_pki.endpoint(target, who));
        return {renshe::v1::CardService::NewStub(channel),
                renshe::v1::AdminService::NewStub(channel)};
    }

    TestPki m_pki;
    std::optional<PrivatePostgres> m_pg;
    std::string m_database;
    std::optional<BackofficeProcess> m_backoffice;
};

// A registered person with an issued card (the 张三丰 sample card's data unless told).
struct SeededCard {
    std::string ssn = "370102194704090017";
    std::string name = "张三丰";
    std::string cardNumber = "A37010001";
    std::string identifierHex = "370102D1560000058600000000000001";
    std::string region = "371302101";

    renshe::v1::InsertedCard inserted() const;
};

// Registers the person and issues the card through the staff client; asserts both succeed.
void seed(const Clients& staff, const SeededCard& card);
// The n-th invented person (valid check digit) with a card; n < 100000.
SeededCard inventedCard(int n);
// A registry import (persons and cards CSV) of `people`, under a new request id.
renshe::v1::ImportRegistryRequest registryImportOf(const std::vector<SeededCard>& people);

// `card`'s holder as seed() registers them (born and from where the ID number says, living in
// card.region), under a new request id, for AdminService.RegisterPerson.
renshe::v1::RegisterPersonRequest personRegistration(const SeededCard& card);
// `card`'s holder registered (or updated) as a retiree whose pension was first paid on
// 2007-05-01: born and from where the ID number says, living in card.region; under a new
// request id, for AdminService.RegisterPerson.
renshe::v1::RegisterPersonRequest retireeRegistration(const SeededCard& card);

// A loss report for `card`'s ID number with `name` and `password`, under a new request id.
renshe::v1::ReportTemporaryLossRequest lossReport(const SeededCard& card, const std::string& name,
                                                  const std::string& password);

// Activates an issued card with `servicePassword` through `touch`.
Outcome activate(const Clients& touch, const SeededCard& card, const std::string& servicePassword,
                 renshe::v1::ReportPinChangedResponse* resp = nullptr);

// Loads contribution rows (CSV lines without the header) through RecordsService as the
// province's staff: begin, one chunk, commit. Returns the rows applied (-1 when a step failed,
// with a gtest failure naming it).
std::int64_t importContributions(BackofficeEnv& env, const std::string& rows);

}  // namespace renshe::testing
