// The encrypted fingerprint template store. Templates are opaque bytes to the back office
// (libfprint fp_print_serialize() output) plus the DeviceIdentity of the sensor that enrolled
// them; at rest each is sealed with AES-256-GCM under the keystore's template key (never in the
// database), with a fresh 12-byte nonce per record and associated data binding the record to
// its person (ID number), finger and sensor (driver, device id) under a format tag. A ciphertext
// that was edited, or moved to another person's or finger's row, or whose driver/device columns
// were changed, fails authentication when opened and is reported as damaged, never handed out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "renshe/v1/certification.pb.h"
#include "services/backoffice/rpc/keystore.hpp"
#include "services/store/store.hpp"

namespace renshe::services::backoffice::templates {

// The scheme tag stored with each row (and part of the associated data).
inline constexpr const char* kScheme = "aes-256-gcm/1";

struct Entry {
    renshe::v1::Finger finger = renshe::v1::FINGER_UNSPECIFIED;
    renshe::v1::DeviceIdentity device;
    std::int64_t enrolledAt = 0;
    // The decrypted print (load() only); nullopt when the record failed authentication.
    std::optional<std::string> print;
};

// The associated data of one record: length-prefixed scheme, ID number, finger, driver and
// device id, so no two different records share it.
std::string associatedData(const std::string& ssn, renshe::v1::Finger finger,
                           const renshe::v1::DeviceIdentity& device);

// Stores (or replaces) the person's template for `finger`.
void put(store::Tx& tx, const Keystore& keys, const std::string& ssn, renshe::v1::Finger finger,
         const std::string& serializedPrint, const renshe::v1::DeviceIdentity& device,
         const std::string& enrolledBy, std::int64_t now);

// The person's templates in finger order, without decrypting (print stays nullopt).
std::vector<Entry> list(store::Tx& tx, const std::string& ssn);

// The person's templates in finger order, decrypted; a damaged record has no print.
std::vector<Entry> load(store::Tx& tx, const Keystore& keys, const std::string& ssn);

// Overwrites the decrypted prints in memory (call when done with load()'s result).
void wipe(std::vector<Entry>& entries);

}  // namespace renshe::services::backoffice::templates
