// A kiosk's request ids (services/client/call.hpp): RFC 9562 version-7 UUIDs that the back
// office's form check accepts, unique, and in the order they were made across milliseconds (the
// back office's record of requests is keyed request id first, migration 0027).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <set>
#include <string>
#include <thread>

#include "services/backoffice/checks/checks.hpp"
#include "services/client/call.hpp"

namespace renshe::services {
namespace {

std::int64_t millisOf(const std::string& id) {
    return std::stoll(id.substr(0, 8) + id.substr(9, 4), nullptr, 16);
}

TEST(RequestId, IsALowerCaseVersion7UuidTheBackOfficeAccepts) {
    const auto before = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    const std::string id = client::newRequestId();
    const auto after = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
    EXPECT_TRUE(backoffice::checks::isRequestId(id)) << id;
    EXPECT_EQ(id[14], '7') << id;                                          // version
    EXPECT_NE(std::string("89ab").find(id[19]), std::string::npos) << id;  // variant 10xx
    EXPECT_GE(millisOf(id), before) << id;
    EXPECT_LE(millisOf(id), after) << id;
}

TEST(RequestId, UniqueAndOrderedAcrossMilliseconds) {
    std::set<std::string> seen;
    std::string previous;
    for (int round = 0; round < 5; ++round) {
        for (int i = 0; i < 2000; ++i) {
            const std::string id = client::newRequestId();
            EXPECT_TRUE(seen.insert(id).second) << "repeated: " << id;
            if (!previous.empty() && millisOf(id) > millisOf(previous)) {
                EXPECT_GT(id, previous);  // a later millisecond sorts after
            }
            EXPECT_GE(millisOf(id), previous.empty() ? 0 : millisOf(previous)) << id;
            previous = id;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    EXPECT_EQ(seen.size(), 10000U);
}

}  // namespace
}  // namespace renshe::services
