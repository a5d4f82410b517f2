#include "kiosk/card/secrets.hpp"

namespace renshe::kiosk::card {

void wipe(std::string& secret) noexcept {
    volatile char* p = secret.data();
    for (std::size_t i = 0; i < secret.size(); ++i)
        p[i] = 0;
    secret.clear();
}

}  // namespace renshe::kiosk::card
