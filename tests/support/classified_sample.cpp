#include "support/classified_sample.h"

#include <filesystem>
#include <stdexcept>

#include <QFile>

#include "geo/importer.h"
#include "support/run_tianmu.h"
#include "support/sample_fixture.h"

namespace testing {

const std::string& classifiedSampleCounty() {
    static const std::string path = [] {
        const std::string project = temporaryDirectory() + "/sample-classified.gpkg";
        if (!QFile::copy(QString::fromStdString(sourcePath("data/sample/county.gpkg")),
                         QString::fromStdString(project)))
            throw std::runtime_error("cannot copy the sample county to " + project);
        QFile(QString::fromStdString(project))
            .setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const TianmuRun run = runTianmu(
            {"classify", "--project", QString::fromStdString(project), "--as-of", "2026-06-30"});
        if (run.exitCode != 0)
            throw std::runtime_error("classifying the sample failed: " + run.err.toStdString());
        return project;
    }();
    return path;
}

std::string outdatedCopyOfClassifiedSampleCounty(std::vector<std::string>* importWarnings) {
    const std::string project = temporaryDirectory() + "/county.gpkg";
    std::filesystem::copy_file(classifiedSampleCounty(), project);
    geo::ImportOptions o;
    o.project = project;
    o.layer = "rivers";
    o.source = sourcePath("data/sample/surveyor/cgcs2000/HL.shp");
    o.profilesDirectory = sourcePath("data/profiles");
    const geo::ImportSummary imported = geo::importIntoProject(o);
    if (importWarnings)
        *importWarnings = imported.warnings;
    return project;
}

} // namespace testing
