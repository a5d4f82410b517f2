// The schema migrations compiled into the library (generated from migrations/*.sql by
// embed_migrations.cmake), in ascending version order.
#pragma once

#include <span>
#include <string_view>

namespace renshe::services::store::detail {

struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;  // one or more statements, run as a script in one transaction
};

std::span<const Migration> migrations() noexcept;

}  // namespace renshe::services::store::detail
