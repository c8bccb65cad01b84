#include "app/gui/map_canvas.h"

#include <algorithm>
#include <cmath>

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <ogr_spatialref.h>

#include "app/render/asset_renderer.h"
#include "app/render/map_furniture.h"
#include "geo/flat_geometry.h"
#include "geo/geodesic_area.h"

namespace app {
namespace {

// A press that moves less than this is a click, not a drag.
constexpr int clickSlop = 4;
// Wheel and key zooms wait this long for the next step before rendering.
constexpr int settleMs = 120;
constexpr double wheelStep = 1.25;

} // namespace

MapCanvas::MapCanvas(QWidget* parent)
    : QWidget(parent) {
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 150);
    m_renderTimer.setSingleShot(true);
    connect(&m_renderTimer, &QTimer::timeout, this, &MapCanvas::startRender);
    // While a slow render goes on, show what its finished layers give every 250 ms.
    m_previewTimer.setInterval(250);
    connect(&m_previewTimer, &QTimer::timeout, this, &MapCanvas::showPreview);
}

MapCanvas::~MapCanvas() {
    if (m_job)
        m_job->cancel();
    for (auto& job : m_cancelled)
        job->cancel();
}

void MapCanvas::setDrawing(std::shared_ptr<const ProjectDrawing> drawing) {
    if (m_job) {
        m_job->cancel();
        m_cancelled.push_back(std::move(m_job));
    }
    m_drawing = std::move(drawing);
    m_view.drawing = m_drawing;
    m_cache.clear();
    m_themes.clear();
    m_selection.clear();
    m_view.selection.reset();
    m_image = QImage();
    m_theme.reset();
    m_history.clear();
    m_historyIndex = -1;
    clearMeasurement();
    m_geodesic.reset();
    if (m_drawing && m_drawing->epsg > 0) {
        OGRSpatialReference crs;
        if (crs.importFromEPSG(m_drawing->epsg) == OGRERR_NONE) {
            crs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
            try {
                m_geodesic = std::make_unique<geo::GeodesicAreaCalculator>(crs);
            } catch (const std::exception&) {
                m_geodesic.reset(); // no ellipsoid: measurements stay off
            }
        }
    }
    if (m_drawing)
        zoomToFullExtent();
    else
        update();
}

void MapCanvas::setMapStyle(std::shared_ptr<const MapStyle> style) {
    m_view.style = std::move(style);
    if (m_view.style)
        m_view.background = m_view.style->background;
    m_cache.clear();
    scheduleRender();
}

void MapCanvas::setThemeStyle(std::shared_ptr<const CategoryStyle> style, const std::string& name) {
    m_view.theme = std::move(style);
    m_view.themeName = name;
    scheduleRender();
}

void MapCanvas::setFilter(const ParcelFilter& filter) {
    if (filter == m_view.filter)
        return;
    m_view.filter = filter;
    scheduleRender();
}

void MapCanvas::setLayers(const MapLayers& layers) {
    if (layers == m_view.layers)
        return;
    m_view.layers = layers;
    scheduleRender();
}

void MapCanvas::setBasemap(std::shared_ptr<const geo::Basemap> basemap) {
    if (basemap == m_view.basemap)
        return;
    m_view.basemap = std::move(basemap);
    scheduleRender();
}

void MapCanvas::setLanguageZh(bool zh) {
    m_view.zh = zh;
}

void MapCanvas::setSelection(std::vector<std::uint32_t> features) {
    std::sort(features.begin(), features.end());
    features.erase(std::unique(features.begin(), features.end()), features.end());
    if (features == m_selection)
        return;
    m_selection = std::move(features);
    m_view.selection = std::make_shared<const std::vector<std::uint32_t>>(m_selection);
    emit selectionChanged(m_selection);
    scheduleRender();
}

void MapCanvas::setTool(Tool tool) {
    m_tool = tool;
    clearMeasurement();
    setCursor(tool == Tool::Pan ? Qt::OpenHandCursor : Qt::CrossCursor);
}

void MapCanvas::setView(const geo::Extent& extent) {
    if (extent.isNull())
        return;
    MapSettings fitted = MapSettings::fitted(extent, size());
    changeView(m_view.withCentre(fitted.centreX(), fitted.centreY())
                   .withUnitsPerPixel(fitted.mapUnitsPerPixel())
                   .withSize(size()));
}

void MapCanvas::zoomToFullExtent() {
    if (m_drawing)
        setView(m_drawing->extent);
}

void MapCanvas::zoomToSelection() {
    if (!m_drawing || m_selection.empty())
        return;
    geo::Extent box;
    for (std::uint32_t feature : m_selection)
        box.include(m_drawing->parcels.polygons.featureExtent(feature));
    // A little room around the selection, and never closer than a few metres across.
    const double pad = std::max({box.width(), box.height(), 20.0}) * 0.25;
    setView({box.minX - pad, box.minY - pad, box.maxX + pad, box.maxY + pad});
}

void MapCanvas::zoomToFeature(std::uint32_t feature) {
    if (!m_drawing || feature >= m_drawing->parcels.polygons.size())
        return;
    const geo::Extent box = m_drawing->parcels.polygons.featureExtent(feature);
    const double pad = std::max({box.width(), box.height(), 20.0}) * 1.5;
    setView({box.minX - pad, box.minY - pad, box.maxX + pad, box.maxY + pad});
}

void MapCanvas::zoomBy(double factor) {
    changeView(m_view.zoomedAbout(QPointF(width() / 2.0, height() / 2.0), factor));
}

void MapCanvas::panByPixels(QPointF delta) {
    changeView(m_view.pannedBy(delta));
}

void MapCanvas::changeView(const MapSettings& view, bool remember) {
    m_view = view;
    if (remember)
        rememberView();
    emit viewChanged();
    update(); // the last image, moved and scaled, shows at once
    scheduleRender(m_dragging ? -1 : settleMs);
}

void MapCanvas::rememberView() {
    const Place place{m_view.centreX(), m_view.centreY(), m_view.mapUnitsPerPixel()};
    if (m_historyIndex >= 0 && m_history[std::size_t(m_historyIndex)] == place)
        return;
    m_history.resize(std::size_t(m_historyIndex + 1));
    m_history.push_back(place);
    m_historyIndex = int(m_history.size()) - 1;
}

bool MapCanvas::previousView() {
    if (!hasPreviousView())
        return false;
    const Place& p = m_history[std::size_t(--m_historyIndex)];
    changeView(m_view.withCentre(p.x, p.y).withUnitsPerPixel(p.unitsPerPixel), false);
    return true;
}

bool MapCanvas::nextView() {
    if (!hasNextView())
        return false;
    const Place& p = m_history[std::size_t(++m_historyIndex)];
    changeView(m_view.withCentre(p.x, p.y).withUnitsPerPixel(p.unitsPerPixel), false);
    return true;
}

void MapCanvas::scheduleRender(int delayMs) {
    if (delayMs < 0)
        return; // during a drag: render after release
    m_renderTimer.start(delayMs);
}

void MapCanvas::startRender() {
    if (!m_drawing || !m_view.theme || size().isEmpty())
        return;
    if (m_job) {
        // A newer view: the old render stops within milliseconds and is dropped when done.
        m_job->cancel();
        m_cancelled.push_back(std::move(m_job));
    }
    MapSettings settings = m_view.withSize(size() * devicePixelRatioF())
                               .withUnitsPerPixel(m_view.mapUnitsPerPixel() / devicePixelRatioF())
                               .withDpi(96.0 * devicePixelRatioF());
    m_job = std::make_unique<MapRenderJob>(settings, &m_themes, &m_cache);
    MapRenderJob* job = m_job.get();
    connect(
        job, &MapRenderJob::finished, this, [this, job] { jobFinished(job); },
        Qt::QueuedConnection);
    job->start();
    m_previewTimer.start();
}

void MapCanvas::showPreview() {
    if (!m_job)
        return;
    const QImage partial = m_job->preview();
    if (partial.isNull())
        return;
    m_image = partial;
    m_imageView = m_job->settings();
    update();
}

void MapCanvas::jobFinished(MapRenderJob* job) {
    if (job != m_job.get()) {
        std::erase_if(m_cancelled, [job](const auto& j) { return j.get() == job; });
        return;
    }
    m_previewTimer.stop();
    std::unique_ptr<MapRenderJob> done = std::move(m_job);
    if (!done->errors().empty()) {
        emit renderFailed(QString::fromStdString(done->errors().front()));
        return;
    }
    if (done->wasCancelled() || done->image().isNull())
        return;
    m_image = done->image();
    m_imageView = done->settings();
    m_theme = done->theme();
    update();
    emit renderFinished(done->elapsedMilliseconds());
}

void MapCanvas::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), m_view.background);
    if (!m_image.isNull()) {
        // Where the image's corners fall in the current view: a translation and a scale.
        const geo::Extent shown = m_imageView.visibleExtent();
        const QPointF topLeft = toPixel(shown.minX, shown.maxY);
        const QPointF bottomRight = toPixel(shown.maxX, shown.minY);
        painter.setRenderHint(QPainter::SmoothPixmapTransform,
                              std::fabs(m_imageView.mapUnitsPerPixel() * devicePixelRatioF() -
                                        m_view.mapUnitsPerPixel()) > 1e-9);
        painter.drawImage(QRectF(topLeft, bottomRight), m_image);
    }
    painter.setRenderHint(QPainter::Antialiasing, true);
    if (m_drawing) {
        // The same furniture as printed maps: a scale bar and a north arrow.
        painter.save();
        drawScaleBar(painter, QRectF(12, height() - 46, 200, 34), m_view.mapUnitsPerPixel());
        drawNorthArrow(painter, QRectF(width() - 48, 10, 36, 52));
        painter.restore();
    }
    if (!m_rubberBand.isNull()) {
        painter.setPen(QPen(QColor(0, 120, 215), 1, Qt::DashLine));
        painter.setBrush(QColor(0, 120, 215, 40));
        painter.drawRect(m_rubberBand);
    }
    if (!m_measurePoints.empty()) {
        QPolygonF line;
        for (const QPointF& p : m_measurePoints)
            line << toPixel(p.x(), p.y());
        if (!m_measureDone)
            line << toPixel(m_measureHover.x(), m_measureHover.y());
        painter.setPen(QPen(QColor(220, 30, 30), 2));
        if (m_tool == Tool::MeasureArea) {
            painter.setBrush(QColor(220, 30, 30, 50));
            painter.drawPolygon(line);
        } else {
            painter.drawPolyline(line);
        }
        QString text;
        if (m_tool == Tool::MeasureArea)
            text = tr("%1 m² · %2 mu · %3 ha")
                       .arg(m_measuredArea, 0, 'f', 1)
                       .arg(m_measuredArea / (10000.0 / 15.0), 0, 'f', 3)
                       .arg(m_measuredArea / 10000.0, 0, 'f', 4);
        else
            text = m_measuredDistance >= 1000
                       ? tr("%1 km").arg(m_measuredDistance / 1000, 0, 'f', 3)
                       : tr("%1 m").arg(m_measuredDistance, 0, 'f', 1);
        const QPointF at = line.back() + QPointF(12, -12);
        painter.setPen(Qt::white);
        painter.setBrush(QColor(40, 40, 40, 200));
        const QRectF box = painter.fontMetrics().boundingRect(text).adjusted(-4, -3, 4, 3);
        painter.drawRoundedRect(box.translated(at), 3, 3);
        painter.drawText(at, text);
    }
}

void MapCanvas::resizeEvent(QResizeEvent*) {
    if (!m_drawing)
        return;
    if (m_history.empty()) {
        zoomToFullExtent();
        return;
    }
    m_view = m_view.withSize(size());
    scheduleRender(settleMs);
}

void MapCanvas::mousePressEvent(QMouseEvent* event) {
    m_pressPos = m_lastPos = event->position().toPoint();
    m_pressed = event->button() == Qt::LeftButton;
    if (event->button() == Qt::MiddleButton || (m_pressed && m_tool == Tool::Pan))
        setCursor(Qt::ClosedHandCursor);
}

void MapCanvas::mouseMoveEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    double x = 0, y = 0;
    m_view.toMap(pos, x, y);
    emit cursorMoved(x, y);
    const bool panning = (event->buttons() & Qt::MiddleButton) ||
                         ((event->buttons() & Qt::LeftButton) && m_tool == Tool::Pan);
    if (panning) {
        if ((pos - m_pressPos).manhattanLength() > clickSlop)
            m_dragging = true;
        if (m_dragging) {
            changeView(m_view.pannedBy(pos - m_lastPos), false);
            m_lastPos = pos;
        }
        return;
    }
    if ((event->buttons() & Qt::LeftButton) &&
        (m_tool == Tool::Select || m_tool == Tool::Identify) &&
        (pos - m_pressPos).manhattanLength() > clickSlop) {
        m_rubberBand = QRect(m_pressPos, pos).normalized();
        update();
        return;
    }
    if ((m_tool == Tool::MeasureDistance || m_tool == Tool::MeasureArea) &&
        !m_measurePoints.empty() && !m_measureDone) {
        m_measureHover = QPointF(x, y);
        updateMeasurement();
        update();
    }
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    if (m_dragging) {
        m_dragging = false;
        m_pressed = false;
        setCursor(m_tool == Tool::Pan ? Qt::OpenHandCursor : Qt::CrossCursor);
        rememberView();
        scheduleRender(0); // re-render after release
        return;
    }
    if (m_tool == Tool::Pan)
        setCursor(Qt::OpenHandCursor);
    if (event->button() != Qt::LeftButton || !m_drawing)
        return;
    m_pressed = false;
    const bool add = event->modifiers() & Qt::ShiftModifier;
    const geo::CompactPolygons& parcels = m_drawing->parcels.polygons;
    if (!m_rubberBand.isNull()) {
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        m_view.toMap(m_rubberBand.topLeft(), x0, y1);
        m_view.toMap(m_rubberBand.bottomRight(), x1, y0);
        m_rubberBand = QRect();
        std::vector<std::uint32_t> hit = parcels.featuresIn({x0, y0, x1, y1});
        if (add)
            hit.insert(hit.end(), m_selection.begin(), m_selection.end());
        setSelection(std::move(hit));
        update();
        return;
    }
    double x = 0, y = 0;
    m_view.toMap(pos, x, y);
    switch (m_tool) {
    case Tool::Pan:
        break;
    case Tool::Identify:
        if (const long long asset = m_view.layers.assets ? assetAt(m_view, QPointF(pos), 3.0) : -1;
            asset >= 0) {
            emit assetIdentified(m_drawing->assets.fid[static_cast<std::size_t>(asset)]);
            break;
        }
        [[fallthrough]];
    case Tool::Select: {
        // A click picks the parcel under the cursor, or within 3 pixels of it. Identify answers
        // with the topmost drawn layer, as the map shows it: over a hidden parcel layer, or a
        // gap between parcels, the village under the click.
        const bool parcelsAnswer = m_tool != Tool::Identify || m_view.layers.parcels;
        const long long feature =
            parcelsAnswer ? parcels.featureAt(x, y, 3 * m_view.mapUnitsPerPixel()) : -1;
        if (m_tool == Tool::Identify) {
            const long long village = feature < 0 && m_view.layers.villages ? villageAt(x, y) : -1;
            if (village >= 0)
                emit villageIdentified(village);
            else
                emit parcelIdentified(feature);
        }
        std::vector<std::uint32_t> next = add ? m_selection : std::vector<std::uint32_t>{};
        if (feature >= 0) {
            const auto f = static_cast<std::uint32_t>(feature);
            const auto it = std::find(next.begin(), next.end(), f);
            if (add && it != next.end())
                next.erase(it); // Shift-click on a selected parcel removes it
            else
                next.push_back(f);
        }
        setSelection(std::move(next));
        break;
    }
    case Tool::MeasureDistance:
    case Tool::MeasureArea:
        if (m_measureDone)
            clearMeasurement();
        m_measurePoints.emplace_back(x, y);
        m_measureHover = QPointF(x, y);
        updateMeasurement();
        update();
        break;
    }
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent* event) {
    if (m_tool == Tool::MeasureDistance || m_tool == Tool::MeasureArea) {
        m_measureDone = true; // a double click ends the line or closes the polygon
        updateMeasurement();
        update();
        return;
    }
    QWidget::mouseDoubleClickEvent(event);
}

void MapCanvas::wheelEvent(QWheelEvent* event) {
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0.0)
        return;
    changeView(m_view.zoomedAbout(event->position(), std::pow(wheelStep, steps)));
}

void MapCanvas::keyPressEvent(QKeyEvent* event) {
    const double step = 0.25; // of the view per arrow key
    switch (event->key()) {
    case Qt::Key_Left:
        panByPixels(QPointF(width() * step, 0));
        break;
    case Qt::Key_Right:
        panByPixels(QPointF(-width() * step, 0));
        break;
    case Qt::Key_Up:
        panByPixels(QPointF(0, height() * step));
        break;
    case Qt::Key_Down:
        panByPixels(QPointF(0, -height() * step));
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(2.0);
        break;
    case Qt::Key_Minus:
        zoomBy(0.5);
        break;
    case Qt::Key_Escape:
        clearMeasurement();
        m_rubberBand = QRect();
        update();
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

void MapCanvas::clearMeasurement() {
    m_measurePoints.clear();
    m_measureDone = false;
    m_measuredDistance = 0.0;
    m_measuredArea = 0.0;
    update();
}

bool MapCanvas::toDegrees(double x, double y, double& lon, double& lat) const {
    return m_geodesic && m_geodesic->toGeographic(x, y, lon, lat);
}

long long MapCanvas::villageAt(double x, double y) const {
    if (!m_drawing)
        return -1;
    const VillageDrawing& villages = m_drawing->villages;
    // A thousand villages at most in a county: their boxes first, then the rings of the few
    // whose box holds the point.
    for (std::size_t v = 0; v < villages.box.size(); ++v) {
        const geo::Extent& b = villages.box[v];
        if (x >= b.minX && x <= b.maxX && y >= b.minY && y <= b.maxY &&
            geo::featureContains(villages.polygons, v, x, y))
            return static_cast<long long>(v);
    }
    return -1;
}

void MapCanvas::updateMeasurement() {
    std::vector<double> xs, ys;
    for (const QPointF& p : m_measurePoints) {
        xs.push_back(p.x());
        ys.push_back(p.y());
    }
    if (!m_measureDone) {
        xs.push_back(m_measureHover.x());
        ys.push_back(m_measureHover.y());
    }
    m_measuredDistance = 0.0;
    m_measuredArea = 0.0;
    if (!m_geodesic)
        return;
    try {
        const int n = int(xs.size());
        if (m_tool == Tool::MeasureArea) {
            m_measuredArea = m_geodesic->ringArea(xs.data(), ys.data(), n).inSquareMetres();
            xs.push_back(xs.front());
            ys.push_back(ys.front());
        }
        m_measuredDistance = m_geodesic->lineLength(xs.data(), ys.data(), int(xs.size()));
    } catch (const std::exception&) {
        return; // a point off the CRS's area: no value rather than a wrong one
    }
    emit measurementChanged(m_measuredDistance, m_measuredArea, m_tool == Tool::MeasureArea);
}

} // namespace app
