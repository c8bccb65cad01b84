#include "gui/gui_test_support.h"

#include <QDir>
#include <QPixmap>

namespace testing {

QString saveScreenshot(QWidget& widget, const QString& name) {
    const QString folder = QString(TIANMU_BINARY_DIR) + "/screenshots";
    QDir().mkpath(folder);
    const QString path = folder + "/" + name + ".png";
    widget.grab().save(path);
    return path;
}

} // namespace testing
