#include "dataset_digest.h"

#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>
#include <vector>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/gdal_session.h"

namespace testing {
namespace {

struct Fnv {
    std::uint64_t value = 1469598103934665603ULL;
    void add(const void* data, std::size_t size) {
        const auto* bytes = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < size; ++i) {
            value ^= bytes[i];
            value *= 1099511628211ULL;
        }
    }
    void add(const std::string& s) { add(s.data(), s.size() + 1); }
};

} // namespace

std::uint64_t datasetDigest(const std::string& path) {
    geo::initialiseGdal();
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!ds)
        throw std::runtime_error("cannot open " + path);
    Fnv fnv;
    std::map<std::string, OGRLayer*> layers; // sorted by name: the order GDAL lists them may vary
    for (OGRLayer* layer : ds->GetLayers())
        layers[layer->GetName()] = layer;
    for (auto& [name, layer] : layers) {
        fnv.add(name);
        layer->ResetReading();
        for (const auto& feature : *layer) {
            for (int i = 0; i < feature->GetFieldCount(); ++i)
                fnv.add(feature->GetFieldAsString(i));
            if (const OGRGeometry* g = feature->GetGeometryRef()) {
                std::vector<unsigned char> wkb(g->WkbSize());
                g->exportToWkb(wkbNDR, wkb.data());
                fnv.add(wkb.data(), wkb.size());
            }
        }
    }
    for (int b = 1; b <= ds->GetRasterCount(); ++b) {
        GDALRasterBand* band = ds->GetRasterBand(b);
        std::vector<float> pixels(static_cast<std::size_t>(band->GetXSize()) *
                                  static_cast<std::size_t>(band->GetYSize()));
        if (band->RasterIO(GF_Read, 0, 0, band->GetXSize(), band->GetYSize(), pixels.data(),
                           band->GetXSize(), band->GetYSize(), GDT_Float32, 0, 0) != CE_None)
            throw std::runtime_error("cannot read raster of " + path);
        fnv.add(pixels.data(), pixels.size() * sizeof(float));
    }
    return fnv.value;
}

std::uint64_t fileDigest(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
    Fnv fnv;
    fnv.add(bytes.data(), bytes.size());
    return fnv.value;
}

} // namespace testing
