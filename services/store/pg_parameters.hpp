// Reading a PostgreSQL statement's text for its $N parameters, so that the PostgreSQL store
// holds statements to the rules SQLite's parser enforces (every parameter given is used).
#pragma once

#include <string_view>
#include <vector>

namespace renshe::services::store::detail {

// The $N parameters `sql` refers to (index N is true), outside literals, quoted identifiers,
// comments and dollar-quoted strings. Throws StoreError for a parameter number over 65535.
std::vector<bool> referencedParameters(std::string_view sql);

}  // namespace renshe::services::store::detail
