// Classification on real terrain and a real river network nobody here made: the GRASS North
// Carolina sample's 30 m DEM and its 8,294 streams (../shared/data/real/nc-dem-streams), under
// a grid of fields. Every stored fact is checked against GDAL and GEOS computing it their own
// way: the mean elevation from the DEM's pixels, the mean slope from `gdaldem slope`, the
// distance to the river from GEOS; the zones against the rules applied to those facts.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogrsf_frmts.h>

#include "geo/classifier.h"
#include "geo/dem_import.h"
#include "geo/gdal_session.h"
#include "geo/importer.h"
#include "support/sample_fixture.h"

namespace {

namespace fs = std::filesystem;

const fs::path realData = TIANMU_SHARED_DATA_DIR;

// The fields: 250 m squares over the DEM's 15 km by 13.5 km, in four villages (quadrants).
constexpr double gridWest = 630000.0, gridSouth = 215000.0, side = 250.0;
constexpr int columns = 60, rows = 54;
constexpr double splitX = gridWest + 30 * side, splitY = gridSouth + 27 * side;

struct Field {
    std::string id, landUse, village;
    double minX, minY, maxX, maxY;
};

std::string villageOf(double x, double y) {
    return std::string("3701010010") + (y < splitY ? "0" : "1") + (x < splitX ? "1" : "2");
}

// A land use for every field, mixed so that each rule meets real terrain.
std::string landUseOf(int i, int j) {
    static const char* const uses[] = {"0301", "0201", "1101", "0702", "0404",
                                       "0101", "0102", "0103", "0101", "0103"};
    return uses[(i * 7 + j * 3) % 10];
}

std::vector<Field> fields() {
    std::vector<Field> out;
    for (int j = 0; j < rows; ++j)
        for (int i = 0; i < columns; ++i) {
            const double x = gridWest + side * i, y = gridSouth + side * j;
            out.push_back({"NC-" + std::to_string(i) + "-" + std::to_string(j), landUseOf(i, j),
                           villageOf(x + 1, y + 1), x, y, x + side, y + side});
        }
    return out;
}

std::string ring(double minX, double minY, double maxX, double maxY) {
    auto point = [](double x, double y) {
        return "[" + std::to_string(x) + "," + std::to_string(y) + "]";
    };
    return "[[" + point(minX, minY) + "," + point(maxX, minY) + "," + point(maxX, maxY) + "," +
           point(minX, maxY) + "," + point(minX, minY) + "]]";
}

// The project: fields and villages as GeoJSON in NAD83(HARN) / North Carolina, then the real
// streams and DEM as delivered (the DEM is warped into the project's CRS on import).
std::string realTerrainProject() {
    const std::string dir = testing::temporaryDirectory();
    {
        std::ofstream out(dir + "/fields.geojson");
        out << R"({"type":"FeatureCollection","features":[)";
        bool first = true;
        for (const Field& f : fields()) {
            out << (first ? "" : ",") << R"({"type":"Feature","properties":{"BSM":")" << f.id
                << R"(","DLBM":")" << f.landUse << R"(","ZLDWDM":")" << f.village
                << R"("},"geometry":{"type":"Polygon","coordinates":)"
                << ring(f.minX, f.minY, f.maxX, f.maxY) << "}}";
            first = false;
        }
        out << "]}";
    }
    {
        std::ofstream out(dir + "/villages.geojson");
        out << R"({"type":"FeatureCollection","features":[)";
        const double east = gridWest + columns * side, north = gridSouth + rows * side;
        const double xs[] = {gridWest, splitX, east}, ys[] = {gridSouth, splitY, north};
        bool first = true;
        for (int v = 0; v < 2; ++v)
            for (int u = 0; u < 2; ++u) {
                out << (first ? "" : ",") << R"({"type":"Feature","properties":{"ZLDWDM":")"
                    << villageOf(xs[u] + 1, ys[v] + 1) << R"(","ZLDWMC":"村)" << 2 * v + u
                    << R"("},"geometry":{"type":"Polygon","coordinates":)"
                    << ring(xs[u], ys[v], xs[u + 1], ys[v + 1]) << "}}";
                first = false;
            }
        out << "]}";
    }
    const std::string project = dir + "/nc.gpkg";
    auto run = [&](const std::string& layer, const std::string& source, const std::string& crs) {
        geo::ImportOptions o;
        o.project = project;
        o.layer = layer;
        o.source = source;
        o.crs = crs;
        o.profilesDirectory = testing::sourcePath("data/profiles");
        return layer == "dem" ? geo::importDem(o) : geo::importIntoProject(o);
    };
    run("parcels", dir + "/fields.geojson", "EPSG:3358");
    run("villages", dir + "/villages.geojson", "EPSG:3358");
    run("rivers", (realData / "nc-dem-streams/streams.shp").string(), "auto");
    run("dem", (realData / "nc-dem-streams/elev_ned_30m.tif").string(), "auto");
    return project;
}

// A raster band read whole, with its geotransform.
struct Grid {
    int width = 0, height = 0;
    double transform[6] = {};
    std::vector<double> values;
    bool hasNoData = false;
    double noData = 0.0;

    explicit Grid(GDALDataset& ds)
        : width(ds.GetRasterXSize())
        , height(ds.GetRasterYSize()) {
        REQUIRE(ds.GetGeoTransform(transform) == CE_None);
        values.resize(std::size_t(width) * std::size_t(height));
        GDALRasterBand* band = ds.GetRasterBand(1);
        int has = 0;
        noData = band->GetNoDataValue(&has);
        hasNoData = has != 0;
        REQUIRE(band->RasterIO(GF_Read, 0, 0, width, height, values.data(), width, height,
                               GDT_Float64, 0, 0) == CE_None);
    }
    bool valid(double v) const { return !std::isnan(v) && !(hasNoData && v == noData); }
};

// What GDAL says about one field: the DEM pixels whose centres lie inside it.
struct PixelFacts {
    long pixels = 0;
    double meanElevation = NAN, minElevation = NAN;
    double meanSlope = NAN; // NaN when a pixel has no slope (gdaldem leaves the edge out)
    bool allSlopes = true;
};

PixelFacts pixelFacts(const Field& f, const Grid& dem, const Grid& slope) {
    PixelFacts out;
    double sum = 0, slopeSum = 0, lowest = INFINITY;
    const double* t = dem.transform;
    for (int r = 0; r < dem.height; ++r) {
        const double y = t[3] + (r + 0.5) * t[5];
        if (!(y > f.minY && y < f.maxY))
            continue;
        for (int c = 0; c < dem.width; ++c) {
            const double x = t[0] + (c + 0.5) * t[1];
            if (!(x > f.minX && x < f.maxX))
                continue;
            const std::size_t k = std::size_t(r) * std::size_t(dem.width) + std::size_t(c);
            if (!dem.valid(dem.values[k]))
                continue;
            ++out.pixels;
            sum += dem.values[k];
            lowest = std::min(lowest, dem.values[k]);
            if (slope.valid(slope.values[k]))
                slopeSum += slope.values[k];
            else
                out.allSlopes = false;
        }
    }
    if (out.pixels > 0) {
        out.meanElevation = sum / double(out.pixels);
        out.minElevation = lowest;
        if (out.allSlopes)
            out.meanSlope = slopeSum / double(out.pixels);
    }
    return out;
}

// GEOS's distance from a field to the nearest river: rivers taken in order of their boxes'
// distance, until a box lies farther than the nearest river found.
class RiverReference {
public:
    explicit RiverReference(OGRLayer& rivers) {
        for (auto& feature : rivers)
            if (const OGRGeometry* g = feature->GetGeometryRef(); g && !g->IsEmpty()) {
                OGREnvelope box;
                g->getEnvelope(&box);
                m_boxes.push_back(box);
                m_rivers.emplace_back(g->clone());
            }
    }
    std::size_t size() const { return m_rivers.size(); }

    double distance(const Field& f) const {
        OGRPolygon field;
        auto* shell = new OGRLinearRing;
        shell->addPoint(f.minX, f.minY);
        shell->addPoint(f.maxX, f.minY);
        shell->addPoint(f.maxX, f.maxY);
        shell->addPoint(f.minX, f.maxY);
        shell->addPoint(f.minX, f.minY);
        field.addRingDirectly(shell);
        std::vector<std::pair<double, std::size_t>> byGap;
        for (std::size_t i = 0; i < m_boxes.size(); ++i) {
            const OGREnvelope& b = m_boxes[i];
            const double gx = std::max({0.0, b.MinX - f.maxX, f.minX - b.MaxX});
            const double gy = std::max({0.0, b.MinY - f.maxY, f.minY - b.MaxY});
            byGap.emplace_back(std::hypot(gx, gy), i);
        }
        std::sort(byGap.begin(), byGap.end());
        double best = INFINITY;
        for (const auto& [gap, i] : byGap) {
            if (gap > best)
                break;
            best = std::min(best, field.Distance(m_rivers[i].get()));
        }
        return best;
    }

private:
    std::vector<OGREnvelope> m_boxes;
    std::vector<std::unique_ptr<OGRGeometry>> m_rivers;
};

bool startsWith(const std::string& s, const char* prefix) {
    return s.rfind(prefix, 0) == 0;
}

// The default rules (data/rules/lingling-five-zones.json) applied by hand.
std::string expectedZone(const std::string& use, double riverDistance, double slope,
                         double riverHeight) {
    if (use == "1101")
        return "water";
    const bool builtUp = startsWith(use, "07");
    if (!builtUp && riverDistance <= 120.0)
        return "riverbank";
    if (startsWith(use, "03"))
        return "forest";
    if (startsWith(use, "02"))
        return "hill";
    if (startsWith(use, "01"))
        return slope >= 10.0 || riverHeight >= 25.0 ? "hill" : "lowland";
    return builtUp ? "built" : "other";
}

} // namespace

TEST_CASE("on a real DEM and river network every stored fact is what GDAL and GEOS compute",
          "[classifier][real]") {
    if (!fs::exists(realData)) {
        WARN("../shared/data/real is not present; skipped");
        return;
    }
    geo::initialiseGdal();
    const std::string project = realTerrainProject();
    geo::ClassifyOptions o;
    o.project = project;
    o.rules = testing::sourcePath("data/rules/lingling-five-zones.json");
    o.landUseCodes = testing::sourcePath("data/landuse/gbt21010-2017.json");
    o.asOf = "2026-06-30";
    const geo::ClassifySummary summary = geo::classifyProject(o);
    CHECK(summary.parcels == columns * rows);
    // The streams carry no grade: all of them count, and the summary says so.
    CHECK(std::any_of(summary.warnings.begin(), summary.warnings.end(), [](const std::string& w) {
        return w.find("the rivers have no DJ field") != std::string::npos;
    }));

    // GDAL's reading of the project's (warped) DEM, and its own Horn slope of it.
    GDALDatasetUniquePtr dem(
        GDALDataset::Open(("GPKG:" + project + ":dem").c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    REQUIRE(dem);
    const std::string slopePath = fs::path(project).parent_path().string() + "/slope.tif";
    {
        GDALDEMProcessingOptions* options = GDALDEMProcessingOptionsNew(nullptr, nullptr);
        int failed = 0;
        GDALDatasetH slope = GDALDEMProcessing(slopePath.c_str(), GDALDataset::ToHandle(dem.get()),
                                               "slope", nullptr, options, &failed);
        GDALDEMProcessingOptionsFree(options);
        REQUIRE(slope);
        REQUIRE(failed == 0);
        GDALClose(slope);
    }
    const Grid elevations(*dem);
    GDALDatasetUniquePtr slopeDs(GDALDataset::Open(slopePath.c_str(), GDAL_OF_RASTER));
    REQUIRE(slopeDs);
    const Grid slopes(*slopeDs);
    REQUIRE(slopes.width == elevations.width);

    GDALDatasetUniquePtr ds(GDALDataset::Open(project.c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    const RiverReference rivers(*ds->GetLayerByName("rivers"));
    CHECK(rivers.size() > 8000); // the real network, not a handful of lines

    struct Stored {
        std::string zone, village;
        double meanElevation, meanSlope, relativeElevation, riverDistance, riverHeight;
    };
    std::map<std::string, Stored> stored;
    for (auto& row : *ds->GetLayerByName("parcel_classes"))
        stored[row->GetFieldAsString("BSM")] = {
            row->GetFieldAsString("ZONE"),        row->GetFieldAsString("VILLAGE_CODE"),
            row->GetFieldAsDouble("MEAN_ELEV"),   row->GetFieldAsDouble("MEAN_SLOPE"),
            row->GetFieldAsDouble("REL_ELEV"),    row->GetFieldAsDouble("RIVER_DIST"),
            row->GetFieldAsDouble("RIVER_HEIGHT")};
    REQUIRE(stored.size() == std::size_t(columns * rows));

    const std::vector<Field> all = fields();
    std::map<std::string, PixelFacts> facts;
    std::map<std::string, double> villageLowest;
    for (const Field& f : all) {
        facts[f.id] = pixelFacts(f, elevations, slopes);
        REQUIRE(facts[f.id].pixels > 0); // every field holds pixel centres
        double& lowest = villageLowest.try_emplace(f.village, INFINITY).first->second;
        lowest = std::min(lowest, facts[f.id].minElevation);
    }

    std::map<std::string, int> zones;
    int slopesCompared = 0;
    for (const Field& f : all) {
        INFO("field " << f.id << " (" << f.landUse << ")");
        const Stored& s = stored.at(f.id);
        const PixelFacts& p = facts.at(f.id);
        CHECK(s.meanElevation == Approx(p.meanElevation).epsilon(1e-12));
        if (p.allSlopes) { // gdaldem gives the raster's outermost pixels no slope
            CHECK(s.meanSlope == Approx(p.meanSlope).margin(1e-4));
            ++slopesCompared;
        }
        CHECK(s.relativeElevation ==
              Approx(p.meanElevation - villageLowest.at(f.village)).margin(1e-9));
        const double riverDistance = rivers.distance(f);
        CHECK(s.riverDistance == Approx(riverDistance).margin(1e-6));
        CHECK(s.village == f.village);
        CHECK(s.zone == expectedZone(f.landUse, riverDistance, s.meanSlope, s.riverHeight));
        ++zones[s.zone];
    }
    CHECK(slopesCompared > columns * rows * 9 / 10);
    // Every zone met on this terrain, riverbank and hill cropland among them.
    for (const char* zone : {"water", "riverbank", "forest", "hill", "lowland", "built", "other"})
        CHECK(zones[zone] > 0);
}
