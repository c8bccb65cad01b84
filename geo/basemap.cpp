#include "geo/basemap.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <gdal_utils.h>
#include <ogr_spatialref.h>

#include "geo/error.h"
#include "geo/gdal_session.h"
#include "geo/raster_window.h"

namespace geo {
namespace {

// Reads one band over the window, one float per window cell.
void readBand(GDALRasterBand& band, const GridWindow& w, std::vector<float>& out) {
    out.resize(static_cast<std::size_t>(w.columns()) * static_cast<std::size_t>(w.rows()));
    // Palette indices are categories: blending two would name a third colour.
    readGridWindow(band, w, band.GetColorTable() ? GRIORA_NearestNeighbour : GRIORA_Bilinear,
                   out.data(), w.columns());
}

} // namespace

Basemap::Basemap(const std::string& path, int projectEpsg)
    : m_path(path) {
    initialiseGdal();
    GdalMessageCollector messages;
    m_source.reset(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    const auto fail = [&](const std::string& why) {
        throw InputError(why, {path, {}, {}, {}});
    };
    if (!m_source)
        fail("cannot be opened as a raster; choose a GeoTIFF, JPEG 2000, MBTiles or another "
             "image GDAL reads");
    double gt[6];
    const OGRSpatialReference* own = m_source->GetSpatialRef();
    if (!own || m_source->GetGeoTransform(gt) != CE_None)
        fail("has no coordinate system or georeferencing, so it cannot be placed on the map; "
             "add a .prj or world file, or georeference it in QGIS first");
    OGRSpatialReference project;
    if (projectEpsg <= 0 || project.importFromEPSG(projectEpsg) != OGRERR_NONE)
        fail("cannot be placed: the project has no known CRS");
    project.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (own->IsSame(&project) && gt[2] == 0.0 && gt[4] == 0.0)
        return;

    // A warped VRT in the project CRS with an alpha band for where the source does not reach;
    // it reads the source's overviews when zoomed out.
    CPLStringList argv;
    const bool paletted =
        m_source->GetRasterCount() >= 1 && m_source->GetRasterBand(1)->GetColorTable() != nullptr;
    for (const char* a :
         {"-of", "VRT", "-r", paletted ? "near" : "bilinear", "-dstalpha", "-t_srs"})
        argv.AddString(a);
    argv.AddString(("EPSG:" + std::to_string(projectEpsg)).c_str());
    GDALWarpAppOptions* options = GDALWarpAppOptionsNew(argv.List(), nullptr);
    GDALDatasetH source = GDALDataset::ToHandle(m_source.get());
    int usageError = FALSE;
    m_warped.reset(
        GDALDataset::FromHandle(GDALWarp("", nullptr, 1, &source, options, &usageError)));
    GDALWarpAppOptionsFree(options);
    if (!m_warped)
        fail("cannot be reprojected into the project's CRS (" + std::string(CPLGetLastErrorMsg()) +
             ")");
}

Basemap::~Basemap() {
    m_warped.reset(); // refers to the source: close it first
}

Extent Basemap::extent() const {
    double gt[6];
    GDALDataset& d = view();
    if (d.GetGeoTransform(gt) != CE_None)
        return {};
    Extent e;
    e.include(gt[0], gt[3]);
    e.include(gt[0] + gt[1] * d.GetRasterXSize(), gt[3] + gt[5] * d.GetRasterYSize());
    return e;
}

std::vector<std::uint32_t> Basemap::readArgb(const Extent& extent, int width, int height) const {
    std::vector<std::uint32_t> out(static_cast<std::size_t>(std::max(0, width)) *
                                       static_cast<std::size_t>(std::max(0, height)),
                                   0U);
    if (width <= 0 || height <= 0 || extent.isNull())
        return out;
    const std::lock_guard lock(m_mutex);
    GDALDataset& d = view();
    const GridWindow w = gridWindow(d, extent, width, height);
    if (w.empty() || d.GetRasterCount() < 1)
        return out;

    // Which bands give red, green, blue and alpha.
    const int bands = d.GetRasterCount();
    GDALRasterBand* first = d.GetRasterBand(1);
    GDALColorTable* palette = bands == 1 ? first->GetColorTable() : nullptr;
    int alphaBand = 0;
    for (int b = 1; b <= bands; ++b)
        if (d.GetRasterBand(b)->GetColorInterpretation() == GCI_AlphaBand)
            alphaBand = b;
    const int colourBands = alphaBand ? bands - 1 : bands;
    std::array<std::vector<float>, 4> v;
    const std::array<int, 3> rgb =
        colourBands >= 3 ? std::array<int, 3>{1, 2, 3} : std::array<int, 3>{1, 1, 1};
    for (int i = 0; i < 3; ++i)
        if (i == 0 || rgb[static_cast<std::size_t>(i)] != 1)
            readBand(*d.GetRasterBand(rgb[static_cast<std::size_t>(i)]), w,
                     v[static_cast<std::size_t>(i)]);
    std::vector<float> mask;
    if (alphaBand)
        readBand(*d.GetRasterBand(alphaBand), w, mask);
    else if (first->GetMaskFlags() != GMF_ALL_VALID)
        readBand(*first->GetMaskBand(), w, mask); // no-data or a per-dataset mask

    // Bytes as they are; other types stretched from their approximate range, found once (it
    // reads the raster) and kept for every later view.
    if (!m_stretch) {
        Stretch stretch;
        for (std::size_t i = 0; i < 3; ++i) {
            GDALRasterBand* band = d.GetRasterBand(rgb[i]);
            if (band->GetRasterDataType() != GDT_Byte && !palette) {
                double range[2] = {0, 255};
                band->ComputeRasterMinMax(TRUE, range);
                stretch.low[i] = range[0];
                stretch.scale[i] = range[1] > range[0] ? 255.0 / (range[1] - range[0]) : 1.0;
            }
        }
        m_stretch = stretch;
    }
    const std::array<double, 3>& low = m_stretch->low;
    const std::array<double, 3>& scale = m_stretch->scale;
    const auto byte = [](double x) {
        return static_cast<std::uint32_t>(std::clamp(std::lround(x), 0L, 255L));
    };
    const int bw = w.columns();
    for (int r = w.r0; r < w.r1; ++r)
        for (int c = w.c0; c < w.c1; ++c) {
            const std::size_t i = static_cast<std::size_t>(r - w.r0) * std::size_t(bw) +
                                  static_cast<std::size_t>(c - w.c0);
            double red, green, blue, alpha = mask.empty() ? 255.0 : mask[i];
            if (palette) {
                const GDALColorEntry* e =
                    palette->GetColorEntry(static_cast<int>(std::lround(v[0][i])));
                red = e ? e->c1 : 0;
                green = e ? e->c2 : 0;
                blue = e ? e->c3 : 0;
                alpha = e ? std::min(alpha, double(e->c4)) : 0.0;
            } else {
                red = (v[0][i] - low[0]) * scale[0];
                green = v[1].empty() ? red : (v[1][i] - low[1]) * scale[1];
                blue = v[2].empty() ? red : (v[2][i] - low[2]) * scale[2];
            }
            const double a = std::clamp(alpha, 0.0, 255.0) / 255.0; // premultiply
            out[static_cast<std::size_t>(r) * std::size_t(width) + static_cast<std::size_t>(c)] =
                byte(alpha) << 24 | byte(red * a) << 16 | byte(green * a) << 8 | byte(blue * a);
        }
    return out;
}

} // namespace geo
