// The import's pipeline: results in source order whatever the number of workers, every
// failure surfacing on the calling thread at its batch, and no thread left behind.
#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "geo/ordered_pipeline.h"

namespace {

struct Numbers {
    std::vector<int> in;
    std::vector<long long> out;
};

// Reads 0 … total-1 in batches of `size`; prepares squares; `failAt` makes that stage throw
// on the item given.
struct Squares {
    int total = 0;
    int size = 7;
    int next = 0;
    int readFailsAt = -1;
    int prepareFailsAt = -1;
    int consumeFailsAt = -1;
    std::vector<long long> consumed;

    geo::PipelineStages<Numbers> stages() {
        geo::PipelineStages<Numbers> s;
        s.read = [this](Numbers& batch) {
            for (int k = 0; k < size && next < total; ++k, ++next) {
                if (next == readFailsAt)
                    throw std::runtime_error("read failed at " + std::to_string(next));
                batch.in.push_back(next);
            }
            batch.out.resize(batch.in.size());
            return next < total;
        };
        s.prepare = [this](Numbers& batch, unsigned worker, unsigned workers) {
            for (std::size_t k = worker; k < batch.in.size(); k += workers) {
                if (batch.in[k] == prepareFailsAt)
                    throw std::runtime_error("prepare failed at " + std::to_string(batch.in[k]));
                if (k % 3 == 0)
                    std::this_thread::yield(); // uneven work: shares finish out of order
                batch.out[k] = static_cast<long long>(batch.in[k]) * batch.in[k];
            }
        };
        s.consume = [this](Numbers& batch) {
            for (long long v : batch.out) {
                if (consumeFailsAt >= 0 &&
                    v == static_cast<long long>(consumeFailsAt) * consumeFailsAt)
                    throw std::runtime_error("consume failed");
                consumed.push_back(v);
            }
        };
        return s;
    }
};

std::vector<long long> squaresBelow(int n) {
    std::vector<long long> v;
    for (int i = 0; i < n; ++i)
        v.push_back(static_cast<long long>(i) * i);
    return v;
}

} // namespace

TEST_CASE("the pipeline keeps source order with one and several workers", "[pipeline]") {
    const unsigned workers = GENERATE(1U, 2U, 5U);
    const std::size_t inFlight = GENERATE(std::size_t{1}, std::size_t{3});
    const int total = GENERATE(0, 1, 7, 8, 1000);
    Squares job;
    job.total = total;
    geo::runOrderedPipeline(job.stages(), workers, inFlight);
    CHECK(job.consumed == squaresBelow(total));
}

TEST_CASE("each worker starts once, on its own thread", "[pipeline]") {
    Squares job;
    job.total = 100;
    auto stages = job.stages();
    std::atomic<int> started{0};
    std::vector<std::thread::id> ids(3);
    stages.startWorker = [&](unsigned w) {
        ++started;
        ids[w] = std::this_thread::get_id();
    };
    geo::runOrderedPipeline(stages, 3, 2);
    CHECK(started == 3);
    CHECK(ids[0] != ids[1]);
    CHECK(ids[0] != std::this_thread::get_id());
}

TEST_CASE("a failure in the pipeline surfaces at its batch, after the earlier ones", "[pipeline]") {
    const unsigned workers = GENERATE(1U, 3U);
    Squares job;
    job.total = 100;
    SECTION("in a worker") {
        job.prepareFailsAt = 50; // batch 7 holds 49 … 55
        REQUIRE_THROWS_WITH(geo::runOrderedPipeline(job.stages(), workers, 2),
                            "prepare failed at 50");
        CHECK(job.consumed == squaresBelow(49));
    }
    SECTION("in the reader") {
        job.readFailsAt = 30; // batch 4 holds 28 … 34
        REQUIRE_THROWS_WITH(geo::runOrderedPipeline(job.stages(), workers, 2), "read failed at 30");
        CHECK(job.consumed == squaresBelow(28));
    }
    SECTION("in the consumer, which stops the rest") {
        job.consumeFailsAt = 20;
        REQUIRE_THROWS_WITH(geo::runOrderedPipeline(job.stages(), workers, 2), "consume failed");
        CHECK(job.consumed == squaresBelow(20));
        CHECK(job.next < job.total); // reading stopped early: at most a few batches ahead
    }
    SECTION("when a worker cannot start") {
        auto stages = job.stages();
        stages.startWorker = [workers](unsigned w) {
            if (w == workers - 1)
                throw std::runtime_error("no PROJ context");
        };
        REQUIRE_THROWS_WITH(geo::runOrderedPipeline(stages, workers, 2), "no PROJ context");
        CHECK(job.consumed.empty());
    }
}
