#include "support/project_value.h"

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

} // namespace testing
