#include "app/gui/background_task.h"

#include <exception>

#include <QThread>

#include "app/huge_pages.h"
#include "geo/error.h"

namespace app {

BackgroundTask::BackgroundTask(QObject* parent)
    : QObject(parent) {}

BackgroundTask::~BackgroundTask() {
    cancel();
    wait();
    delete m_thread;
}

void BackgroundTask::wait() {
    if (m_thread)
        m_thread->wait();
}

bool BackgroundTask::start(Job job) {
    if (m_running)
        return false;
    wait();
    delete m_thread;
    m_cancelled = false;
    m_running = true;
    m_thread = QThread::create([this, job = std::move(job)] {
        Outcome outcome = Outcome::Completed;
        QString error;
        try {
            job(*this); // a job that finished is Completed even if cancel came too late
        } catch (const geo::Cancelled&) {
            outcome = Outcome::Cancelled;
        } catch (const std::exception& e) {
            outcome = Outcome::Failed;
            error = QString::fromStdString(e.what());
        } catch (...) {
            outcome = Outcome::Failed;
            error = QStringLiteral("unknown failure");
        }
        // A long job's working memory was freed into the heap, which would keep it (see
        // app/huge_pages.h): the window gives it back.
        releaseFreeMemory();
        m_running = false;
        emit finished(outcome, error);
    });
    m_thread->start();
    return true;
}

void BackgroundTask::reportProgress(const QString& step, double fraction) {
    emit progress(step, fraction);
}

} // namespace app
