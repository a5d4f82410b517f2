#include "services/backoffice/records/statements.hpp"

#include <openssl/crypto.h>

#include <algorithm>
#include <cctype>

namespace renshe::services::backoffice::records {

using namespace renshe::v1;

namespace {

constexpr std::size_t kKeyIdBytes = 8;

bool sameBytes(std::string_view a, std::string_view b) {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

std::string statementMessage(std::string_view content) {
    std::string message = "renshe-statement-v1";
    message.push_back('\0');
    message.append(content);
    return message;
}

std::string checkCodeOf(std::string_view signature) {
    const std::string digest = sha256(signature);
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < 5; ++i)  // 40 bits = 8 symbols of 5 bits
        bits = (bits << 8) | static_cast<unsigned char>(digest[i]);
    std::string code(kCheckCodeChars, ' ');
    for (std::size_t i = 0; i < kCheckCodeChars; ++i)
        code[kCheckCodeChars - 1 - i] = kCheckCodeAlphabet[(bits >> (5 * i)) & 31U];
    return code;
}

std::string keyIdOf(std::string_view publicKey) {
    return store::toHex(sha256(publicKey).substr(0, kKeyIdBytes));
}

StatementCheck verifyStatement(store::Tx& tx, const Keystore& keys, std::string_view number,
                               std::string_view code, const SignedStatement* presented) {
    StatementCheck check;
    const auto n = normalizeStatementNumber(number);
    const auto c = normalizeCheckCode(code);
    if (!n || !c)
        return check;
    const auto row = tx.queryOne(
        "SELECT check_code, content_hex, signature_hex, withdrawn_at, withdraw_reason "
        "FROM record_statements WHERE number = $1",
        {*n});
    if (!row || !sameBytes(row->text(0), *c))
        return check;
    std::string content, signature;
    try {
        content = store::fromHex(row->text(1));
        signature = store::fromHex(row->text(2));
    } catch (const std::exception&) {
        check.validity = STATEMENT_VALIDITY_TAMPERED;
        return check;
    }
    const bool storedIntact = keys.statementSignatureValid(statementMessage(content), signature) &&
                              checkCodeOf(signature) == row->text(0) &&
                              check.content.ParseFromString(content) &&
                              check.content.number() == *n;
    const bool presentedIntact =
        !presented || (sameBytes(presented->content(), content) &&
                       keys.statementSignatureValid(statementMessage(presented->content()),
                                                    presented->signature()));
    if (!storedIntact || !presentedIntact) {
        check.content.Clear();
        check.validity = STATEMENT_VALIDITY_TAMPERED;
        return check;
    }
    if (!row->isNull(3)) {
        check.validity = STATEMENT_VALIDITY_WITHDRAWN;
        check.withdrawnAt = row->integer(3);
        check.withdrawReason = row->isNull(4) ? std::string() : row->text(4);
        return check;
    }
    check.validity = STATEMENT_VALIDITY_VALID;
    return check;
}

}  // namespace renshe::services::backoffice::records
