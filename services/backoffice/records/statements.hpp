// 证明: statements of a person's records, signed by the back office's statement key (Ed25519,
// the keystore's statement-key) and kept as signed in record_statements (migration 0021).
//
// A statement is identified by its number (18 digits: the China date of issue + 10 random)
// and checked with its check code (8 characters derived from the signature, so a statement
// re-signed with another key has another code). What the back office answers about a pair:
// - VALID: issued here, the stored content still carries this key's signature, not withdrawn;
// - UNKNOWN: no statement has this number with this code (the two are not told apart);
// - TAMPERED: the pair exists but the stored row no longer verifies (someone edited the
//   database) or the content presented with it is not what was signed here;
// - WITHDRAWN: issued, then withdrawn by staff.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "renshe/v1/records.pb.h"
#include "services/backoffice/records/statement_numbers.hpp"
#include "services/backoffice/rpc/keystore.hpp"
#include "services/store/store.hpp"

namespace renshe::services::backoffice::records {

// The bytes the signature covers: "renshe-statement-v1" || 0x00 || content.
std::string statementMessage(std::string_view content);
// The 8-character check code of a signature (SHA-256 of it, 40 bits in the alphabet
// 23456789ABCDEFGHJKLMNPQRSTUVWXYZ).
std::string checkCodeOf(std::string_view signature);
// Hex of the first 8 bytes of SHA-256 of a public key.
std::string keyIdOf(std::string_view publicKey);

struct StatementCheck {
    renshe::v1::StatementValidity validity = renshe::v1::STATEMENT_VALIDITY_UNKNOWN;
    renshe::v1::StatementContent content;  // VALID and WITHDRAWN
    std::int64_t withdrawnAt = 0;          // microseconds, WITHDRAWN
    std::string withdrawReason;
};

// What the back office says about `number` and `code` (as typed: normalised here; a malformed
// one is UNKNOWN), and, when `presented` is given, about that content and signature too.
StatementCheck verifyStatement(store::Tx& tx, const Keystore& keys, std::string_view number,
                               std::string_view code,
                               const renshe::v1::SignedStatement* presented = nullptr);

}  // namespace renshe::services::backoffice::records
