#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "services/backoffice/server/options.hpp"

using renshe::services::backoffice::parseOptions;

TEST(BackofficeOptions, MutualTlsIsRequiredUnlessPlaintextIsAskedForByName) {
    const auto r = parseOptions({"--listen", "127.0.0.1:0"});
    EXPECT_FALSE(r.options.has_value());
    EXPECT_NE(r.error.find("--tls-cert"), std::string::npos);

    const auto dev = parseOptions({"--insecure-plaintext-for-development", "--keystore", "k"});
    ASSERT_TRUE(dev.options.has_value());
    EXPECT_TRUE(dev.options->insecurePlaintext);
    // Plaintext (identities claimed in metadata) never beyond this machine.
    for (const char* listen : {"0.0.0.0:50051", "192.168.1.5:50051", "[::]:50051"}) {
        const auto open = parseOptions(
            {"--insecure-plaintext-for-development", "--keystore", "k", "--listen", listen});
        EXPECT_FALSE(open.options.has_value()) << listen;
        EXPECT_NE(open.error.find("loopback only"), std::string::npos) << listen;
    }
    EXPECT_TRUE(parseOptions({"--insecure-plaintext-for-development", "--keystore", "k", "--listen",
                              "[::1]:0"})
                    .options.has_value());
}

TEST(BackofficeOptions, FullTlsCommandLineParses) {
    const auto r =
        parseOptions({"--listen", "127.0.0.1:0", "--tls-cert", "s.crt", "--tls-key", "s.key",
                      "--client-ca", "ca.crt", "--port-file", "p", "--keystore", "k"});
    ASSERT_TRUE(r.options.has_value()) << r.error;
    EXPECT_EQ(r.options->listen, "127.0.0.1:0");
    EXPECT_EQ(r.options->clientCa, "ca.crt");
    EXPECT_EQ(r.options->portFile, "p");
}

TEST(BackofficeOptions, BadInputIsNamed) {
    EXPECT_NE(parseOptions({"--bogus"}).error.find("--bogus"), std::string::npos);
    EXPECT_NE(parseOptions({"--listen"}).error.find("needs a value"), std::string::npos);
    EXPECT_NE(parseOptions({"--insecure-plaintext-for-development", "--keystore", "k", "--listen",
                            "nohostport"})
                  .error.find("HOST:PORT"),
              std::string::npos);
    EXPECT_NE(parseOptions({"--insecure-plaintext-for-development"}).error.find("--keystore"),
              std::string::npos);
    EXPECT_NE(parseOptions({"--insecure-plaintext-for-development", "--keystore", "k",
                            "--temp-loss-days", "0"})
                  .error.find("positive"),
              std::string::npos);
    EXPECT_NE(parseOptions({"--insecure-plaintext-for-development", "--keystore", "k",
                            "--limit-ssn-failures", "5"})
                  .error.find("N/SECONDS"),
              std::string::npos);
    EXPECT_NE(parseOptions({"--insecure-plaintext-for-development", "--keystore", "k",
                            "--metrics-listen", "0.0.0.0:9100"})
                  .error.find("loopback"),
              std::string::npos);
}

TEST(BackofficeOptions, ConfigFileGoesFirstAndFlagsWin) {
    const auto path =
        std::filesystem::temp_directory_path() / ("renshe-options-" + std::to_string(::getpid()));
    {
        std::ofstream out(path);
        out << "# county back office\n"
               "listen = 127.0.0.1:7000\n"
               "keystore = /etc/renshe/keystore\n"
               "database = postgresql://renshe@db/renshe\n"
               "temp-loss-days = 10\n"
               "limit-ssn-failures = 3/600\n"
               "insecure-plaintext-for-development\n";
    }
    const auto r = parseOptions({"--config", path.string(), "--listen", "127.0.0.1:7001"});
    std::filesystem::remove(path);
    ASSERT_TRUE(r.options.has_value()) << r.error;
    EXPECT_EQ(r.options->listen, "127.0.0.1:7001");
    EXPECT_EQ(r.options->keystore, "/etc/renshe/keystore");
    EXPECT_EQ(r.options->database, "postgresql://renshe@db/renshe");
    EXPECT_EQ(r.options->policy.tempLossSeconds, 10 * 86400);
    EXPECT_EQ(r.options->policy.ssnSecondFactorFailures.max, 3);
    EXPECT_EQ(r.options->policy.ssnSecondFactorFailures.windowSeconds, 600);
    EXPECT_NE(parseOptions({"--config", "/nonexistent/renshe.conf"}).error.find("cannot read"),
              std::string::npos);
}

TEST(BackofficeOptions, MetricsBeyondLoopbackOnlyWithTheOperatorsClientCa) {
    const std::vector<std::string> tls{"--tls-cert",  "s.crt",  "--tls-key",  "s.key",
                                       "--client-ca", "ca.crt", "--keystore", "k"};
    const auto with = [&](std::vector<std::string> extra) {
        std::vector<std::string> args = tls;
        args.insert(args.end(), extra.begin(), extra.end());
        return parseOptions(args);
    };
    EXPECT_TRUE(with({"--metrics-listen", "127.0.0.1:0"}).options.has_value());
    const auto open = with({"--metrics-listen", "0.0.0.0:9464"});
    EXPECT_FALSE(open.options.has_value());
    EXPECT_NE(open.error.find("--metrics-client-ca"), std::string::npos) << open.error;
    const auto remote =
        with({"--metrics-listen", "0.0.0.0:9464", "--metrics-client-ca", "operators.crt"});
    ASSERT_TRUE(remote.options.has_value()) << remote.error;
    EXPECT_EQ(remote.options->metricsClientCa, "operators.crt");
    // TLS for the metrics needs the server's certificate: not in plaintext development.
    const auto plain =
        parseOptions({"--insecure-plaintext-for-development", "--keystore", "k", "--metrics-listen",
                      "127.0.0.1:0", "--metrics-client-ca", "operators.crt"});
    EXPECT_FALSE(plain.options.has_value());
    EXPECT_NE(plain.error.find("--metrics-client-ca"), std::string::npos) << plain.error;
}
