#include "gui/gui_test_support.h"

#include <QDir>
#include <QPixmap>

#include <ogrsf_frmts.h>

#include "geo/gdal_session.h"

namespace testing {

std::string projectValue(const std::string& project, const std::string& sql) {
    GDALDatasetUniquePtr ds = geo::openVector(project);
    OGRLayer* result = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!result)
        return {};
    std::string value;
    if (OGRFeatureUniquePtr row(result->GetNextFeature()); row && row->IsFieldSetAndNotNull(0))
        value = row->GetFieldAsString(0);
    ds->ReleaseResultSet(result);
    return value;
}

QString saveScreenshot(QWidget& widget, const QString& name) {
    const QString folder = QString(TIANMU_BINARY_DIR) + "/screenshots";
    QDir().mkpath(folder);
    const QString path = folder + "/" + name + ".png";
    widget.grab().save(path);
    return path;
}

} // namespace testing
