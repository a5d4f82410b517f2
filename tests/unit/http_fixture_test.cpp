// The tests' plain-HTTP client (tests/fixtures/web.hpp) against a one-shot server on 127.0.0.1
// that answers with fixed bytes: a chunked body is put back together (Prometheus's API answers
// chunked once a body passes 2 KiB, and a client that kept the framing read a long alert list as
// no alerts at all), broken framing is an error, a Content-Length body is kept as it is.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <string>
#include <thread>

#include "tests/fixtures/web.hpp"

namespace {

// Listens on 127.0.0.1 (a free port), answers the first request with `answer`, closes.
class OneAnswerServer {
public:
    explicit OneAnswerServer(std::string answer) : m_answer(std::move(answer)) {
        m_listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        timeval tv{10, 0};  // accept() gives up if the client never comes: a failure, not a hang
        ::setsockopt(m_listener, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
        socklen_t len = sizeof addr;
        if (::bind(m_listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
            ::listen(m_listener, 1) != 0 ||
            ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
            throw std::runtime_error("cannot listen on 127.0.0.1");
        m_port = ntohs(addr.sin_port);
        m_thread = std::thread([this] {
            const int fd = ::accept(m_listener, nullptr, nullptr);
            if (fd < 0)
                return;
            std::string request;
            char buf[1024];
            for (ssize_t n; request.find("\r\n\r\n") == std::string::npos &&
                            (n = ::recv(fd, buf, sizeof buf, 0)) > 0;)
                request.append(buf, static_cast<std::size_t>(n));
            ::send(fd, m_answer.data(), m_answer.size(), MSG_NOSIGNAL);
            ::close(fd);
        });
    }
    ~OneAnswerServer() {
        m_thread.join();
        ::close(m_listener);
    }
    int port() const { return m_port; }

private:
    std::string m_answer;
    int m_listener = -1;
    int m_port = 0;
    std::thread m_thread;
};

TEST(HttpFixture, ChunkedBodyIsPutBackTogether) {
    std::string big(3000, 'x');
    char size[16];
    std::snprintf(size, sizeof size, "%zX", big.size());
    OneAnswerServer server(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        "b;ext=1\r\n{\"data\":\"ab\r\n" +
        std::string(size) + "\r\n" + big + "\r\n3\r\n\"}\n\r\n0\r\n\r\n");
    const auto r = renshe::testing::httpGet(server.port(), "/api/v1/alerts");
    EXPECT_EQ(r.status, 200) << r.error;
    EXPECT_EQ(r.body, "{\"data\":\"ab" + big + "\"}\n");
}

TEST(HttpFixture, ChunkedBodyCutShortIsAnError) {
    OneAnswerServer server("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nonly eight");
    const auto r = renshe::testing::httpGet(server.port(), "/");
    EXPECT_EQ(r.status, 0);
    EXPECT_NE(r.error.find("chunked"), std::string::npos) << r.error;
}

TEST(HttpFixture, ChunkSizeThatIsNotHexIsAnError) {
    for (const char* size : {"zz", "2g"}) {
        OneAnswerServer server("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" +
                               std::string(size) + "\r\nab\r\n0\r\n\r\n");
        EXPECT_EQ(renshe::testing::httpGet(server.port(), "/").status, 0) << size;
    }
}

TEST(HttpFixture, ContentLengthBodyIsKeptAsItIs) {
    OneAnswerServer server("HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\n5\r\nabc\r\n");
    const auto r = renshe::testing::httpGet(server.port(), "/");
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(r.body, "5\r\nabc\r\n");
}

}  // namespace
