#include "app/resource_paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace app {

namespace {

std::string locate(const char* variable, const char* installedRelative,
                   const std::string& sourceTree) {
    if (const QByteArray env = qgetenv(variable); !env.isEmpty())
        return env.toStdString();
    if (QCoreApplication::instance()) {
        const QString installed =
            QDir(QCoreApplication::applicationDirPath()).filePath(installedRelative);
        if (QFileInfo(installed).isDir())
            return QDir::cleanPath(installed).toStdString();
    }
    return sourceTree;
}

} // namespace

std::string stylesDirectory() {
    return locate("TIANMU_STYLES_DIR", "../share/tianmu/styles", TIANMU_SOURCE_DIR "/styles");
}

std::string dataDirectory() {
    return locate("TIANMU_DATA_DIR", "../share/tianmu/data", TIANMU_SOURCE_DIR "/data");
}

std::string profilesDirectory() {
    return locate("TIANMU_PROFILES_DIR", "../share/tianmu/data/profiles",
                  TIANMU_SOURCE_DIR "/data/profiles");
}

} // namespace app
