#include "services/backoffice/certification/template_store.hpp"

#include <openssl/crypto.h>

namespace renshe::services::backoffice::templates {

using namespace renshe::v1;

namespace {

void appendField(std::string& out, std::string_view field) {
    const auto n = static_cast<std::uint32_t>(field.size());
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<char>((n >> shift) & 0xFF));
    out.append(field);
}

std::vector<Entry> select(store::Tx& tx, const Keystore* keys, const std::string& ssn) {
    std::vector<Entry> out;
    const auto rows = tx.query(
        "SELECT finger, driver, device_id, enrolled_at, scheme, sealed FROM fingerprint_templates "
        "WHERE ssn = $1 ORDER BY finger",
        {ssn});
    for (const auto& r : rows) {
        Entry e;
        e.finger = static_cast<Finger>(r.integer(0));
        e.device.set_driver(r.text(1));
        e.device.set_device_id(r.text(2));
        e.enrolledAt = r.integer(3);
        if (keys && r.text(4) == kScheme) {
            std::string sealed;
            try {
                sealed = store::fromHex(r.text(5));
            } catch (const std::exception&) {
                sealed.clear();  // not even hex: damaged
            }
            e.print = keys->openTemplate(sealed, associatedData(ssn, e.finger, e.device));
        }
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace

std::string associatedData(const std::string& ssn, Finger finger, const DeviceIdentity& device) {
    std::string ad;
    appendField(ad, kScheme);
    appendField(ad, ssn);
    appendField(ad, std::to_string(static_cast<int>(finger)));
    appendField(ad, device.driver());
    appendField(ad, device.device_id());
    return ad;
}

void put(store::Tx& tx, const Keystore& keys, const std::string& ssn, Finger finger,
         const std::string& serializedPrint, const DeviceIdentity& device,
         const std::string& enrolledBy, std::int64_t now) {
    const std::string sealed =
        keys.sealTemplate(serializedPrint, associatedData(ssn, finger, device));
    tx.exec(
        "INSERT INTO fingerprint_templates (ssn, finger, driver, device_id, scheme, sealed, "
        "enrolled_at, "
        "enrolled_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
        "ON CONFLICT (ssn, finger) DO UPDATE SET driver = $3, device_id = $4, scheme = $5, sealed "
        "= $6, "
        "enrolled_at = $7, enrolled_by = $8",
        {ssn, static_cast<std::int64_t>(finger), device.driver(), device.device_id(),
         std::string(kScheme), store::toHex(sealed), now, enrolledBy});
}

std::vector<Entry> list(store::Tx& tx, const std::string& ssn) {
    return select(tx, nullptr, ssn);
}

std::vector<Entry> load(store::Tx& tx, const Keystore& keys, const std::string& ssn) {
    return select(tx, &keys, ssn);
}

void wipe(std::vector<Entry>& entries) {
    for (auto& e : entries) {
        if (e.print)
            OPENSSL_cleanse(e.print->data(), e.print->size());
        e.print.reset();
    }
}

}  // namespace renshe::services::backoffice::templates
