#include "services/backoffice/admin/checks.hpp"

#include <algorithm>
#include <cmath>

#include "drivers/sscard/id_number.hpp"

namespace renshe::services::backoffice::checks {

using namespace renshe::v1;
namespace sscard = renshe::drivers::sscard;

namespace {

constexpr std::size_t kMaxServicePointNameBytes = 200;
constexpr std::size_t kMaxAddressBytes = 500;
constexpr std::size_t kMaxActorBytes = 128;
constexpr std::size_t kMaxEventTypeChars = 64;
constexpr std::size_t kMaxCsrBytes = 16 * 1024;
constexpr int kMaxTerminalBatch = 1000;
constexpr std::size_t kMaxTerminalBatchBytes = 4 * 1024 * 1024;
constexpr double kMaxDisplayAreaM2 = 100000.0;

// GB 3304: 1..56, 97 (其他), 98 (外国血统中国籍人士).
bool isEthnicityCode(int code) {
    return (code >= 1 && code <= 56) || code == 97 || code == 98;
}

bool isTerminalId(std::string_view id) {
    if (id.empty() || id.size() > kMaxOpaqueIdChars) {
        return false;
    }
    for (char c : id) {
        const bool ok = isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        c == '-' || c == '_' || c == '.';
        if (!ok) {
            return false;
        }
    }
    return true;
}

bool isEventType(std::string_view type) {
    for (char c : type) {
        if (!(isDigit(c) || (c >= 'a' && c <= 'z') || c == '_' || c == '.')) {
            return false;
        }
    }
    return type.size() <= kMaxEventTypeChars;
}

}  // namespace

std::optional<Refusal> check(const RegisterPersonRequest& r) {
    const PersonRecord& p = r.person();
    return firstOf(
        [&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
        [&]() -> Result {
            return r.has_person() ? std::nullopt
                                  : std::optional(Refusal::malformed("person is missing"));
        },
        [&] { return checkSsn(p.ssn(), "person.ssn"); },
        [&] { return checkName(p.name(), "person.name"); },
        [&] { return checkEnum(p.sex(), Sex_IsValid, true, "person.sex"); },
        [&]() -> Result {
            if (!isEthnicityCode(p.ethnicity_code())) {
                return Refusal::malformed("person.ethnicity_code is not a GB 3304 code");
            }
            return std::nullopt;
        },
        [&] { return checkDate(p.has_birth_date(), p.birth_date(), "person.birth_date", true); },
        [&]() -> Result {
            if (toDate(p.birth_date()) != birthDateOf(p.ssn())) {
                return Refusal::malformed("person.birth_date disagrees with the ID number");
            }
            return std::nullopt;
        },
        [&]() -> Result {
            if (!p.birthplace_code().empty() && !isDivisionCode(p.birthplace_code())) {
                return Refusal::malformed("person.birthplace_code is not a 6-digit division code");
            }
            return std::nullopt;
        },
        [&] { return checkRegion(p.has_region(), p.region(), "person.region"); },
        [&] {
            return checkDate(p.has_pension_first_payment(), p.pension_first_payment(),
                             "person.pension_first_payment", false);
        },
        [&]() -> Result {
            if (p.has_pension_first_payment() &&
                toDate(p.pension_first_payment()) <= toDate(p.birth_date())) {
                return Refusal::malformed(
                    "person.pension_first_payment is not after the birth date");
            }
            return std::nullopt;
        });
}

std::optional<Refusal> check(const IssueCardRequest& r) {
    const CardRecord& c = r.card();
    return firstOf(
        [&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
        [&]() -> Result {
            return r.has_card() ? std::nullopt
                                : std::optional(Refusal::malformed("card is missing"));
        },
        [&]() -> Result {
            if (!isCardNumber(c.card_number())) {
                return Refusal::malformed("card.card_number is not 9 characters of 0-9 and A-Z");
            }
            if (c.card_identifier().size() != kCardIdentifierBytes) {
                return Refusal::malformed("card.card_identifier is not 16 bytes");
            }
            return std::nullopt;
        },
        [&] { return checkSsn(c.ssn(), "card.ssn"); },
        [&] { return checkDate(c.has_issue_date(), c.issue_date(), "card.issue_date", true); },
        [&] { return checkDate(c.has_expiry_date(), c.expiry_date(), "card.expiry_date", true); },
        [&]() -> Result {
            if (toDate(c.expiry_date()) <= toDate(c.issue_date())) {
                return Refusal::malformed("card.expiry_date is not after card.issue_date");
            }
            return std::nullopt;
        });
}

std::optional<Refusal> check(const ImportRegistryRequest& r) {
    return firstOf([&] { return checkRequestId(r.request_id()); },
                   [&]() -> Result {
                       if (r.persons_csv().size() > kMaxImportBytes ||
                           r.cards_csv().size() > kMaxImportBytes - r.persons_csv().size()) {
                           return Refusal::malformed("registry content is over 32 MiB");
                       }
                       if (!isValidUtf8(r.persons_csv())) {
                           return Refusal::malformed("persons_csv is not valid UTF-8");
                       }
                       if (!isValidUtf8(r.cards_csv())) {
                           return Refusal::malformed("cards_csv is not valid UTF-8");
                       }
                       return std::nullopt;
                   });
}

std::optional<Refusal> check(const CardOperationRequest& r) {
    return firstOf(
        [&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
        [&]() -> Result {
            if (!isCardNumber(r.card_number())) {
                return Refusal::malformed("card_number is not 9 characters of 0-9 and A-Z");
            }
            return std::nullopt;
        },
        [&] { return checkText(r.reason(), kMaxReasonBytes, "reason", false); });
}

std::optional<Refusal> check(const UpsertServicePointRequest& r) {
    const ServicePoint& sp = r.service_point();
    return firstOf(
        [&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
        [&]() -> Result {
            return r.has_service_point()
                       ? std::nullopt
                       : std::optional(Refusal::malformed("service_point is missing"));
        },
        [&] { return checkOpaqueId(sp.id(), kMaxOpaqueIdChars, "service_point.id", false); },
        [&] { return checkText(sp.name(), kMaxServicePointNameBytes, "service_point.name", true); },
        [&] { return checkRegion(sp.has_region(), sp.region(), "service_point.region"); },
        [&] {
            return checkEnum(sp.facility_class(), FacilityClass_IsValid, true,
                             "service_point.facility_class");
        },
        [&]() -> Result {
            const double area = sp.display_area_m2();
            if (!std::isfinite(area) || area < 0.0 || area > kMaxDisplayAreaM2) {
                return Refusal::malformed(
                    "service_point.display_area_m2 is negative or impossible");
            }
            return std::nullopt;
        },
        [&] { return checkText(sp.address(), kMaxAddressBytes, "service_point.address", false); });
}

// A listing by region: the prefix (up to 12 digits) and the page.
template <typename Listing>
Result checkRegionListing(const Listing& r) {
    return firstOf([&] { return tooLarge(r); },
                   [&]() -> Result {
                       if (r.region_prefix().size() > 12 || !allDigits(r.region_prefix())) {
                           return Refusal::malformed("region_prefix is not up to 12 digits");
                       }
                       return std::nullopt;
                   },
                   [&] { return checkPage(r.page()); });
}

std::optional<Refusal> check(const ListServicePointsRequest& r) {
    return checkRegionListing(r);
}

std::optional<Refusal> check(const RegisterTerminalsRequest& r) {
    return firstOf(
        [&] { return tooLarge(r, kMaxTerminalBatchBytes); },
        [&] { return checkRequestId(r.request_id()); },
        [&]() -> Result {
            if (r.certificate_pem_size() == 0)
                return Refusal::malformed("certificate_pem: no certificates");
            if (r.certificate_pem_size() > kMaxTerminalBatch)
                return Refusal::malformed("certificate_pem: more than 1000 certificates");
            for (const std::string& pem : r.certificate_pem()) {
                if (pem.size() > kMaxCsrBytes ||
                    pem.find("-----BEGIN CERTIFICATE-----") == std::string::npos ||
                    !std::all_of(pem.begin(), pem.end(), [](char c) {
                        return c == '\n' || c == '\r' || c == '\t' || (c >= 0x20 && c <= 0x7E);
                    })) {
                    return Refusal::malformed("certificate_pem is not a PEM certificate");
                }
            }
            return std::nullopt;
        },
        [&] {
            return checkOpaqueId(r.service_point_id(), kMaxOpaqueIdChars, "service_point_id",
                                 false);
        });
}

std::optional<Refusal> check(const RevokeTerminalRequest& r) {
    return firstOf(
        [&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
        [&]() -> Result {
            if (!isTerminalId(r.terminal_id())) {
                return Refusal::malformed(
                    "terminal_id is not 1-64 characters of A-Z, a-z, 0-9, '-', '_', '.'");
            }
            return std::nullopt;
        },
        [&] { return checkText(r.reason(), kMaxReasonBytes, "reason", true); });
}

std::optional<Refusal> check(const ListEnrolmentsRequest& r) {
    return checkRegionListing(r);
}

std::optional<Refusal> check(const EnrollTerminalRequest& r) {
    return firstOf(
        [&] { return tooLarge(r); }, [&] { return checkRequestId(r.request_id()); },
        [&] { return checkCsrPem(r.csr_pem(), "csr_pem"); },
        [&]() -> Result {
            if (!isTerminalId(r.terminal_id())) {
                return Refusal::malformed(
                    "terminal_id is not 1-64 characters of A-Z, a-z, 0-9, '-', '_', '.'");
            }
            return std::nullopt;
        },
        [&] { return checkEnum(r.role(), TerminalRole_IsValid, true, "role"); },
        [&] {
            return checkOpaqueId(r.service_point_id(), kMaxOpaqueIdChars, "service_point_id", true);
        });
}

std::optional<Refusal> check(const QueryAuditRequest& r) {
    return firstOf(
        [&] { return tooLarge(r); },
        [&]() -> Result {
            return r.has_from_time() ? checkTimestamp(r.from_time(), "from_time") : std::nullopt;
        },
        [&]() -> Result {
            return r.has_to_time() ? checkTimestamp(r.to_time(), "to_time") : std::nullopt;
        },
        [&]() -> Result {
            if (r.has_from_time() && r.has_to_time() &&
                timestampBefore(r.to_time(), r.from_time())) {
                return Refusal::malformed("to_time is before from_time");
            }
            return std::nullopt;
        },
        [&] { return checkText(r.actor(), kMaxActorBytes, "actor", false); },
        [&]() -> Result {
            return r.subject_ssn().empty() ? std::nullopt
                                           : checkSsn(r.subject_ssn(), "subject_ssn");
        },
        [&]() -> Result {
            if (!isEventType(r.event_type())) {
                return Refusal::malformed(
                    "event_type is not up to 64 characters of a-z, 0-9, '_', '.'");
            }
            return std::nullopt;
        },
        [&] { return checkPage(r.page()); });
}

std::optional<Refusal> check(const VerifyAuditChainRequest& r) {
    return firstOf([&] { return tooLarge(r); },
                   [&]() -> Result {
                       if (r.from_sequence() < 0) {
                           return Refusal::malformed("from_sequence is negative");
                       }
                       return std::nullopt;
                   });
}

std::optional<Refusal> check(const GetPersonRequest& r) {
    return firstOf([&] { return tooLarge(r); }, [&] { return checkPersonRef(true, r.person()); });
}

}  // namespace renshe::services::backoffice::checks
