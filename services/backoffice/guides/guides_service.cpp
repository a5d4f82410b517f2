#include "services/backoffice/guides/guides_service.hpp"

#include <algorithm>
#include <set>

#include "services/backoffice/card/lifecycle.hpp"
#include "services/backoffice/checks/checks.hpp"

namespace renshe::services::backoffice {

using namespace renshe::v1;

namespace {

constexpr std::size_t kMaxGuideBytes = 64 * 1024;

std::optional<std::string> guideProblem(const Guide& g) {
    auto text = [](const std::string& v, std::size_t max) {
        return v.size() <= max && checks::isValidUtf8(v);
    };
    if (g.id().empty() || g.id().size() > 64 ||
        !std::all_of(g.id().begin(), g.id().end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
        })) {
        return "id: letters, digits, - and _ only, 1 to 64";
    }
    if (checks::normalizeName(g.title()).empty() || !text(g.title(), 200))
        return "title: required, at most 200 bytes";
    if (checks::normalizeName(g.category()).empty() || !text(g.category(), 100))
        return "category: required";
    if (g.materials_size() == 0 && g.process_steps_size() == 0) {
        return "materials or process_steps: a guide tells what to bring or what to do";
    }
    for (const auto& m : g.materials()) {
        if (checks::normalizeName(m.name()).empty() || !text(m.name(), 200))
            return "materials: a name is required";
        if (m.copies() < 0)
            return "materials: negative copies";
    }
    if (!Language_IsValid(g.language()))
        return "language: unknown";
    if (g.ByteSizeLong() > kMaxGuideBytes)
        return "guide larger than 64 KiB";
    return std::nullopt;
}

}  // namespace

grpc::Status GuideServiceImpl::ListGuides(grpc::ServerContext* ctx, const ListGuidesRequest* req,
                                          ListGuidesResponse* resp) {
    std::optional<Refusal> invalid;
    if (req->if_none_match_version() < 0)
        invalid = Refusal::malformed("negative version");
    else if (!Language_IsValid(req->language()))
        invalid = Refusal::malformed("unknown language");
    return m_runner.staleQuery(  // a guide's edit seconds late is fine: the read replica
        ctx, "guides.list", invalid, [&](store::Tx& tx, const Caller&, Subject&, std::int64_t) {
            resp->Clear();
            const std::int64_t version =
                tx.queryOne("SELECT version FROM guide_catalogue WHERE id = 1")->integer(0);
            // A terminal already shown a newer catalogue than this read replica holds (it is a
            // few seconds behind) is not sent back to an older one: the primary answers it.
            if (req->if_none_match_version() > version && MutationRunner::readingReplica()) {
                throw Refused(Refusal::notFound(REFUSAL_REASON_NOT_FOUND,
                                                "the read replica is behind this terminal"));
            }
            resp->set_catalogue_version(version);
            if (req->if_none_match_version() == version && version > 0) {
                resp->set_not_modified(true);
                return;
            }
            std::string sql = "SELECT record FROM guides WHERE withdrawn = 0";
            std::vector<store::Value> params;
            if (!req->category().empty()) {
                params.push_back(req->category());
                sql += " AND category = $" + std::to_string(params.size());
            }
            if (req->language() != LANGUAGE_UNSPECIFIED) {
                params.push_back(static_cast<std::int64_t>(req->language()));
                sql += " AND language = $" + std::to_string(params.size());
            }
            for (const auto& r : tx.query(sql + " ORDER BY category, id", params)) {
                resp->add_guides()->ParseFromString(store::fromHex(r.text(0)));
            }
        });
}

grpc::Status GuideServiceImpl::GetGuide(grpc::ServerContext* ctx, const GetGuideRequest* req,
                                        GetGuideResponse* resp) {
    std::optional<Refusal> invalid;
    if (req->id().empty() || req->id().size() > 64)
        invalid = Refusal::malformed("id required");
    return m_runner.staleQuery(
        ctx, "guides.get", invalid, [&](store::Tx& tx, const Caller&, Subject&, std::int64_t) {
            resp->Clear();
            const auto row = tx.queryOne(
                "SELECT record FROM guides WHERE id = $1 AND withdrawn = 0", {req->id()});
            if (!row)
                throw Refused(Refusal::notFound(REFUSAL_REASON_NOT_FOUND, "no such guide"));
            resp->mutable_guide()->ParseFromString(store::fromHex(row->text(0)));
        });
}

grpc::Status GuideServiceImpl::ImportGuides(grpc::ServerContext* ctx,
                                            const ImportGuidesRequest* req,
                                            ImportGuidesResponse* resp) {
    const auto invalid =
        checks::firstOf([&] { return checks::checkRequestId(req->request_id()); },
                        [&]() -> checks::Result {
                            if (req->guides_size() == 0 && req->withdraw_ids_size() == 0)
                                return Refusal::malformed("nothing to import");
                            return std::nullopt;
                        });
    return m_runner.mutate(
        ctx, "guides.import", req->request_id(), *req, resp, invalid,
        [&](store::Tx& tx, const Caller& caller, Subject&, std::int64_t now) {
            requireProvinceStaff(caller);  // one catalogue for the whole province
            const auto head = tx.queryOne("SELECT version FROM guide_catalogue WHERE id = 1" +
                                          std::string(tx.forUpdate()));
            const std::int64_t current = head->integer(0);
            std::vector<Guide> accepted;
            std::set<std::string> ids;
            for (int i = 0; i < req->guides_size(); ++i) {
                const Guide& g = req->guides(i);
                auto problem = guideProblem(g);
                if (!problem && !ids.insert(g.id()).second)
                    problem = "id: the same guide twice in one import";
                if (problem) {
                    auto* e = resp->add_errors();
                    e->set_line(i + 1);
                    e->set_field(problem->substr(0, problem->find(':')));
                    e->set_reason(*problem);
                    continue;
                }
                accepted.push_back(g);
            }
            if ((resp->errors_size() > 0 && !req->skip_bad()) ||
                (accepted.empty() && req->withdraw_ids_size() == 0)) {
                resp->set_catalogue_version(current);
                return;  // all or nothing; the version is unchanged
            }
            const std::int64_t version = current + 1;
            for (auto& g : accepted) {
                g.set_version(version);
                setTimestamp(g.mutable_updated_at(), now);
                tx.exec(
                    "INSERT INTO guides (id, category, language, version, withdrawn, record, "
                    "updated_at) "
                    "VALUES ($1, $2, $3, $4, 0, $5, $6) ON CONFLICT (id) DO UPDATE SET category = "
                    "$2, "
                    "language = $3, version = $4, withdrawn = 0, record = $5, updated_at = $6",
                    {g.id(), g.category(), static_cast<std::int64_t>(g.language()), version,
                     store::toHex(g.SerializeAsString()), now});
            }
            for (const auto& id : req->withdraw_ids()) {
                tx.exec(
                    "UPDATE guides SET withdrawn = 1, version = $2, updated_at = $3 WHERE id = $1",
                    {id, version, now});
            }
            tx.exec("UPDATE guide_catalogue SET version = $1 WHERE id = 1", {version});
            resp->set_catalogue_version(version);
            resp->set_accepted(static_cast<int>(accepted.size()));
        });
}

}  // namespace renshe::services::backoffice
