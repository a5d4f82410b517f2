// A write that holds a store's writer (SQLite: the one; PostgreSQL: one pooled connection) from
// construction until release() or destruction, so that the writes meanwhile queue behind it.
#pragma once

#include <latch>
#include <thread>

#include "services/store/store.hpp"

namespace renshe::testing {

class HeldWriter {
public:
    explicit HeldWriter(services::store::Store& store)
        : m_thread([this, &store] {
              store.write([this](services::store::Tx&) {
                  m_holding.count_down();
                  m_release.wait();
              });
          }) {
        m_holding.wait();
    }
    ~HeldWriter() { release(); }
    HeldWriter(const HeldWriter&) = delete;
    HeldWriter& operator=(const HeldWriter&) = delete;
    void release() {
        if (m_thread.joinable()) {
            m_release.count_down();
            m_thread.join();
        }
    }

private:
    std::latch m_holding{1}, m_release{1};
    std::thread m_thread;
};

}  // namespace renshe::testing
