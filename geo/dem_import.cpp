#include "geo/dem_import.h"

#include <ctime>
#include <filesystem>

#include <gdalwarper.h>

#include "geo/classification_results.h"
#include "geo/error.h"
#include "geo/gdal_session.h"

namespace geo {
namespace {

std::string wktOf(int epsg) {
    OGRSpatialReference srs;
    srs.importFromEPSG(epsg);
    char* wkt = nullptr;
    srs.exportToWkt(&wkt);
    std::string out = wkt ? wkt : "";
    CPLFree(wkt);
    return out;
}

} // namespace

ImportSummary importDem(const ImportOptions& o) {
    initialiseGdal();
    ImportSummary s;
    s.record.layer = "dem";
    s.record.source = o.source;
    s.record.started = utcTimestamp();
    s.encoding = {"", "not applicable", {"a raster has no attribute text"}};

    VSIStatBufL stat;
    if (VSIStatL(o.source.c_str(), &stat) != 0)
        throw InputError("file not found; check the path", {o.source, {}, {}, {}});
    GdalMessageCollector messages;
    GDALDatasetUniquePtr source(
        GDALDataset::Open(o.source.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!source || source->GetRasterCount() < 1)
        throw InputError("is not a raster GDAL can read; a DEM is usually a GeoTIFF (.tif)",
                         {o.source, {}, {}, {}});
    double gt[6];
    if (source->GetGeoTransform(gt) != CE_None)
        throw InputError("has no georeferencing (no geotransform); export the DEM as a GeoTIFF "
                         "with its coordinates",
                         {o.source, {}, {}, {}});

    CrsInput input;
    if (const OGRSpatialReference* srs = source->GetSpatialRef()) {
        char* wkt = nullptr;
        srs->exportToWkt(&wkt);
        input.prjText = wkt ? wkt : "";
        CPLFree(wkt);
    }
    const double x0 = gt[0], y0 = gt[3];
    const double x1 = gt[0] + gt[1] * source->GetRasterXSize() + gt[2] * source->GetRasterYSize();
    const double y1 = gt[3] + gt[4] * source->GetRasterXSize() + gt[5] * source->GetRasterYSize();
    input.extent = {std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1)};
    if (o.crs != "auto" && !o.crs.empty())
        input.overrideEpsg =
            std::atoi((o.crs.rfind("EPSG:", 0) == 0 ? o.crs.substr(5) : o.crs).c_str());

    auto store = openGeoPackageProject(o.project);
    s.projectCreated = !std::filesystem::exists(o.project);
    if (store->crsEpsg() > 0)
        input.referenceEpsg = store->crsEpsg();
    s.crs = detectCrs(input);
    if (s.crs.epsg == 0)
        throw InputError("the coordinate system cannot be decided: " + s.crs.reason,
                         {o.source, {}, {}, {}});
    s.warnings = s.crs.warnings;
    s.projectEpsg = store->crsEpsg() > 0 ? store->crsEpsg() : s.crs.epsg;
    if (store->crsEpsg() == 0) {
        Transaction transaction(*store);
        store->setCrsEpsg(s.projectEpsg);
        transaction.commit();
    }

    GDALDataset* toWrite = source.get();
    GDALDatasetUniquePtr warped;
    if (s.projectEpsg != s.crs.epsg) {
        if (o.progress)
            o.progress("warping to the project CRS", 0.1);
        const std::string from = wktOf(s.crs.epsg);
        const std::string to = wktOf(s.projectEpsg);
        warped.reset(GDALDataset::FromHandle(
            GDALAutoCreateWarpedVRT(GDALDataset::ToHandle(source.get()), from.c_str(), to.c_str(),
                                    GRA_Bilinear, 0.125, nullptr)));
        if (!warped)
            throw InputError("cannot be warped to the project's EPSG:" +
                                 std::to_string(s.projectEpsg),
                             {o.source, {}, {}, {}});
        toWrite = warped.get();
    }
    const long long pixels =
        static_cast<long long>(toWrite->GetRasterXSize()) * toWrite->GetRasterYSize();
    s.record.read = pixels;
    s.record.imported = pixels;
    s.record.encoding = "";
    s.record.crs = "EPSG:" + std::to_string(s.crs.epsg);
    s.record.crsReason = s.crs.decidedBy + ": " + s.crs.reason;
    s.record.profile = "";
    s.record.finished = utcTimestamp();
    if (o.progress)
        o.progress("writing the DEM", 0.5);
    // The last moment to stop: writing the raster is atomic, and not interrupted.
    if (o.cancelled && o.cancelled())
        throw Cancelled("the DEM import was cancelled; the project is unchanged",
                        {o.source, {}, {}, {}});
    store->replaceRaster("dem", *toWrite, s.record);
    if (hasClassification(*store)) {
        // The raster's own write is atomic; the mark that the classification predates it is
        // a second, small transaction.
        Transaction transaction(*store);
        s.warnings.push_back(markClassificationOutdated(*store, "dem"));
        transaction.commit();
    }
    store->finish();
    if (o.progress)
        o.progress("done", 1.0);
    return s;
}

} // namespace geo
