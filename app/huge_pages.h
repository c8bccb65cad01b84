// Large blocks in huge pages: the memory policy of every tianmu program.
//
// Classify holds about 900 MB at a million parcels, nearly all of it in a few dozen large
// arrays (vertices, parcel records, per-parcel results). Linux maps fresh memory one 4 KiB
// page at a time, on its first touch; on the shared virtual machines we run on, each such page
// fault cost about 11 µs, a quarter of classify's CPU time. Where a program asks for them
// (madvise MADV_HUGEPAGE, which Debian's default "transparent_hugepage=madvise" honours),
// Linux maps 2 MiB at a time instead. huge_pages.cpp replaces the global operator new so that
// every block of hugePageBlockMin or more is so advised before anything touches it; smaller
// blocks, and C code's malloc (GDAL, SQLite), are left as they were.
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

// Advises the whole 2 MiB pages within [block, block + size) for huge pages. False when there
// is none or the kernel refuses (one built without transparent huge pages): the block is then
// mapped as usual, a small page at a time.
bool adviseHugePages(void* block, std::size_t size) noexcept;

} // namespace app
