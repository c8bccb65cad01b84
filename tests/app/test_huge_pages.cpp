// The memory policy every tianmu program links (app/huge_pages.h): large blocks from operator
// new are advised for 2 MiB pages, small ones are not, and new still fails as the standard says.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <new>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/process_memory.h"

#include "app/huge_pages.h"

namespace {

// The VmFlags of the mapping holding `address`, from /proc/self/smaps ("" when none holds it).
std::string mappingFlags(const void* address) {
    const auto at = reinterpret_cast<std::uintptr_t>(address);
    std::ifstream smaps("/proc/self/smaps");
    std::string line;
    bool inside = false;
    while (std::getline(smaps, line)) {
        std::uintptr_t begin = 0, end = 0;
        char dash = 0;
        std::istringstream header(line);
        if (header >> std::hex >> begin >> dash >> end && dash == '-' &&
            line.find(':') > line.find(' ')) {
            inside = begin <= at && at < end;
            continue;
        }
        if (inside && line.rfind("VmFlags:", 0) == 0)
            return line.substr(8) + " ";
    }
    return {};
}

bool kernelHasHugePages() {
    return std::filesystem::exists("/sys/kernel/mm/transparent_hugepage/enabled");
}

} // namespace

TEST_CASE("a large block from operator new is advised for huge pages", "[huge_pages]") {
    // 16 MiB: whole 2 MiB pages wherever malloc places it.
    std::vector<double> large(4 * app::hugePageBlockMin / sizeof(double));
    const void* middle = large.data() + large.size() / 2;
    const std::string flags = mappingFlags(middle);
    REQUIRE_FALSE(flags.empty());
    if (kernelHasHugePages() && app::newAdvisesHugePages)
        CHECK(flags.find(" hg ") != std::string::npos);
    else
        CHECK(flags.find(" hg ") == std::string::npos);
    // Still ordinary memory: written and read back.
    large[large.size() / 2] = 42.5;
    CHECK(large[large.size() / 2] == 42.5);
}

TEST_CASE("huge page advice covers only whole 2 MiB pages inside the block", "[huge_pages]") {
    // A block under 2 MiB holds no whole huge page: nothing is advised.
    std::vector<char> small(std::size_t(1) << 20);
    CHECK_FALSE(app::adviseHugePages(small.data(), small.size()));
    CHECK_FALSE(app::adviseHugePages(small.data(), 0));
    if (kernelHasHugePages()) {
        // A large block advised again is accepted (the advice is idempotent).
        std::unique_ptr<char[]> block(new char[app::hugePageBlockMin]);
        CHECK(app::adviseHugePages(block.get(), app::hugePageBlockMin));
    }
}

TEST_CASE("operator new still reports memory it cannot have", "[huge_pages]") {
    if (!app::newAdvisesHugePages) {
        // AddressSanitizer's own operator new is in use; it stops the program on such a size.
        SUCCEED("operator new is AddressSanitizer's");
        return;
    }
    // More than any machine has: the throwing form throws, the nothrow form answers null.
    const std::size_t impossible = std::size_t(1) << 62;
    CHECK_THROWS_AS(::operator new(impossible), std::bad_alloc);
    CHECK(::operator new(impossible, std::nothrow) == nullptr);
    // A new handler is asked for memory before new gives up.
    static int asked = 0;
    asked = 0;
    const std::new_handler previous = std::set_new_handler([] {
        ++asked;
        std::set_new_handler(nullptr); // the next failure throws
    });
    CHECK_THROWS_AS(::operator new(impossible), std::bad_alloc);
    std::set_new_handler(previous);
    CHECK(asked == 1);
}

TEST_CASE("small blocks come from a heap advised for huge pages, also once it has grown",
          "[huge_pages]") {
    if (!app::newAdvisesHugePages || !kernelHasHugePages()) {
        SUCCEED("no huge pages here: AddressSanitizer's allocator, or a kernel without them");
        return;
    }
    // More small blocks than the heap grows by at once: the last lie in the grown part.
    std::vector<std::unique_ptr<char[]>> blocks;
    const std::size_t count = app::heapGrowth / (std::size_t(1) << 20) + 64;
    for (std::size_t i = 0; i < count; ++i)
        blocks.emplace_back(new char[std::size_t(1) << 20]);
    for (const std::size_t i : {std::size_t(0), count / 2, count - 1}) {
        INFO("block " << i << " of " << count);
        CHECK(mappingFlags(blocks[i].get()).find(" hg ") != std::string::npos);
    }
    // A short string's block too.
    const auto text = std::make_unique<std::string>(100, 'x');
    CHECK(mappingFlags(text->data()).find(" hg ") != std::string::npos);
}

TEST_CASE("memory freed into the heap goes back to the system when asked", "[huge_pages]") {
    if (!app::newAdvisesHugePages) {
        // AddressSanitizer's allocator holds freed blocks in quarantine, not in malloc's heap.
        SUCCEED("the heap is AddressSanitizer's");
        return;
    }
    // 192 blocks of 1 MiB, each written through: held in the heap, not mapped on their own.
    std::vector<std::unique_ptr<char[]>> blocks;
    for (int i = 0; i < 192; ++i) {
        blocks.emplace_back(new char[std::size_t(1) << 20]);
        std::memset(blocks.back().get(), i, std::size_t(1) << 20);
    }
    const std::size_t held = testing::residentBytes();
    blocks.clear();
    app::releaseFreeMemory();
    const std::size_t after = testing::residentBytes();
    INFO("resident " << held / 1048576 << " MiB with the blocks, " << after / 1048576
                     << " MiB after");
    CHECK(after + (std::size_t(150) << 20) < held);
}

TEST_CASE("blocks allocated on other threads come from the same advised heap", "[huge_pages]") {
    if (!app::newAdvisesHugePages || !kernelHasHugePages()) {
        SUCCEED("no huge pages here: AddressSanitizer's allocator, or a kernel without them");
        return;
    }
    // A block of each size class the phases of classify use: a string, a buffer, a strip.
    for (const std::size_t size : {std::size_t(100), std::size_t(64) << 10, std::size_t(1) << 20}) {
        INFO("a block of " << size << " bytes");
        std::unique_ptr<char[]> block;
        std::thread([&] { block.reset(new char[size]); }).join();
        // In a thread's own arena it would lie in a mapping without the advice.
        CHECK(mappingFlags(block.get()).find(" hg ") != std::string::npos);
        // And what a thread frees, this thread is given again (blocks beyond malloc's
        // per-thread cache of small ones, which keeps a few of each size for its own thread).
        void* const address = block.get();
        std::thread([&] { block.reset(); }).join();
        block.reset(new char[size]);
        if (size > 1024)
            CHECK(block.get() == address);
    }
}
