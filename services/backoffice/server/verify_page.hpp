// The statement verification page: GET /verify?n=NUMBER&c=CODE over HTTPS with the page's own
// certificate (no client certificate asked: whoever holds the paper may check it). Answers the
// small Chinese page of records/verify_html.hpp; GET /verify without both parameters answers
// the form. Requests are limited per client address (429 with the busy page beyond the limit);
// every connection has a short read timeout, a bounded request head and a few worker threads,
// so a slow or noisy client cannot hold the page for others.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "services/backoffice/server/listening_socket.hpp"

namespace renshe::services::backoffice {

struct VerifyPageLimit {
    int max = 30;  // requests per address per window
    std::int64_t windowSeconds = 60;
};

class VerifyPage {
public:
    // The page for a number and code (their raw query values, decoded).
    using Answer = std::function<std::string(const std::string& number, const std::string& code)>;

    // Binds `listen` (HOST:PORT, IPv4; port 0 = any free). Throws std::runtime_error when the
    // certificate, key or address cannot be used.
    VerifyPage(const std::string& listen, const std::filesystem::path& certificate,
               const std::filesystem::path& privateKey, VerifyPageLimit limit, Answer answer);
    ~VerifyPage();
    VerifyPage(const VerifyPage&) = delete;
    VerifyPage& operator=(const VerifyPage&) = delete;

    int port() const noexcept { return m_socket.port(); }

private:
    struct Tls;
    void work();
    void serve(int client, const std::string& address);
    // Seconds to wait when `address` is over its limit, 0 when it may go on (and is counted).
    int admit(const std::string& address);

    std::unique_ptr<Tls> m_tls;
    ListeningSocket m_socket;
    VerifyPageLimit m_limit;
    Answer m_answer;
    std::vector<std::thread> m_workers;
    std::mutex m_mutex;
    // Per address: the window's start (steady seconds) and the requests in it.
    std::map<std::string, std::pair<std::int64_t, int>> m_counts;
};

}  // namespace renshe::services::backoffice
