#include "app/huge_pages.h"

#include <sys/mman.h>

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
