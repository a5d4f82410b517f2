#include "tests/service/loss_storm.hpp"

#include <algorithm>
#include <fstream>

#include "tests/fixtures/net.hpp"

namespace renshe::testing::storm {

using namespace renshe::v1;
using Card = CardService::Stub;
using Admin = AdminService::Stub;

std::vector<SeededCard> seedPeople(const Clients& staff, const Clients& touch) {
    std::vector<SeededCard> people;
    for (int i = 0; i < kPeople; ++i)
        people.push_back(inventedCard(i));
    const auto imp = registryImportOf(people);
    ImportRegistryResponse ir;
    const auto o = call(*staff.admin, &Admin::ImportRegistry, imp, &ir);
    EXPECT_TRUE(o.ok()) << o;
    EXPECT_EQ(ir.errors_size(), 0) << (ir.errors_size() ? ir.errors(0).error().reason() : "");
    EXPECT_EQ(ir.persons_imported(), kPeople);
    EXPECT_EQ(ir.cards_imported(), kPeople);
    for (const auto& p : people) {
        const auto a = activate(touch, p, kPassword);
        EXPECT_TRUE(a.ok()) << a;
    }
    return people;
}

ReportTemporaryLossRequest reportFor(const SeededCard& p, const std::string& requestId) {
    ReportTemporaryLossRequest r;
    r.set_request_id(requestId);
    r.set_ssn(p.ssn);
    r.set_name(p.name);
    r.mutable_second_factor()->set_service_password(kPassword);
    return r;
}

void expectExactlyOnce(const Clients& staff, const std::vector<SeededCard>& people,
                       const std::map<int, std::string>& ackedNumbers) {
    for (int i = 0; i < static_cast<int>(people.size()); ++i) {
        QueryAuditRequest q;
        q.set_subject_ssn(people[i].ssn);
        q.set_event_type("card.report_temporary_loss");
        q.mutable_page()->set_page_size(100);
        QueryAuditResponse events;
        ASSERT_TRUE(call(*staff.admin, &Admin::QueryAudit, q, &events).ok());
        int ok = 0;
        for (const auto& e : events.events())
            ok += e.outcome() == "OK";
        EXPECT_EQ(ok, 1) << "person " << i;

        GetPersonRequest gp;
        gp.mutable_person()->set_ssn(people[i].ssn);
        GetPersonResponse person;
        ASSERT_TRUE(call(*staff.admin, &Admin::GetPerson, gp, &person).ok());
        EXPECT_EQ(person.cards(0).status(), CARD_STATUS_TEMP_LOST) << "person " << i;
        if (auto it = ackedNumbers.find(i); it != ackedNumbers.end()) {
            EXPECT_EQ(person.cards(0).loss_report().report_number(), it->second) << "person " << i;
        }
    }
    VerifyAuditChainRequest vr;
    VerifyAuditChainResponse v;
    ASSERT_TRUE(call(*staff.admin, &Admin::VerifyAuditChain, vr, &v).ok());
    EXPECT_TRUE(v.intact()) << v.reason() << " at " << v.first_broken_sequence();
}

std::unique_ptr<ChildProcess> startHaproxy(const std::filesystem::path& dir, int port,
                                           const std::vector<std::string>& targets) {
    {
        std::ofstream cfg(dir / "haproxy.cfg");
        cfg << "global\n  maxconn 4000\n"
               "defaults\n  mode tcp\n  timeout connect 2s\n  timeout client 1h\n"
               "  timeout server 1h\n  retries 3\n  option redispatch\n"
               "frontend grpc\n  bind 127.0.0.1:"
            << port << "\n  default_backend replicas\n"
            << "backend replicas\n  balance roundrobin\n";
        for (std::size_t i = 0; i < targets.size(); ++i)
            cfg << "  server r" << i
                << " 127.0.0.1:" << targets[i].substr(targets[i].rfind(':') + 1)
                << " check inter 300ms fall 1 rise 2\n";
    }
    ProcessOptions ho;
    ho.argv = {"/usr/sbin/haproxy", "-db", "-f", (dir / "haproxy.cfg").string()};
    ho.logFile = dir / "haproxy.log";
    auto haproxy = std::make_unique<ChildProcess>(std::move(ho));
    EXPECT_TRUE(waitUntil([&] { return isListening(port); }, std::chrono::seconds(10)))
        << haproxy->logTail();
    return haproxy;
}

renshe::bench::FleetLoadOptions stormFleet(const BackofficeEnv& env, const std::string& target,
                                           const std::string& staffTarget) {
    renshe::bench::FleetLoadOptions fo;
    fo.target = target;
    fo.staffTarget = staffTarget;
    fo.caCertificatePem = env.pki().ca().certificatePem();
    fo.caPrivateKeyPem = env.pki().ca().privateKeyPem();
    fo.terminals = 400;
    fo.intervalSeconds = 4;
    fo.statusRate = 20;
    fo.cards = 40;
    return fo;
}

ReportStorm::ReportStorm(const BackofficeEnv& env, const std::string& target,
                         const std::vector<SeededCard>& people, int terminals,
                         std::chrono::milliseconds spacing, std::chrono::seconds patience) {
    auto requestIds = std::make_shared<std::vector<std::string>>();
    for (std::size_t i = 0; i < people.size(); ++i)
        requestIds->push_back(newRequestId());
    for (int t = 0; t < terminals; ++t) {
        auto card = CardService::NewStub(services::client::makeChannel(env.pki().endpoint(
            target, env.pki().touchTerminal("T-371302-00" + std::to_string(t + 1),
                                            BackofficeEnv::kRegion))));
        m_threads.emplace_back(
            [this, card = std::move(card), requestIds, &people, t, terminals, spacing, patience] {
                for (int i = t; i < static_cast<int>(people.size()); i += terminals) {
                    const auto first = std::chrono::steady_clock::now();
                    for (;;) {
                        ReportTemporaryLossResponse resp;
                        const auto o = call(*card, &Card::ReportTemporaryLoss,
                                            reportFor(people[i], (*requestIds)[i]), &resp);
                        if (o.ok()) {
                            std::lock_guard lock(m_mutex);
                            m_numbers[i] = resp.card().loss_report().report_number();
                            m_acks.push_back({first, std::chrono::steady_clock::now()});
                            ++m_acked;
                            break;
                        }
                        const bool transient = o.code == grpc::StatusCode::UNAVAILABLE ||
                                               o.code == grpc::StatusCode::DEADLINE_EXCEEDED ||
                                               o.code == grpc::StatusCode::INTERNAL;
                        if (!transient || std::chrono::steady_clock::now() - first > patience) {
                            ADD_FAILURE() << "report " << i << ": " << o;
                            ++m_givenUp;
                            break;
                        }
                        ++m_retries;
                        // A terminal's back-off before it retries with the same request id.
                        std::this_thread::sleep_for(std::chrono::milliseconds(200));
                    }
                    std::this_thread::sleep_for(spacing);
                }
            });
    }
}

ReportStorm::~ReportStorm() {
    join();
}

void ReportStorm::join() {
    for (auto& t : m_threads)
        if (t.joinable())
            t.join();
}

std::map<int, std::string> ReportStorm::numbers() const {
    std::lock_guard lock(m_mutex);
    return m_numbers;
}

std::chrono::milliseconds ReportStorm::longestWait() const {
    std::lock_guard lock(m_mutex);
    std::chrono::steady_clock::duration longest{};
    for (const auto& a : m_acks)
        longest = std::max(longest, a.acked - a.firstTry);
    return std::chrono::duration_cast<std::chrono::milliseconds>(longest);
}

std::optional<std::chrono::milliseconds> ReportStorm::firstAckAfter(
    std::chrono::steady_clock::time_point since) const {
    std::lock_guard lock(m_mutex);
    std::optional<std::chrono::steady_clock::time_point> first;
    for (const auto& a : m_acks)
        if (a.firstTry >= since && (!first || a.acked < *first))
            first = a.acked;
    if (!first)
        return std::nullopt;
    return std::chrono::duration_cast<std::chrono::milliseconds>(*first - since);
}

}  // namespace renshe::testing::storm
