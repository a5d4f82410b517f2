#include "services/backoffice/server/metrics_http.hpp"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace renshe::services::backoffice {

namespace {

constexpr std::size_t kMaxHead = 8192;

std::string reply(const std::string& head, const std::function<std::string()>& render) {
    std::string body, status = "200 OK";
    if (head.rfind("GET ", 0) != 0) {
        status = "405 Method Not Allowed";
        body = "GET only\n";
    } else {
        try {
            body = render();
        } catch (const std::exception&) {
            status = "503 Service Unavailable";
            body = "metrics unavailable\n";
        }
    }
    return "HTTP/1.0 " + status +
           "\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

bool headComplete(const std::string& head) {
    return head.find("\r\n\r\n") != std::string::npos || head.find("\n\n") != std::string::npos ||
           head.size() >= kMaxHead;
}

}  // namespace

struct MetricsHttp::Tls {
    SSL_CTX* ctx = nullptr;
    ~Tls() {
        if (ctx)
            SSL_CTX_free(ctx);
    }
};

MetricsHttp::MetricsHttp(const std::string& listen, std::function<std::string()> render,
                         const std::optional<MetricsTls>& tls)
    : m_render(std::move(render)), m_socket(listen, !tls, "metrics (--metrics-listen)") {
    if (tls) {
        m_tls = std::make_unique<Tls>();
        m_tls->ctx = SSL_CTX_new(TLS_server_method());
        if (!m_tls->ctx || SSL_CTX_set_min_proto_version(m_tls->ctx, TLS1_2_VERSION) != 1 ||
            SSL_CTX_use_certificate_chain_file(m_tls->ctx, tls->certificate.c_str()) != 1 ||
            SSL_CTX_use_PrivateKey_file(m_tls->ctx, tls->privateKey.c_str(), SSL_FILETYPE_PEM) !=
                1 ||
            SSL_CTX_check_private_key(m_tls->ctx) != 1 ||
            SSL_CTX_load_verify_locations(m_tls->ctx, tls->clientCa.c_str(), nullptr) != 1) {
            ERR_clear_error();
            throw std::runtime_error("metrics over TLS cannot use the certificate " +
                                     tls->certificate.string() + " or the operators' CA " +
                                     tls->clientCa.string());
        }
        if (STACK_OF(X509_NAME)* names = SSL_load_client_CA_file(tls->clientCa.c_str()))
            SSL_CTX_set_client_CA_list(m_tls->ctx, names);
        SSL_CTX_set_verify(m_tls->ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
    }
    m_thread = std::thread([this] { run(); });
}

MetricsHttp::~MetricsHttp() {
    m_socket.wake();
    if (m_thread.joinable())
        m_thread.join();
}

void MetricsHttp::run() {
    for (int client; (client = m_socket.accept()) >= 0;) {
        serve(client);
        ::close(client);
    }
}

void MetricsHttp::serve(int client) {
    // Read the request head (bounded, with a short timeout); only its method matters.
    timeval tv{2, 0};
    ::setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    char buf[2048];
    std::string head;
    if (!m_tls) {
        while (!headComplete(head)) {
            const auto n = ::recv(client, buf, sizeof buf, 0);
            if (n <= 0)
                break;
            head.append(buf, static_cast<std::size_t>(n));
        }
        const std::string response = reply(head, m_render);
        std::size_t sent = 0;
        while (sent < response.size()) {
            const auto n =
                ::send(client, response.data() + sent, response.size() - sent, MSG_NOSIGNAL);
            if (n <= 0)
                break;
            sent += static_cast<std::size_t>(n);
        }
        return;
    }
    SSL* ssl = SSL_new(m_tls->ctx);
    if (!ssl)
        return;
    SSL_set_fd(ssl, client);
    // A client without a certificate of the operators' CA fails the handshake: no answer.
    if (SSL_accept(ssl) == 1) {
        while (!headComplete(head)) {
            const int n = SSL_read(ssl, buf, sizeof buf);
            if (n <= 0)
                break;
            head.append(buf, static_cast<std::size_t>(n));
        }
        const std::string response = reply(head, m_render);
        SSL_write(ssl, response.data(), static_cast<int>(response.size()));
        SSL_shutdown(ssl);
    }
    ERR_clear_error();
    SSL_free(ssl);
}

}  // namespace renshe::services::backoffice
