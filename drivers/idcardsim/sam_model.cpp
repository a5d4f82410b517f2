#include "drivers/idcardsim/sam_model.hpp"

#include <array>
#include <fstream>
#include <map>
#include <stdexcept>

namespace renshe::drivers::idcardsim {

using idcard::Answer;
using idcard::Command;
using idcard::SamStatus;

namespace {

constexpr std::array<std::pair<const char*, Fault>, 9> kFaults{{
    {"none", Fault::None},
    {"garble-once", Fault::GarbleOnce},
    {"garble-always", Fault::GarbleAlways},
    {"truncate", Fault::Truncate},
    {"bad-length", Fault::BadLength},
    {"noise", Fault::Noise},
    {"mute", Fault::Mute},
    {"lift-mid-read", Fault::LiftMidRead},
    {"sam-fault", Fault::SamFault},
}};

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

Bytes fromHex(const std::string& hex, const std::string& where) {
    Bytes out;
    std::string digits;
    for (char c : hex) {
        if (c != ' ')
            digits += c;
    }
    if (digits.size() % 2 != 0)
        throw std::runtime_error(where + ": odd number of hex digits");
    for (std::size_t i = 0; i < digits.size(); i += 2)
        out.push_back(static_cast<std::uint8_t>(std::stoul(digits.substr(i, 2), nullptr, 16)));
    return out;
}

// An opaque 1024-byte "photo" derived from the text, so two cards differ.
Bytes photoFor(const Bytes& text) {
    Bytes photo(idcard::kPhotoBytes);
    std::uint32_t x = 2166136261u;
    for (std::uint8_t b : text)
        x = (x ^ b) * 16777619u;
    for (auto& b : photo) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        b = static_cast<std::uint8_t>(x);
    }
    photo[0] = 'W';  // WLT files start "WL"
    photo[1] = 'L';
    return photo;
}

}  // namespace

std::optional<Fault> faultNamed(const std::string& name) {
    for (const auto& [n, f] : kFaults) {
        if (name == n)
            return f;
    }
    return std::nullopt;
}

const char* faultName(Fault f) {
    for (const auto& [n, fault] : kFaults) {
        if (fault == f)
            return n;
    }
    return "?";
}

SimCard loadCard(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in)
        throw std::runtime_error(file.string() + ": cannot read");
    std::map<std::string, std::string> values;
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        const std::string t = trim(line);
        if (t.empty() || t[0] == '#')
            continue;
        const auto eq = t.find('=');
        if (eq == std::string::npos)
            throw std::runtime_error(file.string() + ":" + std::to_string(n) + ": no '='");
        values[trim(t.substr(0, eq))] = trim(t.substr(eq + 1));
    }
    SimCard card;
    if (const auto raw = values.find("text_hex"); raw != values.end()) {
        card.text = fromHex(raw->second, file.string());
    } else {
        idcard::IdCardText t;
        const std::pair<const char*, std::string*> fields[] = {{"name", &t.name},
                                                               {"sex", &t.sex},
                                                               {"nation", &t.nation},
                                                               {"birth", &t.birth},
                                                               {"address", &t.address},
                                                               {"id_number", &t.idNumber},
                                                               {"authority", &t.authority},
                                                               {"valid_from", &t.validFrom},
                                                               {"valid_until", &t.validUntil}};
        for (const auto& [key, member] : fields) {
            const auto it = values.find(key);
            if (it == values.end())
                throw std::runtime_error(file.string() + ": no " + key);
            *member = it->second;
        }
        try {
            card.text = idcard::encodeText(t);
        } catch (const std::invalid_argument& e) {
            throw std::runtime_error(file.string() + ": " + e.what());
        }
    }
    if (card.text.size() != idcard::kTextBytes)
        throw std::runtime_error(file.string() + ": the text is not 256 bytes");
    card.photo = photoFor(card.text);
    return card;
}

const Bytes& simulatedSamId() {
    static const Bytes id{0x05, 0x00, 0x01, 0x00, 0xEF, 0xB7, 0x32, 0x01,
                          0x4E, 0x61, 0xBC, 0x00, 0xD2, 0x02, 0x96, 0x49};
    return id;
}

SamModel::SamModel() = default;

Answer SamModel::answer(const Command& c) {
    auto status = [](SamStatus s, Bytes data = {}) {
        return Answer{0, 0, static_cast<std::uint8_t>(s), std::move(data)};
    };
    if (m_fault == Fault::SamFault)
        return status(SamStatus::SelfCheckFailed);
    switch ((c.cmd << 8) | c.para) {
        case 0x10FF:  // reset
        case 0x11FF:  // SAM status
            m_selected = false;
            return status(SamStatus::Ok);
        case 0x12FF:
            return status(SamStatus::Ok, simulatedSamId());
        case 0x2001:  // find
            m_selected = false;
            return m_card ? status(SamStatus::CardFound, Bytes(4, 0))
                          : status(SamStatus::FindFailed);
        case 0x2002:  // select
            if (!m_card)
                return status(SamStatus::SelectFailed);
            m_selected = true;
            return status(SamStatus::Ok, Bytes(8, 0));
        case 0x3001: {  // read base message
            if (!m_card || !m_selected)
                return status(SamStatus::ReadFailed);
            if (m_fault == Fault::LiftMidRead) {
                m_card.reset();
                m_fault = Fault::None;
                return status(SamStatus::ReadFailed);
            }
            Bytes data{0x01, 0x00, 0x04, 0x00};  // 256 text bytes, 1024 photo bytes
            data.insert(data.end(), m_card->text.begin(), m_card->text.end());
            data.insert(data.end(), m_card->photo.begin(), m_card->photo.end());
            ++m_reads;
            return status(SamStatus::Ok, std::move(data));
        }
        default:
            return status(SamStatus::CommandError);
    }
}

std::vector<Bytes> SamModel::frameAnswer(const Answer& a, bool isRead) {
    Bytes frame = idcard::encodeAnswer(a);
    std::vector<Bytes> out;
    switch (m_fault) {
        case Fault::GarbleOnce:
            m_fault = Fault::None;
            frame.back() ^= 0x5A;
            break;
        case Fault::GarbleAlways:
            frame.back() ^= 0x5A;
            break;
        case Fault::BadLength:
            m_fault = Fault::None;
            frame[5] = 0xFF;
            frame[6] = 0xFF;
            break;
        case Fault::Truncate:
            if (isRead)
                frame.resize(frame.size() / 2);
            break;
        case Fault::Noise: {
            Bytes noise(7);
            for (auto& b : noise) {
                m_noise ^= m_noise << 13;
                m_noise ^= m_noise >> 17;
                m_noise ^= m_noise << 5;
                const auto v = static_cast<std::uint8_t>(m_noise);
                b = v == 0xAA ? 0x55 : v;  // never the preamble's first byte
            }
            out.push_back(std::move(noise));
            break;
        }
        default:
            break;
    }
    out.push_back(std::move(frame));
    return out;
}

std::vector<Bytes> SamModel::receive(const std::uint8_t* data, std::size_t size) {
    m_decoder.feed(std::span(data, size));
    std::vector<Bytes> out;
    while (auto f = m_decoder.next()) {
        if (m_fault == Fault::Mute)
            continue;
        Answer a;
        bool isRead = false;
        if (f->problem) {
            a.sw3 = static_cast<std::uint8_t>(*f->problem == idcard::FrameProblem::BadChecksum
                                                  ? SamStatus::ChecksumError
                                                  : SamStatus::LengthError);
        } else if (const auto c = idcard::parseCommand(f->body)) {
            isRead = c->cmd == 0x30;
            a = answer(*c);
        } else {
            a.sw3 = static_cast<std::uint8_t>(SamStatus::LengthError);
        }
        ++m_answered;
        for (auto& chunk : frameAnswer(a, isRead))
            out.push_back(std::move(chunk));
    }
    return out;
}

}  // namespace renshe::drivers::idcardsim
