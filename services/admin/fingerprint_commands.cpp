#include "services/admin/fingerprint_commands.hpp"

#include <iostream>
#include <map>
#include <optional>

#include "drivers/fprint/fprint.hpp"
#include "renshe/v1/certification.grpc.pb.h"
#include "services/admin/cli_support.hpp"

namespace renshe::services::admin {

using namespace renshe::v1;
namespace fp = drivers::fprint;

std::string fingerprintUsage() {
    return "  enroll-fingerprint --ssn ID | --card NUMBER --finger FINGER [--replace]\n"
           "             enrol a fingerprint with the sensor of this machine, the person present\n"
           "             with their ID card (见面登记); FINGER: right-index (default), "
           "right-thumb,\n"
           "             right-middle, left-index, left-thumb, left-middle, …\n";
}

namespace {

const std::map<std::string, fp::Finger>& fingers() {
    static const std::map<std::string, fp::Finger> m{
        {"left-thumb", fp::Finger::LeftThumb},   {"left-index", fp::Finger::LeftIndex},
        {"left-middle", fp::Finger::LeftMiddle}, {"left-ring", fp::Finger::LeftRing},
        {"left-little", fp::Finger::LeftLittle}, {"right-thumb", fp::Finger::RightThumb},
        {"right-index", fp::Finger::RightIndex}, {"right-middle", fp::Finger::RightMiddle},
        {"right-ring", fp::Finger::RightRing},   {"right-little", fp::Finger::RightLittle},
    };
    return m;
}

}  // namespace

int runFingerprintCommand(const std::vector<std::string>& argv) {
    cli::Args args(argv);
    const auto connection = cli::takeConnection(args);
    const auto ssn = args.take("--ssn");
    const auto card = args.take("--card");
    const std::string fingerName = args.take("--finger").value_or("right-index");
    const bool replace = args.flag("--replace");
    auto& rest = args.rest();
    if (rest.size() != 1 || rest[0] != "enroll-fingerprint")
        return 2;
    const auto finger = fingers().find(fingerName);
    if ((!ssn && !card) || finger == fingers().end()) {
        std::cerr << "renshe-admin: enroll-fingerprint needs --ssn ID or --card NUMBER and a known "
                     "--finger\n";
        return 2;
    }
    if (!connection.check("enroll-fingerprint"))
        return 2;

    // Progress in the words staff read to the person in front of them.
    fp::ScanCallbacks callbacks;
    callbacks.fingerStatus = [](const fp::FingerStatus& s) {
        if (s.waitingForFinger())
            std::cout << "place finger: 请把手指放在指纹仪上" << std::endl;
    };
    callbacks.enrollProgress = [](const fp::EnrollProgress& p) {
        if (p.retry) {
            std::cout << "retry (" << fp::toString(*p.retry) << "): 请重新按压" << std::endl;
        } else {
            std::cout << "stage " << p.completedStages << "/" << p.totalStages << " done"
                      << std::endl;
        }
    };
    std::optional<fp::EnrollResult> result;
    try {
        result.emplace(
            fp::enrollOnFirstDevice(finger->second, callbacks, {"renshe", "counter enrolment"}));
    } catch (const fp::Error& e) {
        std::cerr << "renshe-admin: the sensor failed (" << fp::toString(e.code())
                  << "): " << e.what() << "\n";
        return 1;
    }

    const fp::EnrollResult& enrolled = *result;
    EnrollFingerprintRequest req;
    req.set_request_id(client::newRequestId());
    if (ssn)
        req.mutable_person()->set_ssn(*ssn);
    else
        req.mutable_person()->set_card_number(*card);
    req.set_finger(static_cast<renshe::v1::Finger>(static_cast<int>(finger->second)));
    req.set_serialized_print(std::string(enrolled.serialized.begin(), enrolled.serialized.end()));
    req.mutable_device()->set_driver(enrolled.driver);
    req.mutable_device()->set_device_id(enrolled.deviceId);
    req.set_replace_existing(replace);
    auto stub = CertificationService::NewStub(connection.channel());
    EnrollFingerprintResponse resp;
    const auto r = cli::withRetries(
        [&](grpc::ClientContext& ctx) { return stub->EnrollFingerprint(&ctx, req, &resp); });
    if (!r.ok())
        return cli::report(r);
    std::cout << "enrolled " << fingerName << " on " << enrolled.driver << " (" << enrolled.stages
              << " stages)\n";
    return 0;
}

}  // namespace renshe::services::admin
