#include "geo/project_crs.h"

#include <algorithm>
#include <cmath>

#include <ogr_spatialref.h>

#include "geo/crs_detection.h"
#include "geo/gdal_handles.h"
#include "geo/project_store.h"

namespace geo {
int chooseProjectCrs(int sourceEpsg, const Extent& extent, std::vector<std::string>& warnings) {
    const OGRSpatialReference source = spatialReferenceOf(sourceEpsg);
    const std::string name = source.GetName() ? source.GetName() : "";
    if (source.IsGeographic()) {
        OGRSpatialReference wgs = spatialReferenceOf(4326);
        CoordinateTransformationPtr toLonLat(OGRCreateCoordinateTransformation(&source, &wgs));
        double x = (extent.minX + extent.maxX) / 2, y = (extent.minY + extent.maxY) / 2;
        if (toLonLat)
            toLonLat->Transform(1, &x, &y);
        const int cm = 3 * static_cast<int>(std::lround(x / 3.0));
        if (const int epsg =
                epsgByName("CGCS2000 / 3-degree Gauss-Kruger CM " + std::to_string(cm) + "E"))
            return epsg;
        // Outside China: the UTM zone of the centre, so areas and distances are in metres.
        const int zone = std::clamp(static_cast<int>(std::floor((x + 180.0) / 6.0)) + 1, 1, 60);
        if (const int epsg =
                epsgByName("WGS 84 / UTM zone " + std::to_string(zone) + (y >= 0 ? "N" : "S")))
            return epsg;
        warnings.push_back("no projected CRS found for longitude " + std::to_string(x) +
                           "; the project keeps the source's lon/lat CRS");
        return sourceEpsg;
    }
    for (const char* old : {"Xian 1980 / ", "Beijing 1954 / ", "New Beijing / "})
        if (name.rfind(old, 0) == 0)
            if (const int epsg = epsgByName("CGCS2000 / " + name.substr(std::string(old).size())))
                return epsg;
    return sourceEpsg;
}

} // namespace geo
