#include "drivers/pcsc/pcsc.hpp"

#include <winscard.h>

#include "drivers/pcsc/pcsc_error.hpp"

namespace renshe::drivers::pcsc {

struct Context::Impl {
    SCARDCONTEXT handle = 0;
};

Context::Context() : m_impl(std::make_unique<Impl>()) {
    detail::check(SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &m_impl->handle),
                  "SCardEstablishContext");
}

Context::~Context() noexcept {
    if (m_impl && m_impl->handle != 0) {
        SCardReleaseContext(m_impl->handle);
    }
}

Context::Context(Context&&) noexcept = default;
Context& Context::operator=(Context&&) noexcept = default;

std::vector<std::string> Context::listReaders() const {
    DWORD size = 0;
    LONG rc = SCardListReaders(m_impl->handle, nullptr, nullptr, &size);
    if (rc == SCARD_E_NO_READERS_AVAILABLE) {
        return {};
    }
    detail::check(rc, "SCardListReaders");
    std::string buffer(size, '\0');
    rc = SCardListReaders(m_impl->handle, nullptr, buffer.data(), &size);
    if (rc == SCARD_E_NO_READERS_AVAILABLE) {
        return {};
    }
    detail::check(rc, "SCardListReaders");
    buffer.resize(size);

    // A multi-string: names separated by NUL, closed by an empty name.
    std::vector<std::string> readers;
    for (std::size_t pos = 0; pos < buffer.size();) {
        const std::size_t end = buffer.find('\0', pos);
        const std::size_t stop = end == std::string::npos ? buffer.size() : end;
        if (stop == pos) {
            break;
        }
        readers.emplace_back(buffer, pos, stop - pos);
        pos = stop + 1;
    }
    return readers;
}

}  // namespace renshe::drivers::pcsc
