#include "services/admin/catalogue_commands.hpp"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <filesystem>
#include <map>
#include <optional>
#include <vector>

#include "renshe/v1/content.grpc.pb.h"
#include "renshe/v1/guides.grpc.pb.h"
#include "renshe/v1/jobs.grpc.pb.h"
#include "services/admin/cli_support.hpp"
#include "services/pki/pki.hpp"

namespace renshe::services::admin {

using namespace renshe::v1;

std::string catalogueUsage() {
    return "  jobs import FILE.csv|FILE.json [--skip-bad] [--dry-run]\n"
           "             job postings (CSV header: "
           "id,title,employer,category,region,salary_min,salary_max\n"
           "             (whole yuan per "
           "month),requirements,contact_name,contact_phone,headcount,posted_at,\n"
           "             expires_at (YYYY-MM-DD),address,detail_url; or a JSON array of "
           "renshe.v1.Job);\n"
           "             with errors nothing is imported unless --skip-bad\n"
           "  jobs withdraw ID\n"
           "  guides import FILE.json [--withdraw ID]... [--skip-bad]\n"
           "             service guides (a JSON array of renshe.v1.Guide); the catalogue version "
           "goes up once\n"
           "  content import FILE.json\n"
           "             display content: {\"items\": [renshe.v1.ContentItem…], \"playlists\": "
           "[renshe.v1.Playlist…]},\n"
           "             each created or replaced by id, items first; displays get the change "
           "within a second;\n"
           "             a notice's \"image\": \"FILE.png|jpg\" (beside the JSON file) is uploaded "
           "first\n"
           "  content image FILE.png|FILE.jpg\n"
           "             stores an image for notices (at most 3 MiB) and prints the media_sha256 "
           "naming it\n";
}

namespace {

// Uploads one notice image (PutMedia); the digest naming it, or nothing after reporting why.
std::optional<std::string> uploadImage(ContentService::Stub& stub,
                                       const std::filesystem::path& file, int* rc) {
    std::string data;
    try {
        data = pki::readFile(file);
    } catch (const std::exception& e) {
        std::cerr << "renshe-admin: " << e.what() << "\n";
        *rc = 1;
        return std::nullopt;
    }
    PutMediaRequest req;
    req.set_request_id(client::newRequestId());
    // The type the bytes say; the back office checks it again and refuses anything else.
    req.set_content_type(data.rfind("\x89PNG", 0) == 0 ? "image/png" : "image/jpeg");
    req.set_data(std::move(data));
    PutMediaResponse resp;
    const auto r =
        cli::withRetries([&](grpc::ClientContext& ctx) { return stub.PutMedia(&ctx, req, &resp); });
    if (!r.ok()) {
        *rc = cli::report(r);
        std::cerr << "renshe-admin: the image " << file.string() << " was not stored\n";
        return std::nullopt;
    }
    return resp.sha256();
}

}  // namespace

namespace {

// renshe-admin jobs import FILE.csv|FILE.json [--skip-bad] [--dry-run]
int importJobs(cli::Args& args, const cli::Connection& connection, const std::string& what) {
    auto& rest = args.rest();
    const bool skipBad = args.flag("--skip-bad"), dryRun = args.flag("--dry-run");
    if (rest.size() != 3)
        return 2;
    if (!connection.check(what))
        return 2;
    const std::string file = rest[2];
    const std::string content = pki::readFile(file);
    ImportJobsRequest req;
    req.set_request_id(client::newRequestId());
    const auto first = content.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first != std::string::npos && content[first] == '[')
        req.set_json(content);
    else
        req.set_csv(content);
    req.set_skip_bad(skipBad);
    req.set_dry_run(dryRun);
    auto stub = JobService::NewStub(connection.channel());
    ImportJobsResponse resp;
    const auto r = cli::withRetries(
        [&](grpc::ClientContext& ctx) { return stub->ImportJobs(&ctx, req, &resp); });
    if (!r.ok())
        return cli::report(r);
    cli::printImportErrors(file, resp.errors());
    std::cout << (dryRun ? "would import " : "imported ") << resp.accepted() << " posting(s)";
    if (resp.rejected() > 0) {
        std::cout << "; " << resp.rejected() << " rejected"
                  << (skipBad ? ""
                              : ", so nothing was imported (use --skip-bad to import the rest)");
    }
    std::cout << "\n";
    return resp.rejected() > 0 ? 1 : 0;
}

// renshe-admin jobs withdraw ID
int withdrawJob(cli::Args& args, const cli::Connection& connection, const std::string& what) {
    auto& rest = args.rest();
    if (rest.size() != 3)
        return 2;
    if (!connection.check(what))
        return 2;
    ExpireJobRequest req;
    req.set_request_id(client::newRequestId());
    req.set_id(rest[2]);
    auto stub = JobService::NewStub(connection.channel());
    ExpireJobResponse resp;
    const auto r = cli::withRetries(
        [&](grpc::ClientContext& ctx) { return stub->ExpireJob(&ctx, req, &resp); });
    if (!r.ok())
        return cli::report(r);
    std::cout << resp.job().id() << " " << resp.job().title() << ": "
              << JobStatus_Name(resp.job().status()).substr(11) << "\n";
    return 0;
}

// renshe-admin content image FILE.png|FILE.jpg
int storeImage(cli::Args& args, const cli::Connection& connection, const std::string& what) {
    auto& rest = args.rest();
    if (rest.size() != 3)
        return 2;
    if (!connection.check(what))
        return 2;
    auto stub = ContentService::NewStub(connection.channel());
    int rc = 0;
    const auto digest = uploadImage(*stub, rest[2], &rc);
    if (!digest)
        return rc;
    std::cout << *digest << "\n";
    return 0;
}

// renshe-admin content import FILE.json
int importContent(cli::Args& args, const cli::Connection& connection, const std::string& what) {
    auto& rest = args.rest();
    if (rest.size() != 3)
        return 2;
    if (!connection.check(what))
        return 2;
    const std::string file = rest[2];
    // The file's two arrays, each element read as its message.
    google::protobuf::Struct root;
    if (const auto st = google::protobuf::util::JsonStringToMessage(pki::readFile(file), &root);
        !st.ok()) {
        std::cerr << "renshe-admin: " << file << " is not JSON: " << st.message() << "\n";
        return 1;
    }
    std::vector<ContentItem> items;
    std::vector<std::string> images;  // per item: the image file to upload, or ""
    std::vector<Playlist> playlists;
    for (auto& [key, value] : *root.mutable_fields()) {
        if (key != "items" && key != "playlists") {
            std::cerr << "renshe-admin: " << file << ": unknown key \"" << key
                      << "\" (items, playlists)\n";
            return 1;
        }
        int n = 0;
        for (auto& element : *value.mutable_list_value()->mutable_values()) {
            ++n;
            if (key == "items") {
                auto& fields = *element.mutable_struct_value()->mutable_fields();
                const auto image = fields.find("image");
                images.push_back(image == fields.end() ? "" : image->second.string_value());
                if (image != fields.end())
                    fields.erase(image);
            }
            std::string json;
            (void)google::protobuf::util::MessageToJsonString(element, &json);
            const auto st =
                key == "items"
                    ? google::protobuf::util::JsonStringToMessage(json, &items.emplace_back())
                    : google::protobuf::util::JsonStringToMessage(json, &playlists.emplace_back());
            if (!st.ok()) {
                std::cerr << "renshe-admin: " << file << ": " << key << "[" << n - 1
                          << "]: " << st.message() << "\n";
                return 1;
            }
        }
    }
    auto stub = ContentService::NewStub(connection.channel());
    std::int64_t revision = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const ContentItem& item = items[i];
        UpsertContentItemRequest req;
        req.set_request_id(client::newRequestId());
        *req.mutable_item() = item;
        if (!images[i].empty()) {
            int rc = 0;
            const auto digest =
                uploadImage(*stub, std::filesystem::path(file).parent_path() / images[i], &rc);
            if (!digest) {
                std::cerr << "renshe-admin: stopped at item " << item.id()
                          << " (what came before it is written)\n";
                return rc;
            }
            req.mutable_item()->set_media_sha256(*digest);
        }
        UpsertContentItemResponse resp;
        const auto r = cli::withRetries(
            [&](grpc::ClientContext& ctx) { return stub->UpsertContentItem(&ctx, req, &resp); });
        if (!r.ok()) {
            const int rc = cli::report(r);
            std::cerr << "renshe-admin: stopped at item " << item.id()
                      << " (what came before it is written)\n";
            return rc;
        }
        revision = resp.revision();
    }
    for (const auto& playlist : playlists) {
        UpsertPlaylistRequest req;
        req.set_request_id(client::newRequestId());
        *req.mutable_playlist() = playlist;
        UpsertPlaylistResponse resp;
        const auto r = cli::withRetries(
            [&](grpc::ClientContext& ctx) { return stub->UpsertPlaylist(&ctx, req, &resp); });
        if (!r.ok()) {
            const int rc = cli::report(r);
            std::cerr << "renshe-admin: stopped at playlist " << playlist.id()
                      << " (what came before it is written)\n";
            return rc;
        }
        revision = resp.revision();
    }
    std::cout << items.size() << " item(s), " << playlists.size()
              << " playlist(s); content revision " << revision << "\n";
    return 0;
}

// renshe-admin guides import FILE.json [--withdraw ID]... [--skip-bad]
int importGuides(cli::Args& args, const cli::Connection& connection, const std::string& what) {
    auto& rest = args.rest();
    ImportGuidesRequest req;
    req.set_request_id(client::newRequestId());
    req.set_skip_bad(args.flag("--skip-bad"));
    while (auto id = args.take("--withdraw"))
        req.add_withdraw_ids(*id);
    if (rest.size() > 3 || (rest.size() == 2 && req.withdraw_ids_size() == 0))
        return 2;
    if (!connection.check(what))
        return 2;
    std::string file = "guides";
    if (rest.size() == 3) {
        file = rest[2];
        // A JSON array of guides: parsed as the `guides` field of the request itself.
        ImportGuidesRequest parsed;
        const auto st = google::protobuf::util::JsonStringToMessage(
            "{\"guides\":" + pki::readFile(file) + "}", &parsed);
        if (!st.ok()) {
            std::cerr << "renshe-admin: " << file
                      << " is not a JSON array of guides: " << st.message() << "\n";
            return 1;
        }
        *req.mutable_guides() = parsed.guides();
    }
    auto stub = GuideService::NewStub(connection.channel());
    ImportGuidesResponse resp;
    const auto r = cli::withRetries(
        [&](grpc::ClientContext& ctx) { return stub->ImportGuides(&ctx, req, &resp); });
    if (!r.ok())
        return cli::report(r);
    cli::printImportErrors(file, resp.errors());
    std::cout << "catalogue version " << resp.catalogue_version() << ": " << resp.accepted()
              << " guide(s) imported";
    if (req.withdraw_ids_size() > 0 && resp.errors_size() == 0) {
        std::cout << ", " << req.withdraw_ids_size() << " withdrawn";
    }
    std::cout << "\n";
    return resp.errors_size() > 0 ? 1 : 0;
}

}  // namespace

int runCatalogueCommand(const std::vector<std::string>& argv) {
    cli::Args args(argv);
    const auto connection = cli::takeConnection(args);
    auto& rest = args.rest();
    if (rest.size() < 2 || (rest[0] != "jobs" && rest[0] != "guides" && rest[0] != "content"))
        return 2;
    const std::string what = rest[0] + " " + rest[1];
    using Command = int (*)(cli::Args&, const cli::Connection&, const std::string&);
    static const std::map<std::string, Command> commands = {
        {"jobs import", importJobs},     {"jobs withdraw", withdrawJob},
        {"content image", storeImage},   {"content import", importContent},
        {"guides import", importGuides},
    };
    const auto command = commands.find(what);
    return command == commands.end() ? 2 : command->second(args, connection, what);
}

}  // namespace renshe::services::admin
