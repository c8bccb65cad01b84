#include "support/result_rows.h"

#include <catch2/catch.hpp>
#include <ogrsf_frmts.h>
#include <sqlite3.h>

#include "geo/gdal_session.h"
#include "support/sample_fixture.h"

namespace testing {

const std::vector<geo::FieldSpec>& resultFields() {
    static const std::vector<geo::FieldSpec> fields = {
        {"NAME", OFTString}, {"FLAG", OFTInteger}, {"BIG", OFTInteger64}, {"AREA_MU", OFTReal}};
    return fields;
}

std::vector<ResultRow> sampleResultRows() {
    return {{"水中 优质水产", 1, 4'000'000'000'123LL, 0.1},
            {"", 0, -1, -0.0},
            {std::nullopt, std::nullopt, std::nullopt, std::nullopt},
            {"it's \"quoted\"", -7, 0, 1e300},
            {"山上", std::nullopt, 42, 1234.5678901234567}};
}

std::vector<ResultRow> manyResultRows(int count) {
    std::vector<ResultRow> rows;
    for (int r = 0; r < count; ++r) {
        ResultRow row;
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
    return rows;
}

void addResultRow(geo::RowWriter& out, const ResultRow& row) {
    if (row.name)
        out.setText(0, *row.name);
    if (row.flag)
        out.setInteger(1, *row.flag);
    if (row.big)
        out.setInteger(2, *row.big);
    if (row.area)
        out.setReal(3, *row.area);
    out.addRow();
}

void writeResultRows(geo::RowWriter& out, const std::vector<ResultRow>& rows) {
    for (const ResultRow& row : rows)
        addResultRow(out, row);
    out.finish();
}

std::vector<ResultRow> readResultRows(const std::string& path, const std::string& table) {
    GDALDatasetUniquePtr ds = geo::openVector(path);
    OGRLayer* layer = ds->GetLayerByName(table.c_str());
    REQUIRE(layer);
    std::vector<ResultRow> rows;
    for (const auto& f : *layer) {
        ResultRow r;
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

std::vector<std::string> storedResultRows(const std::string& path, const std::string& table) {
    return sqlColumn(path, "SELECT fid || '|' || quote(NAME) || typeof(NAME) || '|' || "
                           "quote(FLAG) || typeof(FLAG) || '|' || quote(BIG) || typeof(BIG) "
                           "|| '|' || quote(AREA_MU) || typeof(AREA_MU) FROM \"" +
                               table + "\" ORDER BY fid");
}

std::vector<std::string> sqlColumn(const std::string& path, const std::string& sql, int column) {
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

std::string newEmptyProject(const std::string& name) {
    const std::string path = temporaryDirectory() + "/" + name;
    auto store = geo::openGeoPackageProject(path);
    geo::Transaction transaction(*store);
    transaction.commit();
    store->finish();
    return path;
}

} // namespace testing
