#include "classified_project.h"

#include <filesystem>

#include "geo/classifier.h"
#include "geo/dem_import.h"
#include "geo/importer.h"
#include "sample_fixture.h"

namespace testing {

void classifyAsOfSampleDay(const std::string& project) {
    geo::ClassifyOptions c;
    c.project = project;
    c.rules = sourcePath("data/rules/lingling-five-zones.json");
    c.landUseCodes = sourcePath("data/landuse/gbt21010-2017.json");
    c.asOf = "2026-06-30";
    geo::classifyProject(c);
}

const std::string& classifiedSampleProject() {
    static const std::string path = [] {
        const std::string project = temporaryDirectory() + "/classified.gpkg";
        const std::string surveyor = sourcePath("data/sample/surveyor/");
        auto import = [&](const char* layer, const std::string& source) {
            geo::ImportOptions o;
            o.project = project;
            o.source = source;
            o.layer = layer;
            o.profilesDirectory = sourcePath("data/profiles");
            if (std::string(layer) == "dem")
                geo::importDem(o);
            else
                geo::importIntoProject(o);
        };
        import("villages", surveyor + "cgcs2000/CJDCQ.shp");
        import("parcels", surveyor + "cgcs2000/DLTB.shp");
        import("rivers", surveyor + "cgcs2000/HL.shp");
        import("roads", surveyor + "cgcs2000/DL.shp");
        import("seats", surveyor + "cgcs2000/XZZD.shp");
        import("transfers", surveyor + "transfers.csv");
        import("dem", sourcePath("data/sample/dem.tif"));
        classifyAsOfSampleDay(project);
        return project;
    }();
    return path;
}

std::string copyOfClassifiedSampleCounty() {
    static const std::string classified = [] {
        const std::string project = temporaryDirectory() + "/county-classified.gpkg";
        std::filesystem::copy_file(sourcePath("data/sample/county.gpkg"), project);
        classifyAsOfSampleDay(project);
        return project;
    }();
    const std::string copy = temporaryDirectory() + "/county.gpkg";
    std::filesystem::copy_file(classified, copy);
    return copy;
}

std::string copyOfClassifiedProject() {
    const std::string copy = temporaryDirectory() + "/project.gpkg";
    std::filesystem::copy_file(classifiedSampleProject(), copy);
    return copy;
}

} // namespace testing
