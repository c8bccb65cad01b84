// Threads that give way (geo/thread_priority.h): the calling thread's nice value goes up, the
// other threads' stays, and the threads it starts afterwards inherit it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <thread>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "geo/thread_priority.h"

namespace {

int niceOfThisThread() {
    return getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)));
}

} // namespace

TEST_CASE("a thread that gives way runs at a lower priority, and so do the threads it starts",
          "[thread_priority]") {
    const int before = niceOfThisThread();
    int inside = 0, started = 0;
    std::thread([&] {
        geo::giveWayToOtherThreads();
        inside = niceOfThisThread();
        std::thread([&] { started = niceOfThisThread(); }).join();
    }).join();
    CHECK(inside == std::min(before + 10, 19)); // 19: the lowest priority there is
    CHECK(started == inside);
    CHECK(niceOfThisThread() == before); // the rest of the process is left as it was
}
