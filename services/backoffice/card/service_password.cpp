#include "services/backoffice/card/service_password.hpp"

#include "drivers/util/wipe.hpp"
#include "services/backoffice/checks/checks.hpp"

namespace renshe::services::backoffice {

std::optional<std::string> passwordOf(const Keystore& keys, const renshe::v1::SecondFactor& factor,
                                      const std::string& sealedContext) {
    if (!factor.has_sealed_service_password())
        return factor.service_password();
    const auto& s = factor.sealed_service_password();
    return keys.openSealed({s.ephemeral_public_key(), s.nonce(), s.ciphertext()}, sealedContext);
}

std::optional<PasswordPrecheck> precheckPassword(store::Store& store, const Keystore& keys,
                                                 const Caller& caller, const std::string& ssn,
                                                 const std::optional<std::string>& name,
                                                 const renshe::v1::SecondFactor& factor,
                                                 const std::string& sealedContext,
                                                 Keystore::Until until) {
    if (factor.has_fingerprint_verification_id())
        return std::nullopt;
    std::optional<PersonRow> person;
    store.read([&](store::Tx& tx) { person = loadPerson(tx, ssn); });
    if (!person || person->servicePasswordHash.empty() || !inRegion(caller, person->region))
        return std::nullopt;
    if (name && checks::normalizeName(person->name) != checks::normalizeName(*name))
        return std::nullopt;
    auto password = passwordOf(keys, factor, sealedContext);
    if (!password)
        return std::nullopt;
    const util::WipeOnExit wipeOnExit(*password);
    PasswordPrecheck pre;
    pre.verifier = person->servicePasswordHash;
    pre.check = keys.checkServicePassword(*password, pre.verifier, until);
    if (pre.check.outdated)
        pre.upgraded = keys.hashServicePassword(*password, until);
    return pre;
}

bool servicePasswordMatches(store::Tx& tx, const Keystore& keys, const PersonRow& person,
                            const std::string& password,
                            const std::optional<PasswordPrecheck>& pre) {
    if (person.servicePasswordHash.empty())
        return false;
    PasswordPrecheck now;
    if (pre && pre->verifier == person.servicePasswordHash) {
        now = *pre;
    } else {
        now.check = keys.checkServicePassword(password, person.servicePasswordHash);
        if (now.check.outdated)
            now.upgraded = keys.hashServicePassword(password);
    }
    if (now.check.matches && !now.upgraded.empty()) {
        tx.exec(
            "UPDATE persons SET service_password_hash = $1 WHERE ssn = $2 AND "
            "service_password_hash = $3",
            {now.upgraded, person.ssn, person.servicePasswordHash});
    }
    return now.check.matches;
}

}  // namespace renshe::services::backoffice
