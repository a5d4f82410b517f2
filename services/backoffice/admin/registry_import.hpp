// ImportRegistry's two CSV files (persons, cards) read into rows before the write transaction
// opens: parsing up to 32 MiB must not hold the database's writer, and a retried transaction
// must not parse again. Each line becomes a record or the error of that line (form checks and
// duplicates within the file); what needs the database (the caller's region, whether a card's
// holder is registered) is decided in the transaction, line by line in file order.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "renshe/v1/admin.pb.h"
#include "services/backoffice/rpc/refusal.hpp"

namespace renshe::services::backoffice {

struct ImportLineError {
    std::string field;  // "" when the line as a whole is refused
    std::string reason;
};

template <typename Record>
struct ImportLine {
    int line = 0;                          // 1-based line in its file
    std::optional<Record> record;          // the line read and checked, or
    std::optional<ImportLineError> error;  // why it was not
};

struct RegistryImport {
    // A file that cannot be read at all (not CSV, a required column missing): the whole
    // request is refused with this.
    std::optional<Refusal> refusal;
    std::vector<ImportLine<renshe::v1::PersonRecord>> persons;
    std::vector<ImportLine<renshe::v1::CardRecord>> cards;
    // Normalized ID numbers of the persons in the file (a card's holder may be one of them).
    std::vector<std::string> ssnsInFile;
};

// Reads and form-checks both files of `request`; touches no database.
RegistryImport readRegistryImport(const renshe::v1::ImportRegistryRequest& request);

}  // namespace renshe::services::backoffice
