#include <catch2/catch.hpp>

#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

#include "app/gui/main_window.h"
#include "app/gui/preview_widget.h"
#include "support/sample_fixture.h"

TEST_CASE("the window opens the sample project and draws it", "[main_window]") {
    app::MainWindow window;
    QSignalSpy opened(&window, &app::MainWindow::projectOpened);
    window.resize(900, 700);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    const QString path = QString::fromStdString(testing::sourcePath("data/sample/county.gpkg"));
    REQUIRE(window.openProject(path, true));
    CHECK(opened.count() == 1);
    CHECK(window.windowTitle().startsWith("county.gpkg"));
    CHECK(window.statusBar()->currentMessage().contains("parcels in 4 villages"));
    window.preview()->repaint();
    const QImage drawn = window.preview()->image();
    REQUIRE_FALSE(drawn.isNull());
    // The drawing fills the widget and is not one flat colour.
    CHECK(drawn.size() == window.preview()->size() * window.preview()->devicePixelRatioF());
    CHECK(drawn.pixel(drawn.width() / 2, drawn.height() / 2) != drawn.pixel(2, 2));
}

TEST_CASE("a bad project leaves the open one in place and says why", "[main_window]") {
    app::MainWindow window;
    const QString good = QString::fromStdString(testing::sourcePath("data/sample/county.gpkg"));
    REQUIRE(window.openProject(good, true));
    const QString bad = QString::fromStdString(testing::temporaryDirectory() + "/missing.gpkg");
    CHECK_FALSE(window.openProject(bad, true));
    CHECK(window.projectPath() == good);
    CHECK(window.preview()->hasProject());
    CHECK(window.statusBar()->currentMessage().contains("missing.gpkg"));
    CHECK(window.statusBar()->currentMessage().contains("not found"));
}
