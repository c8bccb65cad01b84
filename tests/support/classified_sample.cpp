#include "support/classified_sample.h"

#include <stdexcept>

#include <QFile>

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

} // namespace testing
