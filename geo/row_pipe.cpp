#include "geo/row_pipe.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace geo {
namespace {

// Rows per batch passed between the threads: few enough hand-overs that waking the other
// thread costs nothing worth measuring, small enough to stay in the caches.
constexpr std::size_t batchRows = 1024;
// One being made, one being written, one ready: the maker never waits for an empty batch
// while the writer keeps up, nor the writer for a full one while the maker does.
constexpr std::size_t batchCount = 3;

struct Channel {
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<std::unique_ptr<RowBatch>> made;   // full batches, in order, for the writer
    std::vector<std::unique_ptr<RowBatch>> spare; // written, for the maker to clear and refill
    bool makerDone = false;                       // every row made is in `made`
    bool writerStopped = false;                   // the maker must stop making rows
    std::exception_ptr makerFailure;
};

// Unwinds `make` on its thread once the writer has stopped (it failed): no more rows are
// wanted. Never leaves the maker's thread.
struct WriterStopped {};

// The RowWriter `make` is given: fills a batch, and passes it to the writer when full.
class MakerSide final : public RowWriter {
public:
    explicit MakerSide(Channel& channel)
        : m_channel(channel) {
        const std::lock_guard<std::mutex> lock(m_channel.mutex);
        m_batch = std::move(m_channel.spare.back());
        m_channel.spare.pop_back();
    }

    void setInteger(int column, std::int64_t value) override { m_batch->setInteger(column, value); }
    void setReal(int column, double value) override { m_batch->setReal(column, value); }
    void setText(int column, std::string_view value) override { m_batch->setText(column, value); }
    // The batch is written before `make`'s caller's finish(): a view of the text lasts.
    void setLastingText(int column, std::string_view value) override {
        m_batch->setLastingText(column, value);
    }
    void addRow() override {
        m_batch->addRow();
        if (m_batch->full())
            pass(true);
    }
    void finish() override {} // the last rows are passed when `make` returns

    // Hands the batch to the writer; with `another`, waits for an empty one to go on with.
    void pass(bool another) {
        std::unique_lock<std::mutex> lock(m_channel.mutex);
        if (m_channel.writerStopped)
            throw WriterStopped{};
        m_channel.made.push_back(std::move(m_batch));
        m_channel.changed.notify_all();
        if (!another)
            return;
        m_channel.changed.wait(lock,
                               [&] { return m_channel.writerStopped || !m_channel.spare.empty(); });
        if (m_channel.writerStopped)
            throw WriterStopped{};
        m_batch = std::move(m_channel.spare.back());
        m_channel.spare.pop_back();
        lock.unlock();
        m_batch->clear(); // here, not on the writer's thread: the writer is the slower side
    }
    void passLast() {
        if (!m_batch->empty())
            pass(false);
    }

private:
    Channel& m_channel;
    std::unique_ptr<RowBatch> m_batch;
};

} // namespace

void pipeRows(RowWriter& out, std::size_t columns,
              const std::function<void(RowWriter& rows)>& make) {
    Channel channel;
    for (std::size_t b = 0; b < batchCount; ++b) {
        channel.spare.push_back(std::make_unique<RowBatch>());
        channel.spare.back()->reset(columns, batchRows);
    }
    std::thread maker([&] {
        std::exception_ptr failure;
        try {
            MakerSide rows(channel);
            make(rows);
            rows.passLast();
        } catch (const WriterStopped&) {
        } catch (...) {
            failure = std::current_exception();
        }
        const std::lock_guard<std::mutex> lock(channel.mutex);
        channel.makerFailure = failure;
        channel.makerDone = true;
        channel.changed.notify_all();
    });
    // Stops the maker and joins it on every way out: after the last batch it has already
    // ended; after a failure here it stops at its next batch instead of waiting for ever.
    struct Joiner {
        Channel& channel;
        std::thread& thread;
        ~Joiner() {
            {
                const std::lock_guard<std::mutex> lock(channel.mutex);
                channel.writerStopped = true;
            }
            channel.changed.notify_all();
            thread.join();
        }
    };
    {
        const Joiner joiner{channel, maker};
        for (;;) {
            std::unique_ptr<RowBatch> batch;
            {
                std::unique_lock<std::mutex> lock(channel.mutex);
                channel.changed.wait(lock,
                                     [&] { return channel.makerDone || !channel.made.empty(); });
                if (channel.makerFailure || channel.made.empty())
                    break; // a failed maker's rows are not wanted; or every row is written
                batch = std::move(channel.made.front());
                channel.made.pop_front();
            }
            out.addRows(*batch);
            const std::lock_guard<std::mutex> lock(channel.mutex);
            channel.spare.push_back(std::move(batch));
            channel.changed.notify_all();
        }
    }
    if (channel.makerFailure)
        std::rethrow_exception(channel.makerFailure);
}

} // namespace geo
