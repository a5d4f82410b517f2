// The schema migrations compiled into the library (generated from migrations/*.sql by
// embed_migrations.cmake), in ascending version order.
#pragma once

#include <span>
#include <string_view>

namespace renshe::services::store::detail {

struct Migration {
    int version;
    std::string_view name;
    // One or more statements, run as a script in one transaction. A first line
    // "-- only: postgresql" (or "-- only: sqlite") limits it to that backend; the other records
    // the version with nothing done.
    std::string_view sql;
};

std::span<const Migration> migrations() noexcept;

}  // namespace renshe::services::store::detail
