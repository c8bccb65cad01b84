// Reading a project for classification straight from SQLite gives exactly what reading it
// through OGR gives: every record, every value's text, every ring in its order.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <sqlite3.h>

#include "geo/classification_inputs.h"
#include "geo/gdal_session.h"
#include "geo/geopackage_ledger.h"
#include "geo/geopackage_parcels.h"
#include "geo/project_store.h"
#include "support/sample_fixture.h"

namespace {

const std::vector<std::string> attributeFields = {"SFXZ",    "NOTE",     "COUNT32",
                                                  "COUNT64", "LONGREAL", "MISSING"};

geo::ClassificationInputs read(const std::string& project, geo::ParcelReading reading,
                               const std::vector<std::string>& fields = attributeFields) {
    auto store = geo::openGeoPackageProject(project);
    return geo::readClassificationInputs(*store, fields, "ZT", "XZZJ", {}, 0.0, reading);
}

bool sameBits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

// Every ledger row, value by value (the area to the bit).
void requireSameRows(const std::vector<geo::TransferRow>& fast,
                     const std::vector<geo::TransferRow>& ogr) {
    REQUIRE(fast.size() == ogr.size());
    for (std::size_t i = 0; i < fast.size(); ++i) {
        const geo::TransferRow &a = fast[i], &b = ogr[i];
        INFO("ledger row " << i << " fid " << b.fid);
        CHECK(a.fid == b.fid);
        CHECK(std::vector{a.contract, a.parcel, a.mode, a.start, a.end, a.transferee} ==
              std::vector{b.contract, b.parcel, b.mode, b.start, b.end, b.transferee});
        CHECK(sameBits(a.areaMu, b.areaMu));
    }
}

// Every record and every ring, value by value (doubles to the bit).
void requireSame(const geo::ClassificationInputs& fast, const geo::ClassificationInputs& ogr) {
    REQUIRE(fast.parcels.size() == ogr.parcels.size());
    REQUIRE(fast.parcelAttributeFields == ogr.parcelAttributeFields);
    for (std::size_t i = 0; i < fast.parcels.size(); ++i) {
        const geo::ParcelRecord &a = fast.parcels[i], &b = ogr.parcels[i];
        INFO("parcel " << i << " fid " << b.fid);
        CHECK(a.fid == b.fid);
        CHECK(a.id == b.id);
        CHECK(a.landUse == b.landUse);
        CHECK(a.villageCode == b.villageCode);
        CHECK(sameBits(a.areaM2, b.areaM2));
        CHECK(sameBits(a.netShare, b.netShare));
    }
    CHECK(fast.parcelAttributes == ogr.parcelAttributes);
    const geo::FlatLayer &s = fast.parcelShapes, &t = ogr.parcelShapes;
    CHECK(s.featurePart == t.featurePart);
    CHECK(s.partStart == t.partStart);
    CHECK(s.partIsRing == t.partIsRing);
    REQUIRE(s.xy.size() == t.xy.size());
    CHECK(std::memcmp(s.xy.data(), t.xy.data(), s.xy.size() * sizeof(double)) == 0);
    CHECK(s.extent == t.extent);
    CHECK(fast.villages.size() == ogr.villages.size());
    requireSameRows(fast.transfers, ogr.transfers);
}

void exec(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
    INFO(sql << ": " << (message ? message : ""));
    sqlite3_free(message);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}

// A parcels layer with awkward values: reals of many digits, NULLs beside empty texts,
// integers of both widths, multipolygons with holes, Z, empty and missing geometries; more
// than 2,000 rows, so that it is read in two stretches.
std::string awkwardProject(const std::string& extraType = {}, OGRFieldType areaType = OFTReal) {
    geo::initialiseGdal();
    const std::string path = testing::temporaryDirectory() + "/awkward.gpkg";
    {
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
        GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        REQUIRE(ds);
        OGRSpatialReference srs;
        srs.importFromEPSG(4525);
        // No R-tree: its triggers call functions only GDAL's connections have.
        const char* options[] = {"SPATIAL_INDEX=NO", nullptr};
        OGRLayer* layer = ds->CreateLayer("parcels", &srs, wkbUnknown, const_cast<char**>(options));
        REQUIRE(layer);
        const std::pair<const char*, OGRFieldType> fields[] = {
            {"BSM", OFTString},        {"DLBM", OFTString},  {"ZLDWDM", OFTString},
            {"AREA_ELL", areaType},    {"TBMJ", OFTReal},    {"TBDLMJ", OFTReal},
            {"SFXZ", OFTString},       {"NOTE", OFTString},  {"COUNT32", OFTInteger},
            {"COUNT64", OFTInteger64}, {"LONGREAL", OFTReal}};
        for (const auto& [name, type] : fields) {
            OGRFieldDefn f(name, type);
            REQUIRE(layer->CreateField(&f) == OGRERR_NONE);
        }
        if (!extraType.empty()) {
            OGRFieldDefn f("EXTRA", extraType == "date" ? OFTDate : OFTString);
            REQUIRE(layer->CreateField(&f) == OGRERR_NONE);
        }
        const char* shapes[] = {
            "POLYGON ((0 0,10 0,10 10,0 10,0 0))",
            "MULTIPOLYGON (((0 0,10 0,10 10,0 10,0 0),(2 2,2 4,4 4,4 2,2 2),(6 6,6 8,8 8,6 6)),"
            "((20 0,30 0,30 10,20 0)))",
            "POLYGON Z ((0 0 1,1 0 2,1 1 3,0 0 1))",
            "POLYGON EMPTY",
            "MULTIPOLYGON EMPTY",
            "POLYGON ((0.1 0.2,1e-300 3.141592653589793,2.718281828459045 1e15,0.1 0.2))",
            // Rings whose closing vertex both readers keep: one not closed, one too short to
            // be a ring without it.
            "POLYGON ((0 0,5 0,5 5,0 5))",
            "POLYGON ((0 0,5 5,0 0))",
            nullptr,
        };
        const double reals[] = {
            0.1 + 0.2, 1.0 / 3.0,  123456.78,         1e300, -0.0,    5e-324,
            2.5,       1e15 + 0.3, 99999999999999.99, 1e21,  4.35e-7, -1234.5678901234567};
        REQUIRE(layer->StartTransaction() == OGRERR_NONE);
        for (std::size_t i = 0; i < 2600; ++i) {
            OGRFeature f(layer->GetLayerDefn());
            f.SetField("BSM", ("43099910" + std::to_string(100000 + i)).c_str());
            if (i % 7 != 0)
                f.SetField("DLBM", i % 3 == 0 ? "0101" : "0301");
            else if (i % 14 == 0)
                f.SetField("DLBM", "");
            if (i % 5 != 0)
                f.SetField("ZLDWDM", "4309991002010000000");
            const double real = reals[i % std::size(reals)] * double(1 + i % 4);
            if (i % 11 != 0)
                f.SetField("AREA_ELL", real);
            if (i % 13 != 0)
                f.SetField("TBMJ", real * 1.5);
            if (i % 17 != 0)
                f.SetField("TBDLMJ", real * (i % 2 ? 1.2 : 0.7));
            f.SetField("SFXZ", i % 9 == 0 ? "1" : i % 9 == 1 ? "" : "0");
            if (i % 4)
                f.SetField("NOTE", i % 8 == 1 ? "闲置 \"引号\" 'x'" : "土地");
            if (i % 6)
                f.SetField("COUNT32", i % 12 == 1 ? -2147483647 : int(i) * 1000);
            if (i % 10)
                f.SetField("COUNT64", static_cast<GIntBig>(i) * 1000000000007LL);
            f.SetField("LONGREAL", real / 7.0);
            if (!extraType.empty())
                f.SetField("EXTRA", "2024-02-29");
            if (const char* wkt = shapes[i % std::size(shapes)]) {
                OGRGeometry* g = nullptr;
                REQUIRE(OGRGeometryFactory::createFromWkt(wkt, nullptr, &g) == OGRERR_NONE);
                f.SetGeometryDirectly(g);
            }
            REQUIRE(layer->CreateFeature(&f) == OGRERR_NONE);
        }
        REQUIRE(layer->CommitTransaction() == OGRERR_NONE);
    }
    // Values no OGR writer makes but SQLite keeps: text in a REAL column, a real in an integer
    // column, a number in a text column, NULLs where OGR wrote values, a gap in the fids.
    exec(path, "UPDATE parcels SET TBMJ = 'abc' WHERE fid = 3;"
               "UPDATE parcels SET AREA_ELL = ' 12.5 ' WHERE fid = 4;"
               "UPDATE parcels SET AREA_ELL = '' WHERE fid IN (5, 8);"
               "UPDATE parcels SET COUNT32 = 3.75 WHERE fid = 6;"
               "UPDATE parcels SET COUNT32 = 8589934593 WHERE fid = 7;"
               "UPDATE parcels SET COUNT64 = 'x' WHERE fid = 8;"
               "UPDATE parcels SET NOTE = 12.5 WHERE fid = 9;"
               "UPDATE parcels SET NOTE = CAST(X'41004200' AS BLOB) WHERE fid = 10;"
               "UPDATE parcels SET LONGREAL = 9007199254740993 WHERE fid = 11;"
               "UPDATE parcels SET BSM = NULL, AREA_ELL = NULL WHERE fid = 12;"
               "DELETE FROM parcels WHERE fid BETWEEN 1000 AND 1200;");
    return path;
}

// A parcels layer made of a real file's features with all their fields, plus BSM and TBMJ.
std::string parcelsFrom(const std::filesystem::path& source, std::vector<std::string>& fields) {
    geo::initialiseGdal();
    GDALDatasetUniquePtr in(GDALDataset::Open(source.c_str(), GDAL_OF_VECTOR));
    REQUIRE(in);
    OGRLayer* from = in->GetLayer(0);
    const std::string path = testing::temporaryDirectory() + "/real.gpkg";
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* layer = ds->CreateLayer("parcels", from->GetSpatialRef(), wkbUnknown, nullptr);
    REQUIRE(layer);
    for (const auto& [name, type] : {std::pair{"BSM", OFTString}, std::pair{"TBMJ", OFTReal}}) {
        OGRFieldDefn f(name, type);
        REQUIRE(layer->CreateField(&f) == OGRERR_NONE);
    }
    fields.clear();
    OGRFeatureDefn* defn = from->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        if (layer->GetLayerDefn()->GetFieldIndex(defn->GetFieldDefn(i)->GetNameRef()) < 0 &&
            layer->CreateField(defn->GetFieldDefn(i)) == OGRERR_NONE)
            fields.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
    REQUIRE(layer->StartTransaction() == OGRERR_NONE);
    for (const auto& f : *from) {
        OGRFeature out(layer->GetLayerDefn());
        out.SetFrom(f.get(), TRUE);
        out.SetField("BSM", std::to_string(f->GetFID()).c_str());
        if (const OGRGeometry* g = f->GetGeometryRef();
            g && OGR_GT_IsSurface(wkbFlatten(g->getGeometryType())))
            out.SetField("TBMJ", g->toSurface()->get_Area());
        REQUIRE(layer->CreateFeature(&out) == OGRERR_NONE);
    }
    REQUIRE(layer->CommitTransaction() == OGRERR_NONE);
    return path;
}

// A project holding only a transfer ledger with awkward values: areas of many digits, text in
// the REAL column, NULLs beside empty texts, a NUL inside a text, a gap in the fids, no SRFMC
// field; `startType` is the type of the start date's field.
std::string awkwardLedger(OGRFieldType startType = OFTString) {
    geo::initialiseGdal();
    const std::string path = testing::temporaryDirectory() + "/ledger-awkward.gpkg";
    std::filesystem::remove(path);
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    REQUIRE(ds);
    OGRLayer* layer = ds->CreateLayer("transfers", nullptr, wkbNone, nullptr);
    REQUIRE(layer);
    for (const auto& [name, type] :
         {std::pair{"LZHTBM", OFTString}, std::pair{"DKBM", OFTString},
          std::pair{"LZFS", OFTString}, std::pair{"LZQXKSRQ", startType},
          std::pair{"LZQXJSRQ", OFTString}, std::pair{"LZMJM", OFTReal}}) {
        OGRFieldDefn f(name, type);
        REQUIRE(layer->CreateField(&f) == OGRERR_NONE);
    }
    REQUIRE(layer->StartTransaction() == OGRERR_NONE);
    for (int i = 0; i < 300; ++i) {
        OGRFeature f(layer->GetLayerDefn());
        f.SetField("LZHTBM", ("LZ" + std::to_string(1000 + i / 3)).c_str());
        f.SetField("DKBM", ("4309990000" + std::to_string(100000 + i)).c_str());
        f.SetField("LZFS", i % 2 ? "出租" : "入股");
        if (startType == OFTDate)
            f.SetField("LZQXKSRQ", 2020 + i % 5, 1 + i % 12, 1 + i % 28);
        else
            f.SetField("LZQXKSRQ", "2024-05-25");
        f.SetField("LZQXJSRQ", "2035-05-25");
        f.SetField("LZMJM", i % 7 == 0 ? 1.0 / (i + 3) : (i % 500) / 100.0 + 0.01);
        REQUIRE(layer->CreateFeature(&f) == OGRERR_NONE);
    }
    REQUIRE(layer->CommitTransaction() == OGRERR_NONE);
    ds.reset();
    exec(path, "UPDATE transfers SET LZMJM = 'abc' WHERE fid = 3;"
               "UPDATE transfers SET LZMJM = ' 12.5 ' WHERE fid = 4;"
               "UPDATE transfers SET LZMJM = NULL WHERE fid = 5;"
               "UPDATE transfers SET LZMJM = 9007199254740993 WHERE fid = 6;"
               "UPDATE transfers SET DKBM = NULL WHERE fid = 7;"
               "UPDATE transfers SET DKBM = '' WHERE fid = 8;"
               "UPDATE transfers SET LZFS = CAST(X'41004200' AS BLOB) WHERE fid = 9;"
               "UPDATE transfers SET LZQXJSRQ = 20350525 WHERE fid = 10;"
               "DELETE FROM transfers WHERE fid BETWEEN 100 AND 120;");
    return path;
}

} // namespace

TEST_CASE("the transfer ledger reads the same straight from SQLite as through OGR",
          "[classification_inputs]") {
    const auto rows = [](const std::string& path, bool direct) {
        GDALDatasetUniquePtr ds = geo::openVector(path);
        OGRLayer* ledger = ds->GetLayerByName("transfers");
        REQUIRE(ledger);
        if (!direct)
            return geo::readTransferLedger(*ledger);
        std::optional<std::vector<geo::TransferRow>> read = geo::readTransferLedgerDirect(*ledger);
        REQUIRE(read);
        return *read;
    };
    SECTION("awkward values") {
        const std::string path = awkwardLedger();
        const auto fast = rows(path, true), ogr = rows(path, false);
        requireSameRows(fast, ogr);
        REQUIRE(fast.size() == 300 - 21);
        // The fixture holds what it should: text and NULL areas read 0, a NUL ends a text,
        // the missing SRFMC reads empty, an area of many digits reads as OGR prints it (15
        // significant digits).
        CHECK(ogr[2].areaMu == 0.0);
        CHECK(ogr[3].areaMu == 12.5);
        CHECK(ogr[8].mode == "A");
        CHECK(ogr[0].transferee.empty());
        CHECK(ogr[0].areaMu == 0.333333333333333);
    }
    SECTION("the sample county") {
        const std::string project = testing::temporaryDirectory() + "/county-ledger.gpkg";
        std::filesystem::copy_file(testing::sourcePath("data/sample/county.gpkg"), project,
                                   std::filesystem::copy_options::overwrite_existing);
        const auto fast = rows(project, true);
        REQUIRE(fast.size() > 100);
        requireSameRows(fast, rows(project, false));
    }
    SECTION("a date field is left to OGR, and classification reads the same") {
        const std::string path = awkwardLedger(OFTDate);
        {
            GDALDatasetUniquePtr ds = geo::openVector(path);
            CHECK_FALSE(geo::readTransferLedgerDirect(*ds->GetLayerByName("transfers")));
        }
        const auto ogr = rows(path, false);
        CHECK(ogr[1].start == "2021/02/02"); // OGR's own text for a date
    }
}

TEST_CASE("the sample county reads the same straight from SQLite as through OGR",
          "[classification_inputs]") {
    geo::initialiseGdal();
    const std::string project = testing::temporaryDirectory() + "/county.gpkg";
    std::filesystem::copy_file(testing::sourcePath("data/sample/county.gpkg"), project);
    {
        auto store = geo::openGeoPackageProject(project);
        OGRLayer* parcels = store->layer("parcels");
        REQUIRE(parcels);
        const auto direct = geo::GeoPackageParcels::plan(*parcels, {"SFXZ"});
        REQUIRE(direct); // the fast path is taken: nothing in the sample needs OGR
        const auto [low, high] = direct->fidRange();
        geo::ParcelStretch all;
        CHECK(direct->read(low, high, all));
        CHECK(static_cast<GIntBig>(all.records.size()) == parcels->GetFeatureCount());
    }
    const std::vector<std::string> fields = {"SFXZ", "TBMJ", "KCXS", "DLMC"};
    requireSame(read(project, geo::ParcelReading::Fastest, fields),
                read(project, geo::ParcelReading::Ogr, fields));
}

TEST_CASE("parcel rings are read open: every vertex of the file but the one closing a ring",
          "[classification_inputs]") {
    geo::initialiseGdal();
    const std::string project = testing::temporaryDirectory() + "/county.gpkg";
    std::filesystem::copy_file(testing::sourcePath("data/sample/county.gpkg"), project);
    for (const auto reading : {geo::ParcelReading::Fastest, geo::ParcelReading::Ogr}) {
        INFO((reading == geo::ParcelReading::Fastest ? "straight from SQLite" : "through OGR"));
        const geo::ClassificationInputs in = read(project, reading, {"SFXZ"});
        const geo::FlatLayer& shapes = in.parcelShapes;
        // The rings as GDAL reads them from the file, parcel by parcel.
        GDALDatasetUniquePtr ds(
            GDALDataset::Open(project.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        REQUIRE(ds);
        OGRLayer* parcels = ds->GetLayerByName("parcels");
        REQUIRE(parcels);
        std::size_t i = 0, closedInFile = 0;
        for (const auto& f : *parcels) {
            REQUIRE(i < shapes.featureCount());
            REQUIRE(in.parcels[i].fid == f->GetFID());
            std::vector<const OGRLinearRing*> rings;
            if (const OGRGeometry* g = f->GetGeometryRef()) {
                if (wkbFlatten(g->getGeometryType()) == wkbPolygon)
                    for (const OGRLinearRing* r : *g->toPolygon())
                        rings.push_back(r);
                else if (wkbFlatten(g->getGeometryType()) == wkbMultiPolygon)
                    for (const OGRPolygon* p : *g->toMultiPolygon())
                        for (const OGRLinearRing* r : *p)
                            rings.push_back(r);
            }
            REQUIRE(shapes.featurePart[i + 1] - shapes.featurePart[i] == rings.size());
            for (std::size_t k = 0; k < rings.size(); ++k) {
                const OGRLinearRing& r = *rings[k];
                const std::uint32_t part = shapes.featurePart[i] + static_cast<std::uint32_t>(k);
                const std::uint32_t first = shapes.partStart[part],
                                    end = shapes.partStart[part + 1];
                const bool closed = r.getNumPoints() >= 4 &&
                                    r.getX(0) == r.getX(r.getNumPoints() - 1) &&
                                    r.getY(0) == r.getY(r.getNumPoints() - 1);
                closedInFile += closed ? 1 : 0;
                REQUIRE(end - first ==
                        static_cast<std::uint32_t>(r.getNumPoints() - (closed ? 1 : 0)));
                for (std::uint32_t v = first; v < end; ++v) {
                    CHECK(shapes.xy[2 * v] == r.getX(static_cast<int>(v - first)));
                    CHECK(shapes.xy[2 * v + 1] == r.getY(static_cast<int>(v - first)));
                }
            }
            ++i;
        }
        CHECK(i == shapes.featureCount());
        CHECK(closedInFile > 0);
    }
}

TEST_CASE("parcels whose fids span all 64 bits read in order, as through OGR",
          "[classification_inputs]") {
    geo::initialiseGdal();
    const std::string project = testing::temporaryDirectory() + "/far_fids.gpkg";
    std::filesystem::copy_file(testing::sourcePath("data/sample/county.gpkg"), project);
    // Fids from about -5.3e18 to +5.3e18: the range is wider than the largest signed integer,
    // and the parcels lie far apart in it. They are renumbered from the highest down, so that
    // no new fid meets an old one. Through GDAL, whose SQL functions the R-tree triggers call.
    {
        GDALDatasetUniquePtr ds(
            GDALDataset::Open(project.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        CPLErrorReset();
        ds->ExecuteSQL("UPDATE parcels SET fid = (fid - 1775) * 3000000000000000 "
                       "WHERE fid IN (SELECT fid FROM parcels ORDER BY fid DESC)",
                       nullptr, nullptr);
        REQUIRE(CPLGetLastErrorType() == CE_None);
    }
    const auto fast = read(project, geo::ParcelReading::Fastest);
    const auto ogr = read(project, geo::ParcelReading::Ogr);
    REQUIRE(fast.parcels.size() == 3550);
    CHECK(fast.parcels.front().fid == -1774LL * 3000000000000000LL);
    CHECK(fast.parcels.back().fid == 1775LL * 3000000000000000LL);
    CHECK(std::is_sorted(fast.parcels.begin(), fast.parcels.end(),
                         [](const auto& a, const auto& b) { return a.fid < b.fid; }));
    requireSame(fast, ogr);
}

TEST_CASE("awkward values and shapes read the same straight from SQLite as through OGR",
          "[classification_inputs]") {
    const std::string project = awkwardProject();
    {
        auto store = geo::openGeoPackageProject(project);
        const auto direct = geo::GeoPackageParcels::plan(*store->layer("parcels"), attributeFields);
        REQUIRE(direct);
        geo::ParcelStretch all;
        CHECK(direct->read(std::numeric_limits<std::int64_t>::min(),
                           std::numeric_limits<std::int64_t>::max(), all));
        CHECK(all.records.size() == 2600 - 201);
    }
    const auto fast = read(project, geo::ParcelReading::Fastest);
    const auto ogr = read(project, geo::ParcelReading::Ogr);
    requireSame(fast, ogr);
    // The ellipsoidal area as text, empty for some parcels: then TBMJ decides.
    const std::string textArea = awkwardProject({}, OFTString);
    requireSame(read(textArea, geo::ParcelReading::Fastest),
                read(textArea, geo::ParcelReading::Ogr));
    // The fixture holds what it should: holes, NULLs beside empty texts, many-digit reals.
    CHECK(ogr.attribute(1, 1) != ogr.attribute(0, 1));
    CHECK(ogr.parcelShapes.featurePart[2] - ogr.parcelShapes.featurePart[1] == 4);
    // A ring that is not closed, and one of three vertices, keep every vertex (the closing one
    // is left out of the other rings, which repeat their first).
    const geo::FlatLayer& shapes = fast.parcelShapes;
    std::size_t unclosed = 0, short3 = 0;
    for (std::size_t part = 0; part + 1 < shapes.partStart.size(); ++part) {
        const std::uint32_t v = shapes.partStart[part], n = shapes.partStart[part + 1] - v;
        const auto at = [&](std::uint32_t k, double x, double y) {
            return shapes.xy[2 * (v + k)] == x && shapes.xy[2 * (v + k) + 1] == y;
        };
        if (n == 4 && at(0, 0, 0) && at(1, 5, 0) && at(2, 5, 5) && at(3, 0, 5))
            ++unclosed;
        if (n == 3 && at(0, 0, 0) && at(1, 5, 5) && at(2, 0, 0))
            ++short3;
        CHECK_FALSE((n >= 4 && at(n - 1, shapes.xy[2 * v], shapes.xy[2 * v + 1])));
    }
    CHECK(unclosed > 0);
    CHECK(short3 > 0);
}

TEST_CASE("shapes and fields the direct reading leaves to OGR read the same",
          "[classification_inputs]") {
    SECTION("a curved parcel") {
        const std::string project = awkwardProject();
        {
            // A curve polygon, written by OGR, in place of one parcel's shape.
            geo::initialiseGdal();
            GDALDatasetUniquePtr ds(
                GDALDataset::Open(project.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
            OGRLayer* layer = ds->GetLayerByName("parcels");
            OGRFeatureUniquePtr f(layer->GetFeature(2000));
            OGRGeometry* g = nullptr;
            REQUIRE(OGRGeometryFactory::createFromWkt(
                        "CURVEPOLYGON (CIRCULARSTRING (0 0,1 1,2 0,1 -1,0 0))", nullptr, &g) ==
                    OGRERR_NONE);
            f->SetGeometryDirectly(g);
            REQUIRE(layer->SetFeature(f.get()) == OGRERR_NONE);
        }
        auto store = geo::openGeoPackageProject(project);
        const auto direct = geo::GeoPackageParcels::plan(*store->layer("parcels"), attributeFields);
        REQUIRE(direct);
        geo::ParcelStretch all;
        CHECK_FALSE(direct->read(1, 3000, all));
        store.reset();
        const auto fast = read(project, geo::ParcelReading::Fastest);
        requireSame(fast, read(project, geo::ParcelReading::Ogr));
        CHECK(fast.parcels.size() == 2600 - 201); // the curved parcel is kept
    }
    SECTION("a date field named by a rule") {
        const std::string project = awkwardProject("date");
        std::vector<std::string> fields = attributeFields;
        fields.emplace_back("EXTRA");
        {
            auto store = geo::openGeoPackageProject(project);
            CHECK_FALSE(geo::GeoPackageParcels::plan(*store->layer("parcels"), fields));
        }
        const auto fast = read(project, geo::ParcelReading::Fastest, fields);
        requireSame(fast, read(project, geo::ParcelReading::Ogr, fields));
        CHECK(fast.attribute(0, fields.size() - 1) == "2024/02/29"); // OGR's text for a date
    }
}

TEST_CASE("real files read the same straight from SQLite as through OGR",
          "[classification_inputs][real]") {
    const std::filesystem::path real = TIANMU_SHARED_DATA_DIR;
    if (!std::filesystem::exists(real)) {
        WARN("../shared/data/real is not present; skipped");
        return;
    }
    for (const char* file :
         {"gbk-nanjing/320100.shp", "gary-yongzhou-districts/yongzhou_districts.shp",
          "robustness/ncl_chinamap/cnmap.shp", "robustness/shapelib_eg/mexico/states.shp",
          "robustness/shapelib_eg/CoHI_GCS12.shp", "robustness/shapelib_eg/mpatch3.shp",
          "robustness/shapelib_eg/brklinz.shp", "nc-dem-streams/lakes.shp",
          "datav-yongzhou/430000_full.json"}) {
        const std::filesystem::path source = real / file;
        INFO(file);
        REQUIRE(std::filesystem::exists(source));
        std::vector<std::string> fields;
        const std::string project = parcelsFrom(source, fields);
        requireSame(read(project, geo::ParcelReading::Fastest, fields),
                    read(project, geo::ParcelReading::Ogr, fields));
    }
}

TEST_CASE("the transfer ledger reads whole after a report left the layer reading a few fields",
          "[classification_inputs]") {
    geo::initialiseGdal();
    const std::string project = testing::temporaryDirectory() + "/ledger.gpkg";
    std::filesystem::copy_file(testing::sourcePath("data/sample/county.gpkg"), project,
                               std::filesystem::copy_options::overwrite_existing);
    GDALDatasetUniquePtr ds = geo::openVector(project);
    OGRLayer* ledger = ds->GetLayerByName("transfers");
    REQUIRE(ledger);
    // What a fresh layer holds, read field by field through OGR.
    std::vector<std::vector<std::string>> expected;
    for (const auto& f : *ledger)
        expected.push_back({f->GetFieldAsString("LZHTBM"), f->GetFieldAsString("DKBM"),
                            f->GetFieldAsString("LZFS"), f->GetFieldAsString("LZQXKSRQ"),
                            f->GetFieldAsString("LZQXJSRQ"), f->GetFieldAsString("SRFMC")});
    REQUIRE(expected.size() > 10);
    // A report's reader left it reading the contract and parcel ids only.
    const char* ignored[] = {"LZFS", "LZQXKSRQ", "LZQXJSRQ", "SRFMC", "LZMJM", nullptr};
    REQUIRE(ledger->SetIgnoredFields(ignored) == OGRERR_NONE);
    const std::vector<geo::TransferRow> rows = geo::readTransferLedger(*ledger);
    REQUIRE(rows.size() == expected.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        INFO("row " << i);
        CHECK(std::vector<std::string>{rows[i].contract.str(), rows[i].parcel.str(),
                                       rows[i].mode.str(), rows[i].start.str(), rows[i].end.str(),
                                       rows[i].transferee.str()} == expected[i]);
    }
    // And the layer reads every field again afterwards.
    ledger->ResetReading();
    OGRFeatureUniquePtr first(ledger->GetNextFeature());
    REQUIRE(first);
    CHECK(std::string(first->GetFieldAsString("LZFS")) == expected[0][2]);
}
