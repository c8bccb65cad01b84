#include "app/resource_paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace app {

std::string stylesDirectory() {
    if (const QByteArray env = qgetenv("TIANMU_STYLES_DIR"); !env.isEmpty())
        return env.toStdString();
    if (QCoreApplication::instance()) {
        const QString installed =
            QDir(QCoreApplication::applicationDirPath()).filePath("../share/tianmu/styles");
        if (QFileInfo(installed).isDir())
            return QDir::cleanPath(installed).toStdString();
    }
    return TIANMU_SOURCE_STYLES_DIR;
}

} // namespace app
