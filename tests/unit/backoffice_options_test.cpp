#include <gtest/gtest.h>

#include "services/backoffice/options.hpp"

using renshe::services::backoffice::parseOptions;

TEST(BackofficeOptions, MutualTlsIsRequiredUnlessPlaintextIsAskedForByName) {
    const auto r = parseOptions({"--listen", "127.0.0.1:0"});
    EXPECT_FALSE(r.options.has_value());
    EXPECT_NE(r.error.find("--tls-cert"), std::string::npos);

    const auto dev = parseOptions({"--insecure-plaintext-for-development"});
    ASSERT_TRUE(dev.options.has_value());
    EXPECT_TRUE(dev.options->insecurePlaintext);
}

TEST(BackofficeOptions, FullTlsCommandLineParses) {
    const auto r = parseOptions({"--listen", "127.0.0.1:0", "--tls-cert", "s.crt", "--tls-key", "s.key",
                                 "--client-ca", "ca.crt", "--port-file", "p"});
    ASSERT_TRUE(r.options.has_value()) << r.error;
    EXPECT_EQ(r.options->listen, "127.0.0.1:0");
    EXPECT_EQ(r.options->clientCa, "ca.crt");
    EXPECT_EQ(r.options->portFile, "p");
}

TEST(BackofficeOptions, BadInputIsNamed) {
    EXPECT_NE(parseOptions({"--bogus"}).error.find("--bogus"), std::string::npos);
    EXPECT_NE(parseOptions({"--listen"}).error.find("needs a value"), std::string::npos);
    EXPECT_NE(parseOptions({"--insecure-plaintext-for-development", "--listen", "nohostport"}).error.find("HOST:PORT"),
              std::string::npos);
}
