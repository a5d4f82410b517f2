#include "services/backoffice/admin/admin_service.hpp"

#include <map>
#include <set>

#include "drivers/sscard/id_number.hpp"
#include "services/backoffice/admin/checks.hpp"
#include "services/backoffice/admin/registry_import.hpp"
#include "services/backoffice/card/lifecycle.hpp"
#include "services/backoffice/rpc/audit.hpp"

namespace renshe::services::backoffice {

using namespace renshe::v1;

namespace {

// Registers or updates one person. Returns true when created.
bool registerPerson(store::Tx& tx, const Caller& caller, const PersonRecord& p, bool updateExisting,
                    std::int64_t now, Subject& subject) {
    const std::string ssn = checks::normalizeSsn(p.ssn());
    subject.ssn = ssn;
    subject.region = regionText(p.region());
    requireRegion(caller, subject.region);
    const auto existing = loadPerson(tx, ssn, true);
    if (existing) {
        requireRegion(caller, existing->region);
        if (!updateExisting) {
            throw Refused({grpc::StatusCode::ALREADY_EXISTS, REFUSAL_REASON_ALREADY_EXISTS,
                           "the ID number is already registered"});
        }
    }
    const store::Value pension = p.has_pension_first_payment()
                                     ? store::Value(dateText(p.pension_first_payment()))
                                     : store::Value(nullptr);
    if (existing) {
        tx.exec(
            "UPDATE persons SET name = $2, sex = $3, ethnicity = $4, birth_date = $5, birthplace = "
            "$6, "
            "region = $7, pension_first_payment = $8, updated_at = $9 WHERE ssn = $1",
            {ssn, checks::normalizeName(p.name()), static_cast<std::int64_t>(p.sex()),
             static_cast<std::int64_t>(p.ethnicity_code()), dateText(p.birth_date()),
             p.birthplace_code(), subject.region, pension, now});
        return false;
    }
    tx.exec(
        "INSERT INTO persons (ssn, name, sex, ethnicity, birth_date, birthplace, region, "
        "pension_first_payment, "
        "service_password_hash, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
        "NULL, $9, $9)",
        {ssn, checks::normalizeName(p.name()), static_cast<std::int64_t>(p.sex()),
         static_cast<std::int64_t>(p.ethnicity_code()), dateText(p.birth_date()),
         p.birthplace_code(), subject.region, pension, now});
    return true;
}

// Registers a card as ISSUED; a REPLACEMENT_REQUESTED card of the holder becomes REPLACED.
std::optional<CardRow> issueCard(store::Tx& tx, const Caller& caller, const CardRecord& c,
                                 std::int64_t now, Subject& subject, CardRow* issued) {
    const std::string ssn = checks::normalizeSsn(c.ssn());
    subject.ssn = ssn;
    const auto person = loadPerson(tx, ssn, true);
    if (!person) {
        throw Refused(
            Refusal::notFound(REFUSAL_REASON_UNKNOWN_PERSON, "the holder is not registered"));
    }
    subject.region = person->region;
    requireRegion(caller, person->region);
    const std::string idHex = store::toHex(c.card_identifier());
    if (tx.queryOne("SELECT 1 FROM cards WHERE card_number = $1 OR card_identifier = $2",
                    {c.card_number(), idHex})) {
        throw Refused({grpc::StatusCode::ALREADY_EXISTS, REFUSAL_REASON_ALREADY_EXISTS,
                       "the card number or card identifier is already in use"});
    }
    std::optional<CardRow> replaced;
    if (auto current = currentCardOf(tx, ssn, true)) {
        if (current->status != CARD_STATUS_REPLACEMENT_REQUESTED) {
            throw Refused(
                Refusal::precondition(REFUSAL_REASON_WRONG_CARD_STATE,
                                      "the holder has a card in use; request a replacement first"));
        }
        changeStatus(tx, *current, CARD_STATUS_REPLACED, caller.identity.id,
                     "replaced by " + c.card_number(), now);
        replaced = *current;
    }
    tx.exec(
        "INSERT INTO cards (card_number, card_identifier, ssn, issue_date, expiry_date, status, "
        "status_since, "
        "loss_formal, loss_at_terminal, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 0, 0, $7)",
        {c.card_number(), idHex, ssn, dateText(c.issue_date()), dateText(c.expiry_date()),
         static_cast<std::int64_t>(CARD_STATUS_ISSUED), now});
    CardRow card = *loadCard(tx, c.card_number());
    tx.exec(
        "INSERT INTO card_history (card_number, seq, from_status, to_status, at, actor, reason) "
        "VALUES ($1, 1, $2, $3, $4, $5, 'issued')",
        {c.card_number(), static_cast<std::int64_t>(CARD_STATUS_UNSPECIFIED),
         static_cast<std::int64_t>(CARD_STATUS_ISSUED), now, caller.identity.id});
    if (issued)
        *issued = card;
    return replaced;
}

}  // namespace

grpc::Status AdminServiceImpl::RegisterPerson(grpc::ServerContext* ctx,
                                              const RegisterPersonRequest* req,
                                              RegisterPersonResponse* resp) {
    return m_runner.mutate(
        ctx, "admin.register_person", req->request_id(), *req, resp, checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            requireStaff(caller);
            const bool created =
                registerPerson(tx, caller, req->person(), req->update_existing(), now, subject);
            resp->set_created(created);
            resp->mutable_person()->set_masked_ssn(subject.masked());
            resp->mutable_person()->set_masked_name(
                drivers::sscard::maskName(req->person().name()));
        });
}

grpc::Status AdminServiceImpl::IssueCard(grpc::ServerContext* ctx, const IssueCardRequest* req,
                                         IssueCardResponse* resp) {
    return m_runner.mutate(
        ctx, "admin.issue_card", req->request_id(), *req, resp, checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            requireStaff(caller);
            CardRow issued;
            const auto replaced = issueCard(tx, caller, req->card(), now, subject, &issued);
            const auto person = loadPerson(tx, subject.ssn);
            *resp->mutable_card() = toCardInfo(issued, *person, now);
            if (replaced)
                *resp->mutable_replaced_card() = toCardInfo(*replaced, *person, now);
        });
}

grpc::Status AdminServiceImpl::ImportRegistry(grpc::ServerContext* ctx,
                                              const ImportRegistryRequest* req,
                                              ImportRegistryResponse* resp) {
    const auto invalid = checks::check(*req);
    // Read before the transaction: the writer is not held while 32 MiB are parsed, and a
    // retried transaction does not parse again.
    const auto import = invalid ? std::make_shared<RegistryImport>()
                                : std::make_shared<RegistryImport>(readRegistryImport(*req));
    return m_runner.mutate(
        ctx, "admin.import_registry", req->request_id(), *req, resp, invalid,
        [&](store::Tx& tx, const Caller& caller, Subject&, std::int64_t now) {
            requireStaff(caller);
            auto addError = [&](const std::string& file, int line, const std::string& field,
                                const std::string& why) {
                auto* e = resp->add_errors();
                e->set_file(file);
                e->mutable_error()->set_line(line);
                e->mutable_error()->set_field(field);
                e->mutable_error()->set_reason(why);
            };
            if (import->refusal)
                throw Refused(*import->refusal);
            // What needs the database or the caller, line by line in file order.
            std::vector<std::pair<int, PersonRecord>> persons;
            std::vector<std::pair<int, CardRecord>> cards;
            for (const auto& l : import->persons) {
                if (l.error) {
                    addError("persons", l.line, l.error->field, l.error->reason);
                } else if (!inRegion(caller, regionText(l.record->region()))) {
                    addError("persons", l.line, "region", "outside your region");
                } else {
                    persons.emplace_back(l.line, *l.record);
                }
            }
            const std::set<std::string> ssnsInFile(import->ssnsInFile.begin(),
                                                   import->ssnsInFile.end());
            for (const auto& l : import->cards) {
                if (l.error) {
                    addError("cards", l.line, l.error->field, l.error->reason);
                } else if (const auto ssn = checks::normalizeSsn(l.record->ssn());
                           !ssnsInFile.count(ssn) && !loadPerson(tx, ssn)) {
                    addError("cards", l.line, "ssn",
                             "holder is neither in the file nor registered");
                } else {
                    cards.emplace_back(l.line, *l.record);
                }
            }
            if (resp->errors_size() > 0 && !req->skip_bad()) {
                return;  // nothing imported; the errors say why
            }
            int personsImported = 0, cardsImported = 0;
            tx.exec("SAVEPOINT import_all");
            for (const auto& [line, p] : persons) {
                Subject s;
                tx.exec("SAVEPOINT import_line");
                try {
                    registerPerson(tx, caller, p, true, now, s);
                    // Each person the import changes is in the audit like one registered on
                    // their own, with the import's request id: their history shows it.
                    m_runner.auditInTx(tx, &caller, "admin.register_person", s, "OK",
                                       req->request_id(), now);
                    tx.exec("RELEASE SAVEPOINT import_line");
                    ++personsImported;
                } catch (const Refused& r) {
                    tx.exec("ROLLBACK TO SAVEPOINT import_line");
                    tx.exec("RELEASE SAVEPOINT import_line");
                    addError("persons", line, "", r.refusal().message);
                }
            }
            for (const auto& [line, c] : cards) {
                Subject s;
                tx.exec("SAVEPOINT import_line");
                try {
                    const auto existing = loadCard(tx, c.card_number());
                    if (existing && existing->identifierHex == store::toHex(c.card_identifier()) &&
                        existing->ssn == checks::normalizeSsn(c.ssn())) {
                        tx.exec("RELEASE SAVEPOINT import_line");
                        continue;  // imported before: nothing to do
                    }
                    issueCard(tx, caller, c, now, s, nullptr);
                    m_runner.auditInTx(tx, &caller, "admin.issue_card", s, "OK", req->request_id(),
                                       now);
                    tx.exec("RELEASE SAVEPOINT import_line");
                    ++cardsImported;
                } catch (const Refused& r) {
                    tx.exec("ROLLBACK TO SAVEPOINT import_line");
                    tx.exec("RELEASE SAVEPOINT import_line");
                    addError("cards", line, "", r.refusal().message);
                }
            }
            if (resp->errors_size() > 0 && !req->skip_bad()) {
                // A line that validated but failed against the registry: undo everything.
                tx.exec("ROLLBACK TO SAVEPOINT import_all");
                tx.exec("RELEASE SAVEPOINT import_all");
                return;
            }
            tx.exec("RELEASE SAVEPOINT import_all");
            resp->set_persons_imported(personsImported);
            resp->set_cards_imported(cardsImported);
        });
}

grpc::Status AdminServiceImpl::cardOperation(grpc::ServerContext* ctx,
                                             const CardOperationRequest* req,
                                             CardOperationResponse* resp, CardOp op) {
    static const char* kEvents[] = {"admin.formal_loss", "admin.lift_loss",
                                    "admin.request_replacement", "admin.cancel_card"};
    return m_runner.mutate(
        ctx, kEvents[static_cast<int>(op)], req->request_id(), *req, resp, checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            requireStaff(caller);
            auto card = loadCard(tx, req->card_number(), true);
            if (!card)
                throw Refused(Refusal::notFound(REFUSAL_REASON_UNKNOWN_CARD, "no such card"));
            subject.ssn = card->ssn;
            const auto person = loadPerson(tx, card->ssn);
            subject.region = person->region;
            requireRegion(caller, person->region);
            applyDueLift(tx, *card, now);
            const std::string reason = req->reason().empty() ? "at the counter" : req->reason();
            auto refuse = [&](const std::string& what) {
                throw Refused(Refusal::precondition(
                    REFUSAL_REASON_WRONG_CARD_STATE,
                    what + " is not allowed for a card in state " + CardStatus_Name(card->status)));
            };
            switch (op) {
                case CardOp::FormalLoss:
                    if (card->status == CARD_STATUS_LOST)
                        break;
                    if (card->status != CARD_STATUS_ACTIVE &&
                        card->status != CARD_STATUS_TEMP_LOST) {
                        refuse("a formal loss");
                    }
                    if (card->status == CARD_STATUS_ACTIVE) {
                        card->lossReportNumber = newLossReportNumber(now);
                        card->lossReportedAt = now;
                        card->lossAtTerminal = false;
                    }
                    card->lossFormal = true;
                    card->lossAutoLiftAt = 0;
                    changeStatus(tx, *card, CARD_STATUS_LOST, caller.identity.id,
                                 "formal loss: " + reason, now);
                    break;
                case CardOp::Lift:
                    if (card->status == CARD_STATUS_REPLACEMENT_REQUESTED) {
                        throw Refused(
                            Refusal::precondition(REFUSAL_REASON_REPLACEMENT_REQUESTED,
                                                  "a replacement card has been requested"));
                    }
                    if (card->status == CARD_STATUS_ACTIVE)
                        break;
                    if (card->status != CARD_STATUS_TEMP_LOST && card->status != CARD_STATUS_LOST) {
                        refuse("lifting a loss");
                    }
                    changeStatus(tx, *card, CARD_STATUS_ACTIVE, caller.identity.id,
                                 "loss lifted: " + reason, now);
                    break;
                case CardOp::Replacement:
                    if (card->status == CARD_STATUS_REPLACEMENT_REQUESTED)
                        break;
                    if (card->status != CARD_STATUS_ACTIVE &&
                        card->status != CARD_STATUS_TEMP_LOST && card->status != CARD_STATUS_LOST) {
                        refuse("a replacement request");
                    }
                    changeStatus(tx, *card, CARD_STATUS_REPLACEMENT_REQUESTED, caller.identity.id,
                                 "replacement requested: " + reason, now);
                    break;
                case CardOp::Cancel:
                    if (card->status == CARD_STATUS_CANCELLED)
                        break;
                    if (card->status == CARD_STATUS_REPLACED)
                        refuse("cancellation");
                    changeStatus(tx, *card, CARD_STATUS_CANCELLED, caller.identity.id,
                                 "cancelled: " + reason, now);
                    break;
            }
            *resp->mutable_card() = toCardInfo(*card, *person, now);
        });
}

grpc::Status AdminServiceImpl::RecordFormalLoss(grpc::ServerContext* c,
                                                const CardOperationRequest* r,
                                                CardOperationResponse* o) {
    return cardOperation(c, r, o, CardOp::FormalLoss);
}
grpc::Status AdminServiceImpl::LiftLoss(grpc::ServerContext* c, const CardOperationRequest* r,
                                        CardOperationResponse* o) {
    return cardOperation(c, r, o, CardOp::Lift);
}
grpc::Status AdminServiceImpl::RequestReplacement(grpc::ServerContext* c,
                                                  const CardOperationRequest* r,
                                                  CardOperationResponse* o) {
    return cardOperation(c, r, o, CardOp::Replacement);
}
grpc::Status AdminServiceImpl::CancelCard(grpc::ServerContext* c, const CardOperationRequest* r,
                                          CardOperationResponse* o) {
    return cardOperation(c, r, o, CardOp::Cancel);
}

grpc::Status AdminServiceImpl::QueryAudit(grpc::ServerContext* ctx, const QueryAuditRequest* req,
                                          QueryAuditResponse* resp) {
    return m_runner.auditQuery(
        ctx, "admin.query_audit", checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject&, std::int64_t now) {
            resp->Clear();
            requireStaff(caller);
            std::int64_t after = 0;
            if (!req->page().page_token().empty()) {
                try {
                    after = std::stoll(req->page().page_token());
                } catch (const std::exception&) {
                    throw Refused(Refusal::malformed("bad page token"));
                }
            }
            const int pageSize = req->page().page_size() == 0 ? 20 : req->page().page_size();
            std::vector<store::Value> params{
                after, req->has_from_time() ? microsOf(req->from_time()) : std::int64_t{0},
                req->has_to_time() ? microsOf(req->to_time()) : now + 1};
            std::string sql =
                "SELECT seq, at, actor, terminal_id, event_type, masked_subject, outcome, "
                "request_id, previous_hash, hash, region, repeats FROM ";
            if (!req->subject_ssn().empty()) {
                params.push_back(
                    m_runner.keys().subjectDigest(checks::normalizeSsn(req->subject_ssn())));
                // SQLite indexes the hours a subject has events in, not the events
                // (migration 0031): the subject's hours first, then each hour's events.
                if (tx.backend() == store::Backend::Sqlite)
                    sql +=
                        "(SELECT hour FROM audit_subject_hours WHERE subject_digest = $4 AND "
                        "hour >= $2 / 3600000000 AND hour <= ($3 - 1) / 3600000000) AS h "
                        "CROSS JOIN audit_events WHERE at >= h.hour * 3600000000 AND "
                        "at < (h.hour + 1) * 3600000000 AND ";
                else
                    sql += "audit_events WHERE ";
                sql += "subject_digest = $4 AND ";
            } else {
                sql += "audit_events WHERE ";
            }
            sql += "seq > $1 AND at >= $2 AND at < $3";
            // A clerk reads their region's events; province staff (no region) read all.
            if (const std::string& mine = caller.identity.region; !mine.empty()) {
                params.push_back(mine);
                sql += " AND substr(region, 1, " + std::to_string(mine.size()) + ") = $" +
                       std::to_string(params.size());
            }
            if (!req->actor().empty()) {
                params.push_back(req->actor());
                sql += " AND actor = $" + std::to_string(params.size());
            }
            if (!req->event_type().empty()) {
                if (req->event_type().back() == '.') {
                    params.push_back(req->event_type());
                    sql += " AND substr(event_type, 1, " +
                           std::to_string(req->event_type().size()) + ") = $" +
                           std::to_string(params.size());
                } else {
                    params.push_back(req->event_type());
                    sql += " AND event_type = $" + std::to_string(params.size());
                }
            }
            params.push_back(static_cast<std::int64_t>(pageSize + 1));
            sql += " ORDER BY seq LIMIT $" + std::to_string(params.size());
            const auto rows = tx.query(sql, params);
            for (std::size_t i = 0; i < rows.size() && static_cast<int>(i) < pageSize; ++i) {
                const auto& r = rows[i];
                auto* e = resp->add_events();
                e->set_sequence(r.integer(0));
                setTimestamp(e->mutable_at(), r.integer(1));
                e->set_actor(r.text(2));
                e->set_terminal_id(r.text(3));
                e->set_event_type(r.text(4));
                e->set_masked_subject(r.text(5));
                e->set_outcome(r.text(6));
                e->set_request_id(r.text(7));
                e->set_previous_hash(store::fromHex(r.text(8)));
                e->set_hash(store::fromHex(r.text(9)));
                e->set_region(r.text(10));
                e->set_repeats(r.integer(11));
            }
            if (static_cast<int>(rows.size()) > pageSize) {
                resp->mutable_page()->set_next_page_token(
                    std::to_string(rows[pageSize - 1].integer(0)));
            }
        });
}

grpc::Status AdminServiceImpl::VerifyAuditChain(grpc::ServerContext* ctx,
                                                const VerifyAuditChainRequest* req,
                                                VerifyAuditChainResponse* resp) {
    return m_runner.auditQuery(
        ctx, "admin.verify_audit", checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject&, std::int64_t) {
            requireStaff(caller);
            std::optional<AuditCheckpoint> checkpoint;
            if (req->has_checkpoint()) {
                const auto& c = req->checkpoint();
                checkpoint =
                    AuditCheckpoint{c.sequence(), c.hash_hex(), c.at_micros(), c.mac_hex()};
                if (!checkpointSigned(*checkpoint, m_runner.keys())) {
                    throw Refused(
                        Refusal::malformed("checkpoint is not signed by this back office's "
                                           "audit key"));
                }
            }
            const auto v = verifyAudit(tx, m_runner.keys(), req->from_sequence(),
                                       checkpoint ? &*checkpoint : nullptr);
            resp->set_intact(v.intact);
            resp->set_events_checked(v.eventsChecked);
            resp->set_first_broken_sequence(v.firstBrokenSequence);
            resp->set_reason(v.reason);
        });
}

void describePerson(store::Tx& tx, const PersonRow& person, std::int64_t now,
                    GetPersonResponse* resp) {
    resp->mutable_person()->set_masked_ssn(drivers::sscard::maskIdNumber(person.ssn));
    resp->mutable_person()->set_masked_name(drivers::sscard::maskName(person.name));
    *resp->mutable_region() = regionProto(person.region);
    if (!person.pensionFirstPayment.empty()) {
        *resp->mutable_pension_first_payment() = dateProto(person.pensionFirstPayment);
    }
    resp->set_service_password_set(!person.servicePasswordHash.empty());
    std::vector<CardStatusChange> all;
    for (const auto& c : cardsOf(tx, person.ssn)) {
        *resp->add_cards() = toCardInfo(c, person, now);
        for (auto& h : historyOf(tx, c.cardNumber))
            all.push_back(std::move(h));
    }
    std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
        return microsOf(a.at()) > microsOf(b.at());
    });
    for (auto& h : all)
        *resp->add_history() = std::move(h);
}

grpc::Status AdminServiceImpl::GetPerson(grpc::ServerContext* ctx, const GetPersonRequest* req,
                                         GetPersonResponse* resp) {
    return m_runner.query(
        ctx, "admin.get_person", checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            resp->Clear();
            requireStaff(caller);
            const PersonRow person = resolvePerson(tx, req->person(), subject);
            requireRegion(caller, person.region);
            describePerson(tx, person, now, resp);
        });
}

}  // namespace renshe::services::backoffice
