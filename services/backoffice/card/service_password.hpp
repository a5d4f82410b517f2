// The service password (服务密码) as a second factor. Its verifier is Argon2id (Keystore): ~12 ms
// of one core, too slow to run inside the write transaction, where the single SQLite writer
// (and PostgreSQL's row locks) would wait on it. So the check is made before the transaction
// against the verifier stored then (precheckPassword, run as the mutation's Prepare), and the
// transaction only confirms that the verifier it reads is still that one; if it changed in
// between (rare), the transaction checks again itself.
#pragma once

#include <optional>
#include <string>

#include "renshe/v1/card.pb.h"
#include "services/backoffice/card/lifecycle.hpp"
#include "services/backoffice/rpc/caller.hpp"
#include "services/backoffice/rpc/keystore.hpp"
#include "services/store/store.hpp"

namespace renshe::services::backoffice {

struct PasswordPrecheck {
    std::string verifier;  // the stored verifier it was checked against
    Keystore::PasswordCheck check;
    std::string upgraded;  // when it matched an outdated verifier: the new one
};

// The password a factor carries: in clear, or opened from its seal with `sealedContext` as
// associated data. nullopt when the seal does not open.
std::optional<std::string> passwordOf(const Keystore& keys, const renshe::v1::SecondFactor& factor,
                                      const std::string& sealedContext);

// Before the transaction: the service password of `factor` checked against the verifier of
// the person `ssn`. nullopt when there is nothing worth the cost: a fingerprint factor, a
// person unknown, outside the caller's region, without a verifier, or (given `name`) whose
// name differs — the transaction refuses those before it looks at the password. Throws
// PasswordCheckAbandoned when no Argon2id turn came before `until` (the caller's deadline).
std::optional<PasswordPrecheck> precheckPassword(store::Store& store, const Keystore& keys,
                                                 const Caller& caller, const std::string& ssn,
                                                 const std::optional<std::string>& name,
                                                 const renshe::v1::SecondFactor& factor,
                                                 const std::string& sealedContext,
                                                 Keystore::Until until);

// Inside the transaction: whether `password` matches `person`'s verifier, from `pre` when it
// was checked against the verifier stored now. A match against an outdated verifier replaces
// it with a current one (upgraded on the next successful check).
bool servicePasswordMatches(store::Tx& tx, const Keystore& keys, const PersonRow& person,
                            const std::string& password,
                            const std::optional<PasswordPrecheck>& pre);

}  // namespace renshe::services::backoffice
