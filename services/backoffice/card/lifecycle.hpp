// The registry of persons and cards and the card lifecycle of ARCHITECTURE.md, over one
// storage transaction. Every status change writes a status-history row; the caller appends
// the audit event (MutationRunner does, for RPCs).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "renshe/v1/admin.pb.h"
#include "renshe/v1/card.pb.h"
#include "services/backoffice/rpc/mutation_runner.hpp"
#include "services/store/store.hpp"

namespace renshe::services::backoffice {

struct PersonRow {
    std::string ssn, name;
    int sex = 0, ethnicity = 0;
    std::string birthDate, birthplace, region, pensionFirstPayment;  // dates YYYYMMDD
    std::string servicePasswordHash;                                 // "" when not set
};

struct CardRow {
    std::string cardNumber, identifierHex, ssn, issueDate, expiryDate;
    renshe::v1::CardStatus status = renshe::v1::CARD_STATUS_UNSPECIFIED;
    std::int64_t statusSince = 0;
    std::string lossReportNumber;
    std::int64_t lossReportedAt = 0, lossAutoLiftAt = 0;
    bool lossFormal = false, lossAtTerminal = false;
};

std::optional<PersonRow> loadPerson(store::Tx& tx, const std::string& ssn, bool forUpdate = false);
std::optional<CardRow> loadCard(store::Tx& tx, const std::string& cardNumber,
                                bool forUpdate = false);
// Every card of a person, newest first.
std::vector<CardRow> cardsOf(store::Tx& tx, const std::string& ssn);
// The person's card that is not REPLACED or CANCELLED (at most one by the issuing rule).
std::optional<CardRow> currentCardOf(store::Tx& tx, const std::string& ssn, bool forUpdate = false);

// The card in the reader: number, identifier and ID number must all agree with the registry
// (else NOT_FOUND, UNKNOWN_CARD). Sets subject.
CardRow requireInsertedCard(store::Tx& tx, const renshe::v1::InsertedCard& inserted,
                            Subject& subject, bool forUpdate);

// A PIN verification reported by the terminal must be recent by the server's clock (and not
// from the future beyond a minute of clock skew); else FAILED_PRECONDITION, VERIFICATION_STALE.
void requireFreshVerification(const google::protobuf::Timestamp& at, bool present, std::int64_t now,
                              std::int64_t maxAgeSeconds);

// The card's holder (NOT_FOUND, UNKNOWN_CARD when the registry lacks them: a registry fault).
PersonRow requirePerson(store::Tx& tx, const std::string& ssn, bool forUpdate = false);
// The person a request names: by ID number, or by card number (any card of theirs); sets the
// audit subject's ID number and region. Throws Refused UNKNOWN_CARD / UNKNOWN_PERSON.
PersonRow resolvePerson(store::Tx& tx, const renshe::v1::PersonRef& ref, Subject& subject,
                        bool forUpdate = false);

// The card in a touch terminal's reader and its holder: the caller must be a touch terminal,
// the card known and its holder in the registry; the audit subject gets the holder's region.
struct CardAtTerminal {
    CardRow card;
    PersonRow person;
};
struct CardAtTerminalRules {
    bool lockCard = true;     // SELECT … FOR UPDATE the card row (the request changes it)
    bool lockPerson = false;  // … and the person row
    bool sameRegion = true;   // the holder must live in the terminal's region
    // Staff of the holder's region may make the call too, with the card in the counter's
    // reader (activation assistance at the counter, 协助启用).
    bool staffAtCounter = false;
};
CardAtTerminal requireCardAtTerminal(store::Tx& tx, const Caller& caller,
                                     const renshe::v1::InsertedCard& inserted, Subject& subject,
                                     CardAtTerminalRules rules);

// Moves the card to `to`, writing the history row.
void changeStatus(store::Tx& tx, CardRow& card, renshe::v1::CardStatus to, const std::string& actor,
                  const std::string& reason, std::int64_t now);

// A temporary loss whose auto-lift time has passed is lifted (history "auto lift"). Returns
// true when it did. Used by every write path that loads a card and by the sweeper.
bool applyDueLift(store::Tx& tx, CardRow& card, std::int64_t now);
// The state as of `now` without writing (read-only paths): a due temporary loss shows ACTIVE.
CardRow effective(const CardRow& card, std::int64_t now);

bool isExpired(const CardRow& card, std::int64_t now);
renshe::v1::CardInfo toCardInfo(const CardRow& card, const PersonRow& person, std::int64_t now);
std::vector<renshe::v1::CardStatusChange> historyOf(store::Tx& tx, const std::string& cardNumber);

// Lifts every due temporary loss; returns how many (the sweeper's work, audited per card).
int liftDueLosses(store::Tx& tx, MutationRunner& runner, std::int64_t now);

// A fresh 挂失受理号: "GS" + date + 8 random hex digits.
std::string newLossReportNumber(std::int64_t now);

// A region as one code ("371302101": division + township + village) and back.
std::string regionText(const renshe::v1::Region& r);
renshe::v1::Region regionProto(const std::string& code);

// Proto Date <-> "YYYYMMDD".
std::string dateText(const renshe::v1::Date& d);
renshe::v1::Date dateProto(const std::string& yyyymmdd);
void setTimestamp(google::protobuf::Timestamp* ts, std::int64_t micros);
std::int64_t microsOf(const google::protobuf::Timestamp& ts);

}  // namespace renshe::services::backoffice
