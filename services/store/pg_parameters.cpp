#include "services/store/pg_parameters.hpp"

#include "services/store/internal.hpp"

namespace renshe::services::store::detail {

std::vector<bool> referencedParameters(std::string_view sql) {
    std::vector<bool> refs;
    const auto identChar = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '$' || static_cast<unsigned char>(c) >= 0x80;
    };
    const std::size_t n = sql.size();
    std::size_t i = 0;
    while (i < n) {
        const char c = sql[i];
        if (c == '\'') {
            const bool escapes = i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e');
            ++i;
            while (i < n) {
                if (escapes && sql[i] == '\\') {
                    i += 2;
                } else if (sql[i] == '\'') {
                    if (i + 1 < n && sql[i + 1] == '\'') {
                        i += 2;
                    } else {
                        break;
                    }
                } else {
                    ++i;
                }
            }
            ++i;
        } else if (c == '"') {
            i = sql.find('"', i + 1);
            i = i == std::string_view::npos ? n : i + 1;
        } else if (c == '-' && i + 1 < n && sql[i + 1] == '-') {
            i = sql.find('\n', i);
            i = i == std::string_view::npos ? n : i + 1;
        } else if (c == '/' && i + 1 < n && sql[i + 1] == '*') {
            int depth = 1;
            i += 2;
            while (i < n && depth > 0) {
                if (sql.substr(i, 2) == "/*") {
                    ++depth;
                    i += 2;
                } else if (sql.substr(i, 2) == "*/") {
                    --depth;
                    i += 2;
                } else {
                    ++i;
                }
            }
        } else if (c == '$' && (i == 0 || !identChar(sql[i - 1]))) {
            std::size_t j = i + 1;
            if (j < n && sql[j] >= '0' && sql[j] <= '9') {
                std::size_t number = 0;
                while (j < n && sql[j] >= '0' && sql[j] <= '9') {
                    number = number * 10 + static_cast<std::size_t>(sql[j] - '0');
                    if (number > 65535) {
                        throw StoreError("postgres: parameter number out of range");
                    }
                    ++j;
                }
                if (refs.size() <= number) {
                    refs.resize(number + 1, false);
                }
                refs[number] = true;
                i = j;
                continue;
            }
            // $tag$ … $tag$ (tag may be empty)
            while (j < n && identChar(sql[j]) && sql[j] != '$') {
                ++j;
            }
            if (j < n && sql[j] == '$') {
                const std::string_view tag = sql.substr(i, j - i + 1);
                const std::size_t close = sql.find(tag, j + 1);
                i = close == std::string_view::npos ? n : close + tag.size();
                continue;
            }
            ++i;
        } else {
            ++i;
        }
    }
    return refs;
}

}  // namespace renshe::services::store::detail
