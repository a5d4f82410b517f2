#include "services/store/sqlite_wal_vfs.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <new>
#include <vector>

namespace renshe::services::store::detail::sqlite {

namespace {

// The WAL's layout (https://sqlite.org/fileformat2.html#walformat): a 32-byte header (magic,
// version, page size, ...), then frames of a 24-byte header (page number, the database's size
// in pages after a commit — zero for any frame but a commit's — salts, checksums) and a page.
constexpr std::int64_t kLogHeaderBytes = 32;
constexpr std::int64_t kFrameHeaderBytes = 24;
// The unix VFS writes a call's length modulo 128 KiB (a 128 KiB write would write nothing and
// answer "disk full"): what is held goes out in parts of 31 pages.
constexpr int kMaxWrite = 31 * 4096;

std::uint32_t bigEndian32(const unsigned char* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
           std::uint32_t{p[3]};
}

sqlite3_vfs* g_base = nullptr;  // the platform's VFS, set once by walCoalescingVfs()
sqlite3_vfs g_vfs{};
std::atomic<std::uint64_t> g_asked{0};
std::atomic<std::uint64_t> g_elsewhere{0};
std::atomic<std::uint64_t> g_issued{0};

// An open WAL file: this, then the platform VFS's own file object (`real`).
struct WalFile {
    sqlite3_file base{};  // first: SQLite sees this
    sqlite3_file* real = nullptr;
    std::vector<unsigned char> held;
    std::int64_t heldAt = 0;      // the file offset of held[0]
    std::int64_t tail = -1;       // where the next frame is appended; -1: not known
    std::int64_t frameBytes = 0;  // a frame header and a page; 0: page size not known
    std::int64_t nextHeader = 0;  // the offset of the next frame header not yet looked at
    std::int64_t commitEnd = 0;   // the end of a commit frame still held; 0: none

    // Writes what is held (once) and reports how that went.
    int flush() {
        if (held.empty())
            return SQLITE_OK;
        const int rc = writeThrough(held.data(), static_cast<int>(held.size()), heldAt);
        held.clear();
        if (rc != SQLITE_OK)
            forget();
        return rc;
    }

    // The platform's write takes at most kMaxWrite bytes a call.
    int writeThrough(const void* data, int amount, std::int64_t offset) {
        const auto* bytes = static_cast<const unsigned char*>(data);
        for (int done = 0; done < amount;) {
            const int part = std::min(amount - done, kMaxWrite);
            g_issued.fetch_add(1, std::memory_order_relaxed);
            if (const int rc = real->pMethods->xWrite(real, bytes + done, part, offset + done);
                rc != SQLITE_OK)
                return rc;
            done += part;
        }
        return SQLITE_OK;
    }

    // From here on nothing is held until the next log header: the layout is not known.
    void forget() {
        tail = -1;
        frameBytes = 0;
        commitEnd = 0;
    }

    // A log header written at the file's start: a new log, frames from byte 32.
    void startLog(const unsigned char* header) {
        const std::uint32_t magic = bigEndian32(header);
        const std::uint32_t pageSize = bigEndian32(header + 8);
        if ((magic & 0xFFFFFFFEu) != 0x377F0682u || pageSize < 512 || pageSize > 65536) {
            forget();
            return;
        }
        tail = 0;
        frameBytes = kFrameHeaderBytes + pageSize;
        nextHeader = kLogHeaderBytes;
        commitEnd = 0;
    }

    // Looks at every frame header that [offset, offset + amount) completes. False when one
    // began before it (not seen whole): the layout is lost.
    bool readHeaders(const unsigned char* data, int amount, std::int64_t offset) {
        const std::int64_t end = offset + amount;
        while (nextHeader + kFrameHeaderBytes <= end) {
            if (nextHeader < offset)
                return false;
            if (bigEndian32(data + (nextHeader - offset) + 4) != 0)
                commitEnd = nextHeader + frameBytes;
            nextHeader += frameBytes;
        }
        return true;
    }

    int write(const void* data, int amount, std::int64_t offset) {
        g_asked.fetch_add(1, std::memory_order_relaxed);
        const auto* bytes = static_cast<const unsigned char*>(data);
        if (offset == 0 && amount == kLogHeaderBytes) {
            if (const int rc = flush(); rc != SQLITE_OK)
                return rc;
            startLog(bytes);
        }
        const bool append =
            frameBytes != 0 && offset == tail &&
            (held.empty() || heldAt + static_cast<std::int64_t>(held.size()) == offset);
        if (!append) {
            // Anywhere else: in order after what is held. A write past the tail means the
            // layout is not what this file thinks (another writer's frames): hold nothing more.
            if (const int rc = flush(); rc != SQLITE_OK)
                return rc;
            if (tail >= 0 && offset + amount > tail)
                forget();
            g_elsewhere.fetch_add(1, std::memory_order_relaxed);
            return writeThrough(data, amount, offset);
        }
        // Full: what is held goes out first (a commit frame it began is still looked for).
        if (held.size() + static_cast<std::size_t>(amount) > kMaxHeld) {
            if (const int rc = flush(); rc != SQLITE_OK)
                return rc;
        }
        if (!readHeaders(bytes, amount, offset)) {
            forget();
            g_elsewhere.fetch_add(1, std::memory_order_relaxed);
            if (const int rc = flush(); rc != SQLITE_OK)
                return rc;
            return writeThrough(data, amount, offset);
        }
        if (held.empty())
            heldAt = offset;
        held.insert(held.end(), bytes, bytes + amount);
        tail = offset + amount;
        // A commit frame complete: out before SQLite publishes it in the WAL index.
        if (commitEnd != 0 && tail >= commitEnd) {
            commitEnd = 0;
            return flush();
        }
        return SQLITE_OK;
    }
};

WalFile& walOf(sqlite3_file* f) {
    return *reinterpret_cast<WalFile*>(f);
}

// The real file of a WAL file once what is held is written; null when that failed (`rc`).
sqlite3_file* flushedReal(sqlite3_file* f, int& rc) {
    WalFile& wal = walOf(f);
    rc = wal.flush();
    return rc == SQLITE_OK ? wal.real : nullptr;
}

// The real file's method `M`, once what is held is written (a write that failed is the answer).
template <auto M, typename... A>
int flushedThen(sqlite3_file* f, A... args) {
    int rc = SQLITE_OK;
    sqlite3_file* real = flushedReal(f, rc);
    if (real == nullptr)
        return rc;
    return (real->pMethods->*M)(real, args...);
}

// The real file's method `M`, for what touches no data.
template <auto M, typename... A>
int passedOn(sqlite3_file* f, A... args) {
    sqlite3_file* real = walOf(f).real;
    return (real->pMethods->*M)(real, args...);
}

int walClose(sqlite3_file* f) {
    WalFile& wal = walOf(f);
    const int flushed = wal.flush();
    const int closed =
        wal.real->pMethods != nullptr ? wal.real->pMethods->xClose(wal.real) : SQLITE_OK;
    wal.~WalFile();
    return flushed != SQLITE_OK ? flushed : closed;
}

int walWrite(sqlite3_file* f, const void* data, int amount, sqlite3_int64 offset) {
    return walOf(f).write(data, amount, offset);
}

int walTruncate(sqlite3_file* f, sqlite3_int64 size) {
    int rc = SQLITE_OK;
    sqlite3_file* real = flushedReal(f, rc);
    if (real == nullptr)
        return rc;
    if (walOf(f).tail > size)
        walOf(f).forget();
    return real->pMethods->xTruncate(real, size);
}

void walShmBarrier(sqlite3_file* f) {
    sqlite3_file* real = walOf(f).real;  // (SQLite keeps its WAL index beside the database)
    real->pMethods->xShmBarrier(real);
}

const sqlite3_io_methods kWalMethods = {
    3,
    walClose,
    flushedThen<&sqlite3_io_methods::xRead, void*, int, sqlite3_int64>,
    walWrite,
    walTruncate,
    flushedThen<&sqlite3_io_methods::xSync, int>,
    flushedThen<&sqlite3_io_methods::xFileSize, sqlite3_int64*>,
    flushedThen<&sqlite3_io_methods::xLock, int>,
    flushedThen<&sqlite3_io_methods::xUnlock, int>,
    passedOn<&sqlite3_io_methods::xCheckReservedLock, int*>,
    flushedThen<&sqlite3_io_methods::xFileControl, int, void*>,
    passedOn<&sqlite3_io_methods::xSectorSize>,
    passedOn<&sqlite3_io_methods::xDeviceCharacteristics>,
    passedOn<&sqlite3_io_methods::xShmMap, int, int, int, void volatile**>,
    passedOn<&sqlite3_io_methods::xShmLock, int, int, int>,
    walShmBarrier,
    passedOn<&sqlite3_io_methods::xShmUnmap, int>,
    flushedThen<&sqlite3_io_methods::xFetch, sqlite3_int64, int, void**>,
    passedOn<&sqlite3_io_methods::xUnfetch, sqlite3_int64, void*>,
};

// Where a WAL file's real file object starts inside the memory SQLite gives us.
constexpr int kRealOffset = static_cast<int>((sizeof(WalFile) + alignof(std::max_align_t) - 1) /
                                             alignof(std::max_align_t) * alignof(std::max_align_t));

int coalescingOpen(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* outFlags) {
    if ((flags & SQLITE_OPEN_WAL) == 0) {
        // Every other file is the platform's own, in the same memory.
        return g_base->xOpen(g_base, name, file, flags, outFlags);
    }
    auto* wal = new (file) WalFile;
    wal->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + kRealOffset);
    wal->real->pMethods = nullptr;
    const int rc = g_base->xOpen(g_base, name, wal->real, flags, outFlags);
    const bool wrapped = rc == SQLITE_OK && wal->real->pMethods->iVersion >= 3;
    if (!wrapped) {
        if (wal->real->pMethods != nullptr)
            wal->real->pMethods->xClose(wal->real);
        wal->~WalFile();
        file->pMethods = nullptr;
        // Methods older than this VFS forwards to: the platform's file as it is.
        return rc != SQLITE_OK ? rc : g_base->xOpen(g_base, name, file, flags, outFlags);
    }
    wal->base.pMethods = &kWalMethods;
    return SQLITE_OK;
}

}  // namespace

const char* walCoalescingVfs() {
    static std::once_flag once;
    std::call_once(once, [] {
        g_base = sqlite3_vfs_find(nullptr);
        // The platform's VFS in all but the name, the size of a file and how files open: its
        // other methods (paths, access, time, randomness) are used as they are.
        g_vfs = *g_base;
        g_vfs.pNext = nullptr;
        g_vfs.zName = "renshe-wal-coalescing";
        g_vfs.szOsFile = std::max(g_base->szOsFile, kRealOffset + g_base->szOsFile);
        g_vfs.xOpen = coalescingOpen;
        sqlite3_vfs_register(&g_vfs, 0);
    });
    return g_vfs.zName;
}

WalWriteCounts walWriteCounts() {
    return {g_asked.load(std::memory_order_relaxed), g_elsewhere.load(std::memory_order_relaxed),
            g_issued.load(std::memory_order_relaxed)};
}

}  // namespace renshe::services::store::detail::sqlite
