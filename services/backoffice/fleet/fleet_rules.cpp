#include "services/backoffice/fleet/fleet_rules.hpp"

#include <openssl/rand.h>

#include <cmath>
#include <stdexcept>

#include "services/backoffice/checks/checks.hpp"
#include "services/store/store.hpp"

namespace renshe::services::backoffice::fleet {

std::string listingPrefix(const Caller& caller, const std::string& requested) {
    if (requested.empty())
        return caller.identity.region;
    requireRegion(caller, requested);
    return requested;
}

bool isRegionPrefix(std::string_view s) {
    if (s.size() > 12)
        return false;
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

bool isPlainId(std::string_view s) {
    if (s.empty() || s.size() > 64)
        return false;
    for (char c : s) {
        const bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
                        (c >= 'a' && c <= 'z') || c == '-' || c == '_' || c == '.';
        if (!ok)
            return false;
    }
    return true;
}

int pageSize(const renshe::v1::PageRequest& page) {
    return page.page_size() == 0 ? kDefaultPageSize : page.page_size();
}

std::int64_t staleAfterMicros(const Policy& policy) {
    const std::int64_t seconds = policy.staleAfterSeconds > 0 ? policy.staleAfterSeconds
                                                              : 3 * policy.heartbeatIntervalSeconds;
    return seconds * 1'000'000;
}

std::int64_t areaToCm2(double m2) {
    return static_cast<std::int64_t>(std::llround(m2 * 10000.0));
}

double areaFromCm2(std::int64_t cm2) {
    return static_cast<double>(cm2) / 10000.0;
}

std::string randomHex(std::size_t bytes) {
    std::string raw(bytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), static_cast<int>(raw.size())) !=
        1) {
        throw std::runtime_error("no randomness from OpenSSL");
    }
    return store::toHex(raw);
}

std::string durationText(std::int64_t micros) {
    const std::int64_t s = micros / 1'000'000;
    if (s < 120)
        return std::to_string(s) + " s";
    if (s < 2 * 3600)
        return std::to_string(s / 60) + " min";
    if (s < 2 * 86400)
        return std::to_string(s / 3600) + " h";
    return std::to_string(s / 86400) + " d";
}

bool isCleanText(std::string_view s, std::size_t maxBytes) {
    if (s.size() > maxBytes || !checks::isValidUtf8(s))
        return false;
    for (unsigned char c : s) {
        if (c < 0x20 || c == 0x7F)
            return false;
    }
    return true;
}

}  // namespace renshe::services::backoffice::fleet
