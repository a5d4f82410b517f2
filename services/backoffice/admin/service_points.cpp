// AdminService's service point RPCs (人社所/服务站 and their declared facility class).
#include "services/backoffice/admin/admin_service.hpp"
#include "services/backoffice/admin/checks.hpp"
#include "services/backoffice/card/lifecycle.hpp"
#include "services/backoffice/fleet/fleet_rules.hpp"

namespace renshe::services::backoffice {

using namespace renshe::v1;

namespace {

constexpr const char* kColumns = "id, name, region, facility_class, display_area_cm2, address";

ServicePoint servicePointFromRow(const store::Row& r) {
    ServicePoint sp;
    sp.set_id(r.text(0));
    sp.set_name(r.text(1));
    *sp.mutable_region() = regionProto(r.text(2));
    sp.set_facility_class(static_cast<FacilityClass>(r.integer(3)));
    sp.set_display_area_m2(fleet::areaFromCm2(r.integer(4)));
    sp.set_address(r.text(5));
    return sp;
}

}  // namespace

grpc::Status AdminServiceImpl::UpsertServicePoint(grpc::ServerContext* ctx,
                                                  const UpsertServicePointRequest* req,
                                                  UpsertServicePointResponse* resp) {
    return m_runner.mutate(
        ctx, "admin.upsert_service_point", req->request_id(), *req, resp, checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject& subject, std::int64_t now) {
            requireStaff(caller);
            const ServicePoint& given = req->service_point();
            subject.region = regionText(given.region());
            requireRegion(caller, subject.region);
            std::string id = given.id();
            const std::vector<store::Value> fields{
                checks::normalizeName(given.name()),
                subject.region,
                static_cast<std::int64_t>(given.facility_class()),
                fleet::areaToCm2(given.display_area_m2()),
                given.address(),
                now,
                caller.identity.id};
            if (id.empty()) {
                id = "SP-" + subject.region + "-" + fleet::randomHex(4);
                std::vector<store::Value> params{id};
                params.insert(params.end(), fields.begin(), fields.end());
                tx.exec(
                    "INSERT INTO service_points (id, name, region, facility_class, "
                    "display_area_cm2, address, "
                    "created_at, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, "
                    "$8)",
                    params);
            } else {
                const auto existing = tx.queryOne(
                    "SELECT region FROM service_points WHERE id = $1" + std::string(tx.forUpdate()),
                    {id});
                if (!existing)
                    throw Refused(
                        Refusal::notFound(REFUSAL_REASON_NOT_FOUND, "no such service point"));
                // Moving a service point out of a region needs that region too.
                requireRegion(caller, existing->text(0));
                std::vector<store::Value> params{id};
                params.insert(params.end(), fields.begin(), fields.end());
                tx.exec(
                    "UPDATE service_points SET name = $2, region = $3, facility_class = $4, "
                    "display_area_cm2 = $5, "
                    "address = $6, updated_at = $7, updated_by = $8 WHERE id = $1",
                    params);
            }
            const auto row = tx.queryOne(
                std::string("SELECT ") + kColumns + " FROM service_points WHERE id = $1", {id});
            *resp->mutable_service_point() = servicePointFromRow(*row);
        });
}

grpc::Status AdminServiceImpl::ListServicePoints(grpc::ServerContext* ctx,
                                                 const ListServicePointsRequest* req,
                                                 ListServicePointsResponse* resp) {
    return m_runner.query(
        ctx, "admin.list_service_points", checks::check(*req),
        [&](store::Tx& tx, const Caller& caller, Subject&, std::int64_t) {
            resp->Clear();
            requireStaff(caller);
            const std::string prefix = fleet::listingPrefix(caller, req->region_prefix());
            const std::string& token = req->page().page_token();
            if (!token.empty() && !fleet::isPlainId(token))
                throw Refused(Refusal::malformed("bad page token"));
            const int pageSize = fleet::pageSize(req->page());
            const std::string where =
                " WHERE substr(region, 1, " + std::to_string(prefix.size()) + ") = $1";
            const auto count = tx.queryOne("SELECT COUNT(*) FROM service_points" + where, {prefix});
            std::vector<store::Value> params{prefix};
            std::string sql = std::string("SELECT ") + kColumns + " FROM service_points" + where;
            if (!token.empty()) {
                params.push_back(token);
                sql += " AND id > $2";
            }
            params.push_back(static_cast<std::int64_t>(pageSize + 1));
            sql += " ORDER BY id LIMIT $" + std::to_string(params.size());
            const auto rows = tx.query(sql, params);
            for (std::size_t i = 0; i < rows.size() && static_cast<int>(i) < pageSize; ++i) {
                *resp->add_service_points() = servicePointFromRow(rows[i]);
            }
            if (static_cast<int>(rows.size()) > pageSize) {
                resp->mutable_page()->set_next_page_token(rows[pageSize - 1].text(0));
            }
            resp->mutable_page()->set_total_estimate(count ? count->integer(0) : 0);
        });
}

}  // namespace renshe::services::backoffice
