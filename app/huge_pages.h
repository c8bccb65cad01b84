// Large blocks in huge pages: the memory policy of every tianmu program.
//
// Classify holds about 900 MB at a million parcels, nearly all of it in a few dozen large
// arrays (vertices, parcel records, per-parcel results). Linux maps fresh memory one 4 KiB
// page at a time, on its first touch; on the shared virtual machines we run on, each such page
// fault cost about 11 µs, a quarter of classify's CPU time. Where a program asks for them
// (madvise MADV_HUGEPAGE, which Debian's default "transparent_hugepage=madvise" honours),
// Linux maps 2 MiB at a time instead. huge_pages.cpp replaces the global operator new so that
// every block of hugePageBlockMin or more is so advised before anything touches it.
//
// The small blocks (strings, GDAL's raster blocks, SQLite's pages, buffers) are advised too,
// through malloc's heap: before main, blocks under heapBlockMax are set to come from the heap
// rather than from mappings of their own, the heap to grow heapGrowth at a time, and the heap
// is advised, again whenever it grows (checked on each operator new). At a million parcels
// this took classify from about 44,000 page faults to 20,000 and its system CPU time from 1.3 s
// to 0.9 s: 4.90 s to 4.45 s, the mean of six alternating runs. The heap keeps what is freed
// in it for the next blocks; releaseFreeMemory gives its free pages back, and the window calls
// it after each long job. The top of the heap is not given back by itself (up to heapKeepMax).
//
// Threads allocate from that same heap: by default glibc gives each new thread an arena of its
// own (up to eight per core), a mapping that is neither advised nor shared, so that memory one
// phase's threads freed was fresh memory again for the next phase's. With one arena, classify
// at a million parcels used 0.2 s less CPU (user 5.11 to 4.91 s, system 0.57 to 0.50 s) and ran
// 2 % faster, medians of ten alternating runs. Small blocks still need no lock: glibc keeps a
// per-thread cache of them.
#pragma once

#include <cstddef>

namespace app {

// Whether operator new advises large blocks. Not under AddressSanitizer: its own operator new
// tells a block from new[] from one from new and from malloc, which catches mismatched deletes.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool newAdvisesHugePages = false;
#else
inline constexpr bool newAdvisesHugePages = true;
#endif

// Blocks this large always hold at least one whole, aligned 2 MiB page.
inline constexpr std::size_t hugePageBlockMin = std::size_t(4) << 20;

// Blocks under this size come from the heap (the most glibc allows); larger ones are mapped
// on their own and given back as soon as they are freed.
inline constexpr std::size_t heapBlockMax = std::size_t(32) << 20;

// How much the heap grows by when it must (address space; pages are only used once touched).
inline constexpr std::size_t heapGrowth = std::size_t(256) << 20;

// How much free memory the heap's top may keep before malloc gives it back by itself.
inline constexpr std::size_t heapKeepMax = std::size_t(1) << 30;

// Gives the free pages of malloc's heap back to the system, e.g. after a classification has
// freed its working memory. Takes a few milliseconds.
void releaseFreeMemory() noexcept;

// Advises the whole 2 MiB pages within [block, block + size) for huge pages. False when there
// is none or the kernel refuses (one built without transparent huge pages): the block is then
// mapped as usual, a small page at a time.
bool adviseHugePages(void* block, std::size_t size) noexcept;

} // namespace app
