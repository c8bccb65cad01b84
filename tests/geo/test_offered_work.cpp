// Work offered to a waiting thread (geo/offered_work.h): every block is done once, a thread
// that helps takes blocks the runner has not, and run() returns only once the helper's last
// block is done (classify's zones are then complete for the rows).
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "geo/offered_work.h"

namespace {

using namespace std::chrono_literals;

// Spins until `flag` is set or ten seconds pass: long enough for a loaded CI machine to schedule
// the other thread, short enough that a test does not hang when the code is wrong.
bool waitFor(const std::atomic<bool>& flag) {
    const auto until = std::chrono::steady_clock::now() + 10s;
    while (!flag && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(1ms);
    return flag;
}

} // namespace

TEST_CASE("offered work: nothing on offer, help does nothing", "[offered_work]") {
    geo::OfferedWork work;
    CHECK_FALSE(work.hasWork());
    CHECK_FALSE(work.help());
}

TEST_CASE("offered work: every block once, on the runners and on a helper", "[offered_work]") {
    geo::OfferedWork work;
    constexpr std::size_t begin = 7, end = 10'007, block = 64;
    auto visits = std::make_unique<std::atomic<int>[]>(end);
    std::mutex mutex;
    std::set<std::thread::id> threads;
    std::atomic<std::thread::id> helperId;
    std::atomic<bool> helperDidOne = false, offered = false;
    int offers = 0;

    std::thread helper([&] {
        helperId = std::this_thread::get_id();
        REQUIRE(waitFor(offered));
        CHECK(work.help());
        CHECK_FALSE(work.help()); // nothing left once it returns
    });
    work.run(
        begin, end, block, 2,
        [&](std::size_t first, std::size_t last) {
            CHECK(last - first <= block);
            {
                const std::lock_guard lock(mutex);
                threads.insert(std::this_thread::get_id());
            }
            // The runners wait in their first blocks until the helper has done one: it gets
            // blocks for certain.
            if (std::this_thread::get_id() != helperId)
                waitFor(helperDidOne);
            for (std::size_t i = first; i < last; ++i)
                ++visits[i];
            if (std::this_thread::get_id() == helperId)
                helperDidOne = true;
        },
        [&] {
            ++offers;
            offered = true;
        });
    helper.join();

    CHECK(offers == 1);
    CHECK(helperDidOne);
    CHECK(threads.count(helperId) == 1);
    std::size_t wrong = 0;
    for (std::size_t i = 0; i < end; ++i)
        wrong += visits[i] != (i >= begin ? 1 : 0);
    CHECK(wrong == 0);
    CHECK_FALSE(work.hasWork());
}

TEST_CASE("offered work: runs on as many threads as asked", "[offered_work]") {
    geo::OfferedWork work;
    std::mutex mutex;
    std::set<std::thread::id> threads;
    std::atomic<bool> allThree = false;
    std::atomic<int> blocksDone = 0;
    work.run(0, 100, 10, 3, [&](std::size_t, std::size_t) {
        {
            const std::lock_guard lock(mutex);
            threads.insert(std::this_thread::get_id());
            allThree = allThree || threads.size() == 3;
        }
        waitFor(allThree); // each holds its first block until all three have one
        ++blocksDone;
    });
    CHECK(threads.size() == 3);
    CHECK(blocksDone == 10);
}

TEST_CASE("offered work: run returns only when the helper's block is done", "[offered_work]") {
    geo::OfferedWork work;
    std::atomic<std::thread::id> helperId;
    std::atomic<bool> offered = false, helperStarted = false, helperFinished = false;
    std::atomic<int> blocksDone = 0;
    std::thread helper([&] {
        helperId = std::this_thread::get_id();
        REQUIRE(waitFor(offered));
        work.help();
    });
    work.run(
        0, 2, 1, 1,
        [&](std::size_t, std::size_t) {
            if (std::this_thread::get_id() == helperId) {
                // Slow, so that the runner is done with its block long before.
                helperStarted = true;
                std::this_thread::sleep_for(150ms);
                helperFinished = true;
            } else {
                waitFor(helperStarted); // leaves the other block to the helper
            }
            ++blocksDone;
        },
        [&] { offered = true; });
    CHECK(blocksDone == 2);
    CHECK(helperFinished);
    helper.join();
}
