// Parallel work split into blocks that threads take one at a time, and that a thread which
// would otherwise wait can join: classify's row maker, waiting for the zones of the parcels it
// is to write next, searches rivers for them meanwhile instead of leaving its core idle.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>

namespace geo {

class OfferedWork {
public:
    // work(first, last) for a block [first, last); called on several threads at once.
    using Work = std::function<void(std::size_t first, std::size_t last)>;

    // Calls `work` over [begin, end) a block at a time on `threads` threads (this one among
    // them; fewer when the system gives no more) and on every thread that calls help() meanwhile;
    // each takes the next block when done with one. `offered`, when given, is called once the
    // blocks are on offer (to wake a thread that may help). Returns when every block is done. One
    // run at a time; `work` must not throw (it is plain arithmetic on data that stays put).
    void run(std::size_t begin, std::size_t end, std::size_t block, unsigned threads,
             const Work& work, const std::function<void()>& offered = {});

    // Does blocks of the work on offer until none is left; false when there was none to do.
    bool help();

    // Whether blocks are on offer that nobody has taken yet.
    bool hasWork() const;

private:
    struct Offer {
        std::atomic<std::size_t> next;
        std::size_t end, block;
        const Work* work;
    };
    static void doBlocks(Offer& offer);

    mutable std::mutex m_mutex;
    std::condition_variable m_helpersGone;
    Offer* m_offer = nullptr; // the run's blocks, while it lasts
    int m_helping = 0;        // threads in help() doing its blocks
};

} // namespace geo
