// A stream of batches on several threads that still ends in source order: one thread reads
// batches, worker threads prepare each batch together (item k of a batch by worker
// k % workers), and the calling thread consumes the batches in the order they were read while
// the next ones are read and prepared. Used by the import: reading, geometry work and writing
// overlap, and every result is the same as on one thread.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace geo {

template <class Batch>
struct PipelineStages {
    // Fills an empty batch from the source; returns false when the source is exhausted (the
    // batch may still hold the last items). Runs on the reading thread only.
    std::function<bool(Batch&)> read;
    // Runs once on each worker's own thread before its first batch (e.g. to make the PROJ
    // objects that belong to that thread). May be empty.
    std::function<void(unsigned worker)> startWorker;
    // Prepares this worker's share of a batch; workers run at the same time on one batch.
    std::function<void(Batch&, unsigned worker, unsigned workers)> prepare;
    // Takes each prepared batch, in reading order, on the calling thread.
    std::function<void(Batch&)> consume;
};

// Runs the stages until the source is exhausted, with at most `inFlight` batches read and not
// yet consumed (the memory bound). An exception thrown by read, startWorker or prepare is
// rethrown here when the consumer reaches the batch it belongs to, after every earlier batch
// was consumed; one thrown by consume stops the pipeline and propagates. No thread outlives
// the call.
template <class Batch>
void runOrderedPipeline(const PipelineStages<Batch>& stages, unsigned workers,
                        std::size_t inFlight) {
    struct Slot {
        Batch batch;
        unsigned pending = 0; // workers still preparing it
        bool last = false;
        std::exception_ptr failure;
    };
    workers = workers == 0 ? 1 : workers;
    inFlight = inFlight == 0 ? 1 : inFlight;
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<std::unique_ptr<Slot>> slots;  // read, not yet consumed; front is next to consume
    std::vector<std::unique_ptr<Slot>> spent; // consumed: freed by the reader, off this thread
    std::uint64_t firstSequence = 0;          // sequence number of slots.front()
    std::uint64_t readCount = 0;
    bool readerDone = false;
    bool stopping = false;
    std::exception_ptr readFailure;

    auto reader = [&] {
        for (;;) {
            std::vector<std::unique_ptr<Slot>> toFree;
            {
                std::unique_lock<std::mutex> lock(mutex);
                changed.wait(lock, [&] { return stopping || slots.size() < inFlight; });
                if (stopping)
                    return;
                toFree.swap(spent);
            }
            toFree.clear();
            auto slot = std::make_unique<Slot>();
            slot->pending = workers;
            bool more = false;
            try {
                more = stages.read(slot->batch);
            } catch (...) {
                const std::lock_guard<std::mutex> lock(mutex);
                readFailure = std::current_exception();
                readerDone = true;
                changed.notify_all();
                return;
            }
            const std::lock_guard<std::mutex> lock(mutex);
            slot->last = !more;
            slots.push_back(std::move(slot));
            ++readCount;
            readerDone = !more;
            changed.notify_all();
            if (!more)
                return;
        }
    };

    auto worker = [&](unsigned w) {
        std::exception_ptr startFailure;
        if (stages.startWorker) {
            try {
                stages.startWorker(w);
            } catch (...) {
                startFailure = std::current_exception();
            }
        }
        for (std::uint64_t next = 0;; ++next) {
            Slot* slot = nullptr;
            {
                std::unique_lock<std::mutex> lock(mutex);
                changed.wait(lock, [&] { return stopping || next < readCount; });
                if (stopping)
                    return;
                // Not consumed yet: the consumer waits for this worker's share.
                slot = slots[static_cast<std::size_t>(next - firstSequence)].get();
            }
            std::exception_ptr failure = startFailure;
            if (!failure) {
                try {
                    stages.prepare(slot->batch, w, workers);
                } catch (...) {
                    failure = std::current_exception();
                }
            }
            const std::lock_guard<std::mutex> lock(mutex);
            if (failure && !slot->failure)
                slot->failure = failure;
            const bool last = slot->last;
            if (--slot->pending == 0)
                changed.notify_all();
            if (last)
                return;
        }
    };

    std::vector<std::thread> threads;
    // Stops and joins every thread on the way out, normal or not.
    struct Joiner {
        std::mutex& mutex;
        std::condition_variable& changed;
        bool& stopping;
        std::vector<std::thread>& threads;
        ~Joiner() {
            {
                const std::lock_guard<std::mutex> lock(mutex);
                stopping = true;
            }
            changed.notify_all();
            for (std::thread& t : threads)
                t.join();
        }
    } joiner{mutex, changed, stopping, threads};
    threads.emplace_back(reader);
    for (unsigned w = 0; w < workers; ++w)
        threads.emplace_back(worker, w);

    for (;;) {
        std::unique_ptr<Slot> slot;
        {
            std::unique_lock<std::mutex> lock(mutex);
            changed.wait(lock, [&] {
                return (!slots.empty() && slots.front()->pending == 0) ||
                       (slots.empty() && readerDone);
            });
            if (slots.empty()) {
                if (readFailure)
                    std::rethrow_exception(readFailure);
                return;
            }
            slot = std::move(slots.front());
            slots.pop_front();
            ++firstSequence;
            changed.notify_all();
        }
        if (slot->failure)
            std::rethrow_exception(slot->failure);
        stages.consume(slot->batch);
        const bool last = slot->last;
        {
            const std::lock_guard<std::mutex> lock(mutex);
            spent.push_back(std::move(slot));
        }
        if (last)
            return;
    }
}

} // namespace geo
