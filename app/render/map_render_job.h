// One render of one view, off the GUI thread: the parcel layer (itself on several workers)
// and the other layers (basemap, relief, rivers, village boundaries) run at the same time, each
// into its own image; then they are composed in the layer order and the labelling pass and the
// selection are drawn on top. A newer view cancels an older job; failures become messages, never
// exceptions across threads.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <QImage>
#include <QObject>

#include "app/render/label_renderer.h"
#include "app/render/map_settings.h"
#include "app/render/prepared_theme.h"
#include "app/render/render_cache.h"
#include "app/render/theme_cache.h"

namespace app {

class MapRenderJob : public QObject {
    Q_OBJECT
public:
    // `cache` may be null; when given it must outlive the job.
    MapRenderJob(MapSettings settings, std::shared_ptr<const PreparedTheme> theme,
                 RenderCache* cache = nullptr, QObject* parent = nullptr);
    // Prepares the theme from `themes` on the worker (the canvas: never on the GUI thread).
    MapRenderJob(MapSettings settings, ThemeCache* themes, RenderCache* cache,
                 QObject* parent = nullptr);
    ~MapRenderJob() override; // cancels and waits: never leaves a worker behind

    MapRenderJob(const MapRenderJob&) = delete;
    MapRenderJob& operator=(const MapRenderJob&) = delete;

    void start();
    // Asks the workers to stop; they check often, so the job ends within milliseconds.
    void cancel();
    void waitForFinished();
    bool isFinished() const { return m_finished.load(); }
    bool wasCancelled() const { return m_cancel.load(); }

    const MapSettings& settings() const { return m_settings; }
    // The composed image, valid once finished and not cancelled.
    QImage image() const;
    // The layers finished so far, composed: shown while a slow render goes on.
    QImage preview() const;
    std::vector<std::string> errors() const;
    std::vector<PlacedLabel> labels() const;
    // The theme drawn (prepared by the job when it was given a ThemeCache).
    std::shared_ptr<const PreparedTheme> theme() const;
    double elapsedMilliseconds() const;

signals:
    // Emitted on a worker thread when the job ends (finished or cancelled): connect queued.
    void finished();

private:
    void run();
    QImage blankImage() const;
    // Draws the layer images in the settings' order (bottom first).
    struct LayerImages {
        QImage basemap, parcels, relief, rivers, roads, villages, seats, assets;
        bool empty() const {
            return basemap.isNull() && parcels.isNull() && relief.isNull() && rivers.isNull() &&
                   roads.isNull() && villages.isNull() && seats.isNull() && assets.isNull();
        }
    };
    void composeLayers(QPainter& painter, const LayerImages& layers) const;

    MapSettings m_settings;
    std::shared_ptr<const PreparedTheme> m_theme;
    ThemeCache* m_themes = nullptr;
    RenderCache* m_cache;
    std::thread m_thread;
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_finished{false};
    std::chrono::steady_clock::time_point m_started;
    std::chrono::steady_clock::time_point m_ended;

    mutable std::mutex m_mutex; // guards everything below
    LayerImages m_layers;       // finished so far, for preview()
    QImage m_image;
    std::vector<std::string> m_errors;
    std::vector<PlacedLabel> m_labels;
};

// Renders `settings` on the calling thread's behalf and waits: for commands, reports, tests.
// Throws geo::Error with the job's messages when rendering failed.
QImage renderMap(const MapSettings& settings, std::shared_ptr<const PreparedTheme> theme,
                 std::vector<PlacedLabel>* labels = nullptr);

} // namespace app
