// The files "as a surveyor delivers them": GBK attributes without .cpg, three CRS variants,
// GBK CSV and XLSX ledgers, and a manifest that names every broken feature planted in them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include <cpl_conv.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include "geo/gdal_session.h"
#include "support/sample_fixture.h"

namespace {

std::string dir() {
    return testing::smallCounty().directory;
}

std::string readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

nlohmann::json manifest() {
    return nlohmann::json::parse(readBytes(dir() + "/manifest.json"));
}

// Opens a shapefile with its attribute bytes passed through untouched.
GDALDatasetUniquePtr openRaw(const std::string& path) {
    geo::initialiseGdal();
    CPLStringList options;
    options.SetNameValue("ENCODING", "");
    return GDALDatasetUniquePtr(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                                  nullptr, options.List(), nullptr));
}

std::string fromGbk(const std::string& bytes) {
    char* utf8 = CPLRecode(bytes.c_str(), "CP936", CPL_ENC_UTF8);
    std::string out(utf8);
    CPLFree(utf8);
    return out;
}

std::vector<std::string> csvLines(const std::string& path) {
    std::vector<std::string> lines;
    std::istringstream in(fromGbk(readBytes(path)));
    for (std::string line; std::getline(in, line);)
        lines.push_back(line.substr(0, line.find('\r')));
    return lines;
}

} // namespace

TEST_CASE("surveyor shapefiles carry GBK bytes and no .cpg", "[sample][encoding]") {
    const std::string gbkPaddy = "\xCB\xAE\xCC\xEF";          // 水田 in GBK
    const std::string utf8Paddy = "\xE6\xB0\xB4\xE7\x94\xB0"; // 水田 in UTF-8
    for (const char* variant : {"cgcs2000", "xian80", "noprj"}) {
        INFO(variant);
        const std::string base = dir() + "/surveyor/" + variant + "/DLTB";
        const std::string dbf = readBytes(base + ".dbf");
        REQUIRE(dbf.size() > 32);
        CHECK(dbf.find(gbkPaddy) != std::string::npos);
        CHECK(dbf.find(utf8Paddy) == std::string::npos);
        CHECK_FALSE(std::filesystem::exists(base + ".cpg"));
        const auto languageByte = static_cast<unsigned char>(dbf[29]);
        const unsigned char expectedByte = std::string(variant) == "noprj" ? 0x00 : 0x4D;
        CHECK(languageByte == expectedByte);
    }
    // Decoded as GBK, the attribute is the village name the project has.
    auto ds = openRaw(dir() + "/surveyor/cgcs2000/CJDCQ.shp");
    REQUIRE(ds);
    std::set<std::string> names;
    for (const auto& f : *ds->GetLayer(0))
        names.insert(fromGbk(f->GetFieldAsString("ZLDWMC")));
    for (const auto& v : testing::smallCounty().county.villages)
        CHECK(names.count(v.name) == 1);
}

TEST_CASE("the three CRS variants: CGCS2000 zone 37, Xian 1980 zone 37, none", "[sample][crs]") {
    auto epsgOf = [](const std::string& prj) {
        OGRSpatialReference srs;
        REQUIRE(srs.importFromESRI(CPLStringList(CSLLoad(prj.c_str())).List()) == OGRERR_NONE);
        int confidence = 0;
        int count = 0;
        OGRSpatialReferenceH* matches = srs.FindMatches(nullptr, &count, nullptr);
        std::string code;
        if (count > 0) {
            code = OGRSpatialReference::FromHandle(matches[0])->GetAuthorityCode(nullptr);
            confidence = 1;
        }
        OSRFreeSRSArray(matches);
        REQUIRE(confidence == 1);
        return code;
    };
    CHECK(epsgOf(dir() + "/surveyor/cgcs2000/DLTB.prj") == "4525");
    CHECK(epsgOf(dir() + "/surveyor/xian80/DLTB.prj") == "2361");
    CHECK_FALSE(std::filesystem::exists(dir() + "/surveyor/noprj/DLTB.prj"));
    // Coordinates carry the zone prefix: an 8-digit easting starting with 37.
    auto ds = openRaw(dir() + "/surveyor/noprj/DLTB.shp");
    OGREnvelope env;
    REQUIRE(ds->GetLayer(0)->GetExtent(&env) == OGRERR_NONE);
    CHECK(env.MinX > 37'000'000.0);
    CHECK(env.MaxX < 38'000'000.0);
}

TEST_CASE("the manifest names every broken feature, and only those", "[sample][manifest]") {
    const nlohmann::json m = manifest();
    auto ds = openRaw(dir() + "/surveyor/cgcs2000/DLTB.shp");
    OGRLayer* layer = ds->GetLayer(0);
    REQUIRE(layer->GetFeatureCount() == m["counts"]["surveyor_dltb_records"].get<long long>());

    OGRMultiPolygon villages;
    auto project = geo::openVector(dir() + "/county.gpkg");
    for (const auto& f : *project->GetLayerByName("villages"))
        for (const OGRPolygon* part : *f->GetGeometryRef()->toMultiPolygon())
            villages.addGeometry(part);
    std::unique_ptr<OGRGeometry> county(villages.UnionCascaded());

    std::map<long long, std::string> expected;
    std::set<std::string> problems;
    for (const auto& b : m["broken_features"]) {
        problems.insert(b["problem"].get<std::string>());
        if (b["layer"] == "DLTB")
            expected[b["record"].get<long long>()] = b["problem"].get<std::string>();
    }
    CHECK(problems == std::set<std::string>{"self_intersection", "duplicate", "sliver",
                                            "outside_villages", "empty_geometry", "no_parcel"});

    // Detect problems independently and compare with the manifest's answer.
    std::map<long long, std::string> found;
    std::map<std::string, long long> firstWithWkt;
    for (long long i = 0; i < layer->GetFeatureCount(); ++i) {
        OGRFeatureUniquePtr f(layer->GetFeature(i));
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || g->IsEmpty()) {
            found[i] = "empty_geometry";
            continue;
        }
        char* wkt = nullptr;
        g->exportToWkt(&wkt);
        const std::string key = std::string(wkt) + f->GetFieldAsString("BSM");
        CPLFree(wkt);
        if (!g->IsValid())
            found[i] = "self_intersection";
        else if (firstWithWkt.count(key))
            found[i] = "duplicate";
        else if (!g->Intersects(county.get()))
            found[i] = "outside_villages";
        else if (g->toPolygon()->get_Area() < 1.0)
            found[i] = "sliver";
        firstWithWkt.emplace(key, i);
    }
    std::map<std::string, int> foundKinds;
    for (const auto& [record, problem] : found)
        ++foundKinds[problem];
    for (const auto& [problem, n] : foundKinds)
        UNSCOPED_INFO(problem << ": " << n);
    CHECK(found == expected);

    // The ledger row for no parcel: its DKBM is no BSM in the delivery.
    std::set<std::string> bsms;
    for (const auto& p : testing::smallCounty().county.parcels)
        bsms.insert(p.bsm);
    const std::vector<std::string> lines = csvLines(dir() + "/surveyor/transfers.csv");
    long long orphanLines = 0;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::string& line = lines[i];
        if (line.empty())
            continue;
        const std::size_t a = line.find(',');
        const std::string dkbm = line.substr(a + 1, line.find(',', a + 1) - a - 1);
        if (!bsms.count(dkbm)) {
            ++orphanLines;
            for (const auto& b : m["broken_features"])
                if (b["problem"] == "no_parcel")
                    CHECK(b["csv_line"].get<std::size_t>() == i + 1);
        }
    }
    CHECK(orphanLines == 1);
}

TEST_CASE("ledgers come as GBK CSV and as XLSX with the same rows", "[sample][ledger]") {
    const nlohmann::json m = manifest();
    const std::vector<std::string> lines = csvLines(dir() + "/surveyor/transfers.csv");
    REQUIRE_FALSE(lines.empty());
    CHECK(lines[0].rfind("LZHTBM,DKBM,CBFBM,CBFMC,SRFBM,SRFMC,LZFS,LZMJM", 0) == 0);
    std::size_t rows = 0;
    for (std::size_t i = 1; i < lines.size(); ++i)
        rows += lines[i].empty() ? 0U : 1U;
    CHECK(rows == m["counts"]["surveyor_transfer_rows"].get<std::size_t>());
    const bool hasMode = lines[1].find("出租") != std::string::npos ||
                         lines[1].find("入股") != std::string::npos ||
                         lines[1].find("转包") != std::string::npos;
    CHECK(hasMode);

    auto xlsx = geo::openVector(dir() + "/surveyor/transfers.xlsx");
    OGRLayer* sheet = xlsx->GetLayer(0);
    CHECK(std::string(sheet->GetName()) == "流转台账");
    CHECK(static_cast<std::size_t>(sheet->GetFeatureCount()) == rows);
    OGRFeatureUniquePtr first(sheet->GetNextFeature());
    CHECK(lines[1].rfind(std::string(first->GetFieldAsString("LZHTBM")) + ",", 0) == 0);

    auto funds = geo::openVector(dir() + "/surveyor/funds.xlsx");
    CHECK(static_cast<std::size_t>(funds->GetLayer(0)->GetFeatureCount()) ==
          testing::smallCounty().county.villages.size());
}
