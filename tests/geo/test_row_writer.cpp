// Result tables written in bulk through ProjectStore::replaceTable: what the GeoPackage store's
// SQLite writer stores reads back through GDAL as written (types, NULLs, Chinese text), makes
// the same table GDAL makes for the same fields, and an interrupted write changes nothing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <ogrsf_frmts.h>
#include <sqlite3.h>

#include "geo/gdal_session.h"
#include "geo/geopackage_bulk_writer.h"
#include "geo/ogr_row_writer.h"
#include "geo/project_store.h"
#include "support/result_rows.h"

namespace {

using testing::ResultRow;
using testing::sqlColumn;

const std::vector<geo::FieldSpec>& fields = testing::resultFields();

std::vector<ResultRow> sampleRows() {
    return testing::sampleResultRows();
}

void writeRows(geo::RowWriter& out, const std::vector<ResultRow>& rows) {
    testing::writeResultRows(out, rows);
}

std::vector<ResultRow> readRows(const std::string& path, const std::string& table) {
    return testing::readResultRows(path, table);
}

std::string newProject(const std::string& name) {
    return testing::newEmptyProject(name);
}

std::string replaceSql(std::string sql, const std::string& from, const std::string& to) {
    for (std::size_t at = sql.find(from); at != std::string::npos;
         at = sql.find(from, at + to.size()))
        sql.replace(at, from.size(), to);
    return sql;
}

} // namespace

TEST_CASE("Bulk rows read back through GDAL as written", "[row_writer]") {
    geo::initialiseGdal();
    const std::string path = newProject("bulk.gpkg");
    {
        auto store = geo::openGeoPackageProject(path);
        geo::Transaction transaction(*store);
        writeRows(*store->replaceTable("results", fields), sampleRows());
        transaction.commit();
        // The store sees the table it wrote without GDAL once the transaction is over.
        REQUIRE(store->layer("results"));
        CHECK(store->layer("results")->GetFeatureCount() == 5);
    }
    CHECK(readRows(path, "results") == sampleRows());

    GDALDatasetUniquePtr ds = geo::openVector(path);
    OGRLayer* layer = ds->GetLayerByName("results");
    REQUIRE(layer);
    CHECK(layer->GetGeomType() == wkbNone);
    CHECK(layer->GetFeatureCount(FALSE) == 5); // from gpkg_ogr_contents, without counting
    const OGRFeatureDefn* defn = layer->GetLayerDefn();
    REQUIRE(defn->GetFieldCount() == 4);
    for (int i = 0; i < 4; ++i) {
        CHECK(std::string(defn->GetFieldDefn(i)->GetNameRef()) ==
              fields[static_cast<std::size_t>(i)].name);
        CHECK(defn->GetFieldDefn(i)->GetType() == fields[static_cast<std::size_t>(i)].type);
    }
    CHECK(sqlColumn(path, "SELECT data_type FROM gpkg_contents WHERE table_name = 'results'") ==
          std::vector<std::string>{"attributes"});
}

TEST_CASE("Bulk tables are the tables GDAL makes for the same fields", "[row_writer]") {
    geo::initialiseGdal();
    const std::string path = newProject("same.gpkg");
    {
        auto store = geo::openGeoPackageProject(path);
        geo::Transaction transaction(*store);
        writeRows(*store->replaceTable("bulk", fields), sampleRows());
        geo::OgrRowWriter byGdal(store->recreateLayer("by_gdal", wkbNone, 0, fields), path);
        writeRows(byGdal, sampleRows());
        transaction.commit();
    }
    CHECK(readRows(path, "bulk") == readRows(path, "by_gdal"));
    // Schema, triggers and bookkeeping rows, the table's name aside.
    auto schema = [&](const std::string& table) {
        std::vector<std::string> sql = sqlColumn(
            path, "SELECT sql FROM sqlite_master WHERE tbl_name = '" + table + "' ORDER BY name");
        for (std::string& s : sql)
            s = replaceSql(s, table, "T");
        return sql;
    };
    CHECK(schema("bulk") == schema("by_gdal"));
    CHECK(schema("bulk").size() == 3); // the table and GDAL's two feature-count triggers
    auto contents = [&](const std::string& table) {
        return sqlColumn(path, "SELECT data_type || '|' || identifier || '|' || description || '|' "
                               "|| srs_id FROM gpkg_contents WHERE table_name = '" +
                                   table + "'");
    };
    CHECK(replaceSql(contents("bulk").at(0), "bulk", "T") ==
          replaceSql(contents("by_gdal").at(0), "by_gdal", "T"));
    CHECK(sqlColumn(path, "SELECT feature_count FROM gpkg_ogr_contents WHERE table_name IN "
                          "('bulk', 'by_gdal') ORDER BY table_name") ==
          std::vector<std::string>{"5", "5"});
    // The triggers work: rows added later are counted.
    {
        auto store = geo::openGeoPackageProject(path);
        geo::Transaction transaction(*store);
        OGRLayer* bulk = store->layer("bulk");
        REQUIRE(bulk);
        OGRFeatureUniquePtr row(OGRFeature::CreateFeature(bulk->GetLayerDefn()));
        row->SetField(0, "加一行");
        REQUIRE(bulk->CreateFeature(row.get()) == OGRERR_NONE);
        transaction.commit();
    }
    CHECK(sqlColumn(path, "SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = "
                          "'bulk'") == std::vector<std::string>{"6"});
}

TEST_CASE("Many bulk rows keep their order, fids, NULLs and storage classes", "[row_writer]") {
    geo::initialiseGdal();
    const std::string path = newProject("many.gpkg");
    // More rows than any batch (and than the 16 batches after which the writer starts the
    // file's writeback), a count no batch size divides, and every column NULL in some rows and
    // set in the next, so values cannot leak from one row or batch into another.
    const std::vector<ResultRow> rows = testing::manyResultRows(17411);
    {
        auto store = geo::openGeoPackageProject(path);
        geo::Transaction transaction(*store);
        writeRows(*store->replaceTable("bulk", fields), rows);
        geo::OgrRowWriter byGdal(store->recreateLayer("by_gdal", wkbNone, 0, fields), path);
        writeRows(byGdal, rows);
        transaction.commit();
    }
    CHECK(readRows(path, "bulk") == rows);
    // fid, then each value with its SQLite storage class, against the same rows written by GDAL.
    auto stored = [&](const std::string& table) {
        return testing::storedResultRows(path, table);
    };
    const std::vector<std::string> bulk = stored("bulk");
    CHECK(bulk.size() == rows.size());
    CHECK(bulk == stored("by_gdal"));
    CHECK(bulk.front().rfind("1|", 0) == 0);
    CHECK(sqlColumn(path, "SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = "
                          "'bulk'") == std::vector<std::string>{"17411"});
}

TEST_CASE("A column that keys the rows gives each its FID, through either writer", "[row_writer]") {
    geo::initialiseGdal();
    const std::string path = newProject("keyed.gpkg");
    std::vector<geo::FieldSpec> keyed = fields;
    keyed[2].rowFid = true; // BIG
    // Keys with gaps, out of order, and one past 32 bits.
    const std::vector<ResultRow> rows = {{"五", 1, 5LL, 1.0},
                                         {"九", 0, 9LL, 2.0},
                                         {"千", std::nullopt, 1000LL, 3.0},
                                         {"三", 1, 3LL, std::nullopt},
                                         {"大", 0, 4'000'000'000'123LL, 5.0}};
    {
        auto store = geo::openGeoPackageProject(path);
        geo::Transaction transaction(*store);
        writeRows(*store->replaceTable("bulk", keyed), rows);
        geo::OgrRowWriter byGdal(store->recreateLayer("by_gdal", wkbNone, 0, keyed), path, 2);
        writeRows(byGdal, rows);
        transaction.commit();
    }
    // Read in FID order: the keys' order.
    std::vector<ResultRow> byKey = rows;
    std::sort(byKey.begin(), byKey.end(),
              [](const ResultRow& a, const ResultRow& b) { return *a.big < *b.big; });
    for (const std::string table : {"bulk", "by_gdal"}) {
        INFO(table);
        CHECK(readRows(path, table) == byKey);
        CHECK(sqlColumn(path, "SELECT COUNT(*) FROM " + table + " WHERE fid IS NOT BIG") ==
              std::vector<std::string>{"0"});
        GDALDatasetUniquePtr ds = geo::openVector(path);
        OGRFeatureUniquePtr row(ds->GetLayerByName(table.c_str())->GetFeature(1000));
        REQUIRE(row);
        CHECK(std::string(row->GetFieldAsString("NAME")) == "千");
    }
    // No index: the key is the table's own.
    CHECK(sqlColumn(path, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name "
                          "= 'bulk'") == std::vector<std::string>{"0"});
    // Only an integer can key rows.
    std::vector<geo::FieldSpec> byText = fields;
    byText[0].rowFid = true; // NAME
    auto store = geo::openGeoPackageProject(path);
    geo::Transaction transaction(*store);
    CHECK_THROWS_WITH(store->replaceTable("text_keyed", byText),
                      Catch::Contains("NAME") && Catch::Contains("not an integer"));
}

TEST_CASE("Keys that follow on are left to SQLite, and every row still gets its own",
          "[row_writer]") {
    geo::initialiseGdal();
    const std::string path = newProject("follow_on.gpkg");
    {
        // An AUTOINCREMENT counter left under the table's name by an older table: SQLite
        // would count on from it for a row given no key.
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db,
                             "CREATE TABLE older (fid INTEGER PRIMARY KEY AUTOINCREMENT); "
                             "INSERT INTO sqlite_sequence (name, seq) VALUES ('bulk', 1000000)",
                             nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    std::vector<geo::FieldSpec> keyed = fields;
    keyed[2].rowFid = true; // BIG
    // Runs of keys one after the other, across the writer's batches of 1024; a gap; a row
    // with no key (SQLite gives it the next: 5100); a key below the largest; then on again.
    std::vector<ResultRow> rows;
    auto key = [&](std::optional<long long> big) {
        rows.push_back({"行" + std::to_string(rows.size()), 1, big, double(rows.size())});
    };
    for (long long k = 7; k < 3000; ++k)
        key(k);
    for (long long k = 5000; k < 5100; ++k)
        key(k);
    key(std::nullopt);
    key(5101);
    key(4000);
    key(5102);
    // The second run and what follows as one batch.
    geo::RowBatch batch;
    batch.reset(fields.size(), rows.size());
    for (std::size_t r = 2993; r < rows.size(); ++r) {
        batch.setText(0, *rows[r].name);
        batch.setInteger(1, *rows[r].flag);
        if (rows[r].big)
            batch.setInteger(2, *rows[r].big);
        batch.setReal(3, *rows[r].area);
        batch.addRow();
    }
    {
        auto store = geo::openGeoPackageProject(path);
        geo::Transaction transaction(*store);
        std::unique_ptr<geo::RowWriter> out = store->replaceTable("bulk", keyed);
        for (std::size_t r = 0; r < 2993; ++r)
            testing::addResultRow(*out, rows[r]);
        out->addRows(batch);
        out->finish();
        transaction.commit();
    }
    // Every row under its own key, the one without under the next after the largest before it.
    std::vector<std::string> expected;
    for (const ResultRow& row : rows)
        expected.push_back(std::to_string(row.big.value_or(5100)) + " " + *row.name);
    std::sort(expected.begin(), expected.end(), [](const std::string& a, const std::string& b) {
        return std::stoll(a) < std::stoll(b);
    });
    CHECK(sqlColumn(path, "SELECT fid || ' ' || NAME FROM bulk ORDER BY fid") == expected);
    CHECK(sqlColumn(path, "SELECT COUNT(*) FROM bulk WHERE fid IS NOT BIG") ==
          std::vector<std::string>{"1"});
    CHECK(sqlColumn(path, "SELECT seq FROM sqlite_sequence WHERE name = 'bulk'") ==
          std::vector<std::string>{"5102"});

    // A key written twice is refused, named, and nothing of the table is left.
    const std::vector<ResultRow> twice = {
        {"一", 1, 1LL, 1.0}, {"二", 1, 2LL, 2.0}, {"三", 1, 3LL, 3.0}, {"又二", 1, 2LL, 4.0}};
    {
        auto store = geo::openGeoPackageProject(path);
        geo::Transaction transaction(*store);
        CHECK_THROWS_WITH(writeRows(*store->replaceTable("twice", keyed), twice),
                          Catch::Contains("twice") && Catch::Contains("UNIQUE"));
    }
    CHECK(sqlColumn(path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'twice'") ==
          std::vector<std::string>{"0"});
}

TEST_CASE("A replaced table holds only the new rows", "[row_writer]") {
    geo::initialiseGdal();
    const std::string path = newProject("replace.gpkg");
    auto store = geo::openGeoPackageProject(path);
    for (int round = 0; round < 2; ++round) {
        geo::Transaction transaction(*store);
        std::vector<ResultRow> rows = sampleRows();
        rows.resize(static_cast<std::size_t>(2 + round));
        writeRows(*store->replaceTable("results", fields), rows);
        transaction.commit();
        CHECK(readRows(path, "results") == rows);
    }
    CHECK(sqlColumn(path, "SELECT COUNT(*) FROM gpkg_contents WHERE table_name = 'results'") ==
          std::vector<std::string>{"1"});
}

TEST_CASE("An interrupted bulk write leaves the project as it was", "[row_writer]") {
    geo::initialiseGdal();
    const std::string path = newProject("interrupted.gpkg");
    const std::vector<ResultRow> before = {sampleRows()[0], sampleRows()[1]};
    auto store = geo::openGeoPackageProject(path);
    {
        geo::Transaction transaction(*store);
        writeRows(*store->replaceTable("results", fields), before);
        transaction.commit();
    }
    const auto tables = sqlColumn(path, "SELECT name FROM sqlite_master ORDER BY name");
    try {
        geo::Transaction transaction(*store);
        auto out = store->replaceTable("results", {{"OTHER", OFTString}});
        out->setText(0, "不会留下");
        out->addRow();
        throw std::runtime_error("stopped half-way"); // the transaction rolls back
    } catch (const std::runtime_error&) {
    }
    CHECK(readRows(path, "results") == before);
    CHECK(sqlColumn(path, "SELECT name FROM sqlite_master ORDER BY name") == tables);
    CHECK(sqlColumn(path, "SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = "
                          "'results'") == std::vector<std::string>{"2"});
    // The store still works after the rollback, and sees the table as it was.
    REQUIRE(store->layer("results"));
    CHECK(store->layer("results")->GetFeatureCount() == 2);
    {
        geo::Transaction transaction(*store);
        writeRows(*store->replaceTable("results", fields), sampleRows());
        transaction.commit();
    }
    CHECK(readRows(path, "results") == sampleRows());
}

TEST_CASE("An indexed column's index is used for lookups, and replaced with its table",
          "[row_writer]") {
    geo::initialiseGdal();
    const std::string path = newProject("indexed.gpkg");
    std::vector<geo::FieldSpec> indexed = fields;
    indexed[2].indexed = true; // BIG
    auto store = geo::openGeoPackageProject(path);
    for (int round = 0; round < 2; ++round) { // the second replaces the table and its index
        geo::Transaction transaction(*store);
        writeRows(*store->replaceTable("results", indexed), sampleRows());
        transaction.commit();
    }
    CHECK(readRows(path, "results") == sampleRows());
    CHECK(sqlColumn(path,
                    "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = "
                    "'results' ORDER BY name") == std::vector<std::string>{"results_BIG_idx"});
    // SQLite looks rows up by the column through the index, not by scanning the table.
    const auto plan =
        sqlColumn(path, "EXPLAIN QUERY PLAN SELECT NAME FROM results WHERE BIG = 42", 3);
    REQUIRE(plan.size() == 1);
    CHECK(plan[0].find("USING INDEX results_BIG_idx") != std::string::npos);
    CHECK(sqlColumn(path, "SELECT NAME FROM results WHERE BIG = 42") ==
          std::vector<std::string>{"山上"});
}

TEST_CASE("Rows given one by one and in batches keep their order", "[row_writer]") {
    geo::initialiseGdal();
    const std::string path = newProject("mixed.gpkg");
    const std::vector<ResultRow> rows = testing::manyResultRows(2100);
    // Rows 0–9 one by one, 10–1509 as a batch, the rest one by one again: the batch must not
    // overtake the rows given before it.
    geo::RowBatch batch;
    batch.reset(fields.size(), 1500);
    for (std::size_t r = 10; r < 1510; ++r) {
        const ResultRow& row = rows[r];
        if (row.name)
            batch.setText(0, *row.name);
        if (row.flag)
            batch.setInteger(1, *row.flag);
        if (row.big)
            batch.setInteger(2, *row.big);
        if (row.area)
            batch.setReal(3, *row.area);
        batch.addRow();
    }
    for (bool throughGdal : {false, true}) {
        const std::string table = throughGdal ? "by_gdal" : "bulk";
        auto store = geo::openGeoPackageProject(path);
        geo::Transaction transaction(*store);
        std::unique_ptr<geo::RowWriter> out =
            throughGdal ? std::make_unique<geo::OgrRowWriter>(
                              store->recreateLayer(table, wkbNone, 0, fields), path)
                        : store->replaceTable(table, fields);
        for (std::size_t r = 0; r < 10; ++r)
            testing::addResultRow(*out, rows[r]);
        out->addRows(batch);
        for (std::size_t r = 1510; r < rows.size(); ++r)
            testing::addResultRow(*out, rows[r]);
        out->finish();
        transaction.commit();
    }
    CHECK(readRows(path, "bulk") == rows);
    CHECK(testing::storedResultRows(path, "bulk") == testing::storedResultRows(path, "by_gdal"));
}

TEST_CASE("SQLite's refusal names the table and its reason, and rolls back with the transaction",
          "[row_writer]") {
    geo::initialiseGdal();
    const std::string path = newProject("refused.gpkg");
    {
        auto store = geo::openGeoPackageProject(path);
        geo::Transaction transaction(*store);
        writeRows(*store->replaceTable("results", fields), sampleRows());
        transaction.commit();
    }
    const auto tables = sqlColumn(path, "SELECT name FROM sqlite_master ORDER BY name");
    const auto contents = sqlColumn(path, "SELECT table_name FROM gpkg_contents ORDER BY 1");
    // The writer on a connection of our own, where SQLite can be made to refuse a long text.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1000);
    REQUIRE(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK);
    {
        geo::GeoPackageBulkWriter out(db, path, "refused", fields);
        std::vector<ResultRow> rows = testing::manyResultRows(3000);
        rows[2500].name = std::string(2000, 'x'); // in the third batch, after two went in
        CHECK_THROWS_WITH(writeRows(out, rows),
                          Catch::Contains("[layer refused]") && Catch::Contains("too big"));
    }
    REQUIRE(sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    CHECK(sqlColumn(path, "SELECT name FROM sqlite_master ORDER BY name") == tables);
    CHECK(sqlColumn(path, "SELECT table_name FROM gpkg_contents ORDER BY 1") == contents);
    CHECK(readRows(path, "results") == sampleRows());
}
