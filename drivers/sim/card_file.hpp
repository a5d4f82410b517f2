// The card file of the simulator: one virtual card as plain UTF-8 `key = value` lines (format
// in drivers/sim/README.md). Loading checks every value against the card profile, so a typo
// fails at start with file, line and key instead of as a strange answer in some test later.
// The chip's writable part (PIN, tries, application state) is written back atomically.
#pragma once

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "drivers/sscard/codec.hpp"
#include "drivers/sscard/pin_reset_crypto.hpp"
#include "drivers/sscard/profile.hpp"

namespace renshe::drivers::sim {

using Bytes = sscard::Bytes;

// A card file that cannot be used. what() reads "FILE:LINE: KEY: why" (LINE 0 for a missing
// key); values of personal or secret keys are never quoted in it.
class CardFileError : public std::runtime_error {
public:
    CardFileError(const std::filesystem::path& file, int line, const std::string& key,
                  const std::string& why);
    int line() const noexcept { return m_line; }
    const std::string& key() const noexcept { return m_key; }

private:
    int m_line;
    std::string m_key;
};

enum class ApplicationState {
    Active,   // SELECT SSSE answers 9000
    Locked,   // SELECT answers 9303 (application locked by the issuer)
    Blocked,  // SELECT answers 6A81 (card blocked)
};

// What the chip itself may change: kept apart from the records, which it never writes.
struct ChipState {
    std::string pin;  // 6 ASCII digits
    int triesMax = 3;
    int triesLeft = 3;
    ApplicationState application = ApplicationState::Active;
    bool operator==(const ChipState&) const = default;
};

// Everything one card holds, values already encoded as the card stores them.
struct CardImage {
    std::map<sscard::profile::Field, Bytes> records;  // every row of profile::kRecords
    sscard::Key cardKey{};                            // K_card = deriveCardKey(master, card_id)
    Bytes atr;                                        // empty: the simulator's default ATR
    bool ssc = true;                                  // false: a chip card without SSSE
    ChipState chip;
};

class CardFile {
public:
    // Throws CardFileError (validation) or std::runtime_error (unreadable file).
    static CardFile load(const std::filesystem::path& path);
    // The same checks on text, for tests; `name` stands in for the file name in errors.
    static CardFile parse(const std::string& text, const std::filesystem::path& name);

    const std::filesystem::path& path() const noexcept { return m_path; }
    const CardImage& image() const noexcept { return m_image; }

    // Writes `chip` into the file: temp file in the same directory, fsync, rename, fsync of
    // the directory, so a crash leaves either the old or the new card, never half of one.
    // Comments and the order of lines are kept. Throws std::runtime_error on I/O failure.
    void save(const ChipState& chip);

private:
    struct Line {
        std::string text;
        std::string key;  // empty for comments and blank lines
    };
    std::filesystem::path m_path;
    std::vector<Line> m_lines;
    CardImage m_image;
};

const char* toString(ApplicationState state);

}  // namespace renshe::drivers::sim
