// Durable whole-file replacement: a reader sees the old content or the whole new content,
// never a mix, and once the call returns the new content survives a crash or power cut.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace renshe::util {

// Writes a temporary sibling, fsyncs it, renames it over `path` and fsyncs the directory.
// `perms` sets the mode (0600 for keys); without it an existing file keeps its mode and a
// new one gets 0644. Throws std::system_error naming the path when any step fails; the
// temporary file is removed then.
void writeFileAtomically(const std::filesystem::path& path, std::string_view content,
                         std::optional<std::filesystem::perms> perms = std::nullopt);

// The whole file; throws std::system_error naming the path.
std::string readFile(const std::filesystem::path& path);

}  // namespace renshe::util
