#include "geo/sqlite_write_combining.h"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <utility>

#include <sqlite3.h>

namespace geo {
namespace {

// 64 KiB: SQLite's unix VFS writes at most 128 KiB - 1 bytes at a time (it masks larger
// sizes), and the kernel caches a write in folios of powers of two. At a million parcels,
// writes of 64 KiB took 0.07 s of CPU where the page writes took 0.35 s; writes of 1 MiB
// (possible only around SQLite) took 0.06 s.
constexpr sqlite3_int64 bufferBytes = 64 * 1024;

std::atomic<std::uint64_t> pagesGathered{0};
std::atomic<std::uint64_t> writesIssued{0};
std::atomic<std::uint64_t> readsServed{0};
std::atomic<std::uint64_t> blocksRead{0};

sqlite3_vfs* underlying = nullptr; // the default VFS found at installation
sqlite3_vfs combining{};           // ours: a copy of it with xOpen and the rest forwarded

// A main database file: the underlying file, the writes gathered for it and, for a file opened
// read-only, the block last read ahead.
struct GatheringFile {
    sqlite3_file base; // first: SQLite sees a GatheringFile as a sqlite3_file
    sqlite3_file* real = nullptr;
    std::unique_ptr<unsigned char[]> buffer; // allocated at the first write
    sqlite3_int64 start = 0;                 // file offset of buffer[0]
    sqlite3_int64 used = 0;                  // bytes gathered
    int lost = SQLITE_OK;   // a failed flush no call could report yet (see xShmBarrier)
    bool readAhead = false; // opened read-only: page reads are served from blocks read ahead
    std::unique_ptr<unsigned char[]> block; // allocated at the first read
    sqlite3_int64 blockStart = 0;           // file offset of block[0]
    sqlite3_int64 blockBytes = 0;           // bytes held; 0: none

    static GatheringFile& of(sqlite3_file* f) { return *reinterpret_cast<GatheringFile*>(f); }

    // Writes what is gathered and forgets the block read ahead; SQLITE_OK when there was
    // nothing to write. A failure not yet reported is reported now.
    int flush() {
        blockBytes = 0; // another connection may change the file once this one's lock goes
        if (lost != SQLITE_OK)
            return std::exchange(lost, SQLITE_OK);
        if (used == 0)
            return SQLITE_OK;
        const sqlite3_int64 bytes = used;
        used = 0; // written or failed: either way the next call starts afresh
        ++writesIssued;
        return real->pMethods->xWrite(real, buffer.get(), static_cast<int>(bytes), start);
    }

    bool overlaps(sqlite3_int64 offset, sqlite3_int64 bytes) const {
        return used > 0 && offset < start + used && start < offset + bytes;
    }
};

// Every call but a read, a write and the two questions about the device flushes first, then
// does what the underlying file does.
template <auto Method, typename... Args>
int flushThen(sqlite3_file* file, Args... args) {
    GatheringFile& g = GatheringFile::of(file);
    if (const int rc = g.flush(); rc != SQLITE_OK)
        return rc;
    return (g.real->pMethods->*Method)(g.real, args...);
}

int gatheringClose(sqlite3_file* file) {
    GatheringFile& g = GatheringFile::of(file);
    const int flushed = g.flush();
    const int closed = g.real->pMethods->xClose(g.real);
    g.~GatheringFile();
    return flushed != SQLITE_OK ? flushed : closed;
}

int gatheringRead(sqlite3_file* file, void* out, int bytes, sqlite3_int64 offset) {
    GatheringFile& g = GatheringFile::of(file);
    if (g.overlaps(offset, bytes))
        if (const int rc = g.flush(); rc != SQLITE_OK)
            return rc;
    if (g.readAhead && bytes > 0 && bytes <= bufferBytes) {
        // A page of the block read ahead: copied from it. The block lasts only while this
        // connection holds its lock (flush() forgets it at every lock change), when no other
        // connection can write the file.
        if (offset >= g.blockStart && offset + bytes <= g.blockStart + g.blockBytes) {
            std::memcpy(out, g.block.get() + (offset - g.blockStart), std::size_t(bytes));
            ++readsServed;
            return SQLITE_OK;
        }
        // Else the aligned block holding it, read at once: SQLite reads a table's pages mostly
        // in order, a syscall each, and a syscall is dear on a virtual machine.
        if (!g.block)
            g.block.reset(new (std::nothrow) unsigned char[bufferBytes]);
        const sqlite3_int64 start = offset / bufferBytes * bufferBytes;
        if (g.block && offset + bytes <= start + bufferBytes) {
            g.blockBytes = 0;
            // A block past the end of the file reads short: then only the page is read.
            if (g.real->pMethods->xRead(g.real, g.block.get(), int(bufferBytes), start) ==
                SQLITE_OK) {
                ++blocksRead;
                g.blockStart = start;
                g.blockBytes = bufferBytes;
                std::memcpy(out, g.block.get() + (offset - start), std::size_t(bytes));
                ++readsServed;
                return SQLITE_OK;
            }
        }
    }
    return g.real->pMethods->xRead(g.real, out, bytes, offset);
}

int gatheringWrite(sqlite3_file* file, const void* data, int bytes, sqlite3_int64 offset) {
    GatheringFile& g = GatheringFile::of(file);
    if (g.used > 0 && (offset != g.start + g.used || g.used + bytes > bufferBytes))
        if (const int rc = g.flush(); rc != SQLITE_OK)
            return rc;
    if (bytes >= bufferBytes) // nothing is gathered now: written as it comes
        return g.real->pMethods->xWrite(g.real, data, bytes, offset);
    if (!g.buffer) {
        g.buffer.reset(new (std::nothrow) unsigned char[bufferBytes]);
        if (!g.buffer) // no room to be had: written as it comes
            return g.real->pMethods->xWrite(g.real, data, bytes, offset);
    }
    if (g.used == 0)
        g.start = offset;
    std::memcpy(g.buffer.get() + g.used, data, static_cast<std::size_t>(bytes));
    g.used += bytes;
    ++pagesGathered;
    return SQLITE_OK;
}

int gatheringSectorSize(sqlite3_file* file) {
    GatheringFile& g = GatheringFile::of(file);
    return g.real->pMethods->xSectorSize(g.real);
}

int gatheringDeviceCharacteristics(sqlite3_file* file) {
    GatheringFile& g = GatheringFile::of(file);
    return g.real->pMethods->xDeviceCharacteristics(g.real);
}

void gatheringShmBarrier(sqlite3_file* file) {
    GatheringFile& g = GatheringFile::of(file);
    // A barrier cannot fail: a failed flush is kept for the next call to report, which
    // SQLite then treats as the failed write it was.
    if (const int rc = g.flush(); rc != SQLITE_OK)
        g.lost = rc;
    else
        g.real->pMethods->xShmBarrier(g.real);
}

using M = sqlite3_io_methods;

// One table per version of the underlying file's methods: SQLite asks for the shared-memory
// (2) and memory-mapping (3) calls only of files whose methods have them.
constexpr sqlite3_io_methods gatheringMethods(int version) {
    return {version,
            gatheringClose,
            gatheringRead,
            gatheringWrite,
            flushThen<&M::xTruncate, sqlite3_int64>,
            flushThen<&M::xSync, int>,
            flushThen<&M::xFileSize, sqlite3_int64*>,
            flushThen<&M::xLock, int>,
            flushThen<&M::xUnlock, int>,
            flushThen<&M::xCheckReservedLock, int*>,
            flushThen<&M::xFileControl, int, void*>,
            gatheringSectorSize,
            gatheringDeviceCharacteristics,
            flushThen<&M::xShmMap, int, int, int, void volatile**>,
            flushThen<&M::xShmLock, int, int, int>,
            gatheringShmBarrier,
            flushThen<&M::xShmUnmap, int>,
            flushThen<&M::xFetch, sqlite3_int64, int, void**>,
            flushThen<&M::xUnfetch, sqlite3_int64, void*>};
}
const sqlite3_io_methods gatheringMethodsOfVersion[] = {gatheringMethods(1), gatheringMethods(2),
                                                        gatheringMethods(3)};

// The underlying file sits after the GatheringFile, in the space SQLite gives the VFS.
constexpr int realOffset =
    static_cast<int>((sizeof(GatheringFile) + alignof(std::max_align_t) - 1) /
                     alignof(std::max_align_t) * alignof(std::max_align_t));

int combiningOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags,
                  int* outFlags) {
    // Journals, WAL files and temporary files are opened as they are: only a main database's
    // pages are held back (see the header for why that keeps SQLite's crash safety).
    if (!(flags & SQLITE_OPEN_MAIN_DB))
        return underlying->xOpen(underlying, name, file, flags, outFlags);
    auto* real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + realOffset);
    const int rc = underlying->xOpen(underlying, name, real, flags, outFlags);
    if (rc != SQLITE_OK || !real->pMethods) {
        file->pMethods = nullptr; // SQLite then calls no method on it
        return rc;
    }
    auto* g = new (file) GatheringFile;
    g->base.pMethods = &gatheringMethodsOfVersion[std::clamp(real->pMethods->iVersion, 1, 3) - 1];
    g->real = real;
    g->readAhead = (flags & SQLITE_OPEN_READONLY) != 0;
    return SQLITE_OK;
}

// The rest of the VFS is the underlying one's, called with the underlying VFS.
int combiningDelete(sqlite3_vfs*, const char* name, int syncDir) {
    return underlying->xDelete(underlying, name, syncDir);
}
int combiningAccess(sqlite3_vfs*, const char* name, int flags, int* out) {
    return underlying->xAccess(underlying, name, flags, out);
}
int combiningFullPathname(sqlite3_vfs*, const char* name, int size, char* out) {
    return underlying->xFullPathname(underlying, name, size, out);
}
void* combiningDlOpen(sqlite3_vfs*, const char* name) {
    return underlying->xDlOpen(underlying, name);
}
void combiningDlError(sqlite3_vfs*, int size, char* out) {
    underlying->xDlError(underlying, size, out);
}
void (*combiningDlSym(sqlite3_vfs*, void* handle, const char* symbol))(void) {
    return underlying->xDlSym(underlying, handle, symbol);
}
void combiningDlClose(sqlite3_vfs*, void* handle) {
    underlying->xDlClose(underlying, handle);
}
int combiningRandomness(sqlite3_vfs*, int size, char* out) {
    return underlying->xRandomness(underlying, size, out);
}
int combiningSleep(sqlite3_vfs*, int microseconds) {
    return underlying->xSleep(underlying, microseconds);
}
int combiningCurrentTime(sqlite3_vfs*, double* out) {
    return underlying->xCurrentTime(underlying, out);
}
int combiningGetLastError(sqlite3_vfs*, int size, char* out) {
    return underlying->xGetLastError ? underlying->xGetLastError(underlying, size, out) : 0;
}
int combiningCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* out) {
    return underlying->xCurrentTimeInt64(underlying, out);
}
int combiningSetSystemCall(sqlite3_vfs*, const char* name, sqlite3_syscall_ptr call) {
    return underlying->xSetSystemCall(underlying, name, call);
}
sqlite3_syscall_ptr combiningGetSystemCall(sqlite3_vfs*, const char* name) {
    return underlying->xGetSystemCall(underlying, name);
}
const char* combiningNextSystemCall(sqlite3_vfs*, const char* name) {
    return underlying->xNextSystemCall(underlying, name);
}

} // namespace

void installSqliteWriteCombining() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (sqlite3_initialize() != SQLITE_OK)
            return;
        underlying = sqlite3_vfs_find(nullptr);
        // Only over a VFS with every method (the unix one has them): otherwise SQLite keeps
        // its own default, and nothing changes but the writes' size.
        if (!underlying || underlying->iVersion < 3 || !underlying->xCurrentTimeInt64 ||
            !underlying->xSetSystemCall)
            return;
        combining.iVersion = 3;
        combining.szOsFile = realOffset + underlying->szOsFile;
        combining.mxPathname = underlying->mxPathname;
        combining.zName = "tianmu-gathering";
        combining.xOpen = combiningOpen;
        combining.xDelete = combiningDelete;
        combining.xAccess = combiningAccess;
        combining.xFullPathname = combiningFullPathname;
        combining.xDlOpen = combiningDlOpen;
        combining.xDlError = combiningDlError;
        combining.xDlSym = combiningDlSym;
        combining.xDlClose = combiningDlClose;
        combining.xRandomness = combiningRandomness;
        combining.xSleep = combiningSleep;
        combining.xCurrentTime = combiningCurrentTime;
        combining.xGetLastError = combiningGetLastError;
        combining.xCurrentTimeInt64 = combiningCurrentTimeInt64;
        combining.xSetSystemCall = combiningSetSystemCall;
        combining.xGetSystemCall = combiningGetSystemCall;
        combining.xNextSystemCall = combiningNextSystemCall;
        sqlite3_vfs_register(&combining, 1);
    });
}

namespace {
// Installed before main, and so before PROJ can open its database: PROJ's VFS wraps the
// default VFS of the moment it opens proj.db, but looks the default up again to close it, and
// reads past the file's end if the default changed in between (a crash at exit, seen when a
// test had used PROJ before the first initialiseGdal()).
const bool installedBeforeMain = (installSqliteWriteCombining(), true);
} // namespace

SqliteWriteCounts sqliteWriteCounts() {
    return {pagesGathered.load(), writesIssued.load(), readsServed.load(), blocksRead.load()};
}

} // namespace geo
