// A long job's working memory does not stay with the window once the job is over: the heap
// keeps what is freed (app/huge_pages.h), and BackgroundTask gives it back after each job.
#include <catch2/catch.hpp>

#include <cstring>
#include <memory>
#include <stdexcept>
#include <vector>

#include "app/gui/background_task.h"
#include "app/huge_pages.h"
#include "support/process_memory.h"

TEST_CASE("a background job's freed memory goes back to the system when it ends",
          "[background_task]") {
    if (!app::newAdvisesHugePages) {
        SUCCEED("AddressSanitizer's allocator holds freed blocks in quarantine");
        return;
    }
    for (const bool fails : {false, true}) {
        INFO((fails ? "a job that fails" : "a job that completes"));
        app::BackgroundTask task;
        std::size_t held = 0;
        app::BackgroundTask::Outcome outcome = app::BackgroundTask::Outcome::Completed;
        QObject::connect(
            &task, &app::BackgroundTask::finished, &task,
            [&](app::BackgroundTask::Outcome o, const QString&) { outcome = o; },
            Qt::DirectConnection);
        REQUIRE(task.start([&](app::BackgroundTask&) {
            // 192 blocks of 1 MiB, written through: working memory held in the heap.
            std::vector<std::unique_ptr<char[]>> blocks;
            for (int i = 0; i < 192; ++i) {
                blocks.emplace_back(new char[std::size_t(1) << 20]);
                std::memset(blocks.back().get(), i, std::size_t(1) << 20);
            }
            held = testing::residentBytes();
            blocks.clear();
            if (fails)
                throw std::runtime_error("the job failed after freeing its memory");
        }));
        task.wait();
        CHECK(outcome == (fails ? app::BackgroundTask::Outcome::Failed
                                : app::BackgroundTask::Outcome::Completed));
        const std::size_t after = testing::residentBytes();
        INFO("resident " << held / 1048576 << " MiB in the job, " << after / 1048576
                         << " MiB after it");
        CHECK(after + (std::size_t(150) << 20) < held);
    }
}
