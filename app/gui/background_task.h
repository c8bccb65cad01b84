// One long job (an import, a classification) on its own thread, with progress and a cancel flag.
// Nothing is thrown across the thread: the job's exceptions come back as an outcome and a text.
#pragma once

#include <atomic>
#include <functional>

#include <QObject>
#include <QString>

class QThread;

namespace app {

class BackgroundTask : public QObject {
    Q_OBJECT
public:
    enum class Outcome { Completed, Cancelled, Failed };
    Q_ENUM(Outcome)

    // Runs on the worker thread; reports through reportProgress() and asks isCancelled().
    // It must open its own GDAL handles: none may be shared with the GUI thread.
    using Job = std::function<void(BackgroundTask& task)>;

    explicit BackgroundTask(QObject* parent = nullptr);
    // Cancels a running job and waits for it, so the job never outlives what it reports to.
    ~BackgroundTask() override;
    BackgroundTask(const BackgroundTask&) = delete;
    BackgroundTask& operator=(const BackgroundTask&) = delete;

    // Returns false (and does nothing) while a job is running.
    bool start(Job job);
    // Thread-safe: may be called from any thread, including the job's own.
    void cancel() noexcept { m_cancelled = true; }
    bool isCancelled() const noexcept { return m_cancelled; }
    bool isRunning() const noexcept { return m_running; }
    // Blocks until the job has ended (for shutdown and tests).
    void wait();

    // Called by the job; emits progress() on the job's thread.
    void reportProgress(const QString& step, double fraction);

signals:
    // Emitted on the worker thread: connect with a queued (default) connection to update
    // widgets, or a direct one to react inside the job (e.g. a test cancelling mid-way).
    void progress(const QString& step, double fraction);
    // Emitted once per job on the worker thread after isRunning() turned false.
    void finished(app::BackgroundTask::Outcome outcome, const QString& error);

private:
    QThread* m_thread = nullptr;
    std::atomic<bool> m_cancelled{false};
    std::atomic<bool> m_running{false};
};

} // namespace app
