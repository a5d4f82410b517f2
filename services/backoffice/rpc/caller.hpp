// Who is calling: read from the peer's client certificate (terminal id / staff id, role,
// region), never from message fields; and the per-RPC authorisation rules of the contract.
#pragma once

#include <grpcpp/server_context.h>

#include <string>
#include <string_view>

#include "services/backoffice/rpc/refusal.hpp"
#include "services/pki/pki.hpp"

namespace renshe::services::backoffice {

struct Caller {
    pki::Identity identity;
    // Hex SHA-256 of the certificate's public key; empty in plaintext development mode.
    std::string publicKeySha256;
    // "touch:T-371302-001" / "staff:S-0001": the key under which request ids are remembered.
    std::string key() const;
    bool isStaff() const { return identity.role == pki::Role::Staff; }
    std::string terminalId() const { return isStaff() ? std::string() : identity.id; }
};

// The identity in the verified client certificate of this call. In plaintext development
// mode (no certificates at all) the identity comes from the "renshe-dev-identity" metadata
// ("touch/T-1/371302"). Throws Refused (UNAUTHENTICATED, UNKNOWN_CLIENT) when there is none.
// Whether a terminal is enrolled is the TerminalGate's business (MutationRunner::authenticate
// asks both).
Caller callerOf(const grpc::ServerContextBase& context, bool plaintextDevelopment);

// Authorisation helpers; each throws Refused.
void requireTouchTerminal(const Caller& caller);  // touch terminals only
void requireTouchOrStaff(const Caller& caller);   // touch terminals and staff (read-only RPCs)
void requireStaff(const Caller& caller);          // staff only (STAFF_ONLY)
// Province staff only: a staff certificate whose region is a province (2 digits) or none (the
// operators); a county or township clerk is OUTSIDE_REGION. For what is the province's to
// say, such as the guide catalogue every terminal shows.
void requireProvinceStaff(const Caller& caller);
// The subject's full region code must lie inside the caller's region (prefix rule).
void requireRegion(const Caller& caller, std::string_view subjectRegion);
bool inRegion(const Caller& caller, std::string_view subjectRegion);

}  // namespace renshe::services::backoffice
