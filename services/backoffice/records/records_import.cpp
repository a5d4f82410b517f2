// RecordsService's imports: a file's rows are checked before each transaction, wait in
// record_import_rows, and are applied all at once by the commit (migration 0020).
#include <algorithm>

#include "services/backoffice/records/checks.hpp"
#include "services/backoffice/records/record_rows.hpp"
#include "services/backoffice/records/records_service.hpp"
#include "services/backoffice/rpc/keystore.hpp"

namespace renshe::services::backoffice {

using namespace renshe::v1;

namespace {

constexpr int kErrorsPerChunk = 1000;
constexpr int kErrorsAtCommit = 100;

// A lower-case UUID-shaped id from the first 16 bytes of SHA-256(`seed`).
std::string uuidOf(const std::string& seed) {
    const std::string hex = store::toHex(sha256(seed)).substr(0, 32);
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
           hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

// Physical lines in a chunk of whole lines (the last may lack its newline).
int lineCount(std::string_view csv) {
    if (csv.empty())
        return 0;
    const auto n = std::count(csv.begin(), csv.end(), '\n');
    return static_cast<int>(n) + (csv.back() == '\n' ? 0 : 1);
}

struct OpenImport {
    RecordsFileKind kind = RECORDS_FILE_KIND_UNSPECIFIED;
    int nextLine = 0;
    std::int64_t rejected = 0;
};

// The caller's unfinished import `id` (NOT_FOUND otherwise: unknown, another's, committed).
OpenImport requireOpenImport(store::Tx& tx, const Caller& caller, const std::string& id,
                             Subject& subject) {
    requireProvinceStaff(caller);
    subject.label = "records import " + id;
    const auto row = tx.queryOne(
        "SELECT kind, next_line, rejected FROM record_imports WHERE id = $1 AND caller = $2 "
        "AND committed_at IS NULL" +
            std::string(tx.forUpdate()),
        {id, caller.key()});
    if (!row)
        throw Refused(Refusal::notFound(REFUSAL_REASON_NOT_FOUND,
                                        "no unfinished import of yours has this id"));
    return {static_cast<RecordsFileKind>(row->integer(0)), static_cast<int>(row->integer(1)),
            row->integer(2)};
}

void addError(store::Tx& tx, const std::string& importId, const ImportError& e,
              AppendRecordsImportResponse* resp) {
    tx.exec(
        "INSERT INTO record_import_errors (import_id, line, field, reason) "
        "VALUES ($1, $2, $3, $4) ON CONFLICT (import_id, line) DO NOTHING",
        {importId, std::int64_t{e.line()}, e.field(), e.reason()});
    resp->set_rejected(resp->rejected() + 1);
    if (resp->errors_size() < kErrorsPerChunk)
        *resp->add_errors() = e;
}

// One accepted row into the import; a second line for the same person, month and type (or
// kind) is refused naming the first.
void stage(store::Tx& tx, const std::string& importId, RecordsFileKind kind,
           const records::RecordRow& r, AppendRecordsImportResponse* resp) {
    const std::int64_t added = tx.exec(
        "INSERT INTO record_import_rows (import_id, line, ssn, month, key, a, b, c, paid, "
        "text_value) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
        "ON CONFLICT (import_id, ssn, month, key) DO NOTHING",
        {importId, std::int64_t{r.line}, r.ssn, std::int64_t{r.month}, std::int64_t{r.key}, r.a,
         r.b, r.c, std::int64_t{r.paid ? 1 : 0}, r.text});
    if (added == 1) {
        resp->set_accepted(resp->accepted() + 1);
        return;
    }
    const auto first = tx.queryOne(
        "SELECT line FROM record_import_rows WHERE import_id = $1 AND ssn = $2 AND month = $3 "
        "AND key = $4",
        {importId, r.ssn, std::int64_t{r.month}, std::int64_t{r.key}});
    ImportError e;
    e.set_line(r.line);
    e.set_field("month");
    e.set_reason("the same person, month and " +
                 std::string(kind == RECORDS_FILE_KIND_PAYMENTS ? "kind" : "type") + " as line " +
                 std::to_string(first ? first->integer(0) : 0));
    addError(tx, importId, e, resp);
}

// The staged rows of an import into the provider's tables (a row for the same person, month
// and type or kind replaces the one there).
std::int64_t apply(store::Tx& tx, const std::string& importId, RecordsFileKind kind) {
    if (kind == RECORDS_FILE_KIND_PAYMENTS)
        return tx.exec(
            "INSERT INTO record_payments (ssn, month, kind, amount_fen, account_last4, paid_on) "
            "SELECT ssn, month, key, a, text_value, b FROM record_import_rows "
            "WHERE import_id = $1 ON CONFLICT (ssn, month, kind) DO UPDATE SET "
            "amount_fen = excluded.amount_fen, account_last4 = excluded.account_last4, "
            "paid_on = excluded.paid_on",
            {importId});
    return tx.exec(
        "INSERT INTO record_contributions (ssn, month, insurance_type, base_fen, personal_fen, "
        "employer_fen, paid, payer) SELECT ssn, month, key, a, b, c, paid, text_value "
        "FROM record_import_rows WHERE import_id = $1 "
        "ON CONFLICT (ssn, month, insurance_type) DO UPDATE SET base_fen = excluded.base_fen, "
        "personal_fen = excluded.personal_fen, employer_fen = excluded.employer_fen, "
        "paid = excluded.paid, payer = excluded.payer",
        {importId});
}

}  // namespace

grpc::Status RecordsServiceImpl::BeginRecordsImport(grpc::ServerContext* ctx,
                                                    const BeginRecordsImportRequest* req,
                                                    BeginRecordsImportResponse* resp) {
    return m_runner.mutate(
        ctx, "records.import_begin", req->request_id(), *req, resp, checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            // Insurance records are the province's (its core system's) to load: a county clerk
            // may read those of their region but never write anyone's.
            requireProvinceStaff(caller);
            const std::string sha = store::toHex(req->file_sha256());
            const auto open = tx.queryOne(
                "SELECT id, next_line FROM record_imports WHERE caller = $1 AND kind = $2 "
                "AND file_sha256 = $3 AND committed_at IS NULL ORDER BY created_at DESC",
                {caller.key(), std::int64_t{req->kind()}, sha});
            if (open) {  // the same file again: go on where it stopped
                resp->set_import_id(open->text(0));
                resp->set_next_line(static_cast<int>(open->integer(1)));
            } else {
                resp->set_import_id(uuidOf(caller.key() + '\0' + req->request_id()));
                resp->set_next_line(2);
                tx.exec(
                    "INSERT INTO record_imports (id, kind, file_sha256, caller, next_line, "
                    "rejected, created_at) VALUES ($1, $2, $3, $4, 2, 0, $5)",
                    {resp->import_id(), std::int64_t{req->kind()}, sha, caller.key(), now});
            }
            subject.label = "records import " + resp->import_id();
        });
}

grpc::Status RecordsServiceImpl::AppendRecordsImport(grpc::ServerContext* ctx,
                                                     const AppendRecordsImportRequest* req,
                                                     AppendRecordsImportResponse* resp) {
    // Read before the transaction (the writer is not held while 20000 lines are parsed), as the
    // kind of file the import was begun with (an import's kind never changes; who may append
    // to it is decided in the transaction, and an unknown import is refused there).
    RecordsFileKind kind = RECORDS_FILE_KIND_CONTRIBUTIONS;
    if (!checks::check(*req)) {
        m_runner.store().read([&](store::Tx& tx) {
            if (const auto row = tx.queryOne("SELECT kind FROM record_imports WHERE id = $1",
                                             {req->import_id()}))
                kind = static_cast<RecordsFileKind>(row->integer(0));
        });
    }
    const auto rows = records::readRecordRows(kind, req->csv_rows(), req->first_line(),
                                              records::chinaMonth(m_runner.clock().nowMicros()));
    // A chunk sent again is the same request: the stored answer comes back.
    const std::string requestId =
        uuidOf("append:" + req->import_id() + ':' + std::to_string(req->first_line()));
    return m_runner.mutate(
        ctx, "records.import_append", requestId, *req, resp, checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t) {
            const OpenImport open = requireOpenImport(tx, caller, req->import_id(), subject);
            if (req->first_line() != open.nextLine)
                throw Refused(Refusal::malformed("the chunk does not start at line " +
                                                 std::to_string(open.nextLine)));
            if (open.kind != kind)  // begun only after the chunk was read: read it again
                throw Refused(Refusal::malformed(
                    "the import was not there when the chunk was read; send the chunk again"));
            if (rows.unreadable)
                throw Refused(Refusal::malformed("csv_rows: " + *rows.unreadable));
            for (const auto& e : rows.errors)
                addError(tx, req->import_id(), e, resp);
            for (const auto& r : rows.rows)
                stage(tx, req->import_id(), open.kind, r, resp);
            std::sort(resp->mutable_errors()->begin(), resp->mutable_errors()->end(),
                      [](const auto& a, const auto& b) { return a.line() < b.line(); });
            resp->set_next_line(req->first_line() + lineCount(req->csv_rows()));
            tx.exec(
                "UPDATE record_imports SET next_line = $1, rejected = rejected + $2 "
                "WHERE id = $3",
                {std::int64_t{resp->next_line()}, std::int64_t{resp->rejected()},
                 req->import_id()});
        });
}

grpc::Status RecordsServiceImpl::CommitRecordsImport(grpc::ServerContext* ctx,
                                                     const CommitRecordsImportRequest* req,
                                                     CommitRecordsImportResponse* resp) {
    return m_runner.mutate(
        ctx, "records.import_commit", req->request_id(), *req, resp, checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            const OpenImport open = requireOpenImport(tx, caller, req->import_id(), subject);
            if (open.rejected > 0 && !req->skip_bad()) {
                const auto first =
                    tx.queryOne("SELECT MIN(line) FROM record_import_errors WHERE import_id = $1",
                                {req->import_id()});
                throw Refused(Refusal::precondition(
                    REFUSAL_REASON_IMPORT_HAS_ERRORS,
                    std::to_string(open.rejected) + " rows were refused (the first at line " +
                        std::to_string(first ? first->integer(0) : 0) +
                        "); nothing was applied. Correct the file, or commit with skip_bad"));
            }
            for (const auto& r : tx.query(
                     "SELECT line, field, reason FROM record_import_errors WHERE import_id = $1 "
                     "ORDER BY line LIMIT $2",
                     {req->import_id(), std::int64_t{kErrorsAtCommit}})) {
                auto* e = resp->add_errors();
                e->set_line(static_cast<int>(r.integer(0)));
                e->set_field(r.text(1));
                e->set_reason(r.text(2));
            }
            resp->set_rejected(open.rejected);
            resp->set_applied(apply(tx, req->import_id(), open.kind));
            tx.exec("DELETE FROM record_import_rows WHERE import_id = $1", {req->import_id()});
            tx.exec("DELETE FROM record_import_errors WHERE import_id = $1", {req->import_id()});
            tx.exec("UPDATE record_imports SET committed_at = $1 WHERE id = $2",
                    {now, req->import_id()});
        });
}

}  // namespace renshe::services::backoffice
