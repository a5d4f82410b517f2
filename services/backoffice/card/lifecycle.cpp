#include "services/backoffice/card/lifecycle.hpp"

#include <string_view>

#include "drivers/sscard/id_number.hpp"
#include "services/backoffice/checks/checks.hpp"
#include "services/backoffice/rpc/keystore.hpp"

namespace renshe::services::backoffice {

using namespace renshe::v1;

namespace {

constexpr const char* kCardColumns =
    "card_number, card_identifier, ssn, issue_date, expiry_date, status, status_since, "
    "loss_report_number, "
    "loss_reported_at, loss_auto_lift_at, loss_formal, loss_at_terminal";

constexpr const char* kPersonColumns =
    "ssn, name, sex, ethnicity, birth_date, birthplace, region, pension_first_payment, "
    "service_password_hash";

// The person's columns (kPersonColumns) from column `at` on.
PersonRow personFromRow(const store::Row& r, std::size_t at) {
    PersonRow p;
    p.ssn = r.text(at);
    p.name = r.text(at + 1);
    p.sex = static_cast<int>(r.integer(at + 2));
    p.ethnicity = static_cast<int>(r.integer(at + 3));
    p.birthDate = r.text(at + 4);
    p.birthplace = r.text(at + 5);
    p.region = r.text(at + 6);
    p.pensionFirstPayment = r.text(at + 7);
    p.servicePasswordHash = r.text(at + 8);
    return p;
}

CardRow cardFromRow(const store::Row& r) {
    CardRow c;
    c.cardNumber = r.text(0);
    c.identifierHex = r.text(1);
    c.ssn = r.text(2);
    c.issueDate = r.text(3);
    c.expiryDate = r.text(4);
    c.status = static_cast<CardStatus>(r.integer(5));
    c.statusSince = r.integer(6);
    c.lossReportNumber = r.text(7);
    c.lossReportedAt = r.optionalInteger(8).value_or(0);
    c.lossAutoLiftAt = r.optionalInteger(9).value_or(0);
    c.lossFormal = r.integer(10) != 0;
    c.lossAtTerminal = r.integer(11) != 0;
    return c;
}

std::string lockSuffix(store::Tx& tx, bool forUpdate) {
    return forUpdate ? std::string(tx.forUpdate()) : std::string();
}

// How many columns "a, b, …" names.
constexpr std::size_t columnCount(std::string_view columns) {
    std::size_t n = 1;
    for (std::size_t at = 0; (at = columns.find(", ", at)) != std::string_view::npos; at += 2)
        ++n;
    return n;
}

static_assert(columnCount(kCardColumns) == 12, "cardFromRow reads twelve columns");
static_assert(columnCount(kPersonColumns) == 9, "personFromRow reads nine columns");

// "a, b" as "t.a, t.b".
std::string qualified(std::string_view table, std::string_view columns) {
    std::string out;
    while (!columns.empty()) {
        const auto comma = columns.find(", ");
        out += out.empty() ? "" : ", ";
        out += table;
        out += columns.substr(0, comma);
        columns = comma == std::string_view::npos ? std::string_view() : columns.substr(comma + 2);
    }
    return out;
}

// The inserted card and its holder in one statement (one round trip on PostgreSQL, where each
// row is locked as asked; SQLite's writer holds the whole database). Nullopt when the card is
// unknown or (a registry fault: the foreign key forbids it) its holder is missing.
std::optional<CardAtTerminal> loadCardWithHolder(store::Tx& tx, const std::string& cardNumber,
                                                 bool lockCard, bool lockPerson) {
    static const std::string select =
        "SELECT " + qualified("c.", kCardColumns) + ", " + qualified("p.", kPersonColumns) +
        " FROM cards c JOIN persons p ON p.ssn = c.ssn WHERE c.card_number = $1";
    const char* lock = "";
    if (tx.backend() == store::Backend::Postgres && (lockCard || lockPerson))
        lock = lockCard && lockPerson ? " FOR UPDATE"
               : lockCard             ? " FOR UPDATE OF c"
                                      : " FOR UPDATE OF p";
    const auto r = tx.queryOne(select + lock, {cardNumber});
    if (!r)
        return std::nullopt;
    return CardAtTerminal{cardFromRow(*r), personFromRow(*r, columnCount(kCardColumns))};
}

}  // namespace

std::optional<PersonRow> loadPerson(store::Tx& tx, const std::string& ssn, bool forUpdate) {
    const auto r = tx.queryOne(std::string("SELECT ") + kPersonColumns +
                                   " FROM persons WHERE ssn = $1" + lockSuffix(tx, forUpdate),
                               {ssn});
    if (!r)
        return std::nullopt;
    return personFromRow(*r, 0);
}

std::optional<CardRow> loadCard(store::Tx& tx, const std::string& cardNumber, bool forUpdate) {
    const auto r = tx.queryOne(std::string("SELECT ") + kCardColumns +
                                   " FROM cards WHERE card_number = $1" + lockSuffix(tx, forUpdate),
                               {cardNumber});
    if (!r)
        return std::nullopt;
    return cardFromRow(*r);
}

std::vector<CardRow> cardsOf(store::Tx& tx, const std::string& ssn) {
    std::vector<CardRow> out;
    for (const auto& r :
         tx.query(std::string("SELECT ") + kCardColumns +
                      " FROM cards WHERE ssn = $1 ORDER BY created_at DESC, card_number DESC",
                  {ssn})) {
        out.push_back(cardFromRow(r));
    }
    return out;
}

std::optional<CardRow> currentCardOf(store::Tx& tx, const std::string& ssn, bool forUpdate) {
    const auto r = tx.queryOne(std::string("SELECT ") + kCardColumns +
                                   " FROM cards WHERE ssn = $1 AND status NOT IN ($2, $3) "
                                   "ORDER BY created_at DESC, card_number DESC LIMIT 1" +
                                   lockSuffix(tx, forUpdate),
                               {ssn, static_cast<std::int64_t>(CARD_STATUS_REPLACED),
                                static_cast<std::int64_t>(CARD_STATUS_CANCELLED)});
    if (!r)
        return std::nullopt;
    return cardFromRow(*r);
}

namespace {

// The card the registry found must be the one in the reader: its ID number (sent with a
// lower-case x or not) and its identifier agree. Sets subject.ssn to the sent ID number.
void requireSameCard(const CardRow* card, const InsertedCard& inserted, Subject& subject) {
    std::string ssn = inserted.ssn();
    if (!ssn.empty() && ssn.back() == 'x')
        ssn.back() = 'X';
    subject.ssn = ssn;
    if (card == nullptr || card->ssn != ssn ||
        card->identifierHex != store::toHex(inserted.card_identifier())) {
        throw Refused(
            Refusal::notFound(REFUSAL_REASON_UNKNOWN_CARD, "no such card in the registry"));
    }
}

}  // namespace

CardRow requireInsertedCard(store::Tx& tx, const InsertedCard& inserted, Subject& subject,
                            bool forUpdate) {
    auto card = loadCard(tx, inserted.card_number(), forUpdate);
    requireSameCard(card ? &*card : nullptr, inserted, subject);
    return *card;
}

void changeStatus(store::Tx& tx, CardRow& card, CardStatus to, const std::string& actor,
                  const std::string& reason, std::int64_t now) {
    tx.exec(
        "INSERT INTO card_history (card_number, seq, from_status, to_status, at, actor, reason) "
        "SELECT CAST($1 AS TEXT), COALESCE(MAX(seq), 0) + 1, CAST($2 AS BIGINT), CAST($3 AS "
        "BIGINT), "
        "CAST($4 AS BIGINT), CAST($5 AS TEXT), CAST($6 AS TEXT) FROM card_history WHERE "
        "card_number = $1",
        {card.cardNumber, static_cast<std::int64_t>(card.status), static_cast<std::int64_t>(to),
         now, actor, reason});
    if (to == CARD_STATUS_ACTIVE || to == CARD_STATUS_ISSUED) {
        card.lossReportNumber.clear();
        card.lossReportedAt = card.lossAutoLiftAt = 0;
        card.lossFormal = card.lossAtTerminal = false;
    }
    card.status = to;
    card.statusSince = now;
    std::vector<store::Value> params{static_cast<std::int64_t>(to), now, card.cardNumber};
    params.push_back(card.lossReportNumber.empty() ? store::Value(nullptr)
                                                   : store::Value(card.lossReportNumber));
    params.push_back(card.lossReportedAt ? store::Value(card.lossReportedAt)
                                         : store::Value(nullptr));
    params.push_back(card.lossAutoLiftAt ? store::Value(card.lossAutoLiftAt)
                                         : store::Value(nullptr));
    params.push_back(static_cast<std::int64_t>(card.lossFormal));
    params.push_back(static_cast<std::int64_t>(card.lossAtTerminal));
    tx.exec(
        "UPDATE cards SET status = $1, status_since = $2, loss_report_number = $4, "
        "loss_reported_at = $5, "
        "loss_auto_lift_at = $6, loss_formal = $7, loss_at_terminal = $8 WHERE card_number = $3",
        params);
}

bool applyDueLift(store::Tx& tx, CardRow& card, std::int64_t now) {
    if (card.status != CARD_STATUS_TEMP_LOST || card.lossFormal || card.lossAutoLiftAt == 0 ||
        card.lossAutoLiftAt > now) {
        return false;
    }
    changeStatus(tx, card, CARD_STATUS_ACTIVE, "system", "auto lift", card.lossAutoLiftAt);
    return true;
}

CardRow effective(const CardRow& card, std::int64_t now) {
    if (card.status == CARD_STATUS_TEMP_LOST && !card.lossFormal && card.lossAutoLiftAt != 0 &&
        card.lossAutoLiftAt <= now) {
        CardRow c = card;
        c.status = CARD_STATUS_ACTIVE;
        c.statusSince = card.lossAutoLiftAt;
        c.lossReportNumber.clear();
        c.lossReportedAt = c.lossAutoLiftAt = 0;
        c.lossAtTerminal = false;
        return c;
    }
    return card;
}

bool isExpired(const CardRow& card, std::int64_t now) {
    return !card.expiryDate.empty() && util::chinaDate(now) > card.expiryDate;
}

CardInfo toCardInfo(const CardRow& stored, const PersonRow& person, std::int64_t now) {
    const CardRow card = effective(stored, now);
    CardInfo info;
    info.set_card_number(card.cardNumber);
    info.set_card_identifier(store::fromHex(card.identifierHex));
    info.set_status(card.status);
    *info.mutable_issue_date() = dateProto(card.issueDate);
    *info.mutable_expiry_date() = dateProto(card.expiryDate);
    info.mutable_holder()->set_masked_ssn(drivers::sscard::maskIdNumber(person.ssn));
    info.mutable_holder()->set_masked_name(drivers::sscard::maskName(person.name));
    setTimestamp(info.mutable_status_since(), card.statusSince);
    info.set_service_password_set(!person.servicePasswordHash.empty());
    const bool expired = isExpired(card, now);
    info.set_expired(expired);
    if (card.status == CARD_STATUS_TEMP_LOST || card.status == CARD_STATUS_LOST) {
        auto* loss = info.mutable_loss_report();
        loss->set_report_number(card.lossReportNumber);
        if (card.lossReportedAt)
            setTimestamp(loss->mutable_reported_at(), card.lossReportedAt);
        if (!card.lossFormal && card.lossAutoLiftAt)
            setTimestamp(loss->mutable_auto_lift_at(), card.lossAutoLiftAt);
        loss->set_formal(card.lossFormal);
        loss->set_reported_at_terminal(card.lossAtTerminal);
    }
    std::vector<CardAction> actions;
    if (expired) {
        actions = {CARD_ACTION_QUERY};
    } else {
        switch (card.status) {
            case CARD_STATUS_ISSUED:
                actions = {CARD_ACTION_ACTIVATE, CARD_ACTION_UNBLOCK_PIN, CARD_ACTION_QUERY};
                break;
            case CARD_STATUS_ACTIVE:
                actions = {CARD_ACTION_RECORDS,     CARD_ACTION_CHANGE_PIN,
                           CARD_ACTION_RESET_PIN,   CARD_ACTION_UNBLOCK_PIN,
                           CARD_ACTION_REPORT_LOSS, CARD_ACTION_SET_SERVICE_PASSWORD,
                           CARD_ACTION_QUERY,       CARD_ACTION_CERTIFY};
                break;
            case CARD_STATUS_TEMP_LOST:
                actions = {CARD_ACTION_UNREPORT_LOSS, CARD_ACTION_QUERY};
                break;
            default:
                actions = {CARD_ACTION_QUERY};
        }
    }
    for (auto a : actions)
        info.add_allowed_actions(a);
    return info;
}

std::vector<CardStatusChange> historyOf(store::Tx& tx, const std::string& cardNumber) {
    std::vector<CardStatusChange> out;
    for (const auto& r :
         tx.query("SELECT from_status, to_status, at, actor, reason FROM card_history "
                  "WHERE card_number = $1 ORDER BY seq DESC",
                  {cardNumber})) {
        CardStatusChange c;
        c.set_from_status(static_cast<CardStatus>(r.integer(0)));
        c.set_to_status(static_cast<CardStatus>(r.integer(1)));
        setTimestamp(c.mutable_at(), r.integer(2));
        c.set_actor(r.text(3));
        c.set_reason(r.text(4));
        c.set_card_number(cardNumber);
        out.push_back(std::move(c));
    }
    return out;
}

int liftDueLosses(store::Tx& tx, MutationRunner& runner, std::int64_t now) {
    int lifted = 0;
    const auto rows = tx.query(
        std::string("SELECT ") + kCardColumns +
            " FROM cards WHERE status = $1 AND loss_formal = 0 AND loss_auto_lift_at <= $2 "
            "ORDER BY loss_auto_lift_at LIMIT 500",
        {static_cast<std::int64_t>(CARD_STATUS_TEMP_LOST), now});
    for (const auto& r : rows) {
        CardRow card = cardFromRow(r);
        auto locked = loadCard(tx, card.cardNumber, true);
        if (!locked || !applyDueLift(tx, *locked, now))
            continue;
        Subject subject;
        subject.ssn = locked->ssn;
        runner.auditInTx(tx, nullptr, "card.auto_lift", subject, "OK", "", now);
        ++lifted;
    }
    return lifted;
}

std::string newLossReportNumber(std::int64_t now) {
    std::string hex = store::toHex(randomBytes(4));
    for (auto& c : hex)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return "GS" + util::chinaDate(now) + hex;
}

void requireFreshVerification(const google::protobuf::Timestamp& at, bool present, std::int64_t now,
                              std::int64_t maxAgeSeconds) {
    const std::int64_t t = microsOf(at);
    if (!present || t < now - maxAgeSeconds * util::kMicrosPerSecond ||
        t > now + 60 * util::kMicrosPerSecond) {
        throw Refused(Refusal::precondition(REFUSAL_REASON_VERIFICATION_STALE,
                                            "the PIN verification is missing or too old"));
    }
}

PersonRow requirePerson(store::Tx& tx, const std::string& ssn, bool forUpdate) {
    auto p = loadPerson(tx, ssn, forUpdate);
    if (!p) {
        // A card refers to its holder by foreign key, so this is a registry fault.
        throw Refused(Refusal::notFound(REFUSAL_REASON_UNKNOWN_CARD,
                                        "the card's holder is not in the registry"));
    }
    return *p;
}

CardAtTerminal requireCardAtTerminal(store::Tx& tx, const Caller& caller,
                                     const InsertedCard& inserted, Subject& subject,
                                     CardAtTerminalRules rules) {
    if (!(rules.staffAtCounter && caller.isStaff()))
        requireTouchTerminal(caller);
    auto found = loadCardWithHolder(tx, inserted.card_number(), rules.lockCard, rules.lockPerson);
    requireSameCard(found ? &found->card : nullptr, inserted, subject);
    auto& [card, person] = *found;
    subject.region = person.region;
    if (rules.sameRegion || caller.isStaff())
        requireRegion(caller, person.region);
    return {std::move(card), std::move(person)};
}

PersonRow resolvePerson(store::Tx& tx, const renshe::v1::PersonRef& ref, Subject& subject,
                        bool forUpdate) {
    std::string ssn;
    if (ref.has_card_number()) {
        const auto card = loadCard(tx, ref.card_number());
        if (!card)
            throw Refused(
                Refusal::notFound(REFUSAL_REASON_UNKNOWN_CARD, "no such card in the registry"));
        ssn = card->ssn;
    } else {
        ssn = checks::normalizeSsn(ref.ssn());
    }
    subject.ssn = ssn;
    auto person = loadPerson(tx, ssn, forUpdate);
    if (!person)
        throw Refused(
            Refusal::notFound(REFUSAL_REASON_UNKNOWN_PERSON, "no such person in the registry"));
    subject.region = person->region;
    return *person;
}

}  // namespace renshe::services::backoffice
