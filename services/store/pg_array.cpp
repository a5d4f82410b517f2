#include "services/store/pg_array.hpp"

namespace renshe::services::store {

std::string pgArray(const std::vector<std::string>& values) {
    std::size_t size = 2;
    for (const auto& v : values)
        size += v.size() + 3;
    std::string out;
    out.reserve(size);
    out += '{';
    for (const auto& v : values) {
        out += out.size() == 1 ? "\"" : ",\"";
        for (const char c : v) {
            if (c == '"' || c == '\\')
                out += '\\';
            out += c;
        }
        out += '"';
    }
    out += '}';
    return out;
}

std::string pgArray(const std::vector<std::int64_t>& values) {
    std::string out = "{";
    for (const std::int64_t v : values)
        out += (out.size() == 1 ? "" : ",") + std::to_string(v);
    out += '}';
    return out;
}

std::string pgArray(const std::vector<std::optional<std::int64_t>>& values) {
    std::string out = "{";
    for (const auto& v : values)
        out += (out.size() == 1 ? "" : ",") + (v ? std::to_string(*v) : std::string("NULL"));
    out += '}';
    return out;
}

}  // namespace renshe::services::store
