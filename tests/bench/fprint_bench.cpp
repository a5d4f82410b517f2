// Fingerprint 1:1 verify on libfprint's virtual_image sensor (real NBIS: mindtct + bozorth3 on
// a synthetic finger): drivers/fprint's blocking verify() against the floor of the raw C API
// (fp_device_verify_sync) verifying the same serialized print with the same image, in the same
// run. Prints p50/p99 of both and the ratio (target <= 1.5).
//
// Sections run in order on one shared setup (the sensor fixture, the enrolled print, the
// images) and add rows to the report; comparisons are printed at the end. A later section —
// the certification round trip through the back office — adds itself to sections() and a
// comparison line to main().
#include <fprint.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "drivers/fprint/fprint.hpp"
#include "drivers/fprint/synthetic.hpp"
#include "renshe/v1/admin.grpc.pb.h"
#include "renshe/v1/certification.grpc.pb.h"
#include "tests/bench/bench_stats.hpp"
#include "tests/bench/beside.hpp"
#include "tests/fixtures/fprint_device.hpp"
#include "tests/fixtures/temp_dir.hpp"
#include "tests/service/backoffice_env.hpp"

using Clock = std::chrono::steady_clock;
using renshe::bench::percentile;
namespace fprint = renshe::drivers::fprint;
namespace synthetic = renshe::drivers::fprint::synthetic;
using renshe::testing::VirtualFingerprintDevice;

namespace {

constexpr int kWarmup = 10;
constexpr int kRounds = 200;
constexpr std::uint64_t kFinger = 11;

double msSince(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// What every section shares.
struct Bench {
    VirtualFingerprintDevice fixture;  // first: libfprint reads its environment at enumeration
    std::vector<synthetic::Image> enrolment;
    synthetic::Image probe;              // the finger put on the sensor for each verify
    std::vector<std::uint8_t> enrolled;  // the serialized print every section verifies against
};

struct Row {
    std::string label;
    std::vector<double> ms;
};

class Report {
public:
    void add(const std::string& key, Row row) {
        m_order.push_back(key);
        m_rows[key] = std::move(row);
    }

    void printRows() const {
        for (const auto& key : m_order) {
            const Row& row = m_rows.at(key);
            std::printf("  %-44s p50 %7.2f ms  p99 %7.2f ms  (%zu rounds)\n", row.label.c_str(),
                        percentile(row.ms, 0.5), percentile(row.ms, 0.99), row.ms.size());
        }
    }
    // ours / floor at p50 and p99; true when both are within target.
    bool compare(const std::string& ours, const std::string& floor, double target) const {
        const auto& a = m_rows.at(ours).ms;
        const auto& b = m_rows.at(floor).ms;
        const double r50 = percentile(a, 0.5) / percentile(b, 0.5);
        const double r99 = percentile(a, 0.99) / percentile(b, 0.99);
        const bool ok = r50 <= target && r99 <= target;
        std::printf("  ratio %s / %s: p50 %.2fx  p99 %.2fx  (target <= %.2f: %s)\n", ours.c_str(),
                    floor.c_str(), r50, r99, target, ok ? "met" : "MISSED");
        return ok;
    }

private:
    std::vector<std::string> m_order;
    std::map<std::string, Row> m_rows;
};

// ---------------------------------------------------------------- sections

// Enrols the finger through drivers/fprint (not timed: every other section needs the print).
bool enrol(Bench& bench, Report&) {
    fprint::Context context;
    auto device = context.open(
        VirtualFingerprintDevice::find(context, VirtualFingerprintDevice::kImageDriver));
    const auto result =
        device.enroll(fprint::Finger::RightIndex, bench.fixture.presentFingers(bench.enrolment));
    bench.enrolled = result.serialized;
    device.close();
    bench.fixture.dropImageConnection();
    std::printf("  enrolled %d stages, %zu-byte print on %s/%s\n", result.stages,
                result.serialized.size(), result.driver.c_str(), result.deviceId.c_str());
    return true;
}

// Ours: Device::verify — loop-thread hop, finger-status relay to the calling thread (which
// feeds the image), result relay, outcome mapping.
bool verifyWrapper(Bench& bench, Report& report) {
    fprint::Context context;
    auto device = context.open(
        VirtualFingerprintDevice::find(context, VirtualFingerprintDevice::kImageDriver));
    const auto stored = fprint::Print::deserialize(bench.enrolled);
    Row row{"drivers/fprint Device::verify", {}};
    for (int i = 0; i < kWarmup + kRounds; ++i) {
        auto callbacks = bench.fixture.presentFingers({bench.probe});
        const auto t0 = Clock::now();
        const auto result = device.verify(stored, callbacks);
        const double ms = msSince(t0);
        if (!result.isMatch()) {
            std::fprintf(stderr, "bench invalid: wrapper verify gave %s\n",
                         fprint::toString(result.outcome));
            return false;
        }
        if (i >= kWarmup) {
            row.ms.push_back(ms);
        }
    }
    report.add("wrapper", std::move(row));
    device.close();
    bench.fixture.dropImageConnection();
    return true;
}

// Floor: the same verify through libfprint's C API on this (the main) thread, which
// fp_device_verify_sync iterates. The image goes out from a feeder thread when the sensor
// asks for a finger, as in the wrapper (where the calling thread feeds it).
struct Feeder {
    std::mutex mutex;
    std::condition_variable wake;
    int pending = 0;
    bool stop = false;
};

void onFingerStatus(GObject* device, GParamSpec*, gpointer data) {
    const FpFingerStatusFlags flags = fp_device_get_finger_status(FP_DEVICE(device));
    if ((flags & FP_FINGER_STATUS_NEEDED) != 0 && (flags & FP_FINGER_STATUS_PRESENT) == 0) {
        auto* feeder = static_cast<Feeder*>(data);
        std::lock_guard lock(feeder->mutex);
        ++feeder->pending;
        feeder->wake.notify_one();
    }
}

bool verifyRaw(Bench& bench, Report& report) {
    FpContext* context = fp_context_new();
    FpDevice* device = nullptr;
    GPtrArray* devices = fp_context_get_devices(context);  // enumerates
    for (guint i = 0; i < devices->len; ++i) {
        auto* d = FP_DEVICE(g_ptr_array_index(devices, i));
        if (g_strcmp0(fp_device_get_driver(d), VirtualFingerprintDevice::kImageDriver) == 0) {
            device = d;
        }
    }
    GError* error = nullptr;
    if (device == nullptr || !fp_device_open_sync(device, nullptr, &error)) {
        std::fprintf(stderr, "bench invalid: raw open failed\n");
        return false;
    }
    FpPrint* stored = fp_print_deserialize(bench.enrolled.data(), bench.enrolled.size(), &error);
    if (stored == nullptr) {
        std::fprintf(stderr, "bench invalid: raw deserialize failed\n");
        return false;
    }

    Feeder feeder;
    auto& image = bench.fixture.image();
    std::thread feeding([&] {
        std::unique_lock lock(feeder.mutex);
        for (;;) {
            feeder.wake.wait(lock, [&] { return feeder.pending > 0 || feeder.stop; });
            if (feeder.stop) {
                return;
            }
            --feeder.pending;
            lock.unlock();
            image.send(bench.probe);
            lock.lock();
        }
    });
    const gulong handler =
        g_signal_connect(device, "notify::finger-status", G_CALLBACK(onFingerStatus), &feeder);

    bool valid = true;
    Row row{"raw fp_device_verify_sync", {}};
    for (int i = 0; i < kWarmup + kRounds && valid; ++i) {
        gboolean match = FALSE;
        const auto t0 = Clock::now();
        const gboolean ok = fp_device_verify_sync(device, stored, nullptr, nullptr, nullptr, &match,
                                                  nullptr, &error);
        const double ms = msSince(t0);
        if (!ok || !match) {
            std::fprintf(stderr, "bench invalid: raw verify %s\n",
                         ok ? "did not match" : error->message);
            g_clear_error(&error);
            valid = false;
        }
        if (i >= kWarmup) {
            row.ms.push_back(ms);
        }
    }
    {
        std::lock_guard lock(feeder.mutex);
        feeder.stop = true;
        feeder.wake.notify_one();
    }
    feeding.join();
    g_signal_handler_disconnect(device, handler);
    g_object_unref(stored);
    fp_device_close_sync(device, nullptr, nullptr);
    g_object_unref(context);
    bench.fixture.dropImageConnection();
    if (valid) {
        report.add("raw", std::move(row));
    }
    return valid;
}

// The person whose pension the rounds certify: a retiree of the terminals' county.
bool registerRetiree(renshe::testing::BackofficeEnv& env,
                     const renshe::testing::SeededCard& person) {
    using namespace renshe::v1;
    const RegisterPersonRequest retiree = renshe::testing::retireeRegistration(person);
    RegisterPersonResponse r;
    if (!renshe::testing::call(*env.staff().admin, &AdminService::Stub::RegisterPerson, retiree, &r)
             .ok()) {
        std::fprintf(stderr, "bench invalid: cannot register the retiree\n");
        return false;
    }
    return true;
}

// Their right index finger, enrolled at the counter from the bench's print.
bool enrolFinger(renshe::v1::CertificationService::Stub& staff, const Bench& bench,
                 const renshe::testing::SeededCard& person) {
    using namespace renshe::v1;
    EnrollFingerprintRequest enrol;
    enrol.set_request_id(renshe::testing::newRequestId());
    enrol.mutable_person()->set_ssn(person.ssn);
    enrol.set_finger(FINGER_RIGHT_INDEX);
    enrol.set_serialized_print(std::string(bench.enrolled.begin(), bench.enrolled.end()));
    enrol.mutable_device()->set_driver(VirtualFingerprintDevice::kImageDriver);
    enrol.mutable_device()->set_device_id("0");
    EnrollFingerprintResponse er;
    const auto enrolled =
        renshe::testing::call(staff, &CertificationService::Stub::EnrollFingerprint, enrol, &er);
    if (!enrolled.ok()) {
        std::fprintf(stderr, "bench invalid: enrolment refused: %s\n", enrolled.message.c_str());
        return false;
    }
    return true;
}

// Where the slowest 2 % of the rounds spent their time, against the others: fetch, verify,
// record (means).
void printSlowest(std::vector<std::array<double, 3>> parts) {
    const auto total = [](const std::array<double, 3>& p) { return p[0] + p[1] + p[2]; };
    std::sort(parts.begin(), parts.end(),
              [&](const auto& a, const auto& b) { return total(a) > total(b); });
    const std::size_t slow = std::max<std::size_t>(1, parts.size() / 50);
    const auto mean = [&](std::size_t from, std::size_t to, std::size_t part) {
        double sum = 0;
        for (std::size_t i = from; i < to; ++i)
            sum += parts[i][part];
        return to > from ? sum / static_cast<double>(to - from) : 0.0;
    };
    std::printf(
        "  the slowest %zu rounds (mean ms): fetch %.2f, verify %.2f, record %.2f; the "
        "others: %.2f, %.2f, %.2f\n",
        slow, mean(0, slow, 0), mean(0, slow, 1), mean(0, slow, 2), mean(slow, parts.size(), 0),
        mean(slow, parts.size(), 1), mean(slow, parts.size(), 2));
    for (std::size_t i = 0; i < slow; ++i)
        std::printf("    %.2f = %.2f + %.2f + %.2f\n", total(parts[i]), parts[i][0], parts[i][1],
                    parts[i][2]);
}

// Ours, end to end: one certification round as the kiosk does it — fetch the person's templates
// from the real back office over mutual TLS, 1:1 verify on the sensor, record the result —
// with the back office's terminal fleet heartbeating beside the rounds (RENSHE_BENCH_TERMINALS,
// 10,000 unless told) and its stage histograms printed after them; against the verify alone
// taking turns with the rounds in the same conditions (the target), and against the raw verify
// of a quiet machine (the stricter reading, printed for reference).
bool certificationRound(Bench& bench, Report& report) {
    using namespace renshe::v1;
    // One terminal certifies every round: lift the hourly ceiling a real terminal has (60) so
    // the bench measures the path, not the limit.
    renshe::testing::TempDir work("renshe-bench-fprint");
    renshe::testing::BackofficeEnv env(
        renshe::testing::StoreKind::Sqlite,
        {"--limit-terminal-certifications", "1000000/3600", "--metrics-listen", "127.0.0.1:0",
         "--metrics-port-file", (work / "metrics.port").string()});
    renshe::testing::SeededCard person;
    renshe::testing::seed(env.staff(), person);
    if (!registerRetiree(env, person))
        return false;
    auto staff = CertificationService::NewStub(renshe::services::client::makeChannel(
        env.pki().endpoint(env.backoffice().staffTarget(), env.pki().staff("S-0001", "371302"))));
    // A terminal may fetch templates 120 times an hour: the rounds go round three terminals.
    std::vector<std::unique_ptr<CertificationService::Stub>> touches;
    for (const char* id : {"T-371302-001", "T-371302-002", "T-371302-003"})
        touches.push_back(CertificationService::NewStub(renshe::services::client::makeChannel(
            env.pki().endpoint(env.backoffice().target(), env.pki().touchTerminal(id, "371302")))));
    if (!enrolFinger(*staff, bench, person))
        return false;

    int metricsPort = 0;
    std::ifstream(work / "metrics.port") >> metricsPort;
    renshe::bench::StageProbe probe(metricsPort);
    // The back office's normal day: its terminal fleet heartbeating beside the rounds.
    renshe::bench::FleetBeside fleet(env, renshe::bench::terminalsBeside());
    std::printf("  certification rounds %s\n", fleet.label().c_str());
    probe.start();
    fprint::Context context;
    auto device = context.open(
        VirtualFingerprintDevice::find(context, VirtualFingerprintDevice::kImageDriver));
    Row row{"certification round (fetch, verify, record)", {}};
    // The floor in the same conditions: the verify alone on the same device, taking turns with
    // the rounds, beside the same fleet (the generator and the back office share the two cores
    // a verify's image processing needs). drivers/fprint's verify, which the first sections
    // show to be the raw C API's (ratio wrapper / raw).
    Row alone{"verify alone, taking turns with the rounds", {}};
    const auto enrolledPrint = fprint::Print::deserialize(bench.enrolled);
    const auto verifyAlone = [&](bool keep) {
        auto callbacks = bench.fixture.presentFingers({bench.probe});
        const auto t0 = Clock::now();
        const auto result = device.verify(enrolledPrint, callbacks);
        if (keep)
            alone.ms.push_back(msSince(t0));
        return result.isMatch();
    };
    // Each kept round's parts (fetch, verify, record), to tell where the slowest rounds lost time.
    std::vector<std::array<double, 3>> parts;
    constexpr int kCertRounds = 300;
    for (int i = 0; i < kWarmup + kCertRounds; ++i) {
        if (i % 2 == 0 && !verifyAlone(i >= kWarmup)) {
            std::fprintf(stderr, "bench invalid: the verify alone did not match\n");
            return false;
        }
        auto callbacks = bench.fixture.presentFingers({bench.probe});
        const auto t0 = Clock::now();
        GetTemplatesForVerifyRequest fetch;
        fetch.mutable_person()->set_ssn(person.ssn);
        fetch.set_purpose(VERIFICATION_PURPOSE_CERTIFICATION);
        fetch.mutable_sensor()->set_driver(VirtualFingerprintDevice::kImageDriver);
        fetch.mutable_sensor()->set_device_id("0");
        GetTemplatesForVerifyResponse templates;
        const auto got = renshe::testing::call(
            *touches[i % 3], &CertificationService::Stub::GetTemplatesForVerify, fetch, &templates);
        if (!got.ok() || templates.templates_size() != 1) {
            std::fprintf(stderr, "bench invalid: template fetch: %s\n", got.message.c_str());
            return false;
        }
        const double fetched = msSince(t0);
        const std::string& bytes = templates.templates(0).serialized_print();
        const auto stored = fprint::Print::deserialize(
            {reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
        const auto result = device.verify(stored, callbacks);
        const double verified = msSince(t0);
        RecordVerificationResultRequest record;
        record.set_request_id(renshe::testing::newRequestId());
        record.mutable_person()->set_ssn(person.ssn);
        record.set_purpose(VERIFICATION_PURPOSE_CERTIFICATION);
        record.set_matched(result.isMatch());
        record.set_finger(FINGER_RIGHT_INDEX);
        record.set_attempt(1);
        record.set_ticket(templates.ticket());
        record.mutable_device()->set_driver(result.driver);
        record.mutable_device()->set_device_id(result.deviceId);
        RecordVerificationResultResponse rr;
        const auto recorded = renshe::testing::call(
            *touches[i % 3], &CertificationService::Stub::RecordVerificationResult, record, &rr);
        const double ms = msSince(t0);
        if (!result.isMatch() || !recorded.ok()) {
            std::fprintf(stderr, "bench invalid: round %d: match %d, record %s\n", i,
                         result.isMatch(), recorded.message.c_str());
            return false;
        }
        if (i >= kWarmup) {
            row.ms.push_back(ms);
            parts.push_back({fetched, verified - fetched, ms - verified});
        }
        if (i % 2 == 1 && !verifyAlone(i >= kWarmup)) {
            std::fprintf(stderr, "bench invalid: the verify alone did not match\n");
            return false;
        }
    }
    probe.print({"certification.get_templates", "certification.verify_match"});
    printSlowest(parts);
    report.add("certification", std::move(row));
    report.add("alone", std::move(alone));
    return fleet.finish(std::cout);
}

using Section = std::function<bool(Bench&, Report&)>;

std::vector<std::pair<const char*, Section>> sections() {
    return {
        {"enrol", enrol},
        {"verify through drivers/fprint", verifyWrapper},
        {"verify through the raw C API", verifyRaw},
        {"certification round through the back office", certificationRound},
    };
}

}  // namespace

int main() {
    Bench bench;
    ::setenv("FP_DRIVERS_WHITELIST", VirtualFingerprintDevice::kImageDriver, 1);
    for (int i = 0; i < 5; ++i) {
        bench.enrolment.push_back(synthetic::presentation(kFinger, i));
    }
    bench.probe = synthetic::presentation(kFinger, 5);

    Report report;
    std::printf(
        "fingerprint verify, %d rounds, libfprint virtual_image + NBIS, %dx%d synthetic finger\n",
        kRounds, bench.probe.width, bench.probe.height);
    for (const auto& [name, run] : sections()) {
        if (!run(bench, report)) {
            std::fprintf(stderr, "section '%s' failed\n", name);
            return 1;
        }
    }
    report.printRows();
    report.compare("wrapper", "raw", 1.5);
    // The target: the round against the verify alone in the same conditions (beside the same
    // fleet); then against the quiet raw floor, the stricter reading, for reference.
    report.compare("certification", "alone", 1.5);
    std::printf("  for reference, against the raw verify on a quiet machine:\n");
    report.compare("certification", "raw", 1.5);
    return 0;
}
