// Result tables written in bulk through ProjectStore::replaceTable: what the GeoPackage store's
// SQLite writer stores reads back through GDAL as written (types, NULLs, Chinese text), makes
// the same table GDAL makes for the same fields, and an interrupted write changes nothing.
#include <catch2/catch.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <ogrsf_frmts.h>
#include <sqlite3.h>

#include "geo/gdal_session.h"
#include "geo/ogr_row_writer.h"
#include "geo/project_store.h"
#include "support/sample_fixture.h"

namespace {

const std::vector<geo::FieldSpec> fields = {
    {"NAME", OFTString}, {"FLAG", OFTInteger}, {"BIG", OFTInteger64}, {"AREA_MU", OFTReal}};

struct Row {
    std::optional<std::string> name;
    std::optional<int> flag;
    std::optional<long long> big;
    std::optional<double> area;
    bool operator==(const Row&) const = default;
};

std::vector<Row> sampleRows() {
    return {{"水中 优质水产", 1, 4'000'000'000'123LL, 0.1},
            {"", 0, -1, -0.0},
            {std::nullopt, std::nullopt, std::nullopt, std::nullopt},
            {"it's \"quoted\"", -7, 0, 1e300},
            {"山上", std::nullopt, 42, 1234.5678901234567}};
}

void writeRows(geo::RowWriter& out, const std::vector<Row>& rows) {
    for (const Row& r : rows) {
        if (r.name)
            out.setText(0, *r.name);
        if (r.flag)
            out.setInteger(1, *r.flag);
        if (r.big)
            out.setInteger(2, *r.big);
        if (r.area)
            out.setReal(3, *r.area);
        out.addRow();
    }
    out.finish();
}

// Every row of `table` through GDAL, in fid order.
std::vector<Row> readRows(const std::string& path, const std::string& table) {
    GDALDatasetUniquePtr ds = geo::openVector(path);
    OGRLayer* layer = ds->GetLayerByName(table.c_str());
    REQUIRE(layer);
    std::vector<Row> rows;
    for (const auto& f : *layer) {
        Row r;
        if (f->IsFieldSetAndNotNull(0))
            r.name = f->GetFieldAsString(0);
        if (f->IsFieldSetAndNotNull(1))
            r.flag = f->GetFieldAsInteger(1);
        if (f->IsFieldSetAndNotNull(2))
            r.big = f->GetFieldAsInteger64(2);
        if (f->IsFieldSetAndNotNull(3))
            r.area = f->GetFieldAsDouble(3);
        rows.push_back(r);
    }
    return rows;
}

// One column of SQL results on a plain SQLite connection, as text ('' for NULL).
std::vector<std::string> sqlColumn(const std::string& path, const std::string& sql,
                                   int column = 0) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK);
    std::vector<std::string> values;
    while (sqlite3_step(statement) == SQLITE_ROW) {
        const unsigned char* text = sqlite3_column_text(statement, column);
        values.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return values;
}

std::string newProject(const std::string& name) {
    const std::string path = testing::temporaryDirectory() + "/" + name;
    auto store = geo::openGeoPackageProject(path);
    geo::Transaction transaction(*store);
    transaction.commit();
    store->finish();
    return path;
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
    // More rows than any batch, a count no batch size divides, and every column NULL in some
    // rows and set in the next, so values cannot leak from one row or batch into another.
    std::vector<Row> rows;
    for (int r = 0; r < 1031; ++r) {
        Row row;
        if (r % 3 != 0)
            row.name = r % 7 == 0 ? std::string() : "第" + std::to_string(r) + "行";
        if (r % 5 != 0)
            row.flag = r % 2 == 0 ? r : -r;
        if (r % 4 != 1)
            row.big = 4'000'000'000LL * r;
        if (r % 6 != 2)
            row.area = r * 0.1;
        rows.push_back(row);
    }
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
        return sqlColumn(path, "SELECT fid || '|' || quote(NAME) || typeof(NAME) || '|' || "
                               "quote(FLAG) || typeof(FLAG) || '|' || quote(BIG) || typeof(BIG) "
                               "|| '|' || quote(AREA_MU) || typeof(AREA_MU) FROM " +
                                   table + " ORDER BY fid");
    };
    const std::vector<std::string> bulk = stored("bulk");
    CHECK(bulk.size() == rows.size());
    CHECK(bulk == stored("by_gdal"));
    CHECK(bulk.front().rfind("1|", 0) == 0);
    CHECK(sqlColumn(path, "SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = "
                          "'bulk'") == std::vector<std::string>{"1031"});
}

TEST_CASE("A replaced table holds only the new rows", "[row_writer]") {
    geo::initialiseGdal();
    const std::string path = newProject("replace.gpkg");
    auto store = geo::openGeoPackageProject(path);
    for (int round = 0; round < 2; ++round) {
        geo::Transaction transaction(*store);
        std::vector<Row> rows = sampleRows();
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
    const std::vector<Row> before = {sampleRows()[0], sampleRows()[1]};
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
