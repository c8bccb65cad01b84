// Every real file nobody here made (../shared/data/real) either imports or is refused with
// exit code 3 and a message naming it: never a crash, a hang or garbled Chinese.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <set>

#include <ogrsf_frmts.h>

#include "geo/gdal_session.h"
#include "support/run_tianmu.h"
#include "support/sample_fixture.h"

namespace fs = std::filesystem;

namespace {

using Run = testing::TianmuRun;

Run tianmu(const QStringList& arguments) {
    return testing::runTianmu(arguments);
}

fs::path realData() {
    return fs::path(TIANMU_SHARED_DATA_DIR);
}

// Every vector source of the folder: shapefiles, GeoJSON, and DBF tables without a .shp.
std::vector<fs::path> vectorSources() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(realData())) {
        const fs::path& p = entry.path();
        const std::string ext = p.extension().string();
        if (ext == ".shp" || ext == ".json" || ext == ".geojson" ||
            (ext == ".dbf" && !fs::exists(fs::path(p).replace_extension(".shp"))))
            files.push_back(p);
    }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

TEST_CASE("every real file is read or refused with a reason, never a crash", "[cli][real]") {
    if (!fs::exists(realData())) {
        WARN("../shared/data/real is not present; skipped");
        return;
    }
    const auto files = vectorSources();
    REQUIRE(files.size() > 30);
    int imported = 0;
    int refused = 0;
    for (const fs::path& file : files) {
        const QString path = QString::fromStdString(file.string());
        INFO(file.string());
        const Run info = tianmu({"info", path});
        CHECK_FALSE(info.crashed);
        CHECK_FALSE(info.timedOut);
        CHECK((info.exitCode == 0 || info.exitCode == 3));
        if (info.exitCode == 3)
            CHECK(info.err.contains(path));

        // Spatial files as rivers (lines or polygons, no required field); tables as funds.
        const bool table = file.extension() == ".dbf";
        const QString project = QString::fromStdString(testing::temporaryDirectory() + "/p.gpkg");
        const Run import =
            tianmu({"import", "--project", project, "--as", table ? "funds" : "rivers", path});
        CHECK_FALSE(import.crashed);
        CHECK_FALSE(import.timedOut);
        CHECK((import.exitCode == 0 || import.exitCode == 3));
        if (import.exitCode == 3) {
            ++refused;
            CHECK(import.err.contains(path));
            CHECK_FALSE(fs::exists(project.toStdString())); // refused: no half-made project
        } else {
            ++imported;
            CHECK(import.out.contains("imported"));
        }
        CHECK_FALSE(import.out.contains(QChar(0xFFFD)));
    }
    CHECK(imported > 5);
    CHECK(refused > 5);
}

TEST_CASE("real Chinese files import with the right names, CRS and areas", "[cli][real]") {
    if (!fs::exists(realData())) {
        WARN("../shared/data/real is not present; skipped");
        return;
    }
    const QString dir = QString::fromStdString(testing::temporaryDirectory());
    // GBK with language byte 0x4D, no .prj: Nanjing's districts.
    Run r = tianmu({"import", "--project", dir + "/nj.gpkg", "--as", "villages",
                    QString::fromStdString((realData() / "gbk-nanjing/320100.shp").string())});
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 0);
    CHECK(r.out.contains("CP936"));
    CHECK(r.out.contains("EPSG:4490"));
    {
        auto ds = geo::openVector((dir + "/nj.gpkg").toStdString());
        std::set<std::string> names;
        for (const auto& f : *ds->GetLayerByName("villages"))
            names.insert(f->GetFieldAsString("ZLDWMC"));
        CHECK(names.count("玄武区") == 1);
        CHECK(names.count("鼓楼区") == 1);
    }

    // UTF-8 GeoJSON of Yongzhou (DataV): 零陵区 among 11 districts.
    r = tianmu({"import", "--project", dir + "/yz.gpkg", "--as", "villages",
                QString::fromStdString((realData() / "datav-yongzhou/431100_full.json").string())});
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 0);
    CHECK(r.out.contains("imported 11 of 11"));

    // North Carolina streams: a NAD83 State Plane .prj, kept as the project CRS.
    r = tianmu({"import", "--project", dir + "/nc.gpkg", "--as", "rivers",
                QString::fromStdString((realData() / "nc-dem-streams/streams.shp").string())});
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 0);
    CHECK(r.out.contains("EPSG:3358"));
    CHECK(r.out.contains("of 8294 features"));

    // A toy DLTB (only an Id field) whose coordinates contradict its Xian 1980 .prj: as
    // parcels it lacks the 三调 fields; as any layer its CRS is refused with the reason…
    r = tianmu(
        {"import", "--project", dir + "/toy.gpkg", "--as", "parcels",
         QString::fromStdString((realData() / "robustness/ae102_dltb_toy/DLTB.shp").string())});
    CHECK(r.exitCode == 3);
    CHECK(r.err.contains("has no field for"));
    r = tianmu(
        {"import", "--project", dir + "/toy.gpkg", "--as", "rivers",
         QString::fromStdString((realData() / "robustness/ae102_dltb_toy/DLTB.shp").string())});
    CHECK(r.exitCode == 3);
    CHECK(r.err.contains("coordinate system"));
    // …and accepted when the planner states the CRS.
    r = tianmu(
        {"import", "--project", dir + "/toy.gpkg", "--as", "rivers", "--crs", "EPSG:2379",
         QString::fromStdString((realData() / "robustness/ae102_dltb_toy/DLTB.shp").string())});
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 0);
}
