// tianmu-bench-read-areas: the bare GDAL read that the classify benchmark compares with. Opens
// a GeoPackage read-only, reads every feature of its parcels layer and sums the planar areas
// OGR computes (OGRSurface::get_Area, as OGR_G_Area does), then prints the count, the total
// and the peak memory. No tianmu code: this is the floor any per-parcel work stands on.
#include <cstdint>
#include <exception>
#include <fstream>
#include <iostream>
#include <string>

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogrsf_frmts.h>

namespace {

// Peak resident set size in KiB from /proc/self/status (VmHWM), or -1 when unavailable.
long peakRssKib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stol(line.substr(6));
    }
    return -1;
}

// Planar area of a polygon, multipolygon or any other surface or collection of them; 0 for
// points and lines (as OGR_G_Area).
double planarArea(const OGRGeometry& g) {
    const OGRwkbGeometryType type = wkbFlatten(g.getGeometryType());
    if (OGR_GT_IsSurface(type))
        return g.toSurface()->get_Area();
    if (OGR_GT_IsSubClassOf(type, wkbGeometryCollection))
        return g.toGeometryCollection()->get_Area();
    return 0.0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3 || std::string(argv[1]) == "--help") {
        std::cerr << "Usage: tianmu-bench-read-areas COUNTY.gpkg [LAYER]\n"
                     "Reads LAYER (default parcels) with GDAL, sums OGR's planar areas and prints\n"
                     "features, area_m2 and peak_rss_kib on stdout.\n";
        return 2;
    }
    const std::string layerName = argc == 3 ? argv[2] : "parcels";
    try {
        GDALAllRegister();
        const char* const drivers[] = {"GPKG", nullptr};
        GDALDatasetUniquePtr dataset(GDALDataset::Open(
            argv[1], GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR, drivers));
        if (!dataset) {
            std::cerr << "tianmu-bench-read-areas: cannot open " << argv[1] << " as a GeoPackage\n";
            return 3;
        }
        OGRLayer* layer = dataset->GetLayerByName(layerName.c_str());
        if (layer == nullptr) {
            std::cerr << "tianmu-bench-read-areas: " << argv[1] << " has no layer " << layerName
                      << '\n';
            return 3;
        }
        std::int64_t features = 0;
        std::int64_t withoutGeometry = 0;
        double total = 0.0;
        for (const OGRFeatureUniquePtr& feature : *layer) {
            ++features;
            const OGRGeometry* geometry = feature->GetGeometryRef();
            if (geometry == nullptr) {
                ++withoutGeometry;
                continue;
            }
            total += planarArea(*geometry);
        }
        std::cout << "features " << features << '\n'
                  << "without_geometry " << withoutGeometry << '\n';
        std::cout.setf(std::ios::fixed);
        std::cout.precision(1);
        std::cout << "area_m2 " << total << '\n' << "peak_rss_kib " << peakRssKib() << '\n';
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "tianmu-bench-read-areas: " << e.what() << '\n';
        return 1;
    }
}
