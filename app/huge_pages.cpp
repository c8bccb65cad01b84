#include "app/huge_pages.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace app {

bool adviseHugePages(void* block, std::size_t size) noexcept {
    constexpr std::uintptr_t hugePage = std::uintptr_t(2) << 20;
    const auto start = reinterpret_cast<std::uintptr_t>(block);
    const std::uintptr_t first = (start + hugePage - 1) & ~(hugePage - 1);
    const std::uintptr_t end = (start + size) & ~(hugePage - 1);
    return end > first && madvise(reinterpret_cast<void*>(first), end - first, MADV_HUGEPAGE) == 0;
}

} // namespace app

#if !defined(__SANITIZE_ADDRESS__) // see newAdvisesHugePages
namespace {

constexpr std::uintptr_t smallPage = 4096;
// The end of the heap advised so far (0: the policy is not in force).
std::atomic<std::uintptr_t> advisedHeapEnd = 0;

// Follows the heap's top: advises what it grew by since the last call (a heap that grows makes
// a mapping of its own, without the advice), and takes note when it shrank, so that its
// growing again is advised too.
void followHeapTop() noexcept {
    std::uintptr_t end = advisedHeapEnd.load(std::memory_order_relaxed);
    if (end == 0)
        return; // the policy is not in force
    const auto top = reinterpret_cast<std::uintptr_t>(sbrk(0)) & ~(smallPage - 1);
    if (top != end && advisedHeapEnd.compare_exchange_strong(end, top, std::memory_order_relaxed) &&
        top > end)
        madvise(reinterpret_cast<void*>(end), top - end, MADV_HUGEPAGE);
}

// The heap's policy, set before main (see app/huge_pages.h): blocks under 32 MiB come from the
// heap, which grows 256 MiB at a time, and all of it is advised for huge pages. Every thread
// allocates from that one heap (malloc's main arena), so that what one phase's threads free,
// the next phase's threads use again.
struct HeapPolicy {
    HeapPolicy() noexcept {
        // One arena for every thread. On its own: were it refused, each thread would have its
        // own arena as before, and the main heap's advice below still holds.
        mallopt(M_ARENA_MAX, 1);
        // Freed memory stays in the heap (the top is not trimmed) until releaseFreeMemory.
        if (mallopt(M_MMAP_THRESHOLD, int(app::heapBlockMax)) == 0 ||
            mallopt(M_TOP_PAD, int(app::heapGrowth)) == 0 ||
            mallopt(M_TRIM_THRESHOLD, int(app::heapKeepMax)) == 0)
            return; // the defaults stay: mapped a small page at a time
        // A block larger than the heap's free top makes it grow by the pad at once.
        void* probe = std::malloc(std::size_t(1) << 20);
        if (!probe)
            return;
        const auto start = reinterpret_cast<std::uintptr_t>(probe) & ~(smallPage - 1);
        std::free(probe);
        const auto top = reinterpret_cast<std::uintptr_t>(sbrk(0)) & ~(smallPage - 1);
        if (top > start && madvise(reinterpret_cast<void*>(start), top - start, MADV_HUGEPAGE) == 0)
            advisedHeapEnd = top;
    }
} heapPolicy;

// The standard's operator new on malloc, as libstdc++'s own: the default operator delete
// frees with free(), and libstdc++'s nothrow and array forms call this one. A large block
// from malloc is nearly always fresh from mmap or from the heap's untouched top, so the advice
// comes before its first page fault; on memory the heap reuses it changes nothing.
void* allocate(std::size_t size) {
    void* block = nullptr;
    while ((block = std::malloc(size > 0 ? size : 1)) == nullptr) {
        const std::new_handler handler = std::get_new_handler();
        if (!handler)
            throw std::bad_alloc();
        handler();
    }
    if (size >= app::hugePageBlockMin)
        app::adviseHugePages(block, size);
    followHeapTop();
    return block;
}

} // namespace

void* operator new(std::size_t size) {
    return allocate(size);
}

void* operator new[](std::size_t size) {
    return allocate(size);
}
#endif

namespace app {

void releaseFreeMemory() noexcept {
    malloc_trim(0); // frees the heap's free pages and gives back its top
#if !defined(__SANITIZE_ADDRESS__)
    followHeapTop(); // the top moved down: its growing again is to be advised
#endif
}

} // namespace app
