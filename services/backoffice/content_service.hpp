// renshe.v1.ContentService: display content (notices, guides, job highlights, the 12333 card),
// playlists with schedules and targeting, and WatchContent pushing the current playlist and
// every change to subscribed display terminals.
#pragma once

#include <grpcpp/impl/service_type.h>

#include <memory>

#include "services/backoffice/core.hpp"

namespace renshe::services::backoffice {

// The service object registered with the server (sync, callback or mixed, as it needs).
// Destroyed after the server has shut down.
std::unique_ptr<grpc::Service> makeContentService(Core& core);

}  // namespace renshe::services::backoffice
