// A VFS for the SQLite writer that hands a commit's WAL frames to the kernel in one write.
//
// SQLite appends each WAL frame as two pwrite() calls, its 24-byte header and then its page:
// a group commit of ~20 PIN changes wrote ~40 frames, so ~80 system calls, each taking the
// file's lock and walking the page cache again for the same few pages (bench.backoffice: 9 %
// of the back office's CPU under writes was those calls). This VFS wraps the platform's
// ("unix") and, for WAL files only, keeps the frames appended at the log's tail in memory and
// writes them together as soon as a commit frame (a frame header whose "database size after
// commit" field is not zero) is complete — one pwrite() for up to 31 pages (the unix VFS takes
// less than 128 KiB a call) — before SQLite goes on to publish the frames in the WAL index,
// where other connections (readers, the checkpointer) look for them.
//
// Everything else goes straight through: writes anywhere but the tail (SQLite rewriting a
// frame of the same transaction, or its checksums) are written at once, after what is held;
// every other call on the WAL file that touches its data (read, sync, size, truncate, close,
// locks, file controls) first writes what is held. Until the VFS has seen the WAL's header written
// (the start of a log: the page size, hence where frames begin), it holds nothing. At most kMaxHeld
// bytes are held (a transaction spilling pages before its commit). A write that fails is reported
// by the call that made it happen, so SQLite fails that commit as it would have failed the frame's
// own write: nothing is acknowledged that is not in the file.
#pragma once

#include <cstddef>
#include <cstdint>

namespace renshe::services::store::detail::sqlite {

// Registers the VFS (once; not as the default) and returns its name for sqlite3_open_v2().
const char* walCoalescingVfs();

// Process-wide counts, for tests and benchmarks: WAL writes SQLite asked for, those of them
// that were not at the log's tail (or came while its layout was not known: written at once),
// and the writes this VFS made of them all.
struct WalWriteCounts {
    std::uint64_t asked = 0;
    std::uint64_t elsewhere = 0;
    std::uint64_t issued = 0;
};
WalWriteCounts walWriteCounts();

inline constexpr std::size_t kMaxHeld = std::size_t{4} << 20;

}  // namespace renshe::services::store::detail::sqlite
