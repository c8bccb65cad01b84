// The main window driven as a planner would: open the classified sample, pan, zoom, go back,
// identify and select parcels, filter, measure, find a village and a parcel id.
#include <catch2/catch.hpp>

#include <map>

#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QWheelEvent>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "app/gui/layer_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/map_canvas.h"
#include "app/i18n/language_manager.h"
#include "geo/flat_geometry.h"
#include "geo/gdal_session.h"
#include "support/classified_sample.h"
#include "support/sample_fixture.h"

namespace {

QString project() {
    return QString::fromStdString(testing::classifiedSampleCounty());
}

// Waits for the render of the current view to finish.
bool waitForRender(app::MapCanvas& canvas, int timeoutMs = 20000) {
    QSignalSpy done(&canvas, &app::MapCanvas::renderFinished);
    return done.wait(timeoutMs) || (!canvas.isRendering() && !canvas.renderedImage().isNull());
}

struct OpenWindow {
    app::MainWindow window;
    OpenWindow() {
        window.resize(1100, 760);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        QSignalSpy opened(&window, &app::MainWindow::projectOpened);
        window.layerPanel()->setThemeName("landuse");
        REQUIRE(window.openProject(project(), true));
        REQUIRE(opened.wait(30000));
        REQUIRE(waitForRender(*window.canvas()));
    }
    app::MapCanvas& canvas() { return *window.canvas(); }
};

QPoint pixelOf(const app::MapCanvas& canvas, double x, double y) {
    return canvas.view().toPixel(x, y).toPoint();
}

} // namespace

TEST_CASE("the window opens the classified sample and draws it", "[main_window]") {
    OpenWindow w;
    CHECK(w.window.windowTitle().startsWith("sample-classified.gpkg"));
    CHECK(w.window.statusBar()->currentMessage().contains("parcels in 4 villages"));
    CHECK_FALSE(w.window.statusBar()->currentMessage().contains("predates")); // up to date
    const QImage drawn = w.canvas().renderedImage();
    REQUIRE_FALSE(drawn.isNull());
    CHECK(drawn.pixel(drawn.width() / 2, drawn.height() / 2) != drawn.pixel(2, 2));
    // The legend lists the land-use classes with counts that add up to every parcel.
    long long total = 0;
    for (int i = 0; i < w.window.legendPanel()->topLevelItemCount(); ++i)
        total += w.window.legendPanel()->topLevelItem(i)->text(1).toLongLong();
    CHECK(total == static_cast<long long>(w.canvas().drawing()->parcels.polygons.size()));
}

TEST_CASE("a missing project leaves the window as it was and says why", "[main_window]") {
    OpenWindow w;
    const QString bad = QString::fromStdString(testing::temporaryDirectory() + "/missing.gpkg");
    CHECK_FALSE(w.window.openProject(bad, true));
    CHECK(w.window.projectPath() == project());
    CHECK(w.window.statusBar()->currentMessage().contains("missing.gpkg"));
    CHECK(w.window.statusBar()->currentMessage().contains("not found"));
}

TEST_CASE("dragging pans at once and renders after release; wheel zooms about the cursor",
          "[main_window][navigation]") {
    OpenWindow w;
    app::MapCanvas& canvas = w.canvas();
    const double x0 = canvas.view().centreX();
    const QPoint start(canvas.width() / 2, canvas.height() / 2);
    QTest::mousePress(&canvas, Qt::LeftButton, {}, start);
    QMouseEvent move(QEvent::MouseMove, QPointF(start + QPoint(120, 0)),
                     canvas.mapToGlobal(QPointF(start + QPoint(120, 0))), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&canvas, &move);
    // The view moved by 120 pixels' worth of map, before any new render.
    CHECK(canvas.view().centreX() ==
          Approx(x0 - 120 * canvas.view().mapUnitsPerPixel()).margin(1e-6));
    CHECK_FALSE(canvas.isRendering());
    QTest::mouseRelease(&canvas, Qt::LeftButton, {}, start + QPoint(120, 0));
    REQUIRE(waitForRender(canvas));

    // The map point under the cursor stays under it when the wheel zooms in.
    const QPointF cursor(200, 150);
    double bx = 0, by = 0;
    canvas.view().toMap(cursor, bx, by);
    const double before = canvas.view().mapUnitsPerPixel();
    QWheelEvent wheel(cursor, canvas.mapToGlobal(cursor), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&canvas, &wheel);
    CHECK(canvas.view().mapUnitsPerPixel() == Approx(before / 1.25));
    double ax = 0, ay = 0;
    canvas.view().toMap(cursor, ax, ay);
    CHECK(ax == Approx(bx).margin(1e-6));
    CHECK(ay == Approx(by).margin(1e-6));
    REQUIRE(waitForRender(canvas));

    // Keys pan and zoom; previous and next view go back and forth.
    const double upp = canvas.view().mapUnitsPerPixel();
    QTest::keyClick(&canvas, Qt::Key_Plus);
    CHECK(canvas.view().mapUnitsPerPixel() == Approx(upp / 2));
    REQUIRE(canvas.previousView());
    CHECK(canvas.view().mapUnitsPerPixel() == Approx(upp));
    REQUIRE(canvas.nextView());
    CHECK(canvas.view().mapUnitsPerPixel() == Approx(upp / 2));
    const double cx = canvas.view().centreX();
    QTest::keyClick(&canvas, Qt::Key_Right);
    CHECK(canvas.view().centreX() > cx);
    REQUIRE(waitForRender(canvas));
}

TEST_CASE("identify a clicked parcel, select by box and with Shift", "[main_window][select]") {
    OpenWindow w;
    app::MapCanvas& canvas = w.canvas();
    const auto& parcels = canvas.drawing()->parcels.polygons;
    // Zoom to a parcel so it is large on screen, then click its middle.
    const std::uint32_t target = 100;
    canvas.zoomToFeature(target);
    REQUIRE(waitForRender(canvas));
    const geo::Extent box = parcels.featureExtent(target);
    double cx = (box.minX + box.maxX) / 2, cy = (box.minY + box.maxY) / 2;
    if (!parcels.contains(target, cx, cy)) { // a concave parcel: use a vertex nudged inwards
        cx = parcels.x(parcels.vertexBegin(parcels.ringBegin(target))) * 0.9 + cx * 0.1;
        cy = parcels.y(parcels.vertexBegin(parcels.ringBegin(target))) * 0.9 + cy * 0.1;
    }
    REQUIRE(parcels.contains(target, cx, cy));
    w.window.findChild<QAction*>(); // the window exists with its actions
    canvas.setTool(app::MapCanvas::Tool::Identify);
    QSignalSpy identified(&canvas, &app::MapCanvas::parcelIdentified);
    QTest::mouseClick(&canvas, Qt::LeftButton, {}, pixelOf(canvas, cx, cy));
    REQUIRE(identified.count() == 1);
    CHECK(identified.takeFirst().at(0).toLongLong() == target);
    CHECK(canvas.selection() == std::vector<std::uint32_t>{target});

    // The selection shows on the map: the highlight colour appears after the render.
    REQUIRE(waitForRender(canvas));
    const QImage image = canvas.renderedImage();
    bool highlighted = false;
    for (int y = 0; y < image.height() && !highlighted; y += 2)
        for (int x = 0; x < image.width() && !highlighted; x += 2)
            highlighted = image.pixel(x, y) == qRgb(0, 200, 255);
    CHECK(highlighted);

    // A box selects what it touches, as the polygon predicate says.
    canvas.zoomToFullExtent();
    REQUIRE(waitForRender(canvas));
    canvas.setTool(app::MapCanvas::Tool::Select);
    const QPoint a(canvas.width() / 2 - 40, canvas.height() / 2 - 30);
    const QPoint b(canvas.width() / 2 + 40, canvas.height() / 2 + 30);
    QTest::mousePress(&canvas, Qt::LeftButton, {}, a);
    QMouseEvent drag(QEvent::MouseMove, QPointF(b), canvas.mapToGlobal(QPointF(b)), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&canvas, &drag);
    QTest::mouseRelease(&canvas, Qt::LeftButton, {}, b);
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    canvas.view().toMap(a, x0, y1);
    canvas.view().toMap(b, x1, y0);
    const auto expected = parcels.featuresIn({x0, y0, x1, y1});
    CHECK(expected.size() > 5);
    CHECK(canvas.selection() == expected);

    // Shift-click adds a parcel outside the box.
    const std::vector<std::uint32_t> before = canvas.selection();
    canvas.zoomToFeature(target);
    const QPoint p = pixelOf(canvas, cx, cy);
    QTest::mouseClick(&canvas, Qt::LeftButton, Qt::ShiftModifier, p);
    CHECK(canvas.selection().size() == before.size() + 1);
}

TEST_CASE("filters change the map and the legend counts", "[main_window][filter]") {
    OpenWindow w;
    w.window.layerPanel()->idleOnlyBox()->setChecked(true);
    REQUIRE(waitForRender(w.canvas()));
    long long shown = 0;
    for (int i = 0; i < w.window.legendPanel()->topLevelItemCount(); ++i)
        shown += w.window.legendPanel()->topLevelItem(i)->text(1).toLongLong();
    // Idle parcels counted independently in the project through GDAL.
    GDALDatasetUniquePtr ds = geo::openVector(testing::classifiedSampleCounty());
    OGRLayer* classes = ds->GetLayerByName("parcel_classes");
    classes->SetAttributeFilter("IDLE = 1");
    CHECK(shown == classes->GetFeatureCount());
    CHECK(shown > 0);
}

TEST_CASE("measure a distance and an area, ellipsoidal, while drawing", "[main_window][measure]") {
    OpenWindow w;
    app::MapCanvas& canvas = w.canvas();
    const geo::Extent e = canvas.drawing()->extent;
    const double cx = (e.minX + e.maxX) / 2, cy = (e.minY + e.maxY) / 2;
    canvas.setView({cx - 150, cy - 150, cx + 150, cy + 150});
    // A 200 m square, in map units of the Gauss-Kruger projection (scale error here < 1e-4).
    canvas.setTool(app::MapCanvas::Tool::MeasureArea);
    const std::vector<std::pair<double, double>> corners{
        {cx - 100, cy - 100}, {cx + 100, cy - 100}, {cx + 100, cy + 100}, {cx - 100, cy + 100}};
    for (const auto& [x, y] : corners)
        QTest::mouseClick(&canvas, Qt::LeftButton, {}, pixelOf(canvas, x, y));
    QTest::mouseDClick(&canvas, Qt::LeftButton, {},
                       pixelOf(canvas, corners.back().first, corners.back().second));
    const double pixel = canvas.view().mapUnitsPerPixel(); // clicks snap to whole pixels
    CHECK(canvas.measuredArea() == Approx(40000.0).margin(40000.0 * 2e-3 + 800 * pixel));
    CHECK(canvas.measuredArea() / (10000.0 / 15.0) == Approx(60.0).epsilon(0.01)); // 60 亩

    canvas.setTool(app::MapCanvas::Tool::MeasureDistance);
    QTest::mouseClick(&canvas, Qt::LeftButton, {}, pixelOf(canvas, cx - 100, cy));
    // The running value follows the cursor before the second click.
    QMouseEvent hover(QEvent::MouseMove, QPointF(pixelOf(canvas, cx + 100, cy)),
                      canvas.mapToGlobal(QPointF(pixelOf(canvas, cx + 100, cy))), Qt::NoButton,
                      Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(&canvas, &hover);
    CHECK(canvas.measuredDistance() == Approx(200.0).margin(0.2 + 2 * pixel));
}

TEST_CASE("find zooms to a village by name and to a parcel by its id", "[main_window][find]") {
    OpenWindow w;
    const auto& villages = w.canvas().drawing()->villages;
    REQUIRE(w.window.find(QString::fromStdString(villages.name[1])));
    double x = 0, y = 0;
    REQUIRE(geo::interiorPoint(villages.polygons, 1, x, y));
    CHECK(w.canvas().view().visibleExtent().contains(x, y));

    // A BSM read from the project itself.
    GDALDatasetUniquePtr ds = geo::openVector(testing::classifiedSampleCounty());
    OGRLayer* parcels = ds->GetLayerByName("parcels");
    OGRFeatureUniquePtr feature{parcels->GetFeature(42)};
    REQUIRE(feature);
    REQUIRE(w.window.find(QString::fromUtf8(feature->GetFieldAsString("BSM"))));
    REQUIRE(w.canvas().selection().size() == 1);
    CHECK(w.canvas().drawing()->parcels.polygons.fid(w.canvas().selection().front()) == 42);
    CHECK_FALSE(w.window.find("no such place"));
}

TEST_CASE("the layer list reorders and hides layers", "[main_window][layers]") {
    OpenWindow w;
    QListWidget* list = w.window.layerPanel()->layerList();
    // seats, assets, villages, roads, rivers, relief, parcels, basemap
    REQUIRE(list->count() == 8);
    // Move parcels (the row above the basemap) to the top: the map draws it last.
    REQUIRE(list->item(6)->data(Qt::UserRole).toString() == "parcels");
    REQUIRE(list->model()->moveRow(QModelIndex(), 6, QModelIndex(), 0));
    CHECK(w.canvas().layers().order.back() == "parcels");
    // Uncheck the rivers row: the map hides them.
    for (int row = 0; row < list->count(); ++row)
        if (list->item(row)->data(Qt::UserRole).toString() == "rivers")
            list->item(row)->setCheckState(Qt::Unchecked);
    CHECK_FALSE(w.canvas().layers().rivers);
    CHECK(w.canvas().layers().parcels);

    // The relief row starts unchecked; the sample has a DEM, so checking it shades the map.
    QListWidgetItem* relief = nullptr;
    for (int row = 0; row < list->count(); ++row)
        if (list->item(row)->data(Qt::UserRole).toString() == "relief")
            relief = list->item(row);
    REQUIRE(relief);
    CHECK(relief->checkState() == Qt::Unchecked);
    CHECK(relief->flags() & Qt::ItemIsEnabled);
    CHECK_FALSE(w.canvas().layers().relief);
    REQUIRE(waitForRender(w.canvas()));
    const QImage flat = w.canvas().renderedImage();
    relief->setCheckState(Qt::Checked);
    CHECK(w.canvas().layers().relief);
    REQUIRE(waitForRender(w.canvas()));
    const QImage shaded = w.canvas().renderedImage();
    REQUIRE(shaded.size() == flat.size());
    int darker = 0;
    for (int y = 0; y < flat.height(); y += 4)
        for (int x = 0; x < flat.width(); x += 4)
            darker += qGray(shaded.pixel(x, y)) + 8 < qGray(flat.pixel(x, y));
    CHECK(darker > 100);
}

TEST_CASE("the status bar message follows a language switch", "[main_window][language]") {
    OpenWindow w;
    app::LanguageManager languages;
    REQUIRE(languages.setLanguage("en", false));
    QCoreApplication::processEvents();
    CHECK(w.window.statusBar()->currentMessage().contains("parcels in 4 villages"));

    REQUIRE(languages.setLanguage("zh_CN", false));
    QCoreApplication::processEvents(); // LanguageChange is posted to top-level widgets
    CHECK(w.window.statusBar()->currentMessage().contains(QString::fromUtf8("4 个村共")));

    // A message shown while in Chinese comes back in English, with its value kept.
    CHECK_FALSE(w.window.find("no such place"));
    CHECK(w.window.statusBar()->currentMessage().contains(QString::fromUtf8("no such place")));
    CHECK_FALSE(w.window.statusBar()->currentMessage().contains("Nothing called"));
    REQUIRE(languages.setLanguage("en", false));
    QCoreApplication::processEvents();
    CHECK(w.window.statusBar()->currentMessage() == "Nothing called no such place in this project");
}

TEST_CASE("a basemap shows under the map, hides with its row and comes back with the project",
          "[main_window][basemap]") {
    struct ForgetBasemaps { // other tests open the same project: leave no basemap behind
        ~ForgetBasemaps() { QSettings().remove("basemaps"); }
    } forget;
    // A flat grey raster in Web Mercator covering the whole sample district and beyond.
    const std::string path = testing::temporaryDirectory() + "/ortho.tif";
    {
        geo::initialiseGdal();
        GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("GTiff")->Create(
            path.c_str(), 200, 200, 1, GDT_Byte, nullptr));
        REQUIRE(ds);
        OGRSpatialReference mercator;
        mercator.importFromEPSG(3857);
        ds->SetSpatialRef(&mercator);
        double gt[6] = {12403000.0, 200.0, 0.0, 3028000.0, 0.0, -200.0};
        ds->SetGeoTransform(gt);
        ds->GetRasterBand(1)->Fill(200);
    }
    OpenWindow w;
    const QImage before = w.canvas().renderedImage();
    CHECK(qGray(before.pixel(2, 2)) != 200); // the map's corner, outside the district

    REQUIRE(w.window.setBasemap(QString::fromStdString(path), true));
    REQUIRE(waitForRender(w.canvas()));
    CHECK(qGray(w.canvas().renderedImage().pixel(2, 2)) == 200);
    QListWidget* list = w.window.layerPanel()->layerList();
    QListWidgetItem* row = nullptr;
    for (int r = 0; r < list->count(); ++r)
        if (list->item(r)->data(Qt::UserRole).toString() == "basemap")
            row = list->item(r);
    REQUIRE(row);
    CHECK(row->text().contains("ortho.tif"));
    CHECK(row->flags() & Qt::ItemIsEnabled);

    row->setCheckState(Qt::Unchecked);
    REQUIRE(waitForRender(w.canvas()));
    CHECK(qGray(w.canvas().renderedImage().pixel(2, 2)) != 200);
    row->setCheckState(Qt::Checked);

    // Opened again, the project brings its basemap back.
    QSignalSpy opened(&w.window, &app::MainWindow::projectOpened);
    REQUIRE(w.window.openProject(project(), true));
    REQUIRE(opened.wait(30000));
    REQUIRE(w.canvas().basemap());
    CHECK(w.canvas().basemap()->path() == path);

    // A file that cannot be placed leaves the basemap as it was and says why.
    CHECK_FALSE(w.window.setBasemap("/no/such/ortho.tif", true));
    CHECK(w.window.statusBar()->currentMessage().contains("ortho.tif"));
    CHECK(w.canvas().basemap()->path() == path);
}

TEST_CASE("the legend lists the asset symbols with the ledger's counts per status",
          "[main_window][legend]") {
    OpenWindow w;
    QTreeWidget* legend = w.window.legendPanel();
    QTreeWidgetItem* group = nullptr;
    for (int i = 0; i < legend->topLevelItemCount(); ++i)
        if (legend->topLevelItem(i)->text(0).contains(QString::fromUtf8("三资")))
            group = legend->topLevelItem(i);
    REQUIRE(group);
    CHECK(group->text(1).isEmpty()); // the parcel counts above still add up alone
    // The counts per status, straight from the project.
    GDALDatasetUniquePtr ds = geo::openVector(testing::classifiedSampleCounty());
    OGRLayer* counts =
        ds->ExecuteSQL("SELECT ZT, COUNT(*) FROM assets GROUP BY ZT", nullptr, nullptr);
    REQUIRE(counts);
    std::map<QString, long long> expected;
    for (const auto& row : *counts)
        expected[QString::fromUtf8(row->GetFieldAsString(0))] = row->GetFieldAsInteger64(1);
    ds->ReleaseResultSet(counts);
    REQUIRE(group->childCount() == static_cast<int>(expected.size()));
    for (int i = 0; i < group->childCount(); ++i) {
        const QString status = group->child(i)->text(0);
        INFO(status.toStdString());
        REQUIRE(expected.count(status) == 1);
        CHECK(group->child(i)->text(1).toLongLong() == expected[status]);
    }

    // Hiding the layer hides its legend.
    QListWidget* list = w.window.layerPanel()->layerList();
    for (int r = 0; r < list->count(); ++r)
        if (list->item(r)->data(Qt::UserRole).toString() == "assets")
            list->item(r)->setCheckState(Qt::Unchecked);
    REQUIRE(waitForRender(w.canvas()));
    for (int i = 0; i < legend->topLevelItemCount(); ++i)
        CHECK_FALSE(legend->topLevelItem(i)->text(0).contains(QString::fromUtf8("三资")));
}

TEST_CASE("roads and township seats have their rows in the layer list and in the legend",
          "[main_window][legend][seats]") {
    OpenWindow w;
    GDALDatasetUniquePtr ds = geo::openVector(testing::classifiedSampleCounty());
    const long long roads = ds->GetLayerByName("roads")->GetFeatureCount();
    const long long seats = ds->GetLayerByName("seats")->GetFeatureCount();
    OGRLayer* main = ds->ExecuteSQL(
        "SELECT COUNT(*) FROM roads WHERE DLDJ IN ('国道', '省道', '县道')", nullptr, nullptr);
    REQUIRE(main);
    const long long mainRoads = OGRFeatureUniquePtr(main->GetNextFeature())->GetFieldAsInteger64(0);
    ds->ReleaseResultSet(main);
    REQUIRE(mainRoads > 0);
    REQUIRE(roads > mainRoads);
    REQUIRE(seats > 0);
    // The legend group, with the counts of the project's layers.
    const auto overlayGroup = [&]() -> QTreeWidgetItem* {
        QTreeWidget* legend = w.window.legendPanel();
        for (int i = 0; i < legend->topLevelItemCount(); ++i)
            if (legend->topLevelItem(i)->text(0) == "Roads and township seats")
                return legend->topLevelItem(i);
        return nullptr;
    };
    QTreeWidgetItem* group = overlayGroup();
    REQUIRE(group);
    REQUIRE(group->childCount() == 3);
    CHECK(group->child(0)->text(0) == QString::fromUtf8("Main roads (国道, 省道, 县道)"));
    CHECK(group->child(0)->text(1).toLongLong() == mainRoads);
    CHECK(group->child(1)->text(0) == "Other roads");
    CHECK(group->child(1)->text(1).toLongLong() == roads - mainRoads);
    CHECK(group->child(2)->text(0).startsWith("Township seats"));
    CHECK(group->child(2)->text(1).toLongLong() == seats);
    CHECK(group->text(1).isEmpty()); // the parcel counts above still add up alone

    // Their rows are enabled (the sample has both); unchecking one hides it from the map and
    // from the legend.
    QListWidget* list = w.window.layerPanel()->layerList();
    QListWidgetItem* seatRow = nullptr;
    QListWidgetItem* roadRow = nullptr;
    for (int r = 0; r < list->count(); ++r) {
        const QString id = list->item(r)->data(Qt::UserRole).toString();
        if (id == "seats")
            seatRow = list->item(r);
        else if (id == "roads")
            roadRow = list->item(r);
    }
    REQUIRE(seatRow);
    REQUIRE(roadRow);
    CHECK(seatRow->text() == "Township seats");
    CHECK(seatRow->flags() & Qt::ItemIsEnabled);
    CHECK(roadRow->flags() & Qt::ItemIsEnabled);
    CHECK(w.canvas().layers().seats);
    seatRow->setCheckState(Qt::Unchecked);
    CHECK_FALSE(w.canvas().layers().seats);
    REQUIRE(waitForRender(w.canvas()));
    group = overlayGroup();
    REQUIRE(group);
    REQUIRE(group->childCount() == 2);
    CHECK(group->child(1)->text(0) == "Other roads");
    roadRow->setCheckState(Qt::Unchecked);
    REQUIRE(waitForRender(w.canvas()));
    CHECK_FALSE(overlayGroup());
}

TEST_CASE("a project without roads or township seats greys out their rows and says how to add "
          "them",
          "[layers][seats]") {
    app::LayerPanel panel;
    app::ProjectDrawing drawing; // no layers at all
    panel.setDrawing(&drawing);
    for (const char* id : {"roads", "seats"}) {
        QListWidgetItem* row = nullptr;
        for (int r = 0; r < panel.layerList()->count(); ++r)
            if (panel.layerList()->item(r)->data(Qt::UserRole).toString() == id)
                row = panel.layerList()->item(r);
        REQUIRE(row);
        INFO(id);
        CHECK_FALSE(row->flags() & Qt::ItemIsEnabled);
        CHECK(row->toolTip().contains(QString("tianmu import --as ") + id));
    }
    // The sample has both: enabled, with what they show.
    panel.setDrawing(app::loadProjectDrawing(testing::classifiedSampleCounty()).get());
    for (int r = 0; r < panel.layerList()->count(); ++r) {
        const QListWidgetItem* row = panel.layerList()->item(r);
        if (row->data(Qt::UserRole).toString() == "seats")
            CHECK(row->toolTip().contains(QString::fromUtf8("乡镇驻地")));
        if (row->data(Qt::UserRole).toString() == "roads" ||
            row->data(Qt::UserRole).toString() == "seats")
            CHECK(row->flags() & Qt::ItemIsEnabled);
    }
}

TEST_CASE("the window says on opening when layers were imported after the classification, or "
          "its rule file changed",
          "[main_window]") {
    const std::string copy = testing::outdatedCopyOfClassifiedSampleCounty();
    {
        // As if the rule file had been edited since: the digest recorded no longer matches.
        GDALDatasetUniquePtr ds(GDALDataset::Open(copy.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        ds->ExecuteSQL("UPDATE tianmu_project SET value = '0' WHERE key = "
                       "'classified_rules_digest'",
                       nullptr, nullptr);
    }

    app::MainWindow window;
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QSignalSpy opened(&window, &app::MainWindow::projectOpened);
    REQUIRE(window.openProject(QString::fromStdString(copy), true));
    REQUIRE(opened.wait(30000));
    const QString status = window.statusBar()->currentMessage();
    INFO(status.toStdString());
    CHECK(status.contains("parcels in 4 villages"));
    CHECK(status.contains("the classification (as of 2026-06-30) predates the import of rivers: "
                          "classify again"));
    CHECK(status.contains("the rule file lingling-five-zones.json was changed after the "
                          "classification: classify again"));
}
