// The 三资 supervisor's asset work in the main window, on a copy of the classified sample county:
// identify an asset by clicking its symbol (above the parcel under it), set its status in the
// identify panel as an undoable edit, save it and find it in the project and on the map.
#include <catch2/catch.hpp>

#include <filesystem>

#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include "app/gui/asset_status_editor.h"
#include "app/gui/edit_controller.h"
#include "app/gui/identify_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/map_canvas.h"
#include "app/render/project_drawing.h"
#include "support/classified_sample.h"
#include "support/project_value.h"
#include "support/sample_fixture.h"

namespace {

bool waitForRender(app::MapCanvas& canvas) {
    QSignalSpy done(&canvas, &app::MapCanvas::renderFinished);
    return done.wait(20000) || (!canvas.isRendering() && !canvas.renderedImage().isNull());
}

// The main window on a private copy of the classified sample (these tests save edits).
struct Window {
    std::string path;
    app::MainWindow window;
    Window() {
        path = testing::temporaryDirectory() + "/assets.gpkg";
        std::filesystem::copy_file(testing::classifiedSampleCounty(), path);
        window.resize(1100, 760);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        QSignalSpy opened(&window, &app::MainWindow::projectOpened);
        REQUIRE(window.openProject(QString::fromStdString(path), true));
        REQUIRE(opened.wait(30000));
        REQUIRE(waitForRender(canvas()));
    }
    app::MapCanvas& canvas() { return *window.canvas(); }
    app::IdentifyPanel& panel() { return *window.identifyPanel(); }
    const app::AssetDrawing& assets() { return canvas().drawing()->assets; }

    // An asset of `status` standing on a parcel, shown large, and the pixel of its symbol.
    std::size_t zoomToAsset(const std::string& status, QPoint& pixel) {
        const auto& parcels = canvas().drawing()->parcels.polygons;
        for (std::size_t i = 0; i < assets().size(); ++i) {
            const double x = assets().x[i], y = assets().y[i];
            if (assets().status[i] != status || parcels.featureAt(x, y, 0.0) < 0)
                continue;
            canvas().setView({x - 150, y - 150, x + 150, y + 150});
            REQUIRE(waitForRender(canvas()));
            pixel = canvas().view().toPixel(x, y).toPoint();
            return i;
        }
        FAIL("the sample has no asset of status " << status << " on a parcel");
        return 0;
    }
    std::string assetValue(long long fid, const char* field) {
        return testing::projectValue(path, std::string("SELECT ") + field +
                                               " FROM assets WHERE fid = " + std::to_string(fid));
    }
};

} // namespace

TEST_CASE("the identify tool shows a clicked asset rather than the parcel under it",
          "[asset_status][identify]") {
    Window w;
    QPoint pixel;
    const std::size_t asset = w.zoomToAsset("在用", pixel);
    const long long fid = w.assets().fid[asset];
    w.canvas().setTool(app::MapCanvas::Tool::Identify);
    QSignalSpy assets(&w.canvas(), &app::MapCanvas::assetIdentified);
    QSignalSpy parcels(&w.canvas(), &app::MapCanvas::parcelIdentified);
    // A few pixels off the symbol's centre still hits it.
    QTest::mouseClick(&w.canvas(), Qt::LeftButton, {}, pixel + QPoint(3, -2));
    REQUIRE(assets.count() == 1);
    CHECK(assets.takeFirst().at(0).toLongLong() == fid);
    CHECK(parcels.count() == 0);

    REQUIRE(w.panel().asset());
    CHECK(w.panel().asset()->record.fid == fid);
    const QString text = w.panel().text();
    CHECK(text.contains(QString::fromStdString(w.assetValue(fid, "ZCBM"))));
    CHECK(text.contains(QString::fromUtf8("使用状态\t在用")));
    CHECK(text.contains(QString::fromStdString(w.assetValue(fid, "ZCMC"))));
    // Not open for editing: the status cannot be set.
    CHECK_FALSE(w.panel().statusEditor()->isVisible());

    // Far from every asset symbol, the parcel is identified as before.
    const QPoint away = pixel + QPoint(40, 40);
    double x = 0, y = 0;
    w.canvas().view().toMap(away, x, y);
    if (w.canvas().drawing()->parcels.polygons.featureAt(x, y, 0.0) >= 0) {
        QTest::mouseClick(&w.canvas(), Qt::LeftButton, {}, away);
        CHECK(parcels.count() == 1);
        CHECK(w.panel().details());
        CHECK_FALSE(w.panel().asset());
    }
}

TEST_CASE("an asset's status set in the identify panel is undoable and saved",
          "[asset_status][editing]") {
    Window w;
    REQUIRE(w.window.startEditing());
    QPoint pixel;
    const std::size_t asset = w.zoomToAsset("在用", pixel);
    const long long fid = w.assets().fid[asset];
    const QString code = QString::fromStdString(w.assetValue(fid, "ZCBM"));
    w.canvas().setTool(app::MapCanvas::Tool::Identify);
    QTest::mouseClick(&w.canvas(), Qt::LeftButton, {}, pixel);
    REQUIRE(w.panel().asset());

    app::AssetStatusEditor& editor = *w.panel().statusEditor();
    REQUIRE(editor.isVisible());
    CHECK(editor.statusCombo()->currentText() == QString::fromUtf8("在用"));
    // The ledger profile's statuses, in its order.
    QStringList offered;
    for (int i = 0; i < editor.statusCombo()->count(); ++i)
        offered << editor.statusCombo()->itemText(i);
    CHECK(offered == QStringList{QString::fromUtf8("在用"), QString::fromUtf8("闲置"),
                                 QString::fromUtf8("出租"), QString::fromUtf8("流转")});
    CHECK_FALSE(editor.applyButton()->isEnabled()); // nothing to change yet
    editor.statusCombo()->setCurrentText(QString::fromUtf8("闲置"));
    REQUIRE(editor.applyButton()->isEnabled());
    QTest::mouseClick(editor.applyButton(), Qt::LeftButton);

    QUndoStack& undo = *w.window.edits()->undoStack();
    CHECK(undo.count() == 1);
    CHECK(undo.undoText() ==
          QString::fromUtf8("Set asset ") + code + QString::fromUtf8(" to 闲置"));
    CHECK(w.window.windowTitle().startsWith("* "));
    CHECK(*w.window.edits()->session()->assetStatus(fid) == "闲置");
    CHECK(w.panel().text().contains(QString::fromUtf8("使用状态\t闲置 (unsaved)")));
    CHECK(w.assetValue(fid, "ZT") == "在用"); // not before the save

    undo.undo();
    CHECK(*w.window.edits()->session()->assetStatus(fid) == "在用");
    CHECK(w.panel().text().contains(QString::fromUtf8("使用状态\t在用\n")));
    CHECK(editor.statusCombo()->currentText() == QString::fromUtf8("在用"));
    CHECK_FALSE(w.window.edits()->isDirty());
    undo.redo();
    CHECK(w.window.edits()->isDirty());

    QSignalSpy reopened(&w.window, &app::MainWindow::projectOpened);
    REQUIRE(w.window.saveEdits());
    REQUIRE(reopened.wait(30000));
    CHECK_FALSE(w.window.edits()->isDirty());
    // The project, read through GDAL: the status, the idle-since day, the audit row.
    CHECK(w.assetValue(fid, "ZT") == "闲置");
    CHECK_FALSE(w.assetValue(fid, "XZRQ").empty());
    CHECK(testing::projectValue(w.path, "SELECT new_value FROM audit_log WHERE layer = "
                                        "'assets' AND field = 'ZT' AND feature_id = '" +
                                            std::to_string(fid) + "'") == "闲置");
    // The reloaded map draws the asset with its new status.
    const app::AssetDrawing& reloaded = w.assets();
    bool found = false;
    for (std::size_t i = 0; i < reloaded.size(); ++i)
        if (reloaded.fid[i] == fid) {
            found = true;
            CHECK(reloaded.status[i] == "闲置");
        }
    CHECK(found);
}
