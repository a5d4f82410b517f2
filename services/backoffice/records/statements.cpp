#include "services/backoffice/records/statements.hpp"

#include <openssl/crypto.h>

#include <algorithm>
#include <cctype>

namespace renshe::services::backoffice::records {

using namespace renshe::v1;

namespace {

constexpr std::string_view kCodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";  // 32 symbols
constexpr std::size_t kCodeChars = 8;
constexpr std::size_t kNumberDigits = 18;
constexpr std::size_t kKeyIdBytes = 8;

// `text` without spaces and dashes (how people copy numbers off paper).
std::string compact(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c != ' ' && c != '-')
            out.push_back(c);
    }
    return out;
}

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
    std::string code(kCodeChars, ' ');
    for (std::size_t i = 0; i < kCodeChars; ++i)
        code[kCodeChars - 1 - i] = kCodeAlphabet[(bits >> (5 * i)) & 31U];
    return code;
}

std::optional<std::string> normalizeStatementNumber(std::string_view number) {
    std::string n = compact(number);
    if (n.size() != kNumberDigits ||
        !std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    return n;
}

std::optional<std::string> normalizeCheckCode(std::string_view code) {
    std::string c = compact(code);
    if (c.size() != kCodeChars)
        return std::nullopt;
    for (char& ch : c) {
        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        if (kCodeAlphabet.find(ch) == std::string_view::npos)
            return std::nullopt;
    }
    return c;
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
