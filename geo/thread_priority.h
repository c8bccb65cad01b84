// A thread's share of the processor when there are more runnable threads than cores.
#pragma once

namespace geo {

// Makes the calling thread give way to the process's other threads while cores are short: for
// work that nothing waits on as soon as it waits on another thread's. Classify's last stretch
// is the writing of the rows, one thread's work that the end waits for; the river searches
// and summaries that run beside it took a share of its core (the scheduler shares a core
// evenly among runnable threads) and made it end later. Raises the thread's nice value by ten
// steps, a lower priority (no privilege needed; without one it cannot be brought back). The
// threads it starts afterwards inherit it. Does nothing where threads have no priority of
// their own.
void giveWayToOtherThreads() noexcept;

} // namespace geo
