// Loads a project's drawing data on a worker thread, so opening a county of a million parcels
// never freezes the window; the result arrives as a signal on the GUI thread.
#pragma once

#include <atomic>
#include <memory>
#include <thread>

#include <QObject>
#include <QString>

#include "app/render/project_drawing.h"

namespace app {

class ProjectLoader : public QObject {
    Q_OBJECT
public:
    explicit ProjectLoader(QObject* parent = nullptr);
    ~ProjectLoader() override; // cancels and waits

    // Starts loading `path`, cancelling a load in progress.
    void load(const QString& path);
    bool isLoading() const noexcept { return m_thread.joinable() && !m_done; }

signals:
    void progress(double fraction);
    void loaded(const QString& path, std::shared_ptr<const app::ProjectDrawing> drawing,
                double seconds);
    void failed(const QString& path, const QString& reason);

private:
    void stop();

    std::thread m_thread;
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_done{true};
};

} // namespace app
