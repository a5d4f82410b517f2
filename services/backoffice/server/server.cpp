#include "services/backoffice/server/server.hpp"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server.h>
#include <grpcpp/server_builder.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <climits>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "drivers/util/json.hpp"
#include "renshe/v1/admin.grpc.pb.h"
#include "renshe/v1/card.grpc.pb.h"
#include "renshe/v1/certification.grpc.pb.h"
#include "renshe/v1/content.grpc.pb.h"
#include "renshe/v1/guides.grpc.pb.h"
#include "renshe/v1/jobs.grpc.pb.h"
#include "renshe/v1/terminal.grpc.pb.h"
#include "services/backoffice/admin/admin_service.hpp"
#include "services/backoffice/applications/application_service.hpp"
#include "services/backoffice/applications/feedback_service.hpp"
#include "services/backoffice/card/card_service.hpp"
#include "services/backoffice/card/lifecycle.hpp"
#include "services/backoffice/certification/certification_service.hpp"
#include "services/backoffice/content/content_service.hpp"
#include "services/backoffice/counter/counter_service.hpp"
#include "services/backoffice/fleet/fleet_metrics.hpp"
#include "services/backoffice/fleet/terminal_service.hpp"
#include "services/backoffice/guides/guides_service.hpp"
#include "services/backoffice/jobs/jobs_service.hpp"
#include "services/backoffice/records/records_service.hpp"
#include "services/backoffice/records/statements.hpp"
#include "services/backoffice/records/verify_html.hpp"
#include "services/backoffice/rpc/audit.hpp"
#include "services/backoffice/rpc/keystore.hpp"
#include "services/backoffice/rpc/mutation_runner.hpp"
#include "services/backoffice/server/callback_queue_ticker.hpp"
#include "services/backoffice/server/metrics_http.hpp"
#include "services/backoffice/server/ports.hpp"
#include "services/backoffice/server/status_interceptor.hpp"
#include "services/backoffice/server/verify_page.hpp"
#include "services/pki/pki.hpp"
#include "services/store/store.hpp"

namespace renshe::services::backoffice {

namespace {
constexpr auto kShutdownGrace = std::chrono::seconds(5);
}

struct Server::Impl {
    Options options;
    std::unique_ptr<store::Store> store;
    std::unique_ptr<store::Store> replica;  // --database-replica
    std::optional<Keystore> keys;
    std::unique_ptr<util::Clock> clock;  // before the runner, which reads it
    std::unique_ptr<MutationRunner> runner;
    std::unique_ptr<CardServiceImpl> card;
    std::unique_ptr<AdminServiceImpl> admin;
    std::unique_ptr<JobServiceImpl> jobs;
    std::unique_ptr<RecordsServiceImpl> records;
    std::unique_ptr<GuideServiceImpl> guides;
    std::unique_ptr<ApplicationServiceImpl> applications;
    std::unique_ptr<FeedbackServiceImpl> feedback;
    std::unique_ptr<CounterServiceImpl> counter;
    std::unique_ptr<grpc::Service> content;
    std::unique_ptr<grpc::Service> terminal;
    std::unique_ptr<CertificationServiceImpl> certification;
    std::unique_ptr<MetricsHttp> metricsHttp;
    std::unique_ptr<VerifyPage> verifyPage;
    std::unique_ptr<CallbackQueueTicker> callbackTicker;  // see callback_queue_ticker.hpp
    std::unique_ptr<grpc::Server> staffServer;            // --staff-listen; null without
    std::unique_ptr<grpc::Server> server;  // last: shut down and gone before the services
    std::once_flag shutdownOnce;

    // Lifts due temporary loss reports every `sweepSeconds` until stopped.
    std::mutex sweepMutex;
    std::condition_variable sweepWake;
    bool stopping = false;
    std::thread sweeper;

    // The audit head, signed with the audit key, in --audit-checkpoint (outside the
    // database): every sweep round and at shutdown; each new head also appended to
    // `<file>.history`. A head that no longer holds the last checkpoint's event (a cut tail, a
    // chain rewritten) is not written: the file keeps the evidence and the log says so.
    std::optional<AuditCheckpoint> lastCheckpoint;
    bool checkpointRead = false;
    // When the checkpoint file was last written (the back office's clock, µs); the start
    // until the first one, so one that can never be written shows as ageing.
    std::atomic<std::int64_t> checkpointWrittenAt{0};

    // The fleet's gauges are read from the store at most every kFleetMetricsSeconds, however
    // often and by how many Prometheus servers /metrics is scraped.
    static constexpr int kFleetMetricsSeconds = 5;
    static constexpr int kMaxIdleCallThreads = 256;
    std::mutex fleetMetricsMutex;
    std::string fleetMetricsText;
    std::optional<std::chrono::steady_clock::time_point> fleetMetricsAt;

    // One gRPC server on `address` with every service; the port decides who may call and how
    // large a message it reads (server/ports.hpp). Throws when it cannot listen.
    std::unique_ptr<grpc::Server> serve(const std::string& address, Port port, int* bound) {
        grpc::ServerBuilder builder;
        builder.AddListeningPort(address, portCredentials(options, port), bound);
        builder.SetMaxReceiveMessageSize(port == Port::Staff ? kStaffPortMaxMessageBytes
                                                             : kTerminalPortMaxMessageBytes);
        // gRPC estimates each connection's bandwidth-delay product with an HTTP/2 PING when data
        // arrives after a pause — on a terminal's channel, after nearly every request (a
        // heartbeat every 30 s): a sendmsg for the ping, a recvmsg for its ack, wake-ups. It only
        // ever grows the window a sender may fill, and a terminal request is at most 64 KiB
        // (checks::kMaxRequestBytes), about the default window. Off on the terminal port (the
        // fleet's steady state: a third fewer syscalls and context switches, ~15 % less CPU;
        // deploy/PROVINCE-SCALE.md); the staff port keeps it for its 40 MiB imports.
        if (port == Port::Terminal) {
            builder.AddChannelArgument(GRPC_ARG_HTTP2_BDP_PROBE, 0);
            // No keepalive PING from the server (its default: every 2 h), so no keepalive timer
            // per connection. Debian's libgrpc 1.51 is built with assertions: each timer set or
            // cancelled walks a debug list of the pending timers in its bucket (1,009 buckets),
            // every call's deadline included. With 10,000 terminals connected, that walk was
            // 5 % of the back office's CPU beside the fleet (deploy/PROVINCE-SCALE.md). A
            // terminal that vanished without closing its connection is let go instead when the
            // connection has had no call for --idle-connection-seconds (a heartbeat every 30 s
            // keeps a live one open; a display's content stream is a call in flight).
            builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIME_MS, INT_MAX);
            builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_IDLE_MS,
                                       options.idleConnectionSeconds * 1000);
        }
        // gRPC's sync-server thread pool keeps at most MAX_POLLERS threads waiting for calls
        // (default 2): past that, a thread that ends a call exits and the next call starts a
        // new one. With 64 calls waiting on a group commit, that was a pthread_create (and a
        // stack mmap/munmap) per call, a third of the back office's CPU
        // (tests/bench/backoffice_bench.cpp). Idle threads cost a stack each, nothing more.
        builder.SetSyncServerOption(grpc::ServerBuilder::SyncServerOption::MIN_POLLERS, 2);
        builder.SetSyncServerOption(grpc::ServerBuilder::SyncServerOption::MAX_POLLERS,
                                    kMaxIdleCallThreads);
        std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
            interceptors;
        interceptors.push_back(std::make_unique<StatusInterceptorFactory>());
        builder.experimental().SetInterceptorCreators(std::move(interceptors));
        for (grpc::Service* service : std::initializer_list<grpc::Service*>{
                 card.get(), certification.get(), jobs.get(), records.get(), guides.get(),
                 content.get(), terminal.get(), admin.get(), applications.get(), feedback.get(),
                 counter.get()})
            builder.RegisterService(service);
        auto server = builder.BuildAndStart();
        if (!server || *bound == 0) {
            throw std::runtime_error("cannot listen on " + address +
                                     " (address in use or not local?)");
        }
        return server;
    }

    std::string renderMetrics() {
        std::string out = runner->metrics().render(store->stats());
        out += fleetMetrics();
        if (const auto waiting = runner->auditChainWaiting()) {
            out +=
                "# HELP renshe_audit_chain_waiting_seconds PostgreSQL: how long the oldest audit "
                "event asked to be chained has waited for a chaining round to end (0 = none "
                "waits).\n"
                "# TYPE renshe_audit_chain_waiting_seconds gauge\n"
                "renshe_audit_chain_waiting_seconds " +
                std::to_string(std::chrono::duration<double>(*waiting).count()) + "\n";
        }
        if (!options.auditCheckpoint.empty()) {
            const double age =
                static_cast<double>(runner->clock().nowMicros() - checkpointWrittenAt.load()) / 1e6;
            out +=
                "# HELP renshe_audit_checkpoint_age_seconds Seconds since the signed audit "
                "checkpoint (--audit-checkpoint) was last written.\n"
                "# TYPE renshe_audit_checkpoint_age_seconds gauge\n"
                "renshe_audit_checkpoint_age_seconds " +
                std::to_string(std::max(0.0, age)) + "\n";
        }
        return out;
    }

    std::string fleetMetrics() {
        std::lock_guard lock(fleetMetricsMutex);
        const auto now = std::chrono::steady_clock::now();
        if (!fleetMetricsAt ||
            now - *fleetMetricsAt >= std::chrono::seconds(kFleetMetricsSeconds)) {
            try {
                std::string text;
                store->read([&](store::Tx& tx) {
                    text =
                        fleet::renderFleetMetrics(tx, options.policy, runner->clock().nowMicros());
                });
                fleetMetricsText = std::move(text);
                fleetMetricsAt = now;
            } catch (const std::exception& e) {
                // Stale gauges would mislead: none until the store answers again.
                fleetMetricsText.clear();
                fleetMetricsAt.reset();
                runner->log(std::string("{\"level\":\"error\",\"event\":\"metrics\","
                                        "\"error\":\"") +
                            util::jsonEscape(e.what()) + "\"}");
            }
        }
        return "# HELP renshe_store_reachable 1 when the fleet's gauges could be read from the "
               "store.\n# TYPE renshe_store_reachable gauge\nrenshe_store_reachable " +
               std::string(fleetMetricsAt ? "1" : "0") + "\n" + fleetMetricsText;
    }

    // The statement verification page (--verify-listen), when asked for; the link statements'
    // QR codes carry ("" without a page or --verify-url).
    std::string startVerifyPage() {
        const Options& o = options;
        if (o.verifyListen.empty())
            return o.verifyUrl;
        store::Store* st = store.get();
        const Keystore* k = &*keys;
        verifyPage = std::make_unique<VerifyPage>(
            o.verifyListen, o.verifyCertificate, o.verifyPrivateKey,
            VerifyPageLimit{o.verifyLimit.max, o.verifyLimit.windowSeconds},
            [st, k](const std::string& number, const std::string& code) {
                records::StatementCheck check;
                st->read(
                    [&](store::Tx& tx) { check = records::verifyStatement(tx, *k, number, code); });
                return records::verifyPageHtml(check, number);
            });
        if (!o.verifyPortFile.empty())
            pki::writeFileAtomically(
                o.verifyPortFile, std::to_string(verifyPage->port()) + "\n",
                std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                    std::filesystem::perms::group_read | std::filesystem::perms::others_read);
        if (!o.verifyUrl.empty())
            return o.verifyUrl;
        return "https://" + o.verifyListen.substr(0, o.verifyListen.rfind(':')) + ":" +
               std::to_string(verifyPage->port()) + "/verify";
    }

    void writeCheckpoint() {
        if (options.auditCheckpoint.empty())
            return;
        try {
            if (!checkpointRead) {
                checkpointRead = true;
                lastCheckpoint = checkpointOnDisk(options.auditCheckpoint, *keys);
            }
            AuditCheckpoint c;
            std::optional<std::string> hashThen;
            store->read([&](store::Tx& tx) {
                c = auditCheckpoint(tx, *keys, runner->clock().nowMicros());
                hashThen.reset();
                if (lastCheckpoint) {
                    if (const auto r = tx.queryOne("SELECT hash FROM audit_events WHERE seq = $1",
                                                   {lastCheckpoint->seq}))
                        hashThen = r->text(0);
                }
            });
            if (lastCheckpoint && lastCheckpoint->seq > 0 &&
                (c.seq < lastCheckpoint->seq || hashThen != lastCheckpoint->hashHex)) {
                runner->log(
                    "{\"level\":\"error\",\"event\":\"audit_chain_regressed\","
                    "\"checkpoint_seq\":" +
                    std::to_string(lastCheckpoint->seq) + ",\"head_seq\":" + std::to_string(c.seq) +
                    ",\"message\":\"the audit chain no longer holds the last checkpoint's event; "
                    "the checkpoint file is kept as it was\"}");
                return;
            }
            const auto secret =
                std::filesystem::perms::owner_read | std::filesystem::perms::owner_write;
            pki::writeFileAtomically(options.auditCheckpoint, checkpointText(c), secret);
            checkpointWrittenAt = runner->clock().nowMicros();
            if (!lastCheckpoint || lastCheckpoint->seq != c.seq)
                appendCheckpointHistory(options.auditCheckpoint.string() + ".history", c);
            lastCheckpoint = c;
        } catch (const std::exception& e) {
            runner->log(std::string("{\"level\":\"error\",\"event\":\"audit_checkpoint\","
                                    "\"error\":\"") +
                        util::jsonEscape(e.what()) + "\"}");
        }
    }

    void flushRefusals() {
        try {
            runner->flushRefusals();
        } catch (const std::exception& e) {
            runner->log(std::string("{\"level\":\"error\",\"event\":\"refusal_audit\","
                                    "\"error\":\"") +
                        util::jsonEscape(e.what()) + "\"}");
        }
    }

    void sweepLoop() {
        std::unique_lock lock(sweepMutex);
        while (!stopping) {
            sweepWake.wait_for(lock, std::chrono::seconds(options.sweepSeconds));
            if (stopping)
                break;
            lock.unlock();
            try {
                int lifted = 0;
                store->write(
                    [&](store::Tx& tx) {
                        const std::int64_t now = runner->clock().nowMicros();
                        lifted = liftDueLosses(tx, *runner, now);
                        // Request ids are remembered for the retention period (at least 30 days, so
                        // an outbox delivery days later still finds its first outcome); closed or
                        // expired PIN reset sessions go after a day.
                        tx.exec("DELETE FROM requests WHERE created_at < $1",
                                {now - options.policy.requestRetentionSeconds * 1'000'000});
                        tx.exec("DELETE FROM pin_reset_sessions WHERE expires_at < $1",
                                {now - 86400LL * 1'000'000});
                        tx.exec("DELETE FROM verification_tickets WHERE expires_at < $1",
                                {now - 86400LL * 1'000'000});
                        // A rate-limit bucket whose window has passed counts nothing: gone, so
                        // that every ID number ever tried does not stay a row.
                        tx.exec("DELETE FROM rate_limits WHERE window_start <= $1",
                                {now - options.policy.longestLimitWindowSeconds() * 1'000'000});
                    },
                    store::Store::Priority::Background);
                if (lifted > 0) {
                    runner->log("{\"level\":\"info\",\"event\":\"auto_lift\",\"cards\":" +
                                std::to_string(lifted) + "}");
                }
                flushRefusals();
                writeCheckpoint();
            } catch (const std::exception&) {
                runner->log(
                    "{\"level\":\"error\",\"event\":\"auto_lift\",\"error\":\"store "
                    "unavailable\"}");
            }
            lock.lock();
        }
    }
};

Server::Server(Options options) : m_impl(std::make_unique<Impl>()) {
    m_impl->options = std::move(options);
}

Server::~Server() {
    shutdown();
    if (m_impl) {
        {
            std::lock_guard lock(m_impl->sweepMutex);
            m_impl->stopping = true;
        }
        m_impl->sweepWake.notify_all();
        if (m_impl->sweeper.joinable())
            m_impl->sweeper.join();
    }
}

int Server::start() {
    const Options& o = m_impl->options;
    m_impl->keys.emplace(Keystore::load(o.keystore));
    m_impl->store = store::Store::open(o.database);
    if (!o.testClockFile.empty())
        m_impl->clock = std::make_unique<util::OffsetClock>(o.testClockFile);
    else
        m_impl->clock = std::make_unique<util::SystemClock>();
    m_impl->runner = std::make_unique<MutationRunner>(*m_impl->store, *m_impl->keys, o.policy,
                                                      o.insecurePlaintext, *m_impl->clock);
    if (!o.databaseReplica.empty()) {
        store::Store::Options replica;
        replica.readReplica = true;
        m_impl->replica = store::Store::open(o.databaseReplica, replica);
        m_impl->runner->setReadReplica(m_impl->replica.get(),
                                       std::chrono::seconds(o.replicaMaxLagSeconds));
    }
    m_impl->card = std::make_unique<CardServiceImpl>(*m_impl->runner);
    std::optional<pki::CertificateAuthority> terminalCa;
    if (!o.terminalCaCertificate.empty()) {
        terminalCa = pki::CertificateAuthority::fromPem(pki::readFile(o.terminalCaCertificate),
                                                        pki::readFile(o.terminalCaKey));
    }
    const std::chrono::hours terminalValidity(24 * o.terminalCertificateDays);
    std::optional<TerminalCa> renewalCa;
    if (terminalCa)
        renewalCa = TerminalCa{*terminalCa, terminalValidity};
    m_impl->admin = std::make_unique<AdminServiceImpl>(
        *m_impl->runner, o.insecurePlaintext ? std::string() : pki::readFile(o.clientCa),
        std::move(terminalCa), terminalValidity);
    m_impl->jobs = std::make_unique<JobServiceImpl>(*m_impl->runner);
    const std::string verifyUrl = m_impl->startVerifyPage();
    m_impl->records = std::make_unique<RecordsServiceImpl>(*m_impl->runner, verifyUrl);
    m_impl->certification = std::make_unique<CertificationServiceImpl>(*m_impl->runner);
    m_impl->guides = std::make_unique<GuideServiceImpl>(*m_impl->runner);
    m_impl->applications = std::make_unique<ApplicationServiceImpl>(*m_impl->runner);
    m_impl->feedback = std::make_unique<FeedbackServiceImpl>(*m_impl->runner);
    m_impl->counter = std::make_unique<CounterServiceImpl>(*m_impl->runner);
    ContentJobSource jobHighlights;
    const util::Clock& clock = m_impl->runner->clock();
    jobHighlights.newest = [&clock](store::Tx& tx, const std::string& prefix, int limit) {
        return openJobs(tx, prefix, limit, clock.nowMicros());
    };
    jobHighlights.byIds = [&clock](store::Tx& tx, const std::vector<std::string>& ids) {
        return openJobsById(tx, ids, clock.nowMicros());
    };
    jobHighlights.appointments = [&clock](store::Tx& tx, const std::string& region) {
        return applications::queueToday(tx, region, clock.nowMicros());
    };
    m_impl->content = makeContentService(*m_impl->runner, std::move(jobHighlights));
    m_impl->terminal = makeTerminalService(*m_impl->runner, std::move(renewalCa));
    std::cerr << "renshe-backoffice: storage "
              << (m_impl->store->backend() == store::Backend::Sqlite ? "SQLite" : "PostgreSQL")
              << ", schema version " << m_impl->store->schemaVersion() << std::endl;

    if (o.insecurePlaintext) {
        std::cerr << "\n"
                  << "**************************************************************\n"
                  << "* WARNING: renshe-backoffice is serving WITHOUT TLS.          *\n"
                  << "* Anyone who can reach " << o.listen << " can read and forge calls.\n"
                  << "* This flag is for development on one machine only.          *\n"
                  << "**************************************************************\n\n";
    }
    if (o.idleConnectionSeconds <= o.policy.heartbeatIntervalSeconds) {
        std::cerr << "renshe-backoffice: warning: --idle-connection-seconds "
                  << o.idleConnectionSeconds << " is not above the heartbeat interval ("
                  << o.policy.heartbeatIntervalSeconds
                  << " s): idle terminals will reconnect for every heartbeat" << std::endl;
    }
    grpc::EnableDefaultHealthCheckService(true);
    grpc::reflection::InitProtoReflectionServerBuilderPlugin();
    int port = 0;
    m_impl->server = m_impl->serve(o.listen, Port::Terminal, &port);
    int staffPort = 0;
    if (!o.staffListen.empty())
        m_impl->staffServer = m_impl->serve(o.staffListen, Port::Staff, &staffPort);
    m_impl->server->GetHealthCheckService()->SetServingStatus(true);
    m_impl->callbackTicker = std::make_unique<CallbackQueueTicker>(
        m_impl->server->InProcessChannel(grpc::ChannelArguments()));

    const auto writePort = [](const std::filesystem::path& file, int value) {
        pki::writeFileAtomically(
            file, std::to_string(value) + "\n",
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                std::filesystem::perms::group_read | std::filesystem::perms::others_read);
    };
    if (!o.metricsListen.empty()) {
        std::optional<MetricsTls> tls;
        if (!o.metricsClientCa.empty())
            tls = MetricsTls{o.tlsCertificate, o.tlsPrivateKey, o.metricsClientCa};
        m_impl->checkpointWrittenAt = m_impl->runner->clock().nowMicros();
        m_impl->metricsHttp = std::make_unique<MetricsHttp>(
            o.metricsListen, [impl = m_impl.get()] { return impl->renderMetrics(); }, tls);
        if (!o.metricsPortFile.empty())
            writePort(o.metricsPortFile, m_impl->metricsHttp->port());
    }
    if (!o.staffPortFile.empty() && staffPort != 0)  // first: the port file says "all ready"
        writePort(o.staffPortFile, staffPort);
    if (!o.portFile.empty())
        writePort(o.portFile, port);
    m_impl->sweeper = std::thread([impl = m_impl.get()] { impl->sweepLoop(); });
    std::cerr << "renshe-backoffice: serving on port " << port
              << (o.insecurePlaintext ? " (PLAINTEXT)" : " (mutual TLS)");
    if (staffPort != 0)
        std::cerr << ", staff port " << staffPort;
    std::cerr << std::endl;
    return port;
}

void Server::wait() {
    if (m_impl->server) {
        m_impl->server->Wait();
    }
    if (m_impl->staffServer) {
        m_impl->staffServer->Wait();
    }
}

bool Server::alive() {
    if (!m_impl || !m_impl->store)
        return false;
    try {
        m_impl->store->read([](store::Tx& tx) { tx.queryOne("SELECT 1"); });
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

void Server::shutdown() {
    if (!m_impl || !m_impl->server) {
        return;
    }
    std::call_once(m_impl->shutdownOnce, [this] {
        m_impl->server->GetHealthCheckService()->SetServingStatus(false);
        if (m_impl->staffServer)
            m_impl->staffServer->GetHealthCheckService()->SetServingStatus(false);
        stopContentStreams(*m_impl->content);  // else displays' streams hold the grace period
        m_impl->callbackTicker.reset();
        const auto deadline = std::chrono::system_clock::now() + kShutdownGrace;
        if (m_impl->staffServer)
            m_impl->staffServer->Shutdown(deadline);
        m_impl->server->Shutdown(deadline);
        m_impl->flushRefusals();    // the refusals counted since the last round
        m_impl->writeCheckpoint();  // the last word: every event written before the stop
    });
}

}  // namespace renshe::services::backoffice
