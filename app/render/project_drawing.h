// Everything the map needs to draw a project, read once from its GeoPackage into compact
// memory (integer coordinates, dictionary-coded attributes, a coverage grid) so that no frame
// touches GDAL. Immutable once loaded: renderers on worker threads share it by shared_ptr.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "geo/compact_polygons.h"
#include "geo/coverage_grid.h"
#include "geo/flat_layer.h"

namespace app {

// One attribute of every feature, dictionary-coded: a few distinct values (land-use codes,
// zones, village codes) shared by a million parcels cost two bytes each.
struct AttributeColumn {
    std::vector<std::string> values; // code → value; code 0 is the empty value
    std::vector<std::uint16_t> codes;

    const std::string& valueOf(std::size_t feature) const { return values[codes[feature]]; }
    std::uint16_t codeOf(const std::string& value); // adds the value when new
    // After `values` was assigned directly: makes codeOf find them.
    void rebuildLookup();

private:
    std::unordered_map<std::string, std::uint16_t> m_lookup; // value → code, for codeOf
    std::uint16_t m_last = 0;                                // the code codeOf gave last
};

struct ParcelDrawing {
    geo::CompactPolygons polygons;
    geo::CoverageGrid coverage;
    // Canonical field name → column, one entry per parcel: DLBM, ZLDWDM (from parcels) and
    // ZONE, IDLE, TRANSFERRED, LZFS, VILLAGE_CODE (from parcel_classes when classified).
    std::map<std::string, AttributeColumn> columns;
    std::vector<float> areaMu; // ellipsoidal area (AREA_MU) per parcel, for legend totals
    bool classified = false;

    const AttributeColumn* column(const std::string& field) const;
    // The feature index of the parcel with `fid`, or -1 (parcels are held in fid order).
    long long indexOfFid(std::int64_t fid) const;
    std::size_t memoryBytes() const;
};

struct VillageDrawing {
    geo::FlatLayer polygons;
    std::vector<std::string> code;     // ZLDWDM
    std::vector<std::string> name;     // ZLDWMC
    std::vector<std::string> township; // XZDM
    std::vector<std::string> type;     // primary village type from village_stats, if any
    // Computed once at load: every frame needs them.
    std::vector<geo::Extent> box;
    std::vector<double> labelX, labelY; // a point inside each village (NaN when none)
};

// The 三资 asset ledger's points (an asset mapped as a polygon is drawn at a point inside it).
struct AssetDrawing {
    std::vector<double> x, y;
    std::vector<std::string> status; // ZT: 闲置 idle, 出租 leased, 在用 in use, …
    std::vector<std::string> name;   // ZCMC
    std::vector<long long> fid;
    std::size_t size() const noexcept { return x.size(); }
};

// Roads (lines): few features, drawn as vectors at every scale.
struct RoadDrawing {
    geo::FlatLayer lines;
    std::vector<geo::Extent> box;   // per road, computed once at load
    std::vector<std::string> grade; // DLDJ (国道, 省道, 县道, 乡道 …), empty when unknown
};

// The township seats (乡镇驻地): one point each (a seat mapped as a polygon, at a point inside
// it), with the township's name.
struct SeatDrawing {
    std::vector<double> x, y;
    std::vector<std::string> name; // XZMC
    std::size_t size() const noexcept { return x.size(); }
};

struct ProjectDrawing {
    std::string path;
    int epsg = 0;
    std::string crsName;
    ParcelDrawing parcels;
    VillageDrawing villages;
    geo::FlatLayer rivers; // lines and surfaces
    std::vector<geo::Extent> riverBox;
    std::vector<float> riverOrder; // stream order (DJ) per river feature, 0 when unknown
    RoadDrawing roads;
    SeatDrawing seats;
    AssetDrawing assets;
    geo::Extent extent; // of everything drawn
    // GDAL's name for the project's elevation raster ("GPKG:path:dem"); empty without a DEM.
    std::string demDataset;

    std::size_t memoryBytes() const;
};

struct DrawingLoadOptions {
    int threads = 0; // 0 = one per hardware thread
    // Fraction done, on the calling thread; return false to cancel (load then returns null).
    std::function<bool(double)> progress;
};

// Reads a project GeoPackage. Layers other than parcels are optional. Throws geo::InputError
// naming the file when it cannot be read or holds no parcels layer.
std::shared_ptr<const ProjectDrawing> loadProjectDrawing(const std::string& projectPath,
                                                         const DrawingLoadOptions& options = {});

} // namespace app
