#include "services/backoffice/rpc/caller.hpp"

#include <grpcpp/security/auth_context.h>

#include <mutex>
#include <unordered_map>

namespace renshe::services::backoffice {

using renshe::v1::REFUSAL_REASON_OUTSIDE_REGION;
using renshe::v1::REFUSAL_REASON_STAFF_ONLY;
using renshe::v1::REFUSAL_REASON_UNKNOWN_CLIENT;
using renshe::v1::REFUSAL_REASON_WRONG_ROLE;

std::string Caller::key() const {
    return std::string(pki::roleName(identity.role)) + ":" + identity.id;
}

namespace {

Refused unauthenticated(std::string why) {
    return Refused(
        {grpc::StatusCode::UNAUTHENTICATED, REFUSAL_REASON_UNKNOWN_CLIENT, std::move(why)});
}

// Parsing the peer's PEM on every call costs more than the rest of a status query; the
// certificates a back office sees are few (one per terminal and staff member), so the parsed
// identities are kept, keyed by the exact PEM the TLS layer verified.
class IdentityCache {
public:
    pki::CertifiedIdentity get(const std::string& pem) {
        {
            std::lock_guard lock(m_mutex);
            if (const auto it = m_entries.find(pem); it != m_entries.end())
                return it->second;
        }
        auto id = pki::certifiedIdentity(pem);
        std::lock_guard lock(m_mutex);
        if (m_entries.size() >= kMaxEntries)
            m_entries.clear();
        m_entries.emplace(pem, id);
        return id;
    }

private:
    static constexpr std::size_t kMaxEntries = 50000;
    std::mutex m_mutex;
    std::unordered_map<std::string, pki::CertifiedIdentity> m_entries;
};

IdentityCache& identityCache() {
    static IdentityCache cache;
    return cache;
}

}  // namespace

Caller callerOf(const grpc::ServerContextBase& context, bool plaintextDevelopment) {
    Caller caller;
    if (plaintextDevelopment) {
        const auto& md = context.client_metadata();
        const auto it = md.find("renshe-dev-identity");
        if (it == md.end()) {
            throw unauthenticated(
                "plaintext development mode: send renshe-dev-identity: role/id/region");
        }
        const std::string v(it->second.data(), it->second.size());
        const auto a = v.find('/');
        const auto b = a == std::string::npos ? a : v.find('/', a + 1);
        const auto role = a == std::string::npos ? std::nullopt : pki::parseRole(v.substr(0, a));
        if (!role || b == std::string::npos) {
            throw unauthenticated("renshe-dev-identity wants role/id/region");
        }
        caller.identity = {v.substr(a + 1, b - a - 1), *role, v.substr(b + 1)};
        return caller;
    }
    const auto auth = context.auth_context();
    if (!auth) {
        throw unauthenticated("no client certificate");
    }
    const auto pem = auth->FindPropertyValues("x509_pem_cert");
    if (pem.empty()) {
        throw unauthenticated("no client certificate");
    }
    try {
        auto certified = identityCache().get(std::string(pem.front().data(), pem.front().size()));
        caller.identity = std::move(certified.identity);
        caller.publicKeySha256 = std::move(certified.publicKeySha256);
    } catch (const std::exception& e) {
        throw unauthenticated(std::string("client certificate carries no identity: ") + e.what());
    }
    if (caller.identity.role != pki::Role::Staff && caller.identity.region.size() < 6) {
        throw unauthenticated("terminal certificate has no region");
    }
    return caller;
}

void requireTouchTerminal(const Caller& caller) {
    if (caller.identity.role != pki::Role::Touch) {
        throw Refused(
            Refusal::denied(REFUSAL_REASON_WRONG_ROLE, "only touch terminals may call this"));
    }
}

void requireTouchOrStaff(const Caller& caller) {
    if (caller.identity.role == pki::Role::Display) {
        throw Refused(
            Refusal::denied(REFUSAL_REASON_WRONG_ROLE, "display terminals may not call this"));
    }
}

void requireStaff(const Caller& caller) {
    if (!caller.isStaff()) {
        throw Refused(Refusal::denied(REFUSAL_REASON_STAFF_ONLY, "needs a staff certificate"));
    }
}

void requireProvinceStaff(const Caller& caller) {
    requireStaff(caller);
    if (caller.identity.region.size() > 2) {
        throw Refused(
            Refusal::denied(REFUSAL_REASON_OUTSIDE_REGION, "needs a province staff certificate"));
    }
}

bool inRegion(const Caller& caller, std::string_view subjectRegion) {
    const std::string& mine = caller.identity.region;
    // A staff certificate without a region acts province-wide (operators).
    if (mine.empty())
        return caller.isStaff();
    return subjectRegion.substr(0, mine.size()) == mine;
}

void requireRegion(const Caller& caller, std::string_view subjectRegion) {
    if (!inRegion(caller, subjectRegion)) {
        throw Refused(Refusal::denied(REFUSAL_REASON_OUTSIDE_REGION,
                                      "subject is outside the caller's region"));
    }
}

}  // namespace renshe::services::backoffice
