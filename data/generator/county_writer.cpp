#include "county_writer.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <stdexcept>

#include <cpl_conv.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include "broken_features.h"
#include "ogr_conversion.h"

namespace fs = std::filesystem;

namespace sample {
namespace {

void check(bool ok, const std::string& file, const std::string& what) {
    if (!ok)
        throw std::runtime_error(file + ": " + what + " (" + CPLGetLastErrorMsg() + ")");
}

} // namespace

OGRLinearRing toRing(const Ring& ring) {
    OGRLinearRing out;
    out.setNumPoints(static_cast<int>(ring.size() + 1), FALSE);
    for (std::size_t i = 0; i <= ring.size(); ++i) {
        const Point& p = ring[i % ring.size()];
        out.setPoint(static_cast<int>(i), p.x, p.y);
    }
    return out;
}

OGRPolygon toPolygon(const Polygon& polygon) {
    OGRPolygon out;
    for (const Ring& ring : polygon.rings) {
        OGRLinearRing r = toRing(ring);
        out.addRing(&r); // copies
    }
    return out;
}

std::unique_ptr<OGRGeometry> toGeometry(const MultiPolygon& parts) {
    auto multi = std::make_unique<OGRMultiPolygon>();
    for (const Polygon& part : parts) {
        OGRPolygon polygon = toPolygon(part);
        multi->addGeometry(&polygon); // copies
    }
    return multi;
}

namespace {

std::unique_ptr<OGRLineString> toLine(const std::vector<Point>& line) {
    auto out = std::make_unique<OGRLineString>();
    for (const Point& p : line)
        out->addPoint(p.x, p.y);
    return out;
}

// A field definition: name, type, width (0 = driver default) and precision.
struct Field {
    const char* name;
    OGRFieldType type;
    int width = 0;
    int precision = 0;
};

OGRLayer* createLayer(GDALDataset& ds, const std::string& file, const char* name,
                      OGRwkbGeometryType type, const OGRSpatialReference* crs,
                      const std::vector<Field>& fields, CSLConstList options = nullptr) {
    OGRLayer* layer = ds.CreateLayer(name, const_cast<OGRSpatialReference*>(crs), type,
                                     const_cast<char**>(options));
    check(layer != nullptr, file, std::string("cannot create layer ") + name);
    for (const Field& f : fields) {
        OGRFieldDefn defn(f.name, f.type);
        defn.SetWidth(f.width);
        defn.SetPrecision(f.precision);
        check(layer->CreateField(&defn) == OGRERR_NONE, file,
              std::string("cannot create field ") + f.name);
    }
    return layer;
}

void addFeature(OGRLayer& layer, const std::string& file,
                const std::function<void(OGRFeature&)>& fill) {
    OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(layer.GetLayerDefn()));
    fill(*feature);
    check(layer.CreateFeature(feature.get()) == OGRERR_NONE, file, "cannot write a feature");
}

const std::vector<Field> parcelFields = {
    {"BSM", OFTString, 18},     {"TBBH", OFTString, 8},    {"DLBM", OFTString, 5},
    {"DLMC", OFTString, 60},    {"QSXZ", OFTString, 2},    {"QSDWDM", OFTString, 19},
    {"QSDWMC", OFTString, 60},  {"ZLDWDM", OFTString, 19}, {"ZLDWMC", OFTString, 60},
    {"TBMJ", OFTReal, 15, 2},   {"KCXS", OFTReal, 6, 4},   {"KCMJ", OFTReal, 15, 2},
    {"TBDLMJ", OFTReal, 15, 2}, {"SFXZ", OFTInteger, 1},
};

void fillParcel(OGRFeature& f, const County& county, const Parcel& p,
                const std::map<std::string, std::string>& landUseNames) {
    const Village& v = county.villages[static_cast<std::size_t>(p.village)];
    const auto name = landUseNames.find(p.dlbm);
    f.SetField("BSM", p.bsm.c_str());
    f.SetField("TBBH", p.tbbh.c_str());
    f.SetField("DLBM", p.dlbm.c_str());
    f.SetField("DLMC", name != landUseNames.end() ? name->second.c_str() : "");
    f.SetField("QSXZ", p.qsxz.c_str());
    const std::string unit = v.code + "0000000";
    f.SetField("QSDWDM", unit.c_str());
    f.SetField("QSDWMC", v.name.c_str());
    f.SetField("ZLDWDM", unit.c_str());
    f.SetField("ZLDWMC", v.name.c_str());
    f.SetField("TBMJ", p.tbmj);
    f.SetField("KCXS", p.kcxs);
    f.SetField("KCMJ", p.kcmj);
    f.SetField("TBDLMJ", p.tbdlmj);
    f.SetField("SFXZ", p.idle ? 1 : 0);
}

const std::vector<Field> villageFields = {
    {"CJDM", OFTString, 12}, {"ZLDWDM", OFTString, 19}, {"ZLDWMC", OFTString, 60},
    {"XZDM", OFTString, 9},  {"XZMC", OFTString, 60},   {"HS", OFTInteger, 8},
    {"RK", OFTInteger, 8},
};

void fillVillage(OGRFeature& f, const County& county, const Village& v) {
    const Township& t = county.townships[static_cast<std::size_t>(v.township)];
    f.SetField("CJDM", v.code.c_str());
    f.SetField("ZLDWDM", (v.code + "0000000").c_str());
    f.SetField("ZLDWMC", v.name.c_str());
    f.SetField("XZDM", t.code.c_str());
    f.SetField("XZMC", t.name.c_str());
    f.SetField("HS", v.households);
    f.SetField("RK", v.population);
    f.SetGeometry(toGeometry(v.boundary).get());
}

const std::vector<Field> roadFields = {{"LXBM", OFTString, 10}, {"DLDJ", OFTString, 10}};

void fillRoad(OGRFeature& f, const Road& r) {
    f.SetField("LXBM", r.name.c_str());
    f.SetField("DLDJ", r.grade.c_str());
    f.SetGeometry(toLine(r.line).get());
}

const std::vector<Field> seatFields = {{"XZDM", OFTString, 9}, {"XZMC", OFTString, 60}};

void fillSeat(OGRFeature& f, const Township& t) {
    f.SetField("XZDM", t.code.c_str());
    f.SetField("XZMC", t.name.c_str()); // the township's name, as a map labels its seat
    OGRPoint point(t.seat.x, t.seat.y);
    f.SetGeometry(&point);
}

const std::vector<Field> riverFields = {{"HLMC", OFTString, 40},
                                        {"DJ", OFTInteger, 2},
                                        {"KD", OFTReal, 8, 1},
                                        {"HLMJ", OFTReal, 12, 3}};

void fillRiver(OGRFeature& f, const River& r) {
    f.SetField("HLMC", r.name.c_str());
    f.SetField("DJ", r.order);
    f.SetField("KD", r.width);
    f.SetField("HLMJ", r.upstreamArea);
    f.SetGeometry(toLine(r.line).get());
}

const std::vector<Field> transferFields = {
    {"LZHTBM", OFTString, 20},   {"DKBM", OFTString, 19},    {"CBFBM", OFTString, 18},
    {"CBFMC", OFTString, 40},    {"SRFBM", OFTString, 18},   {"SRFMC", OFTString, 80},
    {"LZFS", OFTString, 10},     {"LZMJM", OFTReal, 12, 2},  {"LZQXKSRQ", OFTString, 10},
    {"LZQXJSRQ", OFTString, 10}, {"LZHTDYT", OFTString, 40}, {"LZJGSM", OFTReal, 10, 2},
    {"ZLDWDM", OFTString, 19},
};

std::vector<std::string> transferRow(const County& county, const Transfer& t) {
    char area[32], price[32];
    std::snprintf(area, sizeof area, "%.2f", t.areaMu);
    std::snprintf(price, sizeof price, "%.2f", t.price);
    return {t.contract,
            t.parcel,
            t.transferorCode,
            t.transferorName,
            t.transfereeCode,
            t.transfereeName,
            t.mode,
            area,
            t.start,
            t.end,
            t.use,
            price,
            county.villages[static_cast<std::size_t>(t.village)].code + "0000000"};
}

const std::vector<Field> assetFields = {
    {"ZCBM", OFTString, 20}, {"ZCMC", OFTString, 60},   {"ZCLX", OFTString, 10},
    {"ZT", OFTString, 6},    {"ZMJZ", OFTReal, 14, 2},  {"JZMJ", OFTReal, 10, 2},
    {"XZRQ", OFTString, 10}, {"ZLDWDM", OFTString, 19}, {"ZLDWMC", OFTString, 60},
};

std::vector<std::string> assetRow(const County& county, const Asset& a) {
    char value[32], floor[32];
    std::snprintf(value, sizeof value, "%.2f", a.bookValue);
    std::snprintf(floor, sizeof floor, "%.2f", a.floorArea);
    const Village& v = county.villages[static_cast<std::size_t>(a.village)];
    return {a.code, a.name, a.type, a.status, value, floor, a.idleSince, v.code + "0000000",
            v.name};
}

const std::vector<Field> fundFields = {
    {"ZLDWDM", OFTString, 19}, {"ZLDWMC", OFTString, 60}, {"ND", OFTInteger, 4},
    {"JTZJ", OFTReal, 14, 2},  {"BFZJ", OFTReal, 14, 2},  {"XZZJ", OFTReal, 14, 2},
};

std::vector<std::string> fundRow(const County& county, const Fund& f) {
    char a[32], b[32], c[32];
    std::snprintf(a, sizeof a, "%.2f", f.collective);
    std::snprintf(b, sizeof b, "%.2f", f.assistance);
    std::snprintf(c, sizeof c, "%.2f", f.idle);
    const Village& v = county.villages[static_cast<std::size_t>(f.village)];
    return {v.code + "0000000", v.name, std::to_string(f.year), a, b, c};
}

// Sets a feature's fields from strings, converting to each field's type.
void fillRow(OGRFeature& f, const std::vector<std::string>& row) {
    for (int i = 0; i < static_cast<int>(row.size()); ++i) {
        if (row[static_cast<std::size_t>(i)].empty())
            continue;
        f.SetField(i, row[static_cast<std::size_t>(i)].c_str());
    }
}

OGRSpatialReference crsOf(int epsg) {
    OGRSpatialReference crs;
    crs.importFromEPSG(epsg);
    crs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return crs;
}

void writeGeoPackage(const County& county, const std::string& path,
                     const std::map<std::string, std::string>& landUseNames) {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    check(ds != nullptr, path, "cannot create GeoPackage");
    const OGRSpatialReference crs = crsOf(county.epsg);
    check(ds->StartTransaction() == OGRERR_NONE, path, "cannot start a transaction");

    OGRLayer* towns = createLayer(*ds, path, "townships", wkbMultiPolygon, &crs,
                                  {{"XZDM", OFTString, 9}, {"XZMC", OFTString, 60}});
    for (const Township& t : county.townships)
        addFeature(*towns, path, [&](OGRFeature& f) {
            f.SetField("XZDM", t.code.c_str());
            f.SetField("XZMC", t.name.c_str());
            f.SetGeometry(toGeometry(t.boundary).get());
        });

    OGRLayer* villages = createLayer(*ds, path, "villages", wkbMultiPolygon, &crs, villageFields);
    for (const Village& v : county.villages)
        addFeature(*villages, path, [&](OGRFeature& f) { fillVillage(f, county, v); });

    OGRLayer* parcels = createLayer(*ds, path, "parcels", wkbPolygon, &crs, parcelFields);
    for (const Parcel& p : county.parcels)
        addFeature(*parcels, path, [&](OGRFeature& f) {
            fillParcel(f, county, p, landUseNames);
            OGRPolygon g = toPolygon(p.geometry);
            f.SetGeometry(&g);
        });

    OGRLayer* rivers = createLayer(*ds, path, "rivers", wkbLineString, &crs, riverFields);
    for (const River& r : county.rivers)
        addFeature(*rivers, path, [&](OGRFeature& f) { fillRiver(f, r); });

    OGRLayer* surfaces =
        createLayer(*ds, path, "river_surfaces", wkbPolygon, &crs, {{"DLBM", OFTString, 5}});
    for (const Polygon& p : county.riverSurfaces)
        addFeature(*surfaces, path, [&](OGRFeature& f) {
            f.SetField("DLBM", "1101");
            OGRPolygon g = toPolygon(p);
            f.SetGeometry(&g);
        });

    OGRLayer* roads = createLayer(*ds, path, "roads", wkbLineString, &crs, roadFields);
    for (const Road& r : county.roads)
        addFeature(*roads, path, [&](OGRFeature& f) { fillRoad(f, r); });

    OGRLayer* seats = createLayer(*ds, path, "seats", wkbPoint, &crs, seatFields);
    for (const Township& t : county.townships)
        addFeature(*seats, path, [&](OGRFeature& f) { fillSeat(f, t); });

    OGRLayer* assets = createLayer(*ds, path, "assets", wkbPoint, &crs, assetFields);
    for (const Asset& a : county.assets)
        addFeature(*assets, path, [&](OGRFeature& f) {
            fillRow(f, assetRow(county, a));
            OGRPoint pt(a.location.x, a.location.y);
            f.SetGeometry(&pt);
        });

    OGRLayer* funds = createLayer(*ds, path, "funds", wkbNone, nullptr, fundFields);
    for (const Fund& fund : county.funds)
        addFeature(*funds, path, [&](OGRFeature& f) { fillRow(f, fundRow(county, fund)); });

    OGRLayer* transfers = createLayer(*ds, path, "transfers", wkbNone, nullptr, transferFields);
    for (const Transfer& t : county.transfers)
        addFeature(*transfers, path, [&](OGRFeature& f) { fillRow(f, transferRow(county, t)); });

    check(ds->CommitTransaction() == OGRERR_NONE, path, "cannot commit");
}

void writeDem(const County& county, const std::string& tif, const std::string& gpkg) {
    const Grid<float>& dem = county.dem;
    GDALDriver* gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
    CPLStringList options;
    options.SetNameValue("COMPRESS", "DEFLATE");
    options.SetNameValue("PREDICTOR", "3");
    options.SetNameValue("TILED", "YES");
    GDALDatasetUniquePtr ds(
        gtiff->Create(tif.c_str(), dem.width, dem.height, 1, GDT_Float32, options.List()));
    check(ds != nullptr, tif, "cannot create GeoTIFF");
    double transform[6] = {dem.originX, dem.pixel, 0.0, dem.originY, 0.0, -dem.pixel};
    ds->SetGeoTransform(transform);
    const OGRSpatialReference crs = crsOf(county.epsg);
    ds->SetSpatialRef(&crs);
    check(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, dem.width, dem.height,
                                         const_cast<float*>(dem.values.data()), dem.width,
                                         dem.height, GDT_Float32, 0, 0) == CE_None,
          tif, "cannot write elevations");
    ds->GetRasterBand(1)->SetDescription("elevation (m)");

    // The same DEM as a gridded coverage inside the GeoPackage, so the project is one file.
    GDALDriver* gpkgDriver = GetGDALDriverManager()->GetDriverByName("GPKG");
    CPLStringList gpkgOptions;
    gpkgOptions.SetNameValue("APPEND_SUBDATASET", "YES");
    gpkgOptions.SetNameValue("RASTER_TABLE", "dem");
    gpkgOptions.SetNameValue("TILE_FORMAT", "TIFF");
    GDALDatasetUniquePtr copy(gpkgDriver->CreateCopy(gpkg.c_str(), ds.get(), FALSE,
                                                     gpkgOptions.List(), nullptr, nullptr));
    check(copy != nullptr, gpkg, "cannot add the DEM raster");
}

// DBF language driver byte: 0x4D is code page 936 (GBK); 0 says nothing.
void setDbfLanguageByte(const std::string& dbf, unsigned char value) {
    std::fstream f(dbf, std::ios::in | std::ios::out | std::ios::binary);
    check(static_cast<bool>(f), dbf, "cannot patch");
    f.seekp(29);
    f.put(static_cast<char>(value));
}

struct ShapefileVariant {
    std::string folder;
    int prjEpsg;        // 0: no .prj
    unsigned char ldid; // DBF language byte
};

void writeShapefiles(const County& county, const std::string& dir, const ShapefileVariant& variant,
                     const std::vector<SurveyorParcel>& parcels,
                     const std::map<std::string, std::string>& landUseNames) {
    fs::create_directories(dir);
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    const OGRSpatialReference crs = crsOf(variant.prjEpsg ? variant.prjEpsg : county.epsg);
    CPLStringList layerOptions;
    layerOptions.SetNameValue("ENCODING", "CP936");

    const std::string dltb = dir + "/DLTB.shp";
    {
        GDALDatasetUniquePtr ds(driver->Create(dltb.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        check(ds != nullptr, dltb, "cannot create shapefile");
        OGRLayer* layer =
            createLayer(*ds, dltb, "DLTB", wkbPolygon, variant.prjEpsg ? &crs : nullptr,
                        parcelFields, layerOptions.List());
        for (const SurveyorParcel& sp : parcels)
            addFeature(*layer, dltb, [&](OGRFeature& f) {
                fillParcel(f, county, sp.parcel, landUseNames);
                if (sp.geometry)
                    f.SetGeometry(sp.geometry.get());
            });
    }
    const std::string cjdcq = dir + "/CJDCQ.shp";
    {
        GDALDatasetUniquePtr ds(driver->Create(cjdcq.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        check(ds != nullptr, cjdcq, "cannot create shapefile");
        OGRLayer* layer =
            createLayer(*ds, cjdcq, "CJDCQ", wkbPolygon, variant.prjEpsg ? &crs : nullptr,
                        villageFields, layerOptions.List());
        for (const Village& v : county.villages)
            addFeature(*layer, cjdcq, [&](OGRFeature& f) { fillVillage(f, county, v); });
    }
    // The river lines, roads (DL, 道路) and township seats (XZZD, 乡镇驻地), in the delivered CRS
    // only (the variants exercise CRS detection).
    if (variant.prjEpsg == county.epsg) {
        // One shapefile `name` of `items`, each filled in by `fill`.
        auto write = [&](const char* name, OGRwkbGeometryType type,
                         const std::vector<Field>& fields, const auto& items, auto fill) {
            const std::string path = dir + "/" + name + ".shp";
            GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
            check(ds != nullptr, path, "cannot create shapefile");
            OGRLayer* layer = createLayer(*ds, path, name, type, &crs, fields, layerOptions.List());
            for (const auto& item : items)
                addFeature(*layer, path, [&](OGRFeature& f) { fill(f, item); });
        };
        write("HL", wkbLineString, riverFields, county.rivers, fillRiver);
        write("DL", wkbLineString, roadFields, county.roads, fillRoad);
        write("XZZD", wkbPoint, seatFields, county.townships, fillSeat);
    }
    // Surveyors rarely ship a .cpg: the encoding must be detected, not read.
    for (const char* name : {"DLTB", "CJDCQ", "HL", "DL", "XZZD"}) {
        if (!fs::exists(dir + "/" + name + ".dbf"))
            continue;
        fs::remove(dir + "/" + name + ".cpg");
        setDbfLanguageByte(dir + "/" + name + ".dbf", variant.ldid);
    }
}

std::string csvEscape(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// A ledger as a spreadsheet office exports it: CSV in GBK (no BOM), and the same as XLSX.
void writeLedger(const std::string& base, const char* sheet, const std::vector<Field>& fields,
                 const std::vector<std::vector<std::string>>& rows) {
    std::string utf8;
    for (std::size_t i = 0; i < fields.size(); ++i)
        utf8 += (i ? "," : "") + std::string(fields[i].name);
    utf8 += "\r\n";
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i)
            utf8 += (i ? "," : "") + csvEscape(row[i]);
        utf8 += "\r\n";
    }
    char* gbk = CPLRecode(utf8.c_str(), CPL_ENC_UTF8, "CP936");
    const std::string csv = base + ".csv";
    std::ofstream out(csv, std::ios::binary);
    out << gbk;
    CPLFree(gbk);
    check(static_cast<bool>(out), csv, "cannot write");

    const std::string xlsx = base + ".xlsx";
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("XLSX");
    GDALDatasetUniquePtr ds(driver->Create(xlsx.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    check(ds != nullptr, xlsx, "cannot create workbook");
    OGRLayer* layer = createLayer(*ds, xlsx, sheet, wkbNone, nullptr, fields);
    for (const auto& row : rows)
        addFeature(*layer, xlsx, [&](OGRFeature& f) { fillRow(f, row); });
}

} // namespace

void writeCounty(const County& county, const WriteOptions& options,
                 const std::map<std::string, std::string>& landUseNames) {
    GDALAllRegister();
    const fs::path target(options.directory);
    const fs::path staging = target / ".partial";
    fs::remove_all(staging);
    fs::create_directories(staging);

    const std::string gpkg = (staging / "county.gpkg").string();
    writeGeoPackage(county, gpkg, landUseNames);
    writeDem(county, (staging / "dem.tif").string(), gpkg);

    if (options.surveyorFiles) {
        SurveyorDelivery delivery = makeSurveyorDelivery(county, options.seed);
        const fs::path surveyor = staging / "surveyor";
        const std::vector<ShapefileVariant> variants = {
            {"cgcs2000", county.epsg, 0x4D}, // as delivered: CGCS2000 3° zone 37, GBK
            {"xian80", 2361, 0x4D},          // the same data with a Xian 1980 zone 37 .prj
            {"noprj", 0, 0x00},              // no .prj, no language byte: both must be inferred
        };
        for (const ShapefileVariant& v : variants)
            writeShapefiles(county, (surveyor / v.folder).string(), v, delivery.parcels,
                            landUseNames);

        std::vector<std::vector<std::string>> transferRows, assetRows, fundRows;
        for (const Transfer& t : delivery.transfers)
            transferRows.push_back(transferRow(county, t));
        for (const Asset& a : county.assets) {
            std::vector<std::string> row = assetRow(county, a);
            char x[32], y[32];
            std::snprintf(x, sizeof x, "%.2f", a.location.x);
            std::snprintf(y, sizeof y, "%.2f", a.location.y);
            row.push_back(x);
            row.push_back(y);
            assetRows.push_back(std::move(row));
        }
        for (const Fund& f : county.funds)
            fundRows.push_back(fundRow(county, f));
        std::vector<Field> assetWithXY = assetFields;
        assetWithXY.push_back({"X", OFTReal, 14, 2});
        assetWithXY.push_back({"Y", OFTReal, 14, 2});
        writeLedger((surveyor / "transfers").string(), "流转台账", transferFields, transferRows);
        writeLedger((surveyor / "assets").string(), "资产台账", assetWithXY, assetRows);
        writeLedger((surveyor / "funds").string(), "资金台账", fundFields, fundRows);

        nlohmann::json manifest =
            manifestOf(county, delivery, options.seed, options.requestedParcels);
        std::ofstream out(staging / "manifest.json");
        out << manifest.dump(2) << '\n';
        check(static_cast<bool>(out), (staging / "manifest.json").string(), "cannot write");
    }

    // Publish: move each finished file or folder over the previous one.
    fs::create_directories(target);
    for (const fs::directory_entry& entry : fs::directory_iterator(staging)) {
        const fs::path destination = target / entry.path().filename();
        fs::remove_all(destination);
        fs::rename(entry.path(), destination);
    }
    fs::remove_all(staging);
}

} // namespace sample
