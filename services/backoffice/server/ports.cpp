#include "services/backoffice/server/ports.hpp"

#include <grpcpp/security/auth_metadata_processor.h>

#include <string>

#include "services/pki/pki.hpp"

namespace renshe::services::backoffice {

namespace {

// Runs on the call's headers, before the message: lets staff certificates through only.
class StaffOnly final : public grpc::AuthMetadataProcessor {
public:
    // Parsing one certificate is quick; no need for gRPC's extra thread.
    bool IsBlocking() const override { return false; }

    grpc::Status Process(const InputMetadata& /*metadata*/, grpc::AuthContext* context,
                         OutputMetadata* /*consumed*/, OutputMetadata* /*response*/) override {
        const auto pem = context ? context->FindPropertyValues("x509_pem_cert")
                                 : std::vector<grpc::string_ref>();
        if (pem.empty())
            return refused("no client certificate");
        try {
            const auto identity = pki::identityFromCertificatePem(
                std::string(pem.front().data(), pem.front().size()));
            if (identity.role == pki::Role::Staff)
                return grpc::Status::OK;
        } catch (const std::exception&) {
            return refused("the client certificate carries no identity");
        }
        return refused("the staff port serves staff certificates only");
    }

private:
    static grpc::Status refused(const std::string& why) {
        return {grpc::StatusCode::UNAUTHENTICATED, why};
    }
};

}  // namespace

std::shared_ptr<grpc::ServerCredentials> portCredentials(const Options& o, Port port) {
    if (o.insecurePlaintext)  // loopback only (checked with the options); identity by header
        return grpc::InsecureServerCredentials();
    grpc::SslServerCredentialsOptions tls(
        GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
    tls.pem_root_certs = pki::readFile(o.clientCa);
    tls.pem_key_cert_pairs.push_back(
        {pki::readFile(o.tlsPrivateKey), pki::readFile(o.tlsCertificate)});
    auto creds = grpc::SslServerCredentials(tls);
    if (port == Port::Staff)
        creds->SetAuthMetadataProcessor(std::make_shared<StaffOnly>());
    return creds;
}

}  // namespace renshe::services::backoffice
