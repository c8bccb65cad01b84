// The transfer report's table against numbers computed here from the raw layers (GDAL and
// PROJ only), on a classified copy of the committed sample county.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>

#include "geo/area.h"
#include "geo/error.h"
#include "geo/report/report_builder.h"
#include "support/classified_project.h"
#include "support/report_expectations.h"
#include "support/sample_fixture.h"

namespace {

using namespace geo::report;

// The sample county classified once per process (as of the sample's reference day).
const std::string& classifiedSample() {
    static const std::string path = [] {
        const std::string p = testing::temporaryDirectory() + "/classified.gpkg";
        std::filesystem::copy_file(testing::sourcePath("data/sample/county.gpkg"), p);
        testing::classifyAsOfSampleDay(p);
        return p;
    }();
    return path;
}

ReportOptions options(const std::string& kind) {
    ReportOptions o;
    o.project = classifiedSample();
    o.kind = kind;
    o.labelsFile = testing::sourcePath("data/reports/labels.json");
    return o;
}

std::string text(const Row& r, const Table& t, const char* key) {
    return r.cells.at(static_cast<std::size_t>(t.column(key))).text;
}
double number(const Row& r, const Table& t, const char* key) {
    return r.cells.at(static_cast<std::size_t>(t.column(key))).number;
}

// Every detail row equals the expectation, and every expectation has its row.
void checkAgainst(const Table& t, const std::map<testing::TransferKey, testing::Expected>& expected,
                  bool surveyed) {
    const auto land = testing::expectedVillageLand(classifiedSample(), surveyed);
    REQUIRE(!expected.empty());
    std::size_t details = 0;
    for (const Row& r : t.rows) {
        if (r.kind != RowKind::Detail)
            continue;
        ++details;
        const testing::TransferKey key{text(r, t, "village_code"), text(r, t, "zone_id"),
                                       text(r, t, "mode_id")};
        INFO(std::get<0>(key) << " " << std::get<1>(key) << " " << std::get<2>(key));
        REQUIRE(expected.count(key) == 1);
        const testing::Expected& e = expected.at(key);
        CHECK(number(r, t, "parcels") == static_cast<double>(e.parcels));
        const double mu = geo::Area::squareMetres(e.squareMetres).inMu();
        CHECK(number(r, t, "area_mu") == Approx(mu).epsilon(1e-9).margin(1e-9));      // 亩
        CHECK(number(r, t, "area_ha") == Approx(e.squareMetres / 1e4).epsilon(1e-9)); // 公顷
        const auto& v = land.at(std::get<0>(key));
        CHECK(number(r, t, "share_of_village") ==
              Approx(100.0 * e.squareMetres / v.first).epsilon(1e-9)); // %
    }
    CHECK(details == expected.size());
}

void checkAgainstRawLayers(const Table& t, bool surveyed) {
    checkAgainst(t, testing::expectedTransfers(classifiedSample(), surveyed), surveyed);
}

long long totalParcels(const Table& t) {
    return std::llround(number(t.rows.back(), t, "parcels"));
}

// Village subtotals sum their detail rows, township subtotals their villages, the total all.
void checkSubtotals(const Table& t) {
    double village = 0, township = 0, all = 0;
    long long villageCount = 0, allCount = 0;
    for (const Row& r : t.rows) {
        const double mu = number(r, t, "area_mu");
        if (r.kind == RowKind::Detail) {
            village += mu;
            township += mu;
            all += mu;
            villageCount += static_cast<long long>(number(r, t, "parcels"));
            allCount += static_cast<long long>(number(r, t, "parcels"));
        } else if (r.kind == RowKind::Subtotal && r.level == 1) {
            CHECK(mu == Approx(village).epsilon(1e-12)); // 亩
            CHECK(number(r, t, "parcels") == static_cast<double>(villageCount));
            village = 0;
            villageCount = 0;
        } else if (r.kind == RowKind::Subtotal && r.level == 2) {
            CHECK(mu == Approx(township).epsilon(1e-12)); // 亩
            township = 0;
        } else {
            CHECK(mu == Approx(all).epsilon(1e-12)); // 亩
            CHECK(number(r, t, "parcels") == static_cast<double>(allCount));
        }
    }
    REQUIRE(t.rows.back().kind == RowKind::Total);
}

} // namespace

TEST_CASE("transfer report: ellipsoidal areas equal PROJ's geodesic areas of the raw parcels",
          "[report]") {
    const Report r = buildReport(options("transfer"));
    REQUIRE(r.parts.size() == 1);
    CHECK(r.asOf == "2026-06-30");
    CHECK(r.title == "土地流转面积统计表");
    checkAgainstRawLayers(r.parts[0], false);
    checkSubtotals(r.parts[0]);
    CHECK(!r.notes.empty());
}

TEST_CASE("transfer report: surveyed areas are TBDLMJ", "[report]") {
    ReportOptions o = options("transfer");
    o.basis = AreaBasis::Surveyed;
    const Report r = buildReport(o);
    checkAgainstRawLayers(r.parts[0], true);
    checkSubtotals(r.parts[0]);
}

TEST_CASE("transfer report: grouping by mode only gives one row per mode and a total", "[report]") {
    ReportOptions o = options("transfer");
    o.groupBy = {"mode"};
    const Table t = buildReport(o).parts[0];
    std::map<std::string, long long> expected;
    for (const auto& [key, e] : testing::expectedTransfers(classifiedSample(), false))
        expected[std::get<2>(key)] += e.parcels;
    REQUIRE(t.rows.size() == expected.size() + 1);
    for (const Row& row : t.rows)
        if (row.kind == RowKind::Detail)
            CHECK(number(row, t, "parcels") ==
                  static_cast<double>(expected.at(text(row, t, "mode_id"))));
    CHECK(t.column("village") < 0);
}

TEST_CASE("reports refuse bad requests with InputError", "[report]") {
    ReportOptions unknown = options("transfer");
    unknown.villages = {"999999999999"};
    CHECK_THROWS_AS(buildReport(unknown), geo::InputError);
    ReportOptions beforeAnyContract = options("transfer");
    beforeAnyContract.asOf = "1990-01-01";
    CHECK_THROWS_AS(buildReport(beforeAnyContract), geo::InputError);
    ReportOptions none = options("expiring");
    none.asOf = "2200-01-01";
    CHECK_THROWS_AS(buildReport(none), geo::InputError);
    ReportOptions unclassified = options("transfer");
    unclassified.project = testing::sourcePath("data/sample/county.gpkg");
    CHECK_THROWS_AS(buildReport(unclassified), geo::InputError);
}

TEST_CASE("idle ledger lists every idle item once with totals per category", "[report]") {
    const Report r = buildReport(options("idle"));
    const Table& t = r.parts.at(0);
    const auto counts = testing::countBy(classifiedSample(),
                                         "SELECT CATEGORY, COUNT(*) FROM idle_items GROUP BY 1");
    std::map<std::string, long long> listed;
    for (const Row& row : t.rows)
        if (row.kind == RowKind::Detail)
            ++listed[text(row, t, "category_id")];
    CHECK(listed == counts);
    const auto mu = testing::countBy(classifiedSample(),
                                     "SELECT 'x', CAST(ROUND(SUM(AREA_MU) * 1000) AS INTEGER) "
                                     "FROM idle_items WHERE CATEGORY = 'resource'");
    for (const Row& row : t.rows)
        if (row.kind == RowKind::Total && row.level == 2 &&
            text(row, t, "category_id") == "resource")
            CHECK(std::llround(number(row, t, "area_mu") * 1000) == mu.at("x"));
}

TEST_CASE("expiring contracts end within the months after the as-of day", "[report]") {
    ReportOptions o = options("expiring");
    o.months = 12;
    const Table t = buildReport(o).parts.at(0);
    const auto expected = testing::countBy(
        classifiedSample(), "SELECT 'n', COUNT(*) FROM transfers WHERE LZQXKSRQ <= '2026-06-30' "
                            "AND LZQXJSRQ >= '2026-06-30' AND LZQXJSRQ <= '2027-06-30'");
    CHECK(static_cast<long long>(t.rows.size()) - 1 == expected.at("n"));
    for (const Row& row : t.rows)
        if (row.kind == RowKind::Detail)
            CHECK(number(row, t, "days_left") <= 365);
}

TEST_CASE("discrepancies list area mismatches and count each kind", "[report]") {
    const Report r = buildReport(options("discrepancy"));
    REQUIRE(r.parts.size() == 2);
    const auto flags = testing::countBy(
        classifiedSample(),
        "SELECT KIND, COUNT(*) FROM transfer_flags WHERE KIND NOT IN ('expired', 'expiring') "
        "GROUP BY 1");
    std::map<std::string, long long> listed;
    const Table& t = r.parts[0];
    for (const Row& row : t.rows)
        if (row.kind == RowKind::Detail)
            ++listed[text(row, t, "kind_id")];
    for (const auto& [kind, n] : flags)
        CHECK(listed[kind] == n);
}

TEST_CASE("atlas: one section per village with its own rows", "[report]") {
    const Report r = buildReport(options("atlas"));
    const auto villages =
        testing::countBy(classifiedSample(), "SELECT 'n', COUNT(*) FROM villages");
    CHECK(static_cast<long long>(r.villages.size()) == villages.at("n"));
    for (const VillageSection& v : r.villages)
        for (const Table& t : v.tables)
            for (const Row& row : t.rows)
                CHECK(text(row, t, "village_code") == v.code);
}

TEST_CASE("transfer report on another day: the ledger decides who is transferred", "[report]") {
    // Two years before the classification: fewer contracts had started.
    const std::string day = "2024-06-30";
    ReportOptions o = options("transfer");
    o.asOf = day;
    const Report r = buildReport(o);
    CHECK(r.asOf == day);
    CHECK(r.transfersRecomputed);
    const Table& t = r.parts.at(0);
    const auto expected = testing::expectedTransfersOn(classifiedSample(), false, day);
    checkAgainst(t, expected, false);
    checkSubtotals(t);
    long long parcels = 0;
    for (const auto& [key, e] : expected)
        parcels += e.parcels;
    CHECK(totalParcels(t) == parcels);
    CHECK(static_cast<long long>(r.transferredParcels.size()) == parcels);
    // Not the classification's numbers, and the report says what it recomputed.
    CHECK(totalParcels(t) != totalParcels(buildReport(options("transfer")).parts.at(0)));
    REQUIRE(!t.notes.empty());
    CHECK(t.notes.front().find(day) != std::string::npos);
    CHECK(t.notes.front().find("2026-06-30") != std::string::npos);

    SECTION("surveyed areas too") {
        o.basis = AreaBasis::Surveyed;
        checkAgainst(buildReport(o).parts.at(0),
                     testing::expectedTransfersOn(classifiedSample(), true, day), true);
    }
    SECTION("the classification's own day gives the classification's report") {
        o.asOf = "2026-06-30";
        const Report same = buildReport(o);
        CHECK_FALSE(same.transfersRecomputed);
        CHECK(same.parts.at(0).rows == buildReport(options("transfer")).parts.at(0).rows);
        // The ledger read by SQL on that day agrees with the classification.
        const auto byLedger = testing::expectedTransfersOn(classifiedSample(), false, "2026-06-30");
        const auto byClassification = testing::expectedTransfers(classifiedSample(), false);
        REQUIRE(byLedger.size() == byClassification.size());
        for (const auto& [key, e] : byClassification) {
            REQUIRE(byLedger.count(key) == 1);
            CHECK(byLedger.at(key).parcels == e.parcels);
            CHECK(byLedger.at(key).squareMetres == Approx(e.squareMetres).epsilon(1e-12)); // m²
        }
    }
}

TEST_CASE("idle ledger on another day leaves out assets idle only since later", "[report]") {
    const std::string day = "2024-06-30";
    ReportOptions o = options("idle");
    o.asOf = day;
    const Table t = buildReport(o).parts.at(0);
    std::map<std::string, long long> listed;
    for (const Row& row : t.rows)
        if (row.kind == RowKind::Detail)
            ++listed[text(row, t, "category_id")];
    // From the raw asset ledger: idle now, and idle since no later than the day.
    const auto assets = testing::countBy(classifiedSample(),
                                         "SELECT 'n', COUNT(*) FROM assets WHERE ZT = '闲置' AND "
                                         "(XZRQ IS NULL OR XZRQ = '' OR XZRQ <= '" +
                                             day + "')");
    const auto allIdle =
        testing::countBy(classifiedSample(), "SELECT 'n', COUNT(*) FROM assets WHERE ZT = '闲置'");
    CHECK(listed["asset"] == assets.at("n"));
    CHECK(listed["asset"] < allIdle.at("n")); // the day matters for this sample
    // Parcels and funds carry no date: as classified.
    const auto classified = testing::countBy(
        classifiedSample(), "SELECT CATEGORY, COUNT(*) FROM idle_items GROUP BY 1");
    CHECK(listed["resource"] == classified.at("resource"));
    CHECK(listed["fund"] == classified.at("fund"));
    CHECK(t.notes.front().find(day) != std::string::npos);
}
