#include "drivers/idcard/idcard_error.hpp"

namespace renshe::drivers::idcard {

const char* problemName(Problem p) {
    switch (p) {
        case Problem::NoReader:
            return "no reader";
        case Problem::NoCard:
            return "no card";
        case Problem::CardRemoved:
            return "card removed";
        case Problem::Checksum:
            return "checksum";
        case Problem::Timeout:
            return "timeout";
        case Problem::Truncated:
            return "truncated answer";
        case Problem::BadFrame:
            return "bad frame";
        case Problem::Unsupported:
            return "unsupported answer";
        case Problem::SamFault:
            return "SAM fault";
        case Problem::CardRejected:
            return "card rejected";
        case Problem::BadText:
            return "bad card text";
    }
    return "unknown";
}

IdCardError::IdCardError(Problem problem, const std::string& what)
    : std::runtime_error(std::string(problemName(problem)) + ": " + what), m_problem(problem) {}

}  // namespace renshe::drivers::idcard
