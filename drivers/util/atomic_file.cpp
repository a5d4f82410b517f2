#include "drivers/util/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <sstream>
#include <system_error>

namespace renshe::util {

namespace {
[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path,
                       int err = errno) {
    throw std::system_error(err, std::generic_category(), what + " " + path.string());
}
}  // namespace

void writeFileAtomically(const std::filesystem::path& path, std::string_view content,
                         std::optional<std::filesystem::perms> perms) {
    const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::string temp = (dir / ("." + path.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) {
        fail("cannot create a temporary file next to", path);
    }
    mode_t mode = 0644;
    struct stat st {};
    if (perms) {
        mode = static_cast<mode_t>(*perms) & 07777;
    } else if (::stat(path.c_str(), &st) == 0) {
        mode = st.st_mode & 07777;
    }
    auto abandon = [&](const char* what, const std::filesystem::path& p) {
        const int err = errno;
        ::close(fd);
        ::unlink(temp.c_str());
        fail(what, p, err);
    };
    if (::fchmod(fd, mode) != 0) {
        abandon("cannot set the mode of", temp);
    }
    for (std::size_t done = 0; done < content.size();) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            abandon("cannot write", temp);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        abandon("cannot flush", temp);
    }
    if (::close(fd) != 0 || ::rename(temp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        fail("cannot replace", path, err);
    }
    // The rename itself is durable only once the directory is.
    if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        fail("cannot read", path);
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace renshe::util
