// Opening a project in the background: a newer load replaces an older one, and a file that
// is not a project fails with a reason rather than an exception.
#include <catch2/catch.hpp>

#include <QFile>
#include <QSignalSpy>

#include "app/gui/project_loader.h"
#include "support/classified_sample.h"
#include "support/sample_fixture.h"

TEST_CASE("a second load cancels the first, and only the second reports", "[project_loader]") {
    const QString project = QString::fromStdString(testing::classifiedSampleCounty());
    const QString bad =
        QString::fromStdString(testing::temporaryDirectory() + "/not-a-project.gpkg");
    {
        QFile file(bad);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("this is not a GeoPackage");
    }
    app::ProjectLoader loader;
    QSignalSpy loaded(&loader, &app::ProjectLoader::loaded);
    QSignalSpy failed(&loader, &app::ProjectLoader::failed);

    loader.load(bad);
    loader.load(project); // waits for the first to stop before starting
    REQUIRE(loaded.wait(30000));
    REQUIRE(loaded.size() == 1);
    CHECK(loaded.front().at(0).toString() == project);
    const auto drawing = loaded.front().at(1).value<std::shared_ptr<const app::ProjectDrawing>>();
    REQUIRE(drawing);
    CHECK(drawing->villages.code.size() == 4);
    // The bad file either failed before the second load began or was cancelled: never both
    // results for one path, and never a result for it after the good one.
    for (const auto& call : failed)
        CHECK(call.at(0).toString() == bad);

    failed.clear();
    loader.load(bad);
    REQUIRE(failed.wait(30000));
    CHECK(failed.front().at(0).toString() == bad);
    INFO(failed.front().at(1).toString().toStdString());
    CHECK(failed.front().at(1).toString().contains("not-a-project.gpkg"));
    CHECK(loaded.size() == 1);
}
