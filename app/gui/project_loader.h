// Loads a project's drawing data on a worker thread, so opening a county of a million parcels
// never freezes the window; the result arrives as a signal on the GUI thread.
#pragma once

#include <memory>

#include <QObject>
#include <QString>

#include "app/gui/background_task.h"
#include "app/render/project_drawing.h"

namespace app {

class ProjectLoader : public QObject {
    Q_OBJECT
public:
    explicit ProjectLoader(QObject* parent = nullptr);

    // Starts loading `path`, cancelling a load in progress (and waiting for it to stop, so
    // only the newest load ever reports).
    void load(const QString& path);
    bool isLoading() const noexcept { return m_task.isRunning(); }

signals:
    // All three are emitted on the worker thread: connect them queued.
    void progress(double fraction);
    void loaded(const QString& path, std::shared_ptr<const app::ProjectDrawing> drawing,
                double seconds);
    void failed(const QString& path, const QString& reason);

private:
    QString m_path;        // of the running load; only changes while no load runs
    BackgroundTask m_task; // declared last: destroyed first, cancelling and waiting
};

} // namespace app
