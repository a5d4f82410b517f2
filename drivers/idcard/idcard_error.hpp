// What can go wrong with the resident ID card reader, as one typed error.
#pragma once

#include <stdexcept>
#include <string>

namespace renshe::drivers::idcard {

enum class Problem {
    NoReader,      // nothing at the port (unplugged, wrong path, EIO)
    NoCard,        // the reader found no card
    CardRemoved,   // the card left the reader before the read finished
    Checksum,      // answers kept arriving garbled (after the retries)
    Timeout,       // the reader did not answer at all
    Truncated,     // an answer started but never finished
    BadFrame,      // a frame with an impossible length, or an answer too short
    Unsupported,   // an answer the driver does not expect (status, size)
    SamFault,      // the SAM module reports itself broken or not authorised
    CardRejected,  // the card failed the SAM's authentication (not a genuine card)
    BadText,       // the card's text breaks the format (field named in what())
};

// "no reader", "no card", ... (English, for logs and the technician tool).
const char* problemName(Problem p);

class IdCardError : public std::runtime_error {
public:
    IdCardError(Problem problem, const std::string& what);
    Problem problem() const noexcept { return m_problem; }

private:
    Problem m_problem;
};

}  // namespace renshe::drivers::idcard
