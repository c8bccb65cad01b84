#include "geo/thread_priority.h"

#if defined(__linux__)
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace geo {

void giveWayToOtherThreads() noexcept {
#if defined(__linux__)
    // On Linux a nice value belongs to the thread (its task id), not to the whole process.
    constexpr int steps = 10; // a share of about a tenth against a thread at the usual value
    const auto thread = static_cast<id_t>(syscall(SYS_gettid));
    errno = 0;
    const int now = getpriority(PRIO_PROCESS, thread);
    if (errno == 0)
        setpriority(PRIO_PROCESS, thread, now + steps); // best effort: a failure changes nothing
#endif
}

} // namespace geo
