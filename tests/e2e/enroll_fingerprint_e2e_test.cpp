// Face-to-face fingerprint enrolment at the counter: `renshe-admin enroll-fingerprint` with
// libfprint's virtual_image sensor (synthetic fingers through the real NBIS pipeline) and the
// real back office; the template then reaches a touch terminal of the person's region only,
// and verifies against the same finger, not another.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "drivers/fprint/fprint.hpp"
#include "drivers/fprint/synthetic.hpp"
#include "renshe/v1/admin.grpc.pb.h"
#include "renshe/v1/certification.grpc.pb.h"
#include "tests/fixtures/fprint_device.hpp"
#include "tests/fixtures/process.hpp"
#include "tests/service/backoffice_env.hpp"

#ifndef RENSHE_ADMIN_BIN
#error "RENSHE_ADMIN_BIN must name the built renshe-admin"
#endif

using namespace std::chrono_literals;
using namespace renshe::v1;
namespace fp = renshe::drivers::fprint;
using renshe::testing::BackofficeEnv;

namespace {

constexpr std::uint64_t kFinger = 4711, kOtherFinger = 815;

std::string readAll(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

int countOf(const std::string& text, const std::string& what) {
    int n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

TEST(EnrollFingerprint, AtTheCounterWithTheSensorThenVerifiedAtATerminal) {
    renshe::testing::VirtualFingerprintDevice sensors;
    BackofficeEnv env(renshe::testing::StoreKind::Sqlite);
    renshe::testing::SeededCard person;
    renshe::testing::seed(env.staff(), person);

    const auto staff = env.pki().staff("S-0001", BackofficeEnv::kRegion);
    renshe::testing::TempDir dir("renshe-enroll");
    renshe::testing::ProcessOptions o;
    o.argv = {RENSHE_ADMIN_BIN, "enroll-fingerprint", "--ssn",
              person.ssn,       "--finger",           "right-index"};
    o.env = {{"RENSHE_SERVER", env.backoffice().target()},
             {"RENSHE_CA", env.pki().caCertificate().string()},
             {"RENSHE_CERT", staff.certificate.string()},
             {"RENSHE_KEY", staff.privateKey.string()},
             {"FP_DRIVERS_WHITELIST", "virtual_image"}};
    o.logFile = dir / "admin.log";
    renshe::testing::ChildProcess admin(o);

    // Play the person: a finger on the sensor each time the tool asks for one.
    std::optional<fp::synthetic::VirtualImageFeeder> feeder;
    int fed = 0;
    std::optional<int> exit;
    const auto deadline = std::chrono::steady_clock::now() + 60s;
    while (!(exit = admin.exitStatus()) && std::chrono::steady_clock::now() < deadline) {
        const int asked = countOf(readAll(o.logFile), "place finger");
        if (asked > fed) {
            if (!feeder)
                feeder.emplace(sensors.imageSocket().string());
            feeder->send(fp::synthetic::presentation(kFinger, fed));
            ++fed;
        }
        std::this_thread::sleep_for(20ms);  // polls the enrolment's log for its next request
    }
    ASSERT_TRUE(exit.has_value()) << readAll(o.logFile);
    ASSERT_TRUE(WIFEXITED(*exit) && WEXITSTATUS(*exit) == 0) << readAll(o.logFile);
    const std::string out = readAll(o.logFile);
    EXPECT_NE(out.find("stage 5/5 done"), std::string::npos) << out;
    EXPECT_NE(out.find("enrolled right-index on virtual_image"), std::string::npos) << out;

    // The terminal of the person's region gets the template, with the sensor it came from.
    GetTemplatesForVerifyRequest req;
    req.mutable_person()->set_ssn(person.ssn);
    req.set_purpose(VERIFICATION_PURPOSE_LOSS_REPORT);
    req.mutable_sensor()->set_driver("virtual_image");
    req.mutable_sensor()->set_device_id("0");
    auto touch = CertificationService::NewStub(renshe::services::client::makeChannel(
        env.pki().endpoint(env.backoffice().target(), env.pki().touchTerminal())));
    GetTemplatesForVerifyResponse templates;
    const auto got = renshe::testing::call(
        *touch, &CertificationService::Stub::GetTemplatesForVerify, req, &templates);
    ASSERT_TRUE(got.ok()) << got;
    ASSERT_EQ(templates.templates_size(), 1);
    EXPECT_EQ(templates.templates(0).device().driver(), "virtual_image");
    EXPECT_EQ(templates.templates(0).finger(), FINGER_RIGHT_INDEX);

    // ... and a terminal elsewhere does not (it is told what an unknown person would get).
    auto elsewhere =
        CertificationService::NewStub(renshe::services::client::makeChannel(env.pki().endpoint(
            env.backoffice().target(), env.pki().touchTerminal("T-370102-001", "370102"))));
    GetTemplatesForVerifyResponse none;
    EXPECT_EQ(renshe::testing::call(*elsewhere, &CertificationService::Stub::GetTemplatesForVerify,
                                    req, &none)
                  .refusal,
              "REFUSAL_REASON_UNKNOWN_PERSON");

    // The enrolled template verifies the same finger on the (virtual) terminal sensor.
    const std::string& bytes = templates.templates(0).serialized_print();
    const auto print =
        fp::Print::deserialize({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
    fp::Context context;
    auto device =
        context.open(renshe::testing::VirtualFingerprintDevice::find(context, "virtual_image"));
    ASSERT_EQ(device.compatibility(print), fp::Compatibility::Compatible);
    for (const auto& [seed, expected] :
         std::vector<std::pair<std::uint64_t, fp::VerifyResult::Outcome>>{
             {kFinger, fp::VerifyResult::Outcome::Match},
             {kOtherFinger, fp::VerifyResult::Outcome::NoMatch}}) {
        std::optional<fp::synthetic::VirtualImageFeeder> terminalFeeder;
        const std::uint64_t finger = seed;  // clang 14 cannot capture a structured binding
        fp::ScanCallbacks callbacks;
        callbacks.fingerStatus = [&](const fp::FingerStatus& s) {
            if (!s.waitingForFinger())
                return;
            if (!terminalFeeder)
                terminalFeeder.emplace(sensors.imageSocket().string());
            terminalFeeder->send(fp::synthetic::presentation(finger, 7));
        };
        EXPECT_EQ(device.verify(print, callbacks).outcome, expected);
    }
}

}  // namespace
