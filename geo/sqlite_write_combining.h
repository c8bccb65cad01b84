// SQLite writes a database file a page (4 KiB) at a time. Each such write makes the kernel
// find, charge and fill one page of its cache; on the virtual machines tianmu is measured on
// that costs about 6 µs of CPU a page when the memory is fresh, several times more than the
// same bytes in writes of 64 KiB, which the kernel caches in larger folios. Classifying a
// million parcels writes 230 MB of results from the one thread everything then waits for:
// 0.35 s of its CPU in 56,000 page writes, 0.07 s in 3,900 gathered ones.
//
// The VFS here wraps the platform's default one and gathers the consecutive page writes of a
// main database file in a buffer of up to 64 KiB, written as one when the next write is not
// the next in the file, when the buffer is full, and before anything else is done to the file
// (a read of a buffered byte, a sync, a lock or an unlock, its size, a truncation, the
// shared-memory calls of WAL mode, a file control, closing it). So:
// - every reader, this connection or another, in this process or another, sees what was
//   written: readers take a lock, and the writer flushes before it unlocks;
// - the writes reach the file in the order SQLite made them, and all of them before SQLite
//   syncs it, so SQLite's crash safety holds: journals and WAL files are not buffered (they
//   are written at once, as before), so a database page never reaches the file before the
//   journal that can undo it, and a process that dies with pages in the buffer leaves what a
//   crash a moment earlier would have left, which the journal rolls back;
// - a write that fails later (a full disk) is reported by the call that flushed it, which
//   SQLite treats as the failed write it is and rolls the transaction back.
//
// Reads are the mirror image. A connection opened read-only (tianmu's own, which read a million
// parcels, the transfer ledger and the drawing data straight from the GeoPackage) reads its
// pages one syscall each, 134,000 of them for a million parcels. Its file reads the aligned
// 64 KiB block around a page instead and answers the next pages from it, for as long as the
// connection keeps its lock: the block is forgotten at every lock change and at every other
// call that flushes, so a page is never older than the transaction reading it (another
// connection can only write the file while this one holds no lock; in WAL mode each
// transaction begins with the shared-memory calls, which forget it too). A block the file
// ends inside is not kept: that page is read on its own. Classify at a million parcels:
// system CPU 0.74 -> 0.55 s, fastest of eight runs 2.93 -> 2.77 s.
#pragma once

#include <cstdint>

namespace geo {

// Registers the VFS, once, as SQLite's default for the process: the GeoPackages GDAL opens
// are opened through it. Done before main by this file itself (see there why it must be that
// early); calling it again does nothing.
void installSqliteWriteCombining();

// What the VFS did in this process so far (for tests and measurements).
struct SqliteWriteCounts {
    std::uint64_t pagesGathered = 0; // writes SQLite asked for that went into a buffer
    std::uint64_t writesIssued = 0;  // writes of gathered buffers made to files
    std::uint64_t readsServed = 0;   // reads of read-only files answered from a block
    std::uint64_t blocksRead = 0;    // blocks read ahead from read-only files
};
SqliteWriteCounts sqliteWriteCounts();

} // namespace geo
