// The whole application driven as a planner would, on a copy of the classified sample county:
// identify a parcel and read its zone, select in the table and see it on the map (and back),
// classify and export a report from the menus, edit, undo, save, reopen and find the edit in
// the project and its audit log. Also a screenshot of the window in both languages.
#include <catch2/catch.hpp>

#include <filesystem>

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QItemSelectionModel>
#include <QListWidget>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "app/gui/attribute_table_model.h"
#include "app/gui/attribute_table_view.h"
#include "app/gui/classify_dialog.h"
#include "app/gui/edit_controller.h"
#include "app/gui/identify_panel.h"
#include "app/gui/layer_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/map_canvas.h"
#include "app/gui/report_dialog.h"
#include "app/i18n/language_manager.h"
#include "app/render/asset_renderer.h"
#include "geo/gdal_session.h"
#include "gui/gui_test_support.h"
#include "support/classified_sample.h"
#include "support/sample_fixture.h"

namespace {

// A private copy: these tests edit and reclassify.
std::string projectCopy() {
    const std::string copy = testing::temporaryDirectory() + "/workflow.gpkg";
    std::filesystem::copy_file(testing::classifiedSampleCounty(), copy);
    return copy;
}

bool waitForRender(app::MapCanvas& canvas) {
    QSignalSpy done(&canvas, &app::MapCanvas::renderFinished);
    return done.wait(20000) || (!canvas.isRendering() && !canvas.renderedImage().isNull());
}

struct Session {
    std::string path = projectCopy();
    app::MainWindow window;
    Session() {
        window.resize(1280, 860);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        reopen();
    }
    void reopen() {
        QSignalSpy opened(&window, &app::MainWindow::projectOpened);
        REQUIRE(window.openProject(QString::fromStdString(path), true));
        REQUIRE(opened.wait(30000));
        REQUIRE(waitForRender(*window.canvas()));
    }
    app::MapCanvas& canvas() { return *window.canvas(); }
    std::int64_t fidOf(std::uint32_t feature) {
        return canvas().drawing()->parcels.polygons.fid(feature);
    }
    // A point inside a parcel, to click.
    QPoint pixelInside(std::uint32_t feature) {
        const auto& polygons = canvas().drawing()->parcels.polygons;
        const geo::Extent box = polygons.featureExtent(feature);
        double x = (box.minX + box.maxX) / 2, y = (box.minY + box.maxY) / 2;
        for (int k = 0; k < 20 && !polygons.contains(feature, x, y); ++k) {
            const std::uint32_t v =
                polygons.vertexBegin(polygons.ringBegin(feature)) + std::uint32_t(k);
            x = (x + polygons.x(v)) / 2;
            y = (y + polygons.y(v)) / 2;
        }
        REQUIRE(polygons.contains(feature, x, y));
        return canvas().view().toPixel(x, y).toPoint();
    }
};

std::string classValue(const std::string& project, std::int64_t fid, const char* field) {
    GDALDatasetUniquePtr ds = geo::openVector(project);
    OGRLayer* classes = ds->GetLayerByName("parcel_classes");
    classes->SetAttributeFilter(("PARCEL_FID = " + std::to_string(fid)).c_str());
    OGRFeatureUniquePtr row{classes->GetNextFeature()};
    return row ? row->GetFieldAsString(field) : std::string();
}

} // namespace

TEST_CASE("identify a clicked parcel: its zone and the rule that decided it",
          "[workflow][identify]") {
    Session s;
    const std::uint32_t feature = 200;
    s.canvas().zoomToFeature(feature);
    REQUIRE(waitForRender(s.canvas()));
    s.canvas().setTool(app::MapCanvas::Tool::Identify);
    QTest::mouseClick(&s.canvas(), Qt::LeftButton, {}, s.pixelInside(feature));
    const QString text = s.window.identifyPanel()->text();
    const std::string zoneName = classValue(s.path, s.fidOf(feature), "ZONE_NAME");
    const std::string rule = classValue(s.path, s.fidOf(feature), "ZONE_RULE");
    REQUIRE_FALSE(zoneName.empty());
    CHECK(text.contains(QString::fromStdString(zoneName)));
    CHECK(text.contains(QString::fromStdString(rule)));
    CHECK(s.window.findChild<QDockWidget*>("IdentifyDock")->isVisible());
}

TEST_CASE("identify a village: over hidden parcels a click shows its figures and types",
          "[workflow][identify]") {
    Session s;
    s.canvas().zoomToFullExtent();
    REQUIRE(waitForRender(s.canvas()));
    const app::VillageDrawing& villages = s.canvas().drawing()->villages;
    REQUIRE(villages.code.size() >= 2);
    // A village's inner point, away from every asset symbol (an asset answers first).
    std::size_t v = 0;
    QPoint pixel;
    for (; v < villages.code.size(); ++v) {
        pixel = s.canvas().view().toPixel(villages.labelX[v], villages.labelY[v]).toPoint();
        if (app::assetAt(s.canvas().view(), QPointF(pixel), 3.0) < 0)
            break;
    }
    REQUIRE(v < villages.code.size());
    const std::string code = villages.code[v], name = villages.name[v];

    // The village's row of the classification, read here independently.
    GDALDatasetUniquePtr ds = geo::openVector(s.path);
    OGRLayer* stats = ds->GetLayerByName("village_stats");
    REQUIRE(stats);
    stats->SetAttributeFilter(("VILLAGE_CODE = '" + code + "'").c_str());
    OGRFeatureUniquePtr row{stats->GetNextFeature()};
    REQUIRE(row);
    const QString areaMu = QString::number(row->GetFieldAsDouble("AREA_MU"), 'f', 2);
    const QString idleMu = QString::number(row->GetFieldAsDouble("IDLE_MU"), 'f', 2);
    const QString primary = QString::fromUtf8(row->GetFieldAsString("PRIMARY_TYPE"));

    // With the parcels shown, the click identifies the parcel on top (the sample's parcels
    // cover every village).
    s.canvas().setTool(app::MapCanvas::Tool::Identify);
    QSignalSpy parcelsHit(&s.canvas(), &app::MapCanvas::parcelIdentified);
    QSignalSpy villagesHit(&s.canvas(), &app::MapCanvas::villageIdentified);
    QTest::mouseClick(&s.canvas(), Qt::LeftButton, {}, pixel);
    REQUIRE(parcelsHit.size() == 1);
    CHECK(parcelsHit.front().front().toLongLong() >= 0);
    CHECK(villagesHit.isEmpty());
    CHECK(s.window.identifyPanel()->details().has_value());

    // The Parcels row unticked in the Layers panel: the same click identifies the village.
    QListWidget* list = s.window.layerPanel()->layerList();
    for (int r = 0; r < list->count(); ++r)
        if (list->item(r)->data(Qt::UserRole).toString() == "parcels")
            list->item(r)->setCheckState(Qt::Unchecked);
    REQUIRE_FALSE(s.canvas().layers().parcels);
    QTest::mouseClick(&s.canvas(), Qt::LeftButton, {}, pixel);
    REQUIRE(villagesHit.size() == 1);
    CHECK(villagesHit.front().front().toLongLong() == static_cast<long long>(v));
    app::IdentifyPanel& panel = *s.window.identifyPanel();
    REQUIRE(panel.village().has_value());
    CHECK(*panel.village() == QString::fromStdString(code));
    CHECK_FALSE(panel.details().has_value());
    const QString text = panel.text();
    CHECK(text.contains(QString::fromStdString(name)));
    CHECK(text.contains(areaMu + " 亩"));
    CHECK(text.contains(idleMu + " 亩"));
    // Its type, and every type of the rule file tried, numbered.
    if (!primary.isEmpty())
        CHECK(text.contains(primary));
    CHECK(text.contains("1. "));
    CHECK(text.contains("2. "));
    REQUIRE(waitForRender(s.canvas()));
    testing::saveScreenshot(s.window, "identify_village");

    // Outside every village the panel is cleared.
    QPoint outside(-1, -1);
    const int w = s.canvas().width(), h = s.canvas().height();
    for (const QPoint p : {QPoint(3, 3), QPoint(w - 4, 3), QPoint(3, h - 4), QPoint(w - 4, h - 4),
                           QPoint(w / 2, 3), QPoint(3, h / 2)}) {
        double x = 0, y = 0;
        s.canvas().view().toMap(p, x, y);
        if (s.canvas().villageAt(x, y) < 0 &&
            app::assetAt(s.canvas().view(), QPointF(p), 3.0) < 0) {
            outside = p;
            break;
        }
    }
    REQUIRE(outside.x() >= 0);
    QTest::mouseClick(&s.canvas(), Qt::LeftButton, {}, outside);
    CHECK(villagesHit.size() == 1);
    CHECK(parcelsHit.size() == 2);
    CHECK(parcelsHit.back().front().toLongLong() == -1);
    CHECK_FALSE(panel.village().has_value());
}

TEST_CASE("a selection in the table shows on the map and a map selection in the table",
          "[workflow][table]") {
    Session s;
    app::AttributeTableModel* model = s.window.attributeModel();
    REQUIRE(QTest::qWaitFor([&] { return model->rowCount() > 10; }, 20000));
    app::AttributeTableView* view = s.window.attributeTable();
    view->selectionModel()->select(model->index(5, 0),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const qint64 fid = model->fidAt(5);
    REQUIRE(s.canvas().selection().size() == 1);
    CHECK(s.fidOf(s.canvas().selection().front()) == fid);

    // And back: the map selects two parcels, the table follows.
    s.canvas().setSelection({10, 11});
    QTest::qWait(50);
    QList<qint64> selected = view->selectedFids();
    std::sort(selected.begin(), selected.end());
    CHECK(selected == QList<qint64>{s.fidOf(10), s.fidOf(11)});
}

TEST_CASE("classify and export a report from the menus", "[workflow][report]") {
    Session s;
    auto* classify = qobject_cast<app::ClassifyDialog*>(s.window.showClassifyDialog());
    REQUIRE(classify);
    QSignalSpy classified(classify, &app::ClassifyDialog::classificationFinished);
    QSignalSpy reopened(&s.window, &app::MainWindow::projectOpened);
    classify->setAsOf(QDate(2026, 6, 30));
    REQUIRE(classify->start());
    REQUIRE(classified.wait(120000));
    CHECK(classified.takeFirst().at(0).toBool());
    REQUIRE(reopened.wait(30000)); // the window shows the new results
    classify->close();

    auto* report = qobject_cast<app::ReportDialog*>(s.window.showReportDialog());
    REQUIRE(report);
    QSignalSpy previewed(report, &app::ReportDialog::previewReady);
    REQUIRE(report->preview());
    REQUIRE(previewed.wait(60000));
    CHECK(report->previewTable()->rowCount() > 3);
    const QString csv = QString::fromStdString(testing::temporaryDirectory() + "/transfer.csv");
    QSignalSpy exported(report, &app::ReportDialog::exported);
    REQUIRE(report->exportTo(csv));
    REQUIRE(exported.wait(60000));
    CHECK(exported.takeFirst().at(1).toBool());
    QFile file(csv);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.read(3) == QByteArray("\xEF\xBB\xBF")); // UTF-8 with BOM, for Excel and WPS
    // The preview's grand total is the CSV's: both from the same report.
    CHECK(report->statusLabel()->text().contains("wrote"));
}

TEST_CASE("edit, undo, redo, save, reopen: the edit and its audit entry are in the project",
          "[workflow][edit]") {
    Session s;
    REQUIRE(s.window.startEditing());
    // A parcel that is not idle yet.
    const app::AttributeColumn* idle = s.canvas().drawing()->parcels.column("IDLE");
    REQUIRE(idle);
    std::uint32_t feature = 0;
    while (idle->valueOf(feature) == "1")
        ++feature;
    const std::int64_t fid = s.fidOf(feature);
    s.canvas().setSelection({feature});
    REQUIRE(s.window.markSelectionIdle(true));
    QUndoStack* undo = s.window.edits()->undoStack();
    CHECK(s.window.edits()->isDirty());
    CHECK(s.window.windowTitle().startsWith("* "));
    undo->undo();
    CHECK_FALSE(s.window.edits()->isDirty());
    undo->redo();
    CHECK(s.window.edits()->isDirty());

    // A second window on the same project cannot edit it, and says why.
    {
        app::MainWindow second;
        QSignalSpy opened(&second, &app::MainWindow::projectOpened);
        REQUIRE(second.openProject(QString::fromStdString(s.path), true));
        REQUIRE(opened.wait(30000));
        CHECK_FALSE(second.startEditing());
        CHECK_FALSE(second.statusBar()->currentMessage().isEmpty());
    }

    QSignalSpy reopened(&s.window, &app::MainWindow::projectOpened);
    REQUIRE(s.window.saveEdits());
    REQUIRE(reopened.wait(30000));
    CHECK_FALSE(s.window.edits()->isDirty());
    // The project, read through GDAL: the parcel is idle and the audit log says so.
    CHECK(classValue(s.path, fid, "IDLE") == "1");
    GDALDatasetUniquePtr ds = geo::openVector(s.path);
    OGRLayer* audit = ds->GetLayerByName("audit_log");
    REQUIRE(audit);
    audit->SetAttributeFilter("field = 'IDLE'");
    bool found = false;
    for (const auto& row : *audit)
        found = found || (std::string(row->GetFieldAsString("new_value")) == "1" &&
                          std::string(row->GetFieldAsString("old_value")) == "0");
    CHECK(found);
    // The reloaded map shows it too.
    const app::AttributeColumn* after = s.canvas().drawing()->parcels.column("IDLE");
    CHECK(after->valueOf(std::size_t(s.canvas().drawing()->parcels.indexOfFid(fid))) == "1");
}

TEST_CASE("screenshots of the main window in English and Chinese", "[workflow][screenshots]") {
    Session s;
    app::LanguageManager languages;
    s.window.setLanguageManager(&languages);
    s.window.layerPanel()->setThemeName("zones");
    REQUIRE(waitForRender(s.canvas()));
    s.canvas().setTool(app::MapCanvas::Tool::Identify);
    const std::uint32_t feature = 300;
    s.canvas().setSelection({feature});
    s.window.identifyPanel()->showParcel(s.fidOf(feature));
    REQUIRE(waitForRender(s.canvas()));
    const QString dir = QStringLiteral(TIANMU_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    QString fileMenu[2];
    int k = 0;
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        REQUIRE(languages.setLanguage(language, false));
        QCoreApplication::processEvents();
        REQUIRE(waitForRender(s.canvas()));
        fileMenu[k++] = s.window.menuBar()->actions().front()->text();
        CHECK(s.window.grab().toImage().save(dir + "/main_window_" + language + ".png"));
    }
    CHECK(fileMenu[0] != fileMenu[1]); // the menus changed language
    languages.setLanguage("en", false);
}
