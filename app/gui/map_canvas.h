// The interactive map: shows the last rendered image at once (moved and scaled while the view
// changes), renders the new view on worker threads (a newer view cancels an older render,
// a partial image shows while a slow one goes on), and turns mouse and keys into navigation,
// identify, selection and measurement.
#pragma once

#include <memory>
#include <vector>

#include <QImage>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include "app/render/map_render_job.h"
#include "app/render/render_cache.h"
#include "app/render/theme_cache.h"

namespace geo {
class GeodesicAreaCalculator;
}

namespace app {

class MapCanvas : public QWidget {
    Q_OBJECT
public:
    enum class Tool { Pan, Identify, Select, MeasureDistance, MeasureArea };

    explicit MapCanvas(QWidget* parent = nullptr);
    ~MapCanvas() override;

    // The data to draw; the view fits its extent. Null clears the map.
    void setDrawing(std::shared_ptr<const ProjectDrawing> drawing);
    const std::shared_ptr<const ProjectDrawing>& drawing() const noexcept { return m_drawing; }
    void setThemeStyle(std::shared_ptr<const CategoryStyle> style, const std::string& name);
    // Boundaries, water, outlines, labels and the background (styles/map.json).
    void setMapStyle(std::shared_ptr<const MapStyle> style);
    void setFilter(const ParcelFilter& filter);
    const ParcelFilter& filter() const noexcept { return m_view.filter; }
    void setLayers(const MapLayers& layers);
    // A local raster under the map; null removes it.
    void setBasemap(std::shared_ptr<const geo::Basemap> basemap);
    const std::shared_ptr<const geo::Basemap>& basemap() const noexcept { return m_view.basemap; }
    const MapLayers& layers() const noexcept { return m_view.layers; }
    void setLanguageZh(bool zh);

    // Selection by feature index into the drawing's parcels (sorted, unique).
    void setSelection(std::vector<std::uint32_t> features);
    const std::vector<std::uint32_t>& selection() const noexcept { return m_selection; }

    void setTool(Tool tool);
    Tool tool() const noexcept { return m_tool; }

    // Navigation.
    const MapSettings& view() const noexcept { return m_view; }
    void setView(const geo::Extent& extent);
    void zoomToFullExtent();
    void zoomToSelection();
    void zoomToFeature(std::uint32_t feature);
    void zoomBy(double factor); // about the centre; > 1 zooms in
    void panByPixels(QPointF delta);
    bool previousView();
    bool nextView();
    bool hasPreviousView() const noexcept { return m_historyIndex > 0; }
    bool hasNextView() const noexcept { return m_historyIndex + 1 < int(m_history.size()); }

    // The image on screen now (for tests and screenshots) and the last finished render.
    QImage renderedImage() const { return m_image; }
    bool isRendering() const noexcept { return m_job != nullptr; }
    // The theme of the last finished render: legend classes, counts and 亩.
    std::shared_ptr<const PreparedTheme> currentTheme() const { return m_theme; }
    const RenderCache& renderCache() const noexcept { return m_cache; }

    // Current measurement (ellipsoidal), metres or square metres; 0 when none.
    double measuredDistance() const noexcept { return m_measuredDistance; }
    double measuredArea() const noexcept { return m_measuredArea; }
    void clearMeasurement();
    // Map coordinates to longitude/latitude (the project CRS's datum); false without a CRS.
    bool toDegrees(double x, double y, double& lon, double& lat) const;
    // The village (index in drawing()->villages) whose boundary holds map point (x, y), or -1.
    long long villageAt(double x, double y) const;

signals:
    void renderFinished(double milliseconds);
    void viewChanged();
    void cursorMoved(double x, double y); // map coordinates (project CRS)
    // -1: clicked outside every parcel and every drawn village (else villageIdentified).
    void parcelIdentified(long long feature);
    // The Identify tool hit no asset and no parcel, but a drawn village: its index in
    // drawing()->villages (a village's land between its parcels: roads, water, gaps).
    void villageIdentified(long long village);
    // The Identify tool hit an asset's symbol (drawn above the parcels, so it wins): its FID.
    void assetIdentified(long long assetFid);
    void selectionChanged(const std::vector<std::uint32_t>& features);
    void measurementChanged(double metres, double squareMetres, bool area);
    void renderFailed(const QString& message);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void changeView(const MapSettings& view, bool remember = true);
    void scheduleRender(int delayMs = 0);
    void startRender();
    void jobFinished(MapRenderJob* job);
    void showPreview();
    void rememberView();
    void updateMeasurement();
    QPointF toPixel(double x, double y) const { return m_view.toPixel(x, y); }

    std::shared_ptr<const ProjectDrawing> m_drawing;
    MapSettings m_view;
    std::vector<std::uint32_t> m_selection;
    Tool m_tool = Tool::Pan;

    ThemeCache m_themes;
    RenderCache m_cache;
    std::unique_ptr<MapRenderJob> m_job;
    std::vector<std::unique_ptr<MapRenderJob>> m_cancelled; // finishing after cancel()
    QTimer m_renderTimer;
    QTimer m_previewTimer;
    QImage m_image;          // last finished (or partial) render
    MapSettings m_imageView; // the view m_image shows
    std::shared_ptr<const PreparedTheme> m_theme;

    // Navigation history: (centre x, centre y, units per pixel).
    struct Place {
        double x, y, unitsPerPixel;
        bool operator==(const Place&) const = default;
    };
    std::vector<Place> m_history;
    int m_historyIndex = -1;

    // Mouse gestures.
    QPoint m_pressPos;
    QPoint m_lastPos;
    bool m_dragging = false;
    bool m_pressed = false;
    QRect m_rubberBand;
    std::vector<QPointF> m_measurePoints; // map coordinates
    QPointF m_measureHover;               // map coordinates of the cursor while measuring
    bool m_measureDone = false;
    double m_measuredDistance = 0.0;
    double m_measuredArea = 0.0;
    std::unique_ptr<geo::GeodesicAreaCalculator> m_geodesic; // for the project's CRS
};

} // namespace app
