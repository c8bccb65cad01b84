#include "app/gui/project_loader.h"

#include <chrono>

namespace app {

ProjectLoader::ProjectLoader(QObject* parent)
    : QObject(parent) {
    qRegisterMetaType<std::shared_ptr<const app::ProjectDrawing>>();
    // Direct: runs on the worker thread before the task counts as ended, so m_path is still
    // the path of the load that failed.
    connect(
        &m_task, &BackgroundTask::finished, this,
        [this](BackgroundTask::Outcome outcome, const QString& error) {
            if (outcome == BackgroundTask::Outcome::Failed)
                emit failed(m_path, error);
        },
        Qt::DirectConnection);
}

void ProjectLoader::load(const QString& path) {
    m_task.cancel();
    m_task.wait();
    m_path = path;
    m_task.start([this, path](BackgroundTask& task) {
        const auto started = std::chrono::steady_clock::now();
        DrawingLoadOptions options;
        options.progress = [this, &task](double fraction) {
            emit progress(fraction);
            return !task.isCancelled();
        };
        auto drawing = loadProjectDrawing(path.toStdString(), options);
        if (drawing) // null when cancelled
            emit loaded(
                path, drawing,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    });
}

} // namespace app
