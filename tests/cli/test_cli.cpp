// The tianmu executable run as a user runs it: exit codes, messages, files written.
#include <catch2/catch.hpp>

#include <filesystem>

#include <QImage>

#include "support/run_tianmu.h"
#include "support/sample_fixture.h"

namespace {

using Run = testing::TianmuRun;

Run tianmu(const QStringList& arguments) {
    return testing::runTianmu(arguments);
}

QString sampleProject() {
    return QString::fromStdString(testing::sourcePath("data/sample/county.gpkg"));
}

} // namespace

TEST_CASE("tianmu --help lists the commands and exit codes", "[cli]") {
    const Run r = tianmu({"--help"});
    CHECK(r.exitCode == 0);
    CHECK(r.out.contains("preview"));
    CHECK(r.out.contains("Exit codes"));
    const Run p = tianmu({"preview", "--help"});
    CHECK(p.exitCode == 0);
    CHECK(p.out.contains("--project"));
    // What an import replaces is in its help, before anyone runs it.
    const Run i = tianmu({"import", "--help"});
    CHECK(i.exitCode == 0);
    CHECK(i.out.simplified().contains("new parcels also remove the project's classification"));
}

TEST_CASE("usage errors exit with 2", "[cli]") {
    CHECK(tianmu({"frobnicate"}).exitCode == 2);
    CHECK(tianmu({"--frobnicate"}).exitCode == 2);
    const Run missing = tianmu({"preview", "--out", "x.png"});
    CHECK(missing.exitCode == 2);
    CHECK(missing.err.contains("--project"));
    CHECK(tianmu({"preview", "--project", sampleProject(), "--out", "x.jpg"}).exitCode == 2);
    CHECK(tianmu({"preview", "--project", sampleProject(), "--out", "x.png", "--width", "ten"})
              .exitCode == 2);
    // Without a display the window cannot open: say so instead of crashing.
    const Run window = tianmu({sampleProject()});
    CHECK(window.exitCode == 2);
    CHECK(window.err.contains("no display"));
}

TEST_CASE("tianmu preview writes a PNG of the project and prints its path", "[cli]") {
    const QString out = QString::fromStdString(testing::temporaryDirectory() + "/sample.png");
    const Run r = tianmu({"preview", "--project", sampleProject(), "--out", out, "--width", "640",
                          "--height", "480"});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.trimmed() == out);
    CHECK(r.err.contains("drawing"));
    const QImage image(out);
    CHECK(image.size() == QSize(640, 480));
}

TEST_CASE("bad input exits with 3, names the file and writes nothing", "[cli]") {
    const std::string dir = testing::temporaryDirectory();
    const QString out = QString::fromStdString(dir + "/never.png");
    const Run missing = tianmu({"preview", "--project", "/nonexistent/county.gpkg", "--out", out});
    CHECK(missing.exitCode == 3);
    CHECK(missing.err.contains("/nonexistent/county.gpkg"));
    CHECK(missing.err.contains("not found"));

    const QString notProject =
        QString::fromStdString(testing::sourcePath("data/sample/surveyor/cgcs2000/DLTB.shp"));
    const Run wrong = tianmu({"preview", "--project", notProject, "--out", out});
    CHECK(wrong.exitCode == 3);
    CHECK(wrong.err.contains("parcels"));

    const Run unwritable = tianmu({"preview", "--project", sampleProject(), "--out",
                                   QString::fromStdString(dir + "/no/such/dir/x.png")});
    CHECK(unwritable.exitCode == 3);
    CHECK(unwritable.err.contains("x.png"));
    CHECK(std::filesystem::is_empty(dir));
}
