#include "drivers/sim/card_file.hpp"

#include <algorithm>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "drivers/pcsc/apdu.hpp"
#include "drivers/sscard/id_number.hpp"
#include "drivers/util/atomic_file.hpp"

namespace renshe::drivers::sim {

namespace profile = sscard::profile;
using profile::Field;

namespace {

constexpr std::string_view kPin = "pin";
constexpr std::string_view kTriesMax = "pin_tries_max";
constexpr std::string_view kTriesLeft = "pin_tries_left";
constexpr std::string_view kApplicationState = "application_state";
constexpr std::string_view kCardKey = "card_key";
constexpr std::string_view kAtr = "atr";
constexpr std::string_view kSsc = "ssc";

// The middle of every 卡识别码: the national application identifier D156000005.
constexpr std::uint8_t kCardIdRid[5] = {0xD1, 0x56, 0x00, 0x00, 0x05};
constexpr std::size_t kMaxAtr = 33;  // ISO 7816-3; pcscd's MAX_ATR_SIZE too

std::string trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = s.find_last_not_of(" \t");
    return std::string(s.substr(first, last - first + 1));
}

bool allDigits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Hex with optional spaces between bytes (ATRs are usually written that way).
std::optional<Bytes> parseHex(std::string_view s) {
    try {
        return pcsc::fromHex(std::string(s));
    } catch (const std::invalid_argument&) {
        return std::nullopt;
    }
}

bool isPrintableAscii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c > 0x20 && c < 0x7F; });
}

const char* idProblem(sscard::IdNumberProblem p) {
    switch (p) {
        case sscard::IdNumberProblem::WrongLength:
            return "an ID number has 18 characters";
        case sscard::IdNumberProblem::NotDigits:
            return "an ID number is 17 digits and a check character";
        case sscard::IdNumberProblem::BadRegion:
            return "impossible region code in the ID number";
        case sscard::IdNumberProblem::BadBirthDate:
            return "impossible birth date in the ID number";
        case sscard::IdNumberProblem::BadCheckDigit:
            return "the GB 11643 mod 11-2 check character does not match";
    }
    return "invalid ID number";
}

// GB 3304: 01..56 the nationalities, 97 other, 98 foreign-born Chinese citizens.
bool isNationCode(int code) {
    return (code >= 1 && code <= 56) || code == 97 || code == 98;
}

struct Entry {
    std::string value;
    int line = 0;
};

class Validator {
public:
    Validator(const std::filesystem::path& file, std::map<std::string, Entry> entries)
        : m_file(file), m_entries(std::move(entries)) {}

    CardImage build() {
        CardImage image;
        for (const auto& rec : profile::kRecords) {
            image.records[rec.field] = encodeRecord(rec);
        }
        crossCheck();

        const Entry& pin = require(kPin);
        if (pin.value.size() != static_cast<std::size_t>(profile::kPinLength) ||
            !allDigits(pin.value)) {
            fail(kPin, "a PIN is 6 digits");
        }
        image.chip.pin = pin.value;
        image.chip.triesMax = number(kTriesMax, 1, 15, 3);  // 63Cx has one nibble for x
        image.chip.triesLeft = number(kTriesLeft, 0, image.chip.triesMax, image.chip.triesMax);
        if (const Entry* state = find(kApplicationState)) {
            if (state->value == "active") {
                image.chip.application = ApplicationState::Active;
            } else if (state->value == "locked") {
                image.chip.application = ApplicationState::Locked;
            } else if (state->value == "blocked") {
                image.chip.application = ApplicationState::Blocked;
            } else {
                fail(kApplicationState, "must be active, locked or blocked");
            }
        }

        const auto key = parseHex(require(kCardKey).value);
        if (!key || key->size() != image.cardKey.size()) {
            fail(kCardKey, "K_card is 32 hex digits (16 bytes)");
        }
        std::copy(key->begin(), key->end(), image.cardKey.begin());

        if (const Entry* atr = find(kAtr)) {
            const auto bytes = parseHex(atr->value);
            if (!bytes || bytes->size() < 2 || bytes->size() > kMaxAtr) {
                fail(kAtr, "an ATR is 2 to 33 bytes of hex");
            }
            if ((*bytes)[0] != 0x3B && (*bytes)[0] != 0x3F) {
                fail(kAtr, "an ATR starts with TS = 3B or 3F");
            }
            image.atr = *bytes;
        }
        if (const Entry* ssc = find(kSsc)) {
            if (ssc->value != "yes" && ssc->value != "no") {
                fail(kSsc, "must be yes or no");
            }
            image.ssc = ssc->value == "yes";
        }
        return image;
    }

private:
    [[noreturn]] void fail(std::string_view key, const std::string& why) const {
        const Entry* e = find(key);
        throw CardFileError(m_file, e != nullptr ? e->line : 0, std::string(key), why);
    }

    const Entry* find(std::string_view key) const {
        const auto it = m_entries.find(std::string(key));
        return it == m_entries.end() ? nullptr : &it->second;
    }

    const Entry& require(std::string_view key) const {
        const Entry* e = find(key);
        if (e == nullptr) {
            throw CardFileError(m_file, 0, std::string(key), "missing");
        }
        if (e->value.empty()) {
            fail(key, "empty value");
        }
        return *e;
    }

    int number(std::string_view key, int min, int max, int fallback) const {
        const Entry* e = find(key);
        if (e == nullptr) {
            return fallback;
        }
        if (!allDigits(e->value) || e->value.size() > 3) {
            fail(key, "not a number");
        }
        const int v = std::stoi(e->value);
        if (v < min || v > max) {
            fail(key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
        }
        return v;
    }

    sscard::Date date(std::string_view key) const {
        const std::string& v = require(key).value;
        if (v.size() != 8 || !allDigits(v)) {
            fail(key, "a date is YYYYMMDD");
        }
        sscard::Date d{std::stoi(v.substr(0, 4)), std::stoi(v.substr(4, 2)),
                       std::stoi(v.substr(6, 2))};
        if (!d.valid()) {
            fail(key, "not a real date");
        }
        return d;
    }

    Bytes encodeRecord(const profile::Record& rec) const {
        const std::string& v = require(rec.key).value;
        const std::size_t len = rec.length;
        switch (rec.field) {
            case Field::CardIdentifier: {
                const auto b = parseHex(v);
                if (!b || b->size() != len) {
                    fail(rec.key, "卡识别码 is 32 hex digits (16 bytes)");
                }
                const std::string region = sscard::decodeBcd(std::span(*b).first(3), rec.key);
                if (region.size() != 6 ||
                    !std::equal(std::begin(kCardIdRid), std::end(kCardIdRid), b->begin() + 3)) {
                    fail(rec.key,
                         "卡识别码 is region (6 BCD digits) + D156000005 + chip serial (8 bytes)");
                }
                return *b;
            }
            case Field::Nation: {
                if (v.size() != 2 || !allDigits(v) || !isNationCode(std::stoi(v))) {
                    fail(rec.key, "a GB 3304 code of two digits (01-56, 97, 98)");
                }
                return Bytes{static_cast<std::uint8_t>(std::stoi(v))};
            }
            case Field::IssueDate:
            case Field::ExpiryDate:
            case Field::BirthDate:
                return sscard::encodeBcd(date(rec.key).compact(), len);
            case Field::Birthplace:
                if (v.size() != 6 || !allDigits(v)) {
                    fail(rec.key, "an administrative division code of 6 digits");
                }
                return sscard::encodeBcd(v, len);
            case Field::Ssn:
                if (const auto problem = sscard::validateIdNumber(v)) {
                    fail(rec.key, idProblem(*problem));
                }
                break;
            case Field::Sex:
                if (v != "1" && v != "2") {
                    fail(rec.key, "1 (male) or 2 (female)");
                }
                break;
            case Field::Name:
                return encodeName(rec, v);
            case Field::CardType:
            case Field::SpecVersion:
            case Field::IssuerOrg:
            case Field::CardNumber:
                break;
        }
        switch (rec.encoding) {
            case profile::Encoding::Binary: {
                const auto b = parseHex(v);
                if (!b || b->size() != len) {
                    fail(rec.key, std::to_string(len * 2) + " hex digits (" + std::to_string(len) +
                                      " byte(s) as stored)");
                }
                return *b;
            }
            case profile::Encoding::Alnum: {
                if (v.size() > len || !isPrintableAscii(v)) {
                    fail(rec.key, "up to " + std::to_string(len) + " printable ASCII characters");
                }
                // Padded with 0x00: what sscard::decodeAlnum strips (it would keep ASCII '0').
                Bytes out(v.begin(), v.end());
                out.resize(len, 0x00);
                std::transform(out.begin(), out.end(), out.begin(), [&](std::uint8_t c) {
                    return rec.field == Field::Ssn && c == 'x' ? static_cast<std::uint8_t>('X') : c;
                });
                return out;
            }
            case profile::Encoding::Bcd:
                if (v.size() > len * 2 || !allDigits(v)) {
                    fail(rec.key, "up to " + std::to_string(len * 2) + " digits");
                }
                return sscard::encodeBcd(v, len);
            case profile::Encoding::Gbk:
                return sscard::utf8ToGbk(v, len);
        }
        fail(rec.key, "no encoding");
    }

    Bytes encodeName(const profile::Record& rec, const std::string& v) const {
        const bool control = std::any_of(v.begin(), v.end(), [](char c) {
            return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
        });
        if (control) {
            fail(rec.key, "control characters in a name");
        }
        try {
            return sscard::utf8ToGbk(v, rec.length);
        } catch (const sscard::MalformedRecord&) {
            fail(rec.key, "not valid UTF-8");
        } catch (const std::invalid_argument&) {
            fail(rec.key, "longer than " + std::to_string(rec.length) + " bytes in GBK");
        }
    }

    // A real card's personal data agrees with its own ID number.
    void crossCheck() const {
        const std::string& ssn = require("ssn").value;
        if (require("birth_date").value != ssn.substr(6, 8)) {
            fail("birth_date", "differs from the birth date inside ssn");
        }
        const bool maleBySsn = (ssn[16] - '0') % 2 == 1;
        if ((require("sex").value == "1") != maleBySsn) {
            fail("sex", "differs from the sex digit inside ssn (odd = male)");
        }
        if (date("expiry_date") <= date("issue_date")) {
            fail("expiry_date", "not after issue_date");
        }
    }

    const std::filesystem::path& m_file;
    std::map<std::string, Entry> m_entries;
};

std::set<std::string> knownKeys() {
    std::set<std::string> keys;
    for (const auto& rec : profile::kRecords) {
        keys.emplace(rec.key);
    }
    for (auto k : {kPin, kTriesMax, kTriesLeft, kApplicationState, kCardKey, kAtr, kSsc}) {
        keys.emplace(k);
    }
    return keys;
}

}  // namespace

CardFileError::CardFileError(const std::filesystem::path& file, int line, const std::string& key,
                             const std::string& why)
    : std::runtime_error(file.string() + ":" + std::to_string(line) + ": " + key + ": " + why),
      m_line(line),
      m_key(key) {}

const char* toString(ApplicationState state) {
    switch (state) {
        case ApplicationState::Active:
            return "active";
        case ApplicationState::Locked:
            return "locked";
        case ApplicationState::Blocked:
            return "blocked";
    }
    return "?";
}

CardFile CardFile::load(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read card file " + path.string());
    }
    std::ostringstream text;
    text << in.rdbuf();
    CardFile file = parse(text.str(), path);
    file.m_path = path;
    return file;
}

CardFile CardFile::parse(const std::string& text, const std::filesystem::path& name) {
    static const std::set<std::string> keys = knownKeys();
    CardFile file;
    file.m_path = name;
    std::map<std::string, Entry> entries;
    std::istringstream in(text);
    std::string raw;
    for (int number = 1; std::getline(in, raw); ++number) {
        if (number == 1 && raw.rfind("\xEF\xBB\xBF", 0) == 0) {
            raw.erase(0, 3);  // a BOM from an editor on another system
        }
        if (!raw.empty() && raw.back() == '\r') {
            raw.pop_back();
        }
        const std::string line = trim(raw);
        Line stored{raw, {}};
        if (!line.empty() && line[0] != '#') {
            const auto eq = line.find('=');
            if (eq == std::string::npos) {
                throw CardFileError(name, number, trim(line.substr(0, line.find(' '))),
                                    "expected `key = value`");
            }
            const std::string key = trim(std::string_view(line).substr(0, eq));
            if (keys.count(key) == 0) {
                throw CardFileError(name, number, key, "unknown key");
            }
            if (entries.count(key) != 0) {
                throw CardFileError(
                    name, number, key,
                    "given twice (first on line " + std::to_string(entries[key].line) + ")");
            }
            entries[key] = {trim(std::string_view(line).substr(eq + 1)), number};
            stored.key = key;
        }
        file.m_lines.push_back(std::move(stored));
    }
    file.m_image = Validator(name, std::move(entries)).build();
    return file;
}

void CardFile::save(const ChipState& chip) {
    const std::map<std::string, std::string> values = {
        {std::string(kPin), chip.pin},
        {std::string(kTriesLeft), std::to_string(chip.triesLeft)},
        {std::string(kApplicationState), toString(chip.application)},
    };
    const auto lineFor = [](const std::string& key, const std::string& value) {
        std::string line = key;
        line += " = ";
        line += value;
        return line;
    };
    std::string out;
    std::set<std::string> written;
    for (const auto& line : m_lines) {
        const auto it = values.find(line.key);
        if (it != values.end()) {
            out += lineFor(it->first, it->second) + '\n';
            written.insert(it->first);
        } else {
            out += line.text + "\n";
        }
    }
    for (const auto& [key, value] : values) {
        if (written.count(key) == 0) {
            out += lineFor(key, value) + '\n';  // was left to its default so far
        }
    }

    try {
        util::writeFileAtomically(m_path, out);  // keeps the file's mode
    } catch (const std::system_error& e) {
        throw std::runtime_error(std::string("card file not saved: ") + e.what());
    }
    // Later saves edit the lines as they are now.
    for (const auto& [key, value] : values) {
        if (written.count(key) == 0) {
            m_lines.push_back({lineFor(key, value), key});
        }
    }
    for (auto& line : m_lines) {
        const auto it = values.find(line.key);
        if (it != values.end()) {
            line.text = lineFor(it->first, it->second);
        }
    }
    m_image.chip = chip;
}

}  // namespace renshe::drivers::sim
