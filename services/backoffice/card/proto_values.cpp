// The plain conversions of lifecycle.hpp between proto values and the store's text (regions,
// dates, timestamps): no database, no keys, so the import readers and their fuzz targets use
// them alone.
#include <cstdio>

#include "services/backoffice/card/lifecycle.hpp"

namespace renshe::services::backoffice {

using namespace renshe::v1;

std::string regionText(const Region& r) {
    return r.division_code() + r.township_code() + r.village_code();
}

Region regionProto(const std::string& code) {
    Region r;
    r.set_division_code(code.substr(0, 6));
    if (code.size() >= 9)
        r.set_township_code(code.substr(6, 3));
    if (code.size() >= 12)
        r.set_village_code(code.substr(9, 3));
    return r;
}

std::string dateText(const Date& d) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year(), d.month(), d.day());
    return buf;
}

Date dateProto(const std::string& s) {
    Date d;
    if (s.size() == 8) {
        d.set_year(std::stoi(s.substr(0, 4)));
        d.set_month(std::stoi(s.substr(4, 2)));
        d.set_day(std::stoi(s.substr(6, 2)));
    }
    return d;
}

void setTimestamp(google::protobuf::Timestamp* ts, std::int64_t micros) {
    ts->set_seconds(micros / 1'000'000);
    ts->set_nanos(static_cast<int>((micros % 1'000'000) * 1000));
}

std::int64_t microsOf(const google::protobuf::Timestamp& ts) {
    return ts.seconds() * 1'000'000 + ts.nanos() / 1000;
}

}  // namespace renshe::services::backoffice
