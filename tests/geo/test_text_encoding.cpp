#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

#include <cpl_vsi.h>
#include <ogrsf_frmts.h>

#include "geo/error.h"
#include "geo/gdal_session.h"
#include "geo/text_encoding.h"
#include "support/sample_fixture.h"

namespace {

// Independently known: the GBK bytes of place names (as iconv writes them).
const std::string gbkLingling = "\xC1\xE3\xC1\xEA\xC7\xF8"; // 零陵区
const std::string gbkXuanwu = "\xD0\xFE\xCE\xE4\xC7\xF8";   // 玄武区

std::string sharedData(const std::string& relative) {
    return std::string(TIANMU_SHARED_DATA_DIR) + "/" + relative;
}

bool haveSharedData() {
    return std::filesystem::is_directory(TIANMU_SHARED_DATA_DIR);
}

void writeMemFile(const std::string& path, const std::string& bytes) {
    VSILFILE* f = VSIFOpenL(path.c_str(), "wb");
    VSIFWriteL(bytes.data(), 1, bytes.size(), f);
    VSIFCloseL(f);
}

std::string readFile(const std::string& path) {
    std::string bytes;
    VSILFILE* f = VSIFOpenL(path.c_str(), "rb");
    REQUIRE(f);
    char buffer[65536];
    for (std::size_t n; (n = VSIFReadL(buffer, 1, sizeof buffer, f)) > 0;)
        bytes.append(buffer, n);
    VSIFCloseL(f);
    return bytes;
}

// The evidence as one line, so that a failed check shows all of it.
std::string evidenceOf(const geo::EncodingDecision& d) {
    std::string text;
    for (const std::string& e : d.evidence)
        text += (text.empty() ? "" : " | ") + e;
    return text;
}

// The raw bytes of a string field of every feature, as GDAL reads them with no recoding.
std::vector<std::string> rawValues(const std::string& path, const std::string& field) {
    const char* const options[] = {"ENCODING=", nullptr};
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, options));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayer(0);
    const int index = layer->GetLayerDefn()->GetFieldIndex(field.c_str());
    REQUIRE(index >= 0);
    std::vector<std::string> values;
    for (const auto& feature : *layer)
        values.emplace_back(feature->GetFieldAsString(index));
    return values;
}

std::vector<std::string> decodedValues(const std::string& path, const std::string& field,
                                       const std::string& encoding) {
    std::vector<std::string> values = rawValues(path, field);
    for (std::string& v : values)
        v = geo::decodeToUtf8(v, encoding);
    return values;
}

bool contains(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

// A DBF with one 20-byte text field NAME holding `values`, written byte for byte.
std::string makeDbf(const std::vector<std::string>& values, unsigned char languageByte) {
    std::string dbf(32, '\0');
    dbf[0] = 0x03;
    const auto count = static_cast<unsigned>(values.size());
    for (int i = 0; i < 4; ++i)
        dbf[static_cast<std::size_t>(4 + i)] = static_cast<char>((count >> (8 * i)) & 0xFF);
    dbf[8] = 65;  // header: 32 + one 32-byte field descriptor + terminator
    dbf[10] = 21; // record: deletion flag + 20 bytes
    dbf[29] = static_cast<char>(languageByte);
    std::string field(32, '\0');
    field.replace(0, 4, "NAME");
    field[11] = 'C';
    field[16] = 20;
    dbf += field + '\x0D';
    for (const std::string& v : values)
        dbf += ' ' + v.substr(0, 20) + std::string(20 - std::min<std::size_t>(v.size(), 20), ' ');
    return dbf + '\x1A';
}

} // namespace

TEST_CASE("UTF-8 and GB18030 validation follow the standards' byte ranges", "[text_encoding]") {
    CHECK(geo::isValidUtf8(""));
    CHECK(geo::isValidUtf8("DLTB 0101"));
    CHECK(geo::isValidUtf8("零陵区"));
    CHECK(geo::isValidUtf8("\xF0\x9F\x98\x80"));       // U+1F600
    CHECK_FALSE(geo::isValidUtf8(gbkLingling));        // GBK bytes
    CHECK_FALSE(geo::isValidUtf8("\xC0\xAF"));         // overlong "/"
    CHECK_FALSE(geo::isValidUtf8("\xED\xA0\x80"));     // a surrogate
    CHECK_FALSE(geo::isValidUtf8("\xF4\x90\x80\x80")); // past U+10FFFF
    CHECK_FALSE(geo::isValidUtf8("\xE9\x9B"));         // cut short

    CHECK(geo::isValidGb18030(""));
    CHECK(geo::isValidGb18030(gbkLingling));
    CHECK(geo::isValidGb18030(gbkXuanwu + "A1"));
    CHECK(geo::isValidGb18030("\x81\x30\x81\x30"));   // four-byte code, U+0080
    CHECK(geo::isValidGb18030("\x95\x32\x82\x36"));   // four-byte code, U+20000
    CHECK_FALSE(geo::isValidGb18030("\x80"));         // CP936's euro, not GB18030
    CHECK_FALSE(geo::isValidGb18030("\xC1"));         // lead byte alone
    CHECK_FALSE(geo::isValidGb18030("\xC1\x20"));     // bad trail byte
    CHECK_FALSE(geo::isValidGb18030("\x81\x30\x81")); // four-byte code cut short
    CHECK_FALSE(geo::isValidGb18030("\xFF\xFE"));
}

TEST_CASE("decoding turns bytes into valid UTF-8, undecodable bytes into U+FFFD",
          "[text_encoding]") {
    geo::initialiseGdal();
    CHECK(geo::decodeToUtf8(gbkLingling, "CP936") == "零陵区");
    CHECK(geo::decodeToUtf8(gbkXuanwu, "GB18030") == "玄武区");
    CHECK(geo::decodeToUtf8("\x95\x32\x82\x36", "GB18030") == "\xF0\xA0\x80\x80"); // U+20000
    CHECK(geo::decodeToUtf8("\xC1\x63\xC5\xE9\xB0\xEA\xBB\x79", "BIG5") == "繁體國語");
    CHECK(geo::decodeToUtf8("M\xE9xico", "CP1252") == "México");
    CHECK(geo::decodeToUtf8("0101 plain ASCII", "CP936") == "0101 plain ASCII");
    CHECK(geo::decodeToUtf8("", "CP936").empty());

    // A stray byte and a character cut by the DBF field width each become U+FFFD.
    CHECK(geo::decodeToUtf8("\x80" + gbkLingling, "GB18030") == "\xEF\xBF\xBD零陵区");
    CHECK(geo::decodeToUtf8(gbkLingling + "\xC7", "CP936") == "零陵区\xEF\xBF\xBD");
    CHECK(geo::decodeToUtf8("A\xFF"
                            "B",
                            "CP936") == "A\xEF\xBF\xBD"
                                        "B");
    // Bytes claimed to be UTF-8 are checked, not trusted.
    CHECK(geo::decodeToUtf8("零陵区", "UTF-8") == "零陵区");
    CHECK(geo::decodeToUtf8(gbkLingling, "utf8") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
                                                    "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    for (const char* encoding : {"CP936", "GB18030", "BIG5", "SHIFT_JIS", "CP1252", "UTF-8"})
        CHECK(geo::isValidUtf8(geo::decodeToUtf8("\xFF\x81\x30\xC1\xE3\x80\xEF\xBF", encoding)));

    CHECK_THROWS_AS(geo::decodeToUtf8(gbkLingling, "NOT-AN-ENCODING"), geo::InputError);
    CHECK_THROWS_WITH(geo::decodeToUtf8(gbkLingling, "NOT-AN-ENCODING"),
                      Catch::Contains("NOT-AN-ENCODING") && Catch::Contains("CP936"));
}

TEST_CASE("garbled text is recognised, sound text is not", "[text_encoding]") {
    CHECK(geo::looksLikeMojibake("\xEF\xBF\xBD\xC6\xBA\xEF\xBF\xBD")); // U+FFFD around "ƺ"
    CHECK(geo::looksLikeMojibake("锟斤拷锟斤拷"));
    CHECK(geo::looksLikeMojibake("烫烫烫烫"));
    CHECK(geo::looksLikeMojibake("屯屯屯"));
    CHECK(geo::looksLikeMojibake("MÃ©xico"));  // "México" as UTF-8 read as CP1252
    CHECK(geo::looksLikeMojibake("Â°"));       // "°" likewise
    CHECK(geo::looksLikeMojibake("ä¸­æ–‡"));   // "中文" likewise
    CHECK(geo::looksLikeMojibake("\xC1\xE3")); // not UTF-8 at all

    CHECK_FALSE(geo::looksLikeMojibake(""));
    CHECK_FALSE(geo::looksLikeMojibake("零陵区"));
    CHECK_FALSE(geo::looksLikeMojibake("水田 0101"));
    CHECK_FALSE(geo::looksLikeMojibake("México"));
    CHECK_FALSE(geo::looksLikeMojibake("Peçeña Ñandú"));
    CHECK_FALSE(geo::looksLikeMojibake("烫伤"));
}

TEST_CASE("the sample county's surveyor shapefiles are GBK without a .cpg", "[text_encoding]") {
    const testing::GeneratedCounty& county = testing::smallCounty();
    std::set<std::string> villages;
    for (const auto& v : county.county.villages)
        villages.insert(v.name);

    SECTION("with the DBF language byte") {
        for (const char* variant : {"cgcs2000", "xian80"}) {
            const std::string path = county.directory + "/surveyor/" + variant + "/DLTB.shp";
            const geo::EncodingDecision d = geo::detectEncoding(path);
            CHECK(d.encoding == "CP936");
            CHECK(d.decidedBy == "language byte");
            CHECK_THAT(evidenceOf(d), Catch::Contains("no .cpg file"));
            CHECK_THAT(evidenceOf(d),
                       Catch::Contains("DBF language byte 0x4D means code page 936"));
            CHECK_THAT(evidenceOf(d), Catch::Contains("valid GB18030 but not UTF-8"));
        }
    }
    SECTION("without it, by the bytes") {
        const std::string path = county.directory + "/surveyor/noprj/DLTB.shp";
        const geo::EncodingDecision d = geo::detectEncoding(path);
        CHECK(d.encoding == "CP936");
        CHECK(d.decidedBy == "byte validation");
        CHECK_THAT(evidenceOf(d), Catch::Contains("DBF language byte is 0x00 (not set)"));
        // The decoded village names are the generator's own.
        const std::vector<std::string> names = decodedValues(path, "ZLDWMC", d.encoding);
        REQUIRE_FALSE(names.empty());
        for (const std::string& name : names)
            CHECK(villages.count(name) == 1);
    }
    SECTION("the .dbf path works as well as the .shp") {
        CHECK(geo::detectEncoding(county.directory + "/surveyor/cgcs2000/CJDCQ.dbf").encoding ==
              "CP936");
    }
    SECTION("the GBK ledger CSV, by the bytes") {
        const geo::EncodingDecision d =
            geo::detectEncoding(county.directory + "/surveyor/transfers.csv");
        CHECK(d.encoding == "CP936");
        CHECK(d.decidedBy == "byte validation");
        CHECK_THAT(evidenceOf(d), Catch::Contains("no byte-order mark"));
    }
    SECTION("the GeoPackage and XLSX are UTF-8 by format") {
        for (const char* file : {"/county.gpkg", "/surveyor/transfers.xlsx"}) {
            const geo::EncodingDecision d = geo::detectEncoding(county.directory + file);
            CHECK(d.encoding == "UTF-8");
            CHECK(d.decidedBy == "format");
        }
    }
}

TEST_CASE("CSV files are decided by their bytes", "[text_encoding]") {
    geo::initialiseGdal();
    const std::string path = "/vsimem/text_encoding_test.csv";
    SECTION("a UTF-8 byte-order mark") {
        writeMemFile(path, "\xEF\xBB\xBFname\n" + gbkLingling + "\n");
        const geo::EncodingDecision d = geo::detectEncoding(path);
        CHECK(d.encoding == "UTF-8");
        CHECK_THAT(evidenceOf(d), Catch::Contains("byte-order mark"));
    }
    SECTION("UTF-8 without a mark") {
        writeMemFile(path, "name,code\n零陵区,431102\n冷水滩区,431103\n");
        const geo::EncodingDecision d = geo::detectEncoding(path);
        CHECK(d.encoding == "UTF-8");
        CHECK(d.decidedBy == "byte validation");
        // 冷水滩区 in UTF-8 is twelve bytes that pair up as GBK too; 零陵区 is nine, which do not.
        CHECK_THAT(evidenceOf(d), Catch::Contains("1 of them is valid UTF-8 but not GB18030") &&
                                      Catch::Contains("1 of them is valid as both"));
    }
    SECTION("plain ASCII is UTF-8") {
        writeMemFile(path, "code,area\n0101,12.5\n");
        CHECK(
            geo::detectEncoding(path) ==
            geo::EncodingDecision{"UTF-8",
                                  "byte validation",
                                  {"no byte-order mark", "read all 2 lines: 0 have non-ASCII bytes",
                                   "ASCII text is valid UTF-8"}});
    }
    SECTION("UTF-16 is refused with the fix") {
        writeMemFile(path, std::string("\xFF\xFEn\0a\0", 6));
        CHECK_THROWS_AS(geo::detectEncoding(path), geo::InputError);
        CHECK_THROWS_WITH(geo::detectEncoding(path), Catch::Contains("CSV UTF-8"));
    }
    VSIUnlink(path.c_str());
}

TEST_CASE("a .cpg or language byte that the bytes contradict is not trusted", "[text_encoding]") {
    geo::initialiseGdal();
    const std::string dir = "/vsimem/text_encoding_cpg";
    const std::vector<std::string> gbk{gbkLingling, gbkXuanwu, "0101"};

    SECTION(".cpg UTF-8 over GBK bytes, with the language byte as well") {
        writeMemFile(dir + "/a.dbf", makeDbf(gbk, 0x4D));
        writeMemFile(dir + "/a.cpg", "UTF-8\n");
        const geo::EncodingDecision d = geo::detectEncoding(dir + "/a.dbf");
        CHECK(d.encoding == "CP936");
        CHECK(d.decidedBy == "language byte");
        CHECK_THAT(
            evidenceOf(d),
            Catch::Contains(".cpg says UTF-8 but 2 of the sampled texts are not valid UTF-8"));
    }
    SECTION(".cpg UTF-8 over GBK bytes, no language byte") {
        writeMemFile(dir + "/a.dbf", makeDbf(gbk, 0));
        writeMemFile(dir + "/a.cpg", "UTF-8");
        const geo::EncodingDecision d = geo::detectEncoding(dir + "/a.dbf");
        CHECK(d.encoding == "CP936");
        CHECK(d.decidedBy == "byte validation");
    }
    SECTION("language byte 0x4D over UTF-8 bytes that are not GBK") {
        writeMemFile(dir + "/a.dbf", makeDbf({"零陵区", "永州市"}, 0x4D));
        const geo::EncodingDecision d = geo::detectEncoding(dir + "/a.dbf");
        CHECK(d.encoding == "UTF-8");
        CHECK(d.decidedBy == "byte validation");
        CHECK_THAT(evidenceOf(d), Catch::Contains("the language byte says CP936 but 2 of the "
                                                  "sampled texts are not valid CP936"));
    }
    SECTION("language byte 0x4D over UTF-8 bytes that happen to pair up as GBK") {
        writeMemFile(dir + "/a.dbf", makeDbf({"冷水滩区", "道县"}, 0x4D));
        const geo::EncodingDecision d = geo::detectEncoding(dir + "/a.dbf");
        CHECK(d.encoding == "UTF-8");
        CHECK(d.decidedBy == "byte validation");
        CHECK_THAT(evidenceOf(d), Catch::Contains("all 2 non-ASCII texts are well-formed UTF-8 "
                                                  "(6 multi-byte characters): not trusted"));
    }
    SECTION("language byte 0x57 (ISO-8859-1) over UTF-8 bytes") {
        writeMemFile(dir + "/a.dbf", makeDbf({"M\xC3\xA9xico"}, 0x57));
        const geo::EncodingDecision d = geo::detectEncoding(dir + "/a.dbf");
        CHECK(d.encoding == "UTF-8");
        CHECK(d.decidedBy == "byte validation");
    }
    SECTION("language byte 0x57 over Latin-1 bytes") {
        writeMemFile(dir + "/a.dbf", makeDbf({"M\xE9xico"}, 0x57));
        const geo::EncodingDecision d = geo::detectEncoding(dir + "/a.dbf");
        CHECK(d.encoding == "ISO-8859-1");
        CHECK(d.decidedBy == "language byte");
    }
    SECTION("a .cpg of 936 that the bytes agree with") {
        writeMemFile(dir + "/a.dbf", makeDbf(gbk, 0));
        writeMemFile(dir + "/a.cpg", "936");
        const geo::EncodingDecision d = geo::detectEncoding(dir + "/a.dbf");
        CHECK(d.encoding == "CP936");
        CHECK(d.decidedBy == "cpg");
        CHECK_THAT(evidenceOf(d), Catch::Contains(".cpg says 936, i.e. CP936"));
    }
    SECTION("GB2312 is read as its superset") {
        writeMemFile(dir + "/a.dbf", makeDbf(gbk, 0));
        writeMemFile(dir + "/a.cpg", "GB2312");
        const geo::EncodingDecision d = geo::detectEncoding(dir + "/a.dbf");
        CHECK(d.encoding == "CP936");
        CHECK(d.decidedBy == "cpg");
    }
    SECTION("an empty .cpg does not hide the language byte") {
        writeMemFile(dir + "/a.dbf", makeDbf({"0101"}, 0x4D));
        writeMemFile(dir + "/a.cpg", "");
        const geo::EncodingDecision d = geo::detectEncoding(dir + "/a.dbf");
        CHECK(d.encoding == "CP936");
        CHECK(d.decidedBy == "language byte");
        CHECK_THAT(evidenceOf(d), Catch::Contains("the .cpg file is empty"));
    }
    SECTION("pure ASCII keeps what the language byte says") {
        writeMemFile(dir + "/a.dbf", makeDbf({"0101", "0102"}, 0x4D));
        CHECK(geo::detectEncoding(dir + "/a.dbf").decidedBy == "language byte");
    }
    VSIRmdirRecursive(dir.c_str());
}

TEST_CASE("bytes decide details: cut characters and GB18030's four-byte codes", "[text_encoding]") {
    geo::initialiseGdal();
    const std::string path = "/vsimem/text_encoding_details.dbf";
    SECTION("a GBK value cut inside its last character by the 20-byte field") {
        const std::string cut = gbkLingling + gbkLingling + gbkLingling + "A\xC1"; // 20 bytes
        writeMemFile(path, makeDbf({cut, gbkXuanwu}, 0));
        const geo::EncodingDecision d = geo::detectEncoding(path);
        CHECK(d.encoding == "CP936");
        CHECK(d.decidedBy == "byte validation");
        CHECK_THAT(evidenceOf(d),
                   Catch::Contains("1 of them is judged without its last character"));
        CHECK(geo::decodeToUtf8(cut, d.encoding) == "零陵区零陵区零陵区A\xEF\xBF\xBD");
    }
    SECTION("a character outside GBK needs GB18030") {
        writeMemFile(path, makeDbf({gbkLingling + "\x95\x32\x82\x36", gbkXuanwu}, 0));
        const geo::EncodingDecision d = geo::detectEncoding(path);
        CHECK(d.encoding == "GB18030");
        CHECK(d.decidedBy == "byte validation");
    }
    VSIUnlink(path.c_str());
}

TEST_CASE("a million-record DBF is decided from an evenly spread sample", "[text_encoding]") {
    geo::initialiseGdal();
    // ASCII codes for the first half, GBK names after: reading only the start would say UTF-8.
    std::vector<std::string> values(1'000'000, "0101");
    std::fill(values.begin() + 500'000, values.end(), gbkLingling);
    const std::string path = "/vsimem/text_encoding_million.dbf";
    writeMemFile(path, makeDbf(values, 0));
    values.clear();
    const geo::EncodingDecision d = geo::detectEncoding(path);
    VSIUnlink(path.c_str());
    CHECK(d.encoding == "CP936");
    CHECK(d.decidedBy == "byte validation");
    CHECK_THAT(evidenceOf(d), Catch::Contains("sampled 2,000 of 1,000,000 DBF records"));
}

TEST_CASE("an override wins and is recorded; a bad one is refused", "[text_encoding]") {
    const std::string path = testing::smallCounty().directory + "/surveyor/noprj/DLTB.shp";
    const geo::EncodingDecision d = geo::detectEncoding(path, "GB18030");
    CHECK(d.encoding == "GB18030");
    CHECK(d.decidedBy == "override");
    CHECK(geo::detectEncoding(path, "utf8").encoding == "UTF-8");
    CHECK(geo::detectEncoding(path, "auto").decidedBy == "byte validation");
    CHECK_THROWS_AS(geo::detectEncoding(path, "KLINGON"), geo::InputError);
    CHECK_THROWS_WITH(geo::detectEncoding(path, "KLINGON"),
                      Catch::Contains(path) && Catch::Contains("iconv name"));
}

TEST_CASE("a missing file is bad input naming the file", "[text_encoding]") {
    CHECK_THROWS_AS(geo::detectEncoding("/nonexistent/DLTB.shp"), geo::InputError);
    CHECK_THROWS_WITH(geo::detectEncoding("/nonexistent/DLTB.shp"),
                      Catch::Contains("/nonexistent/DLTB.shp") && Catch::Contains("not found"));
    const std::string broken = "/vsimem/text_encoding_broken.dbf";
    writeMemFile(broken, "not a DBF");
    CHECK_THROWS_AS(geo::detectEncoding(broken), geo::InputError);
    CHECK_THROWS_WITH(geo::detectEncoding(broken), Catch::Contains(broken));
    VSIUnlink(broken.c_str());
}

TEST_CASE("real shapefiles: GBK Nanjing, UTF-8 Yongzhou", "[text_encoding]") {
    if (!haveSharedData()) {
        WARN("no shared real data at " TIANMU_SHARED_DATA_DIR "; skipped");
        return;
    }
    SECTION("Nanjing: GBK, language byte 0x4D, no .cpg") {
        const std::string path = sharedData("gbk-nanjing/320100.shp");
        const geo::EncodingDecision d = geo::detectEncoding(path);
        CHECK(d.encoding == "CP936");
        CHECK(d.decidedBy == "language byte");
        CHECK_THAT(evidenceOf(d), Catch::Contains("DBF language byte 0x4D means code page 936"));
        CHECK_THAT(evidenceOf(d), Catch::Contains("11 of them are valid GB18030 but not UTF-8"));
        const std::vector<std::string> names = decodedValues(path, "name", d.encoding);
        CHECK(names.size() == 11);
        CHECK(contains(names, "玄武区"));
        CHECK(contains(names, "江宁区"));
        CHECK(contains(names, "雨花台区"));
        CHECK(std::none_of(names.begin(), names.end(), geo::looksLikeMojibake));
    }
    SECTION("Yongzhou: UTF-8 bytes, language byte 0, no .cpg") {
        const std::string path = sharedData("gary-yongzhou-districts/yongzhou_districts.shp");
        const geo::EncodingDecision d = geo::detectEncoding(path);
        CHECK(d.encoding == "UTF-8");
        CHECK(d.decidedBy == "byte validation");
        CHECK_THAT(evidenceOf(d), Catch::Contains("no .cpg file"));
        CHECK_THAT(evidenceOf(d), Catch::Contains("valid UTF-8 but not GB18030"));
        const std::vector<std::string> names = decodedValues(path, "name", d.encoding);
        CHECK(contains(names, "零陵区"));
        CHECK(decodedValues(path, "ctname", d.encoding).front() == "永州市");
    }
    SECTION("a DBF with language byte 0x7A") {
        const geo::EncodingDecision d =
            geo::detectEncoding(sharedData("robustness/mapshaper/test/data/dbf/ldid/chinese.dbf"));
        CHECK(d.encoding == "CP936");
        CHECK(d.decidedBy == "language byte");
        CHECK_THAT(evidenceOf(d), Catch::Contains("0x7A"));
    }
    SECTION("a .cpg of UTF-8 over Nanjing's GBK bytes is contradicted") {
        const std::string dir = "/vsimem/text_encoding_nanjing";
        writeMemFile(dir + "/320100.dbf", readFile(sharedData("gbk-nanjing/320100.dbf")));
        writeMemFile(dir + "/320100.cpg", "UTF-8");
        const geo::EncodingDecision d = geo::detectEncoding(dir + "/320100.dbf");
        VSIRmdirRecursive(dir.c_str());
        CHECK(d.encoding == "CP936");
        CHECK(d.decidedBy == "language byte");
        CHECK_THAT(
            evidenceOf(d),
            Catch::Contains(".cpg says UTF-8 but 11 of the sampled texts are not valid UTF-8"));
    }
}

TEST_CASE("real DBFs in other code pages", "[text_encoding]") {
    if (!haveSharedData()) {
        WARN("no shared real data at " TIANMU_SHARED_DATA_DIR "; skipped");
        return;
    }
    const std::string dbf = sharedData("robustness/mapshaper/test/data/dbf/");
    const auto decide = [&](const std::string& file) {
        return geo::detectEncoding(dbf + file);
    };

    const geo::EncodingDecision gbk = decide("gbk.dbf");
    CHECK(gbk.encoding == "CP936");
    CHECK(gbk.decidedBy == "byte validation");
    CHECK(decodedValues(dbf + "gbk.dbf", "NAME", gbk.encoding).front() == "简体国语");
    CHECK(decide("gb2312.dbf").encoding == "CP936");

    const geo::EncodingDecision utf8 = decide("utf8.dbf");
    CHECK(utf8.encoding == "UTF-8");
    CHECK(utf8.decidedBy == "byte validation");

    const geo::EncodingDecision big5 = decide("cpg/big5.dbf");
    CHECK(big5.encoding == "Big-5");
    CHECK(big5.decidedBy == "cpg");
    CHECK(decodedValues(dbf + "cpg/big5.dbf", "NAME", big5.encoding).front() == "國語");

    // iconv does not know "shiftjis"; its spelling is mended.
    const geo::EncodingDecision sjis = decide("cpg/shiftjis.dbf");
    CHECK(sjis.encoding == "SHIFT_JIS");
    CHECK(sjis.decidedBy == "cpg");

    const geo::EncodingDecision cyrillic = decide("cpg/win1251.dbf");
    CHECK(cyrillic.encoding == "CP1251");
    CHECK(cyrillic.decidedBy == "cpg");

    // A DBF holds bytes; a .cpg claiming UTF-16 cannot be right.
    const geo::EncodingDecision utf16 = decide("cpg/utf16.dbf");
    CHECK(utf16.decidedBy != "cpg");
    CHECK(utf16.encoding != "UTF-16");
}

TEST_CASE("real mixed mojibake: GBK bytes beside U+FFFD", "[text_encoding]") {
    if (!haveSharedData()) {
        WARN("no shared real data at " TIANMU_SHARED_DATA_DIR "; skipped");
        return;
    }
    // River names once read as UTF-8 with replacement: what survived is valid UTF-8, and garbled.
    const std::string path = sharedData("robustness/ncl_chinamap/rivers.shp");
    const geo::EncodingDecision d = geo::detectEncoding(path);
    CHECK(d.encoding == "UTF-8");
    CHECK(d.decidedBy == "byte validation");
    CHECK_THAT(evidenceOf(d), Catch::Contains("573 of the sampled texts are garbled already"));
    const std::vector<std::string> names = decodedValues(path, "NAME", d.encoding);
    REQUIRE(names.size() == 594);
    const auto garbled = std::count_if(names.begin(), names.end(), geo::looksLikeMojibake);
    CHECK(garbled == 573);
    // Every name that escaped the flag is plain ASCII (most are empty).
    for (const std::string& name : names)
        if (!geo::looksLikeMojibake(name))
            CHECK(std::all_of(name.begin(), name.end(),
                              [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
}
