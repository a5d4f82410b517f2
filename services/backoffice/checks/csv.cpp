#include "services/backoffice/checks/csv.hpp"

namespace renshe::services::backoffice::csv {

Parsed parse(std::string_view text) {
    Parsed out;
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    int line = 1;
    std::size_t i = 0;
    while (i < text.size()) {
        Record rec;
        rec.line = line;
        std::string field;
        bool endOfRecord = false;
        while (!endOfRecord) {
            field.clear();
            if (i < text.size() && text[i] == '"') {
                ++i;
                bool closed = false;
                while (i < text.size()) {
                    if (text[i] == '"') {
                        if (i + 1 < text.size() && text[i + 1] == '"') {
                            field += '"';
                            i += 2;
                        } else {
                            ++i;
                            closed = true;
                            break;
                        }
                    } else {
                        if (text[i] == '\n')
                            ++line;
                        field += text[i++];
                    }
                }
                if (!closed) {
                    out.error = "line " + std::to_string(rec.line) + ": unterminated quoted field";
                    return out;
                }
                if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                    out.error = "line " + std::to_string(line) + ": text after a closing quote";
                    return out;
                }
            } else {
                while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                    field += text[i++];
                }
            }
            rec.fields.push_back(field);
            if (i >= text.size()) {
                endOfRecord = true;
            } else if (text[i] == ',') {
                ++i;
            } else {
                if (text[i] == '\r')
                    ++i;
                if (i < text.size() && text[i] == '\n')
                    ++i;
                ++line;
                endOfRecord = true;
            }
        }
        const bool blank = rec.fields.size() == 1 && rec.fields[0].empty();
        if (!blank)
            out.records.push_back(std::move(rec));
    }
    return out;
}

}  // namespace renshe::services::backoffice::csv
