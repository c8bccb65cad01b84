#include "app/render/map_render_job.h"

#include <QPainter>

#include "app/render/asset_renderer.h"
#include "app/render/basemap_renderer.h"
#include "app/render/overlay_renderer.h"
#include "app/render/parcel_renderer.h"
#include "app/render/relief_renderer.h"
#include "geo/error.h"

namespace app {

MapRenderJob::MapRenderJob(MapSettings settings, std::shared_ptr<const PreparedTheme> theme,
                           RenderCache* cache, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_theme(std::move(theme))
    , m_cache(cache) {}

MapRenderJob::MapRenderJob(MapSettings settings, ThemeCache* themes, RenderCache* cache,
                           QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_themes(themes)
    , m_cache(cache) {}

MapRenderJob::~MapRenderJob() {
    cancel();
    if (m_thread.joinable())
        m_thread.join();
}

void MapRenderJob::start() {
    m_started = std::chrono::steady_clock::now();
    m_thread = std::thread([this] { run(); });
}

void MapRenderJob::cancel() {
    m_cancel = true;
}

void MapRenderJob::waitForFinished() {
    if (m_thread.joinable())
        m_thread.join();
}

QImage MapRenderJob::blankImage() const {
    QImage image(m_settings.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    return image;
}

void MapRenderJob::run() {
    const auto keyOf = [&](const std::string& layer, const void* theme) {
        return RenderCache::Key{layer,
                                m_settings.visibleExtent(),
                                m_settings.size(),
                                m_settings.dpi(),
                                m_settings.drawing.get(),
                                theme,
                                m_settings.layers.parcelOpacity};
    };
    try {
        if (!m_settings.drawing)
            throw geo::Error("nothing to draw: no project is open");
        if (!m_theme && m_themes) {
            auto prepared = m_themes->get(m_settings.drawing, m_settings.theme, m_settings.filter);
            const std::lock_guard lock(m_mutex);
            m_theme = std::move(prepared);
        }

        // The basemap, relief, rivers, roads, village boundaries, seats and assets on a second
        // thread while the parcels draw here, each into its own image, so the layers can be
        // composed in any order.
        std::string overlayError;
        LayerImages images;
        std::thread overlayWorker([&] {
            try {
                const auto layer =
                    [&](const std::string& name, bool shown, QImage& image,
                        bool (*draw)(QPainter&, const MapSettings&, const std::atomic<bool>&)) {
                        if (!shown || m_cancel)
                            return;
                        const RenderCache::Key key = keyOf(name, nullptr);
                        if (auto cached = m_cache ? m_cache->find(key) : std::nullopt) {
                            image = *cached;
                            return;
                        }
                        image = blankImage();
                        QPainter painter(&image);
                        const bool complete = draw(painter, m_settings, m_cancel);
                        painter.end();
                        if (complete && m_cache)
                            m_cache->insert(key, image);
                    };
                if (m_settings.basemap) // the file is part of what the image shows
                    layer("basemap:" + m_settings.basemap->path(), m_settings.layers.basemap,
                          images.basemap, &drawBasemap);
                layer("relief", m_settings.layers.relief && !m_settings.drawing->demDataset.empty(),
                      images.relief, &drawRelief);
                layer("rivers", m_settings.layers.rivers, images.rivers, &drawRivers);
                layer("roads",
                      m_settings.layers.roads && m_settings.drawing->roads.lines.featureCount() > 0,
                      images.roads, &drawRoads);
                layer("villages", m_settings.layers.villages, images.villages,
                      &drawVillageBoundaries);
                layer("seats", m_settings.layers.seats && m_settings.drawing->seats.size() > 0,
                      images.seats, &drawSeats);
                layer("assets", m_settings.layers.assets && m_settings.drawing->assets.size() > 0,
                      images.assets, &drawAssets);
            } catch (const std::exception& e) {
                overlayError = e.what();
            }
        });

        QImage parcels;
        bool parcelsComplete = true;
        if (m_settings.layers.parcels && m_theme) {
            const RenderCache::Key parcelKey = keyOf("parcels", m_theme.get());
            std::optional<QImage> cached = m_cache ? m_cache->find(parcelKey) : std::nullopt;
            if (cached) {
                parcels = *cached;
            } else {
                parcels = blankImage();
                parcelsComplete = ParcelRenderer(m_settings, m_theme).render(parcels, m_cancel);
                if (parcelsComplete && m_cache)
                    m_cache->insert(parcelKey, parcels);
            }
            const std::lock_guard lock(m_mutex);
            m_layers.parcels = parcels;
        }
        overlayWorker.join();
        if (!overlayError.empty())
            throw geo::Error("drawing the basemap, relief, rivers and boundaries failed: " +
                             overlayError);
        {
            const std::lock_guard lock(m_mutex);
            images.parcels = parcels;
            m_layers = images;
        }

        if (parcelsComplete && !m_cancel) {
            QImage image(m_settings.size(), QImage::Format_ARGB32_Premultiplied);
            image.fill(m_settings.background);
            QPainter painter(&image);
            composeLayers(painter, images);
            drawSelection(painter, m_settings);
            std::vector<PlacedLabel> labels;
            if (m_settings.layers.labels)
                labels = drawLabels(painter, m_settings, m_cancel);
            painter.end();
            const std::lock_guard lock(m_mutex);
            if (!m_cancel) {
                m_image = image;
                m_labels = std::move(labels);
            }
        }
    } catch (const std::exception& e) {
        const std::lock_guard lock(m_mutex);
        m_errors.emplace_back(e.what());
    }
    m_ended = std::chrono::steady_clock::now();
    m_finished = true;
    emit finished();
}

QImage MapRenderJob::image() const {
    const std::lock_guard lock(m_mutex);
    return m_image;
}

void MapRenderJob::composeLayers(QPainter& painter, const LayerImages& layers) const {
    for (const std::string& layer : m_settings.layers.order) {
        const QImage& image = layer == "basemap"    ? layers.basemap
                              : layer == "parcels"  ? layers.parcels
                              : layer == "relief"   ? layers.relief
                              : layer == "rivers"   ? layers.rivers
                              : layer == "roads"    ? layers.roads
                              : layer == "seats"    ? layers.seats
                              : layer == "assets"   ? layers.assets
                              : layer == "villages" ? layers.villages
                                                    : QImage();
        if (!image.isNull())
            painter.drawImage(0, 0, image);
    }
}

QImage MapRenderJob::preview() const {
    const std::lock_guard lock(m_mutex);
    if (!m_image.isNull())
        return m_image;
    if (m_layers.empty())
        return {};
    QImage image(m_settings.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(m_settings.background);
    QPainter painter(&image);
    composeLayers(painter, m_layers);
    return image;
}

std::shared_ptr<const PreparedTheme> MapRenderJob::theme() const {
    const std::lock_guard lock(m_mutex);
    return m_theme;
}

std::vector<std::string> MapRenderJob::errors() const {
    const std::lock_guard lock(m_mutex);
    return m_errors;
}

std::vector<PlacedLabel> MapRenderJob::labels() const {
    const std::lock_guard lock(m_mutex);
    return m_labels;
}

double MapRenderJob::elapsedMilliseconds() const {
    const auto end = m_finished ? m_ended : std::chrono::steady_clock::now();
    return std::chrono::duration<double, std::milli>(end - m_started).count();
}

QImage renderMap(const MapSettings& settings, std::shared_ptr<const PreparedTheme> theme,
                 std::vector<PlacedLabel>* labels) {
    MapRenderJob job(settings, std::move(theme));
    job.start();
    job.waitForFinished();
    const std::vector<std::string> errors = job.errors();
    if (!errors.empty())
        throw geo::Error(errors.front());
    if (labels)
        *labels = job.labels();
    return job.image();
}

} // namespace app
