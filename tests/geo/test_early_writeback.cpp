// The writeback hints a long write gives the kernel: the file's bytes stay as written while
// they are nudged and settled, the background sync lets go of its descriptor, and a file that
// cannot be opened is simply not nudged.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>

#include "geo/early_writeback.h"
#include "support/sample_fixture.h"

namespace {

std::size_t openDescriptors() {
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/fd"))
        ++count;
    return count;
}

// Waits up to thirty seconds for the process to hold `count` descriptors: a background sync
// waits for the disk, which other programs (the rest of the test suite, run beside this test)
// may keep busy for seconds; a descriptor never let go still fails.
bool settlesAt(std::size_t count) {
    for (int i = 0; i < 3000 && openDescriptors() != count; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return openDescriptors() == count;
}

} // namespace

TEST_CASE("Writeback hints keep the file as written and let go of their descriptors",
          "[writeback]") {
    const std::string path = testing::temporaryDirectory() + "/writeback.bin";
    std::filesystem::remove(path);
    const std::size_t before = openDescriptors();
    std::string expected;
    {
        std::ofstream out(path, std::ios::binary);
        geo::EarlyWriteback writeback(path);
        CHECK(openDescriptors() == before + 2); // the stream's and the hints' own
        for (int block = 0; block < 64; ++block) {
            const std::string bytes(64 * 1024, static_cast<char>('a' + block % 26));
            out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
            out.flush();
            expected += bytes;
            writeback.nudge();
            if (block % 16 == 15)
                writeback.settleInBackground(); // while the writing goes on
        }
        out.close();
        writeback.settleInBackground();
        // Each background sync closes its own descriptor when done.
        CHECK(settlesAt(before + 1));
    }
    CHECK(openDescriptors() == before);
    {
        std::ifstream in(path, std::ios::binary);
        const std::string read((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
        CHECK(read.size() == expected.size());
        CHECK(read == expected);
    }

    // A file that cannot be opened gets no hints, and no failure either.
    geo::EarlyWriteback nowhere(testing::temporaryDirectory() + "/no/such/file");
    nowhere.nudge();
    nowhere.settleInBackground();
    CHECK(openDescriptors() == before);
}
