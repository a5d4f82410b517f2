#include "services/backoffice/server/verify_page.hpp"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

#include "services/backoffice/records/verify_html.hpp"
#include "services/backoffice/server/query_string.hpp"

namespace renshe::services::backoffice {

namespace {

constexpr int kWorkers = 4;
constexpr std::size_t kVerifyMaxHead = 8192;
constexpr int kIoTimeoutSeconds = 5;
constexpr std::size_t kMaxTrackedAddresses = 100000;

std::int64_t steadySeconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::string response(int status, std::string_view reason, const std::string& body,
                     const std::string& extraHeaders = {}) {
    return "HTTP/1.1 " + std::to_string(status) + " " + std::string(reason) +
           "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
           std::to_string(body.size()) +
           "\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n"
           "Referrer-Policy: no-referrer\r\nX-Frame-Options: DENY\r\n"
           "Strict-Transport-Security: max-age=31536000\r\n"
           "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; "
           "form-action 'self'\r\n" +
           extraHeaders + "Connection: close\r\n\r\n" + body;
}

}  // namespace

struct VerifyPage::Tls {
    SSL_CTX* ctx = nullptr;
    ~Tls() {
        if (ctx)
            SSL_CTX_free(ctx);
    }
};

VerifyPage::VerifyPage(const std::string& listen, const std::filesystem::path& certificate,
                       const std::filesystem::path& privateKey, VerifyPageLimit limit,
                       Answer answer)
    : m_tls(std::make_unique<Tls>()),
      m_socket(listen, false, "the verification page (--verify-listen)"),
      m_limit(limit),
      m_answer(std::move(answer)) {
    m_tls->ctx = SSL_CTX_new(TLS_server_method());
    if (!m_tls->ctx || SSL_CTX_set_min_proto_version(m_tls->ctx, TLS1_2_VERSION) != 1 ||
        SSL_CTX_use_certificate_chain_file(m_tls->ctx, certificate.c_str()) != 1 ||
        SSL_CTX_use_PrivateKey_file(m_tls->ctx, privateKey.c_str(), SSL_FILETYPE_PEM) != 1 ||
        SSL_CTX_check_private_key(m_tls->ctx) != 1) {
        ERR_clear_error();
        throw std::runtime_error("the verification page cannot use its certificate " +
                                 certificate.string() + " and key " + privateKey.string());
    }
    for (int i = 0; i < kWorkers; ++i)
        m_workers.emplace_back([this] { work(); });
}

VerifyPage::~VerifyPage() {
    m_socket.wake();
    for (auto& t : m_workers)
        t.join();
}

void VerifyPage::work() {
    std::string address;
    for (int client; (client = m_socket.accept(&address)) >= 0;) {
        serve(client, address);
        ::close(client);
    }
}

int VerifyPage::admit(const std::string& address) {
    const std::int64_t now = steadySeconds();
    std::lock_guard lock(m_mutex);
    if (m_counts.size() > kMaxTrackedAddresses) {
        for (auto it = m_counts.begin(); it != m_counts.end();)
            it = now - it->second.first >= m_limit.windowSeconds ? m_counts.erase(it)
                                                                 : std::next(it);
    }
    auto& [start, count] = m_counts[address];
    if (now - start >= m_limit.windowSeconds) {
        start = now;
        count = 0;
    }
    if (count >= m_limit.max)
        return static_cast<int>(std::max<std::int64_t>(1, start + m_limit.windowSeconds - now));
    ++count;
    return 0;
}

void VerifyPage::serve(int client, const std::string& address) {
    timeval tv{kIoTimeoutSeconds, 0};
    ::setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    SSL* ssl = SSL_new(m_tls->ctx);
    if (!ssl)
        return;
    SSL_set_fd(ssl, client);
    std::string head;
    if (SSL_accept(ssl) == 1) {
        char buf[1024];
        while (head.size() < kVerifyMaxHead && head.find("\r\n\r\n") == std::string::npos) {
            const int n = SSL_read(ssl, buf, sizeof buf);
            if (n <= 0)
                break;
            head.append(buf, static_cast<std::size_t>(n));
        }
    }
    std::string reply;
    const auto lineEnd = head.find("\r\n");
    if (lineEnd != std::string::npos) {
        const std::string line = head.substr(0, lineEnd);
        const auto sp1 = line.find(' '), sp2 = line.rfind(' ');
        const std::string method = line.substr(0, sp1);
        const std::string target =
            sp1 != std::string::npos && sp2 > sp1 ? line.substr(sp1 + 1, sp2 - sp1 - 1) : "";
        const auto q = target.find('?');
        const std::string path = target.substr(0, q);
        const std::string query = q == std::string::npos ? "" : target.substr(q + 1);
        if (method != "GET" && method != "HEAD") {
            reply = response(405, "Method Not Allowed", records::verifyFormHtml(),
                             "Allow: GET, HEAD\r\n");
        } else if (path != "/verify" && path != "/") {
            reply = response(404, "Not Found", records::verifyFormHtml());
        } else if (const int wait = admit(address); wait > 0) {
            reply = response(429, "Too Many Requests", records::verifyBusyHtml(wait),
                             "Retry-After: " + std::to_string(wait) + "\r\n");
        } else {
            const std::string n = queryValue(query, "n"), c = queryValue(query, "c");
            try {
                reply = response(
                    200, "OK", n.empty() && c.empty() ? records::verifyFormHtml() : m_answer(n, c));
            } catch (const std::exception&) {  // the database is away: say so, keep serving
                reply = response(503, "Service Unavailable", records::verifyUnavailableHtml(),
                                 "Retry-After: 30\r\n");
            }
        }
        if (method == "HEAD")
            reply.resize(reply.find("\r\n\r\n") + 4);
    } else if (!head.empty()) {
        reply = response(400, "Bad Request", records::verifyFormHtml());
    }
    if (!reply.empty())
        SSL_write(ssl, reply.data(), static_cast<int>(reply.size()));
    SSL_shutdown(ssl);
    SSL_free(ssl);
}

}  // namespace renshe::services::backoffice
