// Hand-built SQL quotes names and values so SQLite reads back exactly what was meant.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include "geo/sql_quoting.h"

TEST_CASE("quoted names and texts survive SQLite with their quote characters", "[sql_quoting]") {
    CHECK(geo::sqlIdentifier("parcels") == "\"parcels\"");
    CHECK(geo::sqlText("唐家村") == "'唐家村'");
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(":memory:", &db) == SQLITE_OK);
    const std::string table = "odd \"table\" name", value = "O'Brien's \"field\"";
    const std::string sql = "CREATE TABLE " + geo::sqlIdentifier(table) + " (" +
                            geo::sqlIdentifier("v") + " TEXT); INSERT INTO " +
                            geo::sqlIdentifier(table) + " VALUES (" + geo::sqlText(value) + ");";
    REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    const std::string select =
        "SELECT v FROM " + geo::sqlIdentifier(table) + " WHERE v = " + geo::sqlText(value);
    REQUIRE(sqlite3_prepare_v2(db, select.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))) == value);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
}
