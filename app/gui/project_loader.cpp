#include "app/gui/project_loader.h"

#include <chrono>

namespace app {

ProjectLoader::ProjectLoader(QObject* parent)
    : QObject(parent) {
    qRegisterMetaType<std::shared_ptr<const app::ProjectDrawing>>();
}

ProjectLoader::~ProjectLoader() {
    stop();
}

void ProjectLoader::stop() {
    m_cancel = true;
    if (m_thread.joinable())
        m_thread.join();
    m_cancel = false;
}

void ProjectLoader::load(const QString& path) {
    stop();
    m_done = false;
    m_thread = std::thread([this, path] {
        const auto started = std::chrono::steady_clock::now();
        try {
            DrawingLoadOptions options;
            options.progress = [this](double fraction) {
                emit progress(fraction);
                return !m_cancel.load();
            };
            auto drawing = loadProjectDrawing(path.toStdString(), options);
            if (drawing)
                emit loaded(
                    path, drawing,
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - started)
                        .count());
        } catch (const std::exception& e) {
            emit failed(path, QString::fromStdString(e.what()));
        }
        m_done = true;
    });
}

} // namespace app
