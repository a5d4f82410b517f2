// AdminService's terminal enrolment: which key each terminal id may call with (a certificate
// signed here for a key made on the terminal, or a certificate issued elsewhere and
// registered), listing, and revocation. TerminalGate enforces what is written here.
#include "services/backoffice/admin/admin_service.hpp"
#include "services/backoffice/admin/checks.hpp"
#include "services/backoffice/card/lifecycle.hpp"
#include "services/backoffice/fleet/fleet_rules.hpp"

namespace renshe::services::backoffice {

using namespace renshe::v1;

namespace {

constexpr const char* kEnrolmentColumns =
    "terminal_id, role, region, service_point_id, public_key_sha256, not_after, enrolled_at, "
    "enrolled_by, revoked_at, revoked_by, revoke_reason";

TerminalEnrolment enrolmentFromRow(const store::Row& r) {
    TerminalEnrolment e;
    e.set_terminal_id(r.text(0));
    e.set_role(static_cast<TerminalRole>(r.integer(1)));
    e.set_region(r.text(2));
    if (!r.isNull(3))
        e.set_service_point_id(r.text(3));
    e.set_public_key_sha256(r.text(4));
    setTimestamp(e.mutable_not_after(), r.integer(5));
    setTimestamp(e.mutable_enrolled_at(), r.integer(6));
    e.set_enrolled_by(r.text(7));
    if (!r.isNull(8)) {
        setTimestamp(e.mutable_revoked_at(), r.integer(8));
        e.set_revoked_by(r.text(9));
        e.set_revoke_reason(r.text(10));
    }
    return e;
}

TerminalEnrolment readEnrolment(store::Tx& tx, const std::string& terminalId) {
    const auto row = tx.queryOne(std::string("SELECT ") + kEnrolmentColumns +
                                     " FROM terminal_enrolments WHERE terminal_id = $1",
                                 {terminalId});
    if (!row)
        throw store::StoreError("enrolment of " + terminalId + " vanished");
    return enrolmentFromRow(*row);
}

struct NewEnrolment {
    std::string terminalId;
    TerminalRole role = TERMINAL_ROLE_UNSPECIFIED;
    std::optional<std::string> servicePointId;
    std::string region;
    std::string keyDigest;
    std::string certificatePem;
    std::int64_t notAfter = 0;  // microseconds
};

// Writes `e` as the terminal id's enrolment. A key once revoked never comes back; an id
// enrolled and unrevoked with another key is refused (revoke it first: two machines must
// never act as one); a revoked id may take a new key (a replacement machine).
void writeEnrolment(store::Tx& tx, const NewEnrolment& e, std::int64_t now, const std::string& by) {
    if (tx.queryOne("SELECT 1 FROM revoked_terminal_keys WHERE public_key_sha256 = $1",
                    {e.keyDigest})) {
        throw Refused(Refusal::precondition(REFUSAL_REASON_TERMINAL_REVOKED,
                                            "this key was revoked for terminal " + e.terminalId));
    }
    const auto enrolled = tx.queryOne(
        "SELECT public_key_sha256, revoked_at FROM terminal_enrolments WHERE terminal_id = $1" +
            std::string(tx.forUpdate()),
        {e.terminalId});
    if (enrolled && enrolled->text(0) != e.keyDigest && enrolled->isNull(1)) {
        throw Refused(Refusal{grpc::StatusCode::ALREADY_EXISTS, REFUSAL_REASON_ALREADY_EXISTS,
                              "terminal " + e.terminalId + " is enrolled with another key"});
    }
    const store::Value point =
        e.servicePointId ? store::Value(*e.servicePointId) : store::Value(nullptr);
    if (enrolled && enrolled->text(0) == e.keyDigest) {
        // The same key again (a retry, a renewed certificate): keep the row, newest certificate.
        tx.exec(
            "UPDATE terminal_enrolments SET role = $2, service_point_id = COALESCE($3, "
            "service_point_id), region = $4, certificate_pem = $5, not_after = $6 WHERE "
            "terminal_id = $1",
            {e.terminalId, static_cast<std::int64_t>(e.role), point, e.region, e.certificatePem,
             e.notAfter});
        return;
    }
    if (enrolled)  // revoked: a replacement machine takes the id
        tx.exec("DELETE FROM terminal_enrolments WHERE terminal_id = $1", {e.terminalId});
    tx.exec(
        "INSERT INTO terminal_enrolments (terminal_id, role, service_point_id, region, "
        "public_key_sha256, certificate_pem, not_after, enrolled_at, enrolled_by) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        {e.terminalId, static_cast<std::int64_t>(e.role), point, e.region, e.keyDigest,
         e.certificatePem, e.notAfter, now, by});
}

}  // namespace

grpc::Status AdminServiceImpl::EnrollTerminal(grpc::ServerContext* ctx,
                                              const EnrollTerminalRequest* req,
                                              EnrollTerminalResponse* resp) {
    return m_runner.mutate(
        ctx, "admin.enroll_terminal", req->request_id(), *req, resp, checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            requireStaff(caller);
            if (!m_terminalCa) {
                throw Refused(
                    Refusal::precondition(REFUSAL_REASON_UNSPECIFIED,
                                          "this back office does not enrol terminals (start it "
                                          "with --terminal-ca-cert and --terminal-ca-key)"));
            }
            const auto point = tx.queryOne("SELECT region FROM service_points WHERE id = $1",
                                           {req->service_point_id()});
            if (!point)
                throw Refused(Refusal::notFound(REFUSAL_REASON_NOT_FOUND, "no such service point"));
            subject.region = point->text(0);
            subject.label = req->terminal_id();
            requireRegion(caller, subject.region);
            NewEnrolment e;
            try {
                e.keyDigest = pki::csrPublicKeySha256(req->csr_pem());
            } catch (const pki::PkiError& err) {
                throw Refused(Refusal::malformed(std::string("csr_pem: ") + err.what()));
            }
            const pki::Identity identity{
                req->terminal_id(),
                req->role() == TERMINAL_ROLE_DISPLAY ? pki::Role::Display : pki::Role::Touch,
                subject.region};
            e.terminalId = req->terminal_id();
            e.role = req->role();
            e.servicePointId = req->service_point_id();
            e.region = subject.region;
            e.certificatePem = m_terminalCa->signCsr(req->csr_pem(), identity, m_terminalValidity);
            e.notAfter =
                now +
                std::chrono::duration_cast<std::chrono::microseconds>(m_terminalValidity).count();
            writeEnrolment(tx, e, now, caller.identity.id);
            resp->set_certificate_pem(e.certificatePem);
            resp->set_ca_certificate_pem(m_terminalCa->certificatePem());
            *resp->mutable_region() = regionProto(subject.region);
            resp->mutable_not_after()->set_seconds(e.notAfter / 1'000'000);
        });
}

grpc::Status AdminServiceImpl::RegisterTerminals(grpc::ServerContext* ctx,
                                                 const RegisterTerminalsRequest* req,
                                                 RegisterTerminalsResponse* resp) {
    return m_runner.mutate(
        ctx, "admin.register_terminals", req->request_id(), *req, resp, checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            requireStaff(caller);
            if (m_clientCaPem.empty()) {
                throw Refused(Refusal::precondition(
                    REFUSAL_REASON_UNSPECIFIED, "no client CA: this back office runs without TLS"));
            }
            std::optional<std::string> pointRegion;
            if (!req->service_point_id().empty()) {
                const auto point = tx.queryOne("SELECT region FROM service_points WHERE id = $1",
                                               {req->service_point_id()});
                if (!point) {
                    throw Refused(
                        Refusal::notFound(REFUSAL_REASON_NOT_FOUND, "no such service point"));
                }
                pointRegion = point->text(0);
            }
            for (int i = 0; i < req->certificate_pem_size(); ++i) {
                const std::string& pem = req->certificate_pem(i);
                const std::string which = "certificate_pem[" + std::to_string(i) + "]: ";
                NewEnrolment e;
                pki::Identity identity;
                try {
                    pki::verifyIssuedBy(pem, m_clientCaPem);
                    identity = pki::identityFromCertificatePem(pem);
                    const auto facts = pki::certificateFacts(pem);
                    e.keyDigest = facts.publicKeySha256;
                    e.notAfter = facts.notAfter * 1'000'000;
                } catch (const pki::PkiError& err) {
                    throw Refused(Refusal::malformed(which + err.what()));
                }
                if (identity.role == pki::Role::Staff)
                    throw Refused(Refusal::malformed(which + "names a staff member"));
                if (identity.region.size() < 6 || !fleet::isRegionPrefix(identity.region))
                    throw Refused(Refusal::malformed(which + "has no region code"));
                if (pointRegion && *pointRegion != identity.region) {
                    throw Refused(
                        Refusal::malformed(which + "its region differs from the service point's"));
                }
                requireRegion(caller, identity.region);
                e.terminalId = identity.id;
                e.role = identity.role == pki::Role::Display ? TERMINAL_ROLE_DISPLAY
                                                             : TERMINAL_ROLE_TOUCH;
                if (pointRegion)
                    e.servicePointId = req->service_point_id();
                e.region = identity.region;
                e.certificatePem = pem;
                writeEnrolment(tx, e, now, caller.identity.id);
                Subject about;
                about.region = e.region;
                about.label = e.terminalId;
                m_runner.auditInTx(tx, &caller, "admin.register_terminal", about, "OK",
                                   req->request_id(), now);
                *resp->add_terminals() = readEnrolment(tx, e.terminalId);
            }
            subject.region = req->certificate_pem_size() == 1 ? resp->terminals(0).region() : "";
            subject.label = std::to_string(req->certificate_pem_size()) + " terminals";
        });
}

grpc::Status AdminServiceImpl::RevokeTerminal(grpc::ServerContext* ctx,
                                              const RevokeTerminalRequest* req,
                                              RevokeTerminalResponse* resp) {
    return m_runner.mutate(
        ctx, "admin.revoke_terminal", req->request_id(), *req, resp, checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            requireStaff(caller);
            subject.label = req->terminal_id();
            const auto row = tx.queryOne(
                "SELECT region, public_key_sha256, revoked_at, next_public_key_sha256 FROM "
                "terminal_enrolments WHERE terminal_id = $1" +
                    std::string(tx.forUpdate()),
                {req->terminal_id()});
            if (!row)
                throw Refused(Refusal::notFound(REFUSAL_REASON_NOT_FOUND, "terminal not enrolled"));
            subject.region = row->text(0);
            requireRegion(caller, subject.region);
            if (row->isNull(2)) {
                tx.exec(
                    "UPDATE terminal_enrolments SET revoked_at = $2, revoked_by = $3, "
                    "revoke_reason = $4 WHERE terminal_id = $1",
                    {req->terminal_id(), now, caller.identity.id, req->reason()});
                // A renewal's pending key goes with it: it must never become the enrolled one.
                for (int column : {1, 3}) {
                    if (row->isNull(column))
                        continue;
                    tx.exec(
                        "INSERT INTO revoked_terminal_keys (public_key_sha256, terminal_id, "
                        "revoked_at) VALUES ($1, $2, $3) ON CONFLICT (public_key_sha256) DO "
                        "NOTHING",
                        {row->text(column), req->terminal_id(), now});
                }
                tx.exec(
                    "UPDATE terminal_enrolments SET next_public_key_sha256 = NULL, "
                    "next_certificate_pem = NULL, next_not_after = NULL WHERE terminal_id = $1",
                    {req->terminal_id()});
            }
            *resp->mutable_terminal() = readEnrolment(tx, req->terminal_id());
        });
}

grpc::Status AdminServiceImpl::ListEnrolments(grpc::ServerContext* ctx,
                                              const ListEnrolmentsRequest* req,
                                              ListEnrolmentsResponse* resp) {
    return m_runner.query(
        ctx, "admin.list_enrolments", checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject&, std::int64_t) {
            resp->Clear();
            requireStaff(caller);
            const std::string prefix = fleet::listingPrefix(caller, req->region_prefix());
            const int pageSize = fleet::pageSize(req->page());
            std::vector<store::Value> params{prefix};
            std::string where =
                " WHERE substr(region, 1, " + std::to_string(prefix.size()) + ") = $1";
            if (req->revoked_only())
                where += " AND revoked_at IS NOT NULL";
            const auto count =
                tx.queryOne("SELECT COUNT(*) FROM terminal_enrolments" + where, params);
            if (!req->page().page_token().empty()) {
                params.push_back(req->page().page_token());
                where += " AND terminal_id > $" + std::to_string(params.size());
            }
            params.push_back(static_cast<std::int64_t>(pageSize + 1));
            const auto rows = tx.query(
                std::string("SELECT ") + kEnrolmentColumns + " FROM terminal_enrolments" + where +
                    " ORDER BY terminal_id LIMIT $" + std::to_string(params.size()),
                params);
            for (std::size_t i = 0; i < rows.size() && static_cast<int>(i) < pageSize; ++i)
                *resp->add_terminals() = enrolmentFromRow(rows[i]);
            if (static_cast<int>(rows.size()) > pageSize)
                resp->mutable_page()->set_next_page_token(rows[pageSize - 1].text(0));
            resp->mutable_page()->set_total_estimate(count ? count->integer(0) : 0);
        });
}

}  // namespace renshe::services::backoffice
