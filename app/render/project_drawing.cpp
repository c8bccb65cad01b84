#include "app/render/project_drawing.h"

#include <algorithm>
#include <limits>
#include <thread>
#include <unordered_map>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/error.h"
#include "geo/flat_geometry.h"
#include "geo/gdal_session.h"
#include "geo/geopackage_rows.h"
#include "geo/sql_quoting.h"

namespace app {
namespace {

constexpr const char* parcelFields[] = {"DLBM", "ZLDWDM"};
constexpr const char* classFields[] = {"ZONE", "IDLE", "TRANSFERRED", "LZFS", "VILLAGE_CODE"};

OGRLayer* requireLayer(GDALDataset& dataset, const std::string& path, const char* name) {
    OGRLayer* layer = dataset.GetLayerByName(name);
    if (!layer)
        throw geo::InputError(std::string("has no '") + name +
                                  "' layer; import parcels into it with `tianmu import --as " +
                                  name + "`",
                              {path, name, {}, {}});
    return layer;
}

// Only the named attributes are read: the rest of a parcel's fields would cost time for
// nothing (QGIS's "fetch only the attributes the style uses").
void ignoreAllFieldsBut(OGRLayer& layer, const std::vector<std::string>& keep) {
    std::vector<std::string> ignored;
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        const std::string name = defn->GetFieldDefn(i)->GetNameRef();
        if (std::find(keep.begin(), keep.end(), name) == keep.end())
            ignored.push_back(name);
    }
    std::vector<const char*> list;
    for (const std::string& name : ignored)
        list.push_back(name.c_str());
    list.push_back(nullptr);
    layer.SetIgnoredFields(list.data());
}

std::pair<GIntBig, GIntBig> fidRange(GDALDataset& dataset, const char* table) {
    OGRLayer* result = dataset.ExecuteSQL(
        (std::string("SELECT MIN(fid), MAX(fid) FROM \"") + table + "\"").c_str(), nullptr,
        nullptr);
    std::pair<GIntBig, GIntBig> range{0, -1};
    if (result) {
        if (OGRFeatureUniquePtr row{result->GetNextFeature()}; row && row->IsFieldSetAndNotNull(0))
            range = {row->GetFieldAsInteger64(0), row->GetFieldAsInteger64(1)};
        dataset.ReleaseResultSet(result);
    }
    return range;
}

struct ParcelPart {
    geo::CompactPolygons polygons;
    std::map<std::string, AttributeColumn> columns;
    std::vector<float> areaMu;
};

// Reads parcels with fid in [first, last] from its own connection.
// The table's primary key and geometry column, as the GeoPackage declares them.
struct TableShape {
    std::string key = "fid";
    std::string geometry;
    std::vector<std::string> columns;
    bool has(const std::string& column) const {
        return std::find(columns.begin(), columns.end(), column) != columns.end();
    }
};

TableShape shapeOf(const geo::GeoPackageRows& rows, const std::string& table) {
    TableShape shape;
    rows.select("PRAGMA table_info(" + geo::sqlIdentifier(table) + ")", {},
                [&](const geo::GeoPackageRows::Row& row) {
                    shape.columns.emplace_back(row.text(1));
                    if (row.integer(5) == 1)
                        shape.key = std::string(row.text(1));
                    return true;
                });
    if (rows.hasTable("gpkg_geometry_columns"))
        rows.select("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = '" + table +
                        "'",
                    {}, [&](const geo::GeoPackageRows::Row& row) {
                        shape.geometry = std::string(row.text(0));
                        return false;
                    });
    return shape;
}

// Reads parcels with fid in [first, last] from its own read-only connection, straight from
// SQLite (the GeoPackage blobs parsed in place): a third of GDAL's cost per feature.
ParcelPart readParcels(const std::string& path, double originX, double originY, GIntBig first,
                       GIntBig last) {
    ParcelPart part{geo::CompactPolygons(originX, originY), {}, {}};
    const geo::GeoPackageRows rows(path);
    const TableShape shape = shapeOf(rows, "parcels");
    if (shape.geometry.empty())
        throw geo::InputError("has no geometry column in its parcels table",
                              {path, "parcels", {}, {}});
    std::string sql = "SELECT " + geo::sqlIdentifier(shape.key) + ", " +
                      geo::sqlIdentifier(shape.geometry) + ", " +
                      (shape.has("AREA_MU") ? "\"AREA_MU\"" : "0");
    std::vector<std::string> fields;
    for (const char* name : parcelFields)
        if (shape.has(name)) {
            fields.emplace_back(name);
            sql += ", " + geo::sqlIdentifier(name);
            part.columns[name];
        }
    sql += " FROM parcels WHERE " + geo::sqlIdentifier(shape.key) + " BETWEEN ?1 AND ?2 ORDER BY " +
           geo::sqlIdentifier(shape.key);
    const auto expected = static_cast<std::size_t>(std::max<GIntBig>(0, last - first + 1));
    part.areaMu.reserve(expected);
    for (const std::string& name : fields)
        part.columns[name].codes.reserve(expected);
    part.polygons.reserve(expected, expected, expected * 16);
    std::string value;
    rows.select(sql, {first, last}, [&](const geo::GeoPackageRows::Row& row) {
        const auto [blob, size] = row.blob(1);
        const auto [wkb, wkbSize] = geo::wkbOfGeoPackageBlob(blob, size);
        part.polygons.addWkb(row.integer(0), wkb, wkbSize);
        part.areaMu.push_back(static_cast<float>(row.real(2)));
        for (std::size_t f = 0; f < fields.size(); ++f) {
            AttributeColumn& column = part.columns[fields[f]];
            value.assign(row.text(int(f) + 3));
            column.codes.push_back(column.codeOf(value));
        }
        return true;
    });
    return part;
}

// Re-codes `from` into `into`'s dictionary and appends its codes.
void appendColumn(AttributeColumn& into, const AttributeColumn& from) {
    std::vector<std::uint16_t> remap(from.values.size());
    for (std::size_t code = 0; code < from.values.size(); ++code)
        remap[code] = into.codeOf(from.values[code]);
    into.codes.reserve(into.codes.size() + from.codes.size());
    for (std::uint16_t code : from.codes)
        into.codes.push_back(remap[code]);
}

// The classification rows as read, before they are matched to parcels: reading them can then
// run while the parcels are still being read.
struct ClassRows {
    bool present = false;
    std::vector<std::int64_t> parcelFid;
    std::vector<float> areaMu;                      // AREA_MU per row when the table has it
    std::map<std::string, AttributeColumn> columns; // one code per row
};

ClassRows readClassRows(const std::string& path) {
    ClassRows rows;
    const geo::GeoPackageRows db(path);
    if (!db.hasTable("parcel_classes"))
        return rows;
    const TableShape shape = shapeOf(db, "parcel_classes");
    if (!shape.has("PARCEL_FID"))
        return rows;
    std::string sql = "SELECT \"PARCEL_FID\"";
    std::vector<std::string> fields;
    for (const char* name : classFields)
        if (shape.has(name)) {
            fields.emplace_back(name);
            sql += ", " + geo::sqlIdentifier(name);
        }
    const bool hasArea = shape.has("AREA_MU");
    sql += hasArea ? ", \"AREA_MU\" FROM parcel_classes" : " FROM parcel_classes";
    const int areaColumn = int(fields.size()) + 1;
    std::string value;
    db.select(sql, {}, [&](const geo::GeoPackageRows::Row& row) {
        rows.parcelFid.push_back(row.integer(0));
        if (hasArea)
            rows.areaMu.push_back(static_cast<float>(row.real(areaColumn)));
        for (std::size_t f = 0; f < fields.size(); ++f) {
            AttributeColumn& column = rows.columns[fields[f]];
            value.assign(row.text(int(f) + 1));
            column.codes.push_back(column.codeOf(value));
        }
        return true;
    });
    rows.present = true;
    return rows;
}

// Gives each parcel the codes of its class row (matched by fid; rows without a parcel are
// left out, parcels without a row keep the empty value).
void applyClasses(ClassRows& rows, ParcelDrawing& parcels) {
    if (!rows.present)
        return;
    const std::size_t count = parcels.polygons.size();
    std::vector<std::int64_t> fids(count);
    for (std::size_t i = 0; i < count; ++i)
        fids[i] = parcels.polygons.fid(i);
    const bool sorted = std::is_sorted(fids.begin(), fids.end());
    std::unordered_map<std::int64_t, std::size_t> byFid;
    if (!sorted)
        for (std::size_t i = 0; i < count; ++i)
            byFid.emplace(fids[i], i);
    // Row r's parcel index; rows usually come in parcel order, so the hint is usually right.
    std::vector<std::size_t> target(rows.parcelFid.size(), count);
    std::size_t hint = 0;
    for (std::size_t r = 0; r < rows.parcelFid.size(); ++r) {
        const std::int64_t fid = rows.parcelFid[r];
        std::size_t index = count;
        if (sorted) {
            if (hint < count && fids[hint] == fid) {
                index = hint;
            } else {
                const auto it = std::lower_bound(fids.begin(), fids.end(), fid);
                if (it != fids.end() && *it == fid)
                    index = static_cast<std::size_t>(it - fids.begin());
            }
        } else if (const auto it = byFid.find(fid); it != byFid.end()) {
            index = it->second;
        }
        target[r] = index;
        if (index < count)
            hint = index + 1;
    }
    // A project written by the sample generator has no AREA_MU on its parcels; the
    // classification has it for every parcel, so the legend's 亩 come from there.
    const bool parcelsHaveArea =
        std::any_of(parcels.areaMu.begin(), parcels.areaMu.end(), [](float a) { return a > 0; });
    if (!parcelsHaveArea && rows.areaMu.size() == target.size()) {
        parcels.areaMu.assign(count, 0.0F);
        for (std::size_t r = 0; r < target.size(); ++r)
            if (target[r] < count)
                parcels.areaMu[target[r]] = rows.areaMu[r];
    }
    for (auto& [name, rowColumn] : rows.columns) {
        AttributeColumn column;
        column.values = rowColumn.values;
        column.rebuildLookup(); // for later codeOf calls (village types)
        column.codes.assign(count, 0);
        for (std::size_t r = 0; r < target.size(); ++r)
            if (target[r] < count)
                column.codes[target[r]] = rowColumn.codes[r];
        parcels.columns[name] = std::move(column);
    }
    parcels.classified = true;
}

// Each parcel's village type (from its village), so parcels can be themed by it too.
void addVillageTypes(const VillageDrawing& villages, ParcelDrawing& parcels) {
    const AttributeColumn* code = parcels.column("VILLAGE_CODE");
    if (!code)
        code = parcels.column("ZLDWDM");
    if (!code || villages.type.empty())
        return;
    std::map<std::string, std::string> typeByCode;
    for (std::size_t v = 0; v < villages.code.size(); ++v)
        typeByCode[villages.code[v]] = villages.type[v];
    AttributeColumn types;
    std::vector<std::uint16_t> typeOfCode;
    for (const std::string& value : code->values) {
        const auto it = typeByCode.find(value);
        typeOfCode.push_back(types.codeOf(it == typeByCode.end() ? "" : it->second));
    }
    types.codes.reserve(code->codes.size());
    for (std::uint16_t c : code->codes)
        types.codes.push_back(typeOfCode[c]);
    parcels.columns["PRIMARY_TYPE"] = std::move(types);
}

geo::Extent boxOf(const geo::FlatLayer& layer, std::size_t feature) {
    geo::Extent box;
    for (std::uint32_t v = layer.partStart[layer.featurePart[feature]];
         v < layer.partStart[layer.featurePart[feature + 1]]; ++v)
        box.include(layer.xy[2 * v], layer.xy[2 * v + 1]);
    return box;
}

// Boxes and label points of villages and rivers, once, so frames only test and draw.
void describeFeatures(VillageDrawing& villages, const geo::FlatLayer& rivers,
                      std::vector<geo::Extent>& riverBox) {
    const std::size_t count = villages.polygons.featureCount();
    villages.box.resize(count);
    villages.labelX.assign(count, std::numeric_limits<double>::quiet_NaN());
    villages.labelY.assign(count, std::numeric_limits<double>::quiet_NaN());
    for (std::size_t v = 0; v < count; ++v) {
        villages.box[v] = boxOf(villages.polygons, v);
        double x = 0, y = 0;
        if (geo::interiorPoint(villages.polygons, v, x, y)) {
            villages.labelX[v] = x;
            villages.labelY[v] = y;
        }
    }
    riverBox.resize(rivers.featureCount());
    for (std::size_t r = 0; r < riverBox.size(); ++r)
        riverBox[r] = boxOf(rivers, r);
}

void readVillages(GDALDataset& dataset, VillageDrawing& villages) {
    OGRLayer* layer = dataset.GetLayerByName("villages");
    if (!layer)
        return;
    std::map<std::string, std::string> typeByCode;
    if (OGRLayer* stats = dataset.GetLayerByName("village_stats")) {
        const int code = stats->GetLayerDefn()->GetFieldIndex("VILLAGE_CODE");
        const int type = stats->GetLayerDefn()->GetFieldIndex("PRIMARY_TYPE");
        if (code >= 0 && type >= 0)
            for (const auto& row : *stats)
                typeByCode[row->GetFieldAsString(code)] = row->GetFieldAsString(type);
    }
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    const int code = defn->GetFieldIndex("ZLDWDM");
    const int name = defn->GetFieldIndex("ZLDWMC");
    const int township = defn->GetFieldIndex("XZDM");
    for (const auto& feature : *layer) {
        geo::appendFeature(villages.polygons, feature->GetGeometryRef());
        villages.code.emplace_back(code >= 0 ? feature->GetFieldAsString(code) : "");
        villages.name.emplace_back(name >= 0 ? feature->GetFieldAsString(name) : "");
        villages.township.emplace_back(township >= 0 ? feature->GetFieldAsString(township) : "");
        const auto type = typeByCode.find(villages.code.back());
        villages.type.emplace_back(type != typeByCode.end() ? type->second : "");
    }
}

void readRivers(GDALDataset& dataset, geo::FlatLayer& rivers, std::vector<float>& order) {
    OGRLayer* layer = dataset.GetLayerByName("rivers");
    if (!layer)
        return;
    const int orderField = layer->GetLayerDefn()->GetFieldIndex("DJ");
    ignoreAllFieldsBut(*layer, {"DJ"});
    for (const auto& feature : *layer) {
        geo::appendFeature(rivers, feature->GetGeometryRef());
        order.push_back(orderField >= 0 ? static_cast<float>(feature->GetFieldAsDouble(orderField))
                                        : 0.0F);
    }
}

void readRoads(GDALDataset& dataset, RoadDrawing& roads) {
    OGRLayer* layer = dataset.GetLayerByName("roads");
    if (!layer)
        return;
    const int grade = layer->GetLayerDefn()->GetFieldIndex("DLDJ");
    ignoreAllFieldsBut(*layer, {"DLDJ"});
    for (const auto& feature : *layer) {
        geo::appendFeature(roads.lines, feature->GetGeometryRef());
        roads.grade.emplace_back(grade >= 0 ? feature->GetFieldAsString(grade) : "");
    }
    roads.box.resize(roads.lines.featureCount());
    for (std::size_t r = 0; r < roads.box.size(); ++r)
        roads.box[r] = boxOf(roads.lines, r);
}

// A point to mark a feature at: the point itself, or a point inside a polygon (a seat mapped
// as the township government's compound). False for an empty geometry.
bool markerPoint(const OGRGeometry* g, OGRPoint& point) {
    if (!g || g->IsEmpty())
        return false;
    if (wkbFlatten(g->getGeometryType()) == wkbPoint) {
        point = *g->toPoint();
        return true;
    }
    return g->Centroid(&point) == OGRERR_NONE;
}

void readSeats(GDALDataset& dataset, SeatDrawing& seats) {
    OGRLayer* layer = dataset.GetLayerByName("seats");
    if (!layer)
        return;
    const int name = layer->GetLayerDefn()->GetFieldIndex("XZMC");
    ignoreAllFieldsBut(*layer, {"XZMC"});
    for (const auto& feature : *layer) {
        OGRPoint point;
        if (!markerPoint(feature->GetGeometryRef(), point))
            continue; // a seat without a place has nothing to mark
        seats.x.push_back(point.getX());
        seats.y.push_back(point.getY());
        seats.name.emplace_back(name >= 0 ? feature->GetFieldAsString(name) : "");
    }
}

void readAssets(GDALDataset& dataset, AssetDrawing& assets) {
    OGRLayer* layer = dataset.GetLayerByName("assets");
    if (!layer)
        return;
    const OGRFeatureDefn* defn = layer->GetLayerDefn();
    const int status = defn->GetFieldIndex("ZT"), name = defn->GetFieldIndex("ZCMC");
    ignoreAllFieldsBut(*layer, {"ZT", "ZCMC"});
    for (const auto& feature : *layer) {
        // An asset without a place is listed in reports, not drawn; a polygon asset (a pond, a
        // greenhouse) is drawn at its centroid.
        OGRPoint point;
        if (!markerPoint(feature->GetGeometryRef(), point))
            continue;
        assets.x.push_back(point.getX());
        assets.y.push_back(point.getY());
        assets.status.emplace_back(status >= 0 ? feature->GetFieldAsString(status) : "");
        assets.name.emplace_back(name >= 0 ? feature->GetFieldAsString(name) : "");
        assets.fid.push_back(feature->GetFID());
    }
}

} // namespace

std::uint16_t AttributeColumn::codeOf(const std::string& value) {
    if (values.empty())
        values.emplace_back();
    if (value.empty())
        return 0;
    // Rows come in runs (a village's parcels, mostly-equal flags): the last code first.
    if (m_last != 0 && values[m_last] == value)
        return m_last;
    if (const auto it = m_lookup.find(value); it != m_lookup.end())
        return m_last = it->second;
    if (values.size() >= 0xffff)
        return 0; // more distinct values than a style could colour: drawn as the default
    values.push_back(value);
    const auto code = static_cast<std::uint16_t>(values.size() - 1);
    m_lookup.emplace(value, code);
    return m_last = code;
}

void AttributeColumn::rebuildLookup() {
    m_lookup.clear();
    m_last = 0;
    for (std::size_t code = 1; code < values.size(); ++code)
        m_lookup.emplace(values[code], static_cast<std::uint16_t>(code));
}

const AttributeColumn* ParcelDrawing::column(const std::string& field) const {
    const auto it = columns.find(field);
    return it == columns.end() ? nullptr : &it->second;
}

long long ParcelDrawing::indexOfFid(std::int64_t fid) const {
    std::size_t low = 0, high = polygons.size();
    while (low < high) {
        const std::size_t mid = (low + high) / 2;
        if (polygons.fid(mid) < fid)
            low = mid + 1;
        else
            high = mid;
    }
    return low < polygons.size() && polygons.fid(low) == fid ? static_cast<long long>(low) : -1;
}

std::size_t ParcelDrawing::memoryBytes() const {
    std::size_t bytes =
        polygons.memoryBytes() + coverage.memoryBytes() + areaMu.capacity() * sizeof(float);
    for (const auto& [name, column] : columns)
        bytes += column.codes.capacity() * sizeof(std::uint16_t) + column.values.size() * 32;
    return bytes;
}

std::size_t ProjectDrawing::memoryBytes() const {
    return parcels.memoryBytes() + villages.polygons.xy.capacity() * sizeof(double) +
           rivers.xy.capacity() * sizeof(double) + roads.lines.xy.capacity() * sizeof(double);
}

namespace {

// The project's DEM when it has one that GDAL reads with north-up georeferencing (the relief
// layer needs nothing more); opening it reads only its metadata.
std::string findDem(const std::string& projectPath) {
    const std::string name = "GPKG:" + projectPath + ":dem";
    const geo::GdalMessageCollector quiet; // a project without a DEM is normal
    GDALDatasetUniquePtr dem(GDALDataset::Open(name.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    double gt[6];
    if (!dem || dem->GetRasterCount() < 1 || dem->GetGeoTransform(gt) != CE_None || gt[2] != 0.0 ||
        gt[4] != 0.0)
        return {};
    return name;
}

} // namespace

std::shared_ptr<const ProjectDrawing> loadProjectDrawing(const std::string& projectPath,
                                                         const DrawingLoadOptions& options) {
    auto drawing = std::make_shared<ProjectDrawing>();
    drawing->path = projectPath;
    const auto report = [&](double fraction) {
        return !options.progress || options.progress(fraction);
    };

    GDALDatasetUniquePtr dataset = geo::openVector(projectPath);
    OGRLayer* parcels = requireLayer(*dataset, projectPath, "parcels");
    if (const OGRSpatialReference* srs = parcels->GetSpatialRef()) {
        if (const char* code = srs->GetAuthorityCode(nullptr))
            drawing->epsg = std::atoi(code);
        drawing->crsName = srs->GetName() ? srs->GetName() : "";
    }
    OGREnvelope envelope;
    if (parcels->GetExtent(&envelope, TRUE) != OGRERR_NONE)
        envelope = OGREnvelope();
    const auto [firstFid, lastFid] = fidRange(*dataset, "parcels");
    if (!report(0.05))
        return nullptr;

    // Parcels in fid ranges, one connection per worker: GDAL handles are not shared.
    int threads = options.threads > 0
                      ? options.threads
                      : static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
    const GIntBig span = lastFid >= firstFid ? lastFid - firstFid + 1 : 0;
    threads = static_cast<int>(std::clamp<GIntBig>(span / 50000 + 1, 1, threads));
    std::vector<ParcelPart> parts(static_cast<std::size_t>(threads));
    ClassRows classRows;
    std::string classFailure;
    std::vector<std::string> failures(parts.size());
    {
        std::vector<std::thread> workers;
        for (int t = 0; t < threads; ++t) {
            const GIntBig from = firstFid + span * t / threads;
            const GIntBig to = firstFid + span * (t + 1) / threads - 1;
            workers.emplace_back([&, t, from, to] {
                try {
                    parts[static_cast<std::size_t>(t)] =
                        readParcels(projectPath, envelope.MinX, envelope.MinY, from, to);
                } catch (const std::exception& e) {
                    failures[static_cast<std::size_t>(t)] = e.what();
                }
            });
        }
        // The classification rows on one more connection, villages and rivers on this one.
        workers.emplace_back([&] {
            try {
                classRows = readClassRows(projectPath);
            } catch (const std::exception& e) {
                classFailure = e.what();
            }
        });
        readVillages(*dataset, drawing->villages);
        readRivers(*dataset, drawing->rivers, drawing->riverOrder);
        readRoads(*dataset, drawing->roads);
        readSeats(*dataset, drawing->seats);
        readAssets(*dataset, drawing->assets);
        describeFeatures(drawing->villages, drawing->rivers, drawing->riverBox);
        for (std::thread& worker : workers)
            worker.join();
        if (!classFailure.empty())
            throw geo::InputError("classification results could not be read: " + classFailure,
                                  {projectPath, "parcel_classes", {}, {}});
    }
    for (const std::string& failure : failures)
        if (!failure.empty())
            throw geo::InputError("could not be read for drawing: " + failure,
                                  {projectPath, "parcels", {}, {}});
    if (!report(0.6))
        return nullptr;

    ParcelDrawing& out = drawing->parcels;
    out.polygons = geo::CompactPolygons(envelope.MinX, envelope.MinY);
    std::size_t features = 0, rings = 0, vertices = 0;
    for (const ParcelPart& part : parts) {
        features += part.polygons.size();
        rings += part.polygons.ringCount();
        vertices += part.polygons.vertexCount();
    }
    out.polygons.reserve(features, rings, vertices);
    out.areaMu.reserve(features);
    for (ParcelPart& part : parts) {
        out.polygons.append(part.polygons);
        for (const auto& [name, column] : part.columns)
            appendColumn(out.columns[name], column);
        out.areaMu.insert(out.areaMu.end(), part.areaMu.begin(), part.areaMu.end());
        part = ParcelPart{};
    }
    // Three independent jobs: the coverage grid and the spatial index on workers (both only
    // read the coordinates; finish() writes nothing else), the classes here.
    std::string coverageFailure;
    std::thread coverageWorker([&] {
        try {
            out.coverage = geo::CoverageGrid::build(out.polygons,
                                                    geo::chooseCoverageCellSize(out.polygons), 1);
        } catch (const std::exception& e) {
            coverageFailure = e.what();
        }
    });
    std::thread indexWorker([&] { out.polygons.finish(); });
    applyClasses(classRows, out);
    addVillageTypes(drawing->villages, out);
    coverageWorker.join();
    indexWorker.join();
    if (!coverageFailure.empty())
        throw geo::Error("could not build the drawing grid: " + coverageFailure);
    if (!report(0.9))
        return nullptr;

    drawing->demDataset = findDem(projectPath);

    // The district is its villages; a stray parcel far outside (a survey error the import
    // flagged) should not shrink the whole county into a corner.
    drawing->extent = drawing->villages.polygons.featureCount() > 0
                          ? drawing->villages.polygons.extent
                          : out.polygons.extent();
    if (!report(1.0))
        return nullptr;
    return drawing;
}

} // namespace app
