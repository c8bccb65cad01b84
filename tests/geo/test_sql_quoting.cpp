// Hand-built SQL quotes names and values so SQLite reads back exactly what was meant.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

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

TEST_CASE("the lowest and highest fid come from the key, not from a scan of the table",
          "[sql_quoting]") {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(":memory:", &db) == SQLITE_OK);
    REQUIRE(
        sqlite3_exec(db,
                     "CREATE TABLE \"odd \"\"parcels\"\"\" (fid INTEGER PRIMARY KEY, v TEXT);"
                     "INSERT INTO \"odd \"\"parcels\"\"\" VALUES (7, 'a'), (3, 'b'), (42, 'c');",
                     nullptr, nullptr, nullptr) == SQLITE_OK);
    auto rows = [&](const std::string& sql) {
        std::vector<std::string> out;
        sqlite3_stmt* stmt = nullptr;
        REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            std::string row;
            for (int c = 0; c < sqlite3_column_count(stmt); ++c)
                row +=
                    (c ? "|" : "") +
                    std::string(sqlite3_column_type(stmt, c) == SQLITE_NULL
                                    ? "NULL"
                                    : reinterpret_cast<const char*>(sqlite3_column_text(stmt, c)));
            out.push_back(row);
        }
        sqlite3_finalize(stmt);
        return out;
    };
    const std::string sql = geo::sqlMinMax("odd \"parcels\"", "fid");
    CHECK(rows(sql) == std::vector<std::string>{"3|42"});
    // The plan's last column names each step: "SCAN odd "parcels"" would read every row (what
    // a plain "SELECT MIN(fid), MAX(fid)" does); each subquery must SEARCH the key instead.
    int searches = 0;
    for (const std::string& step : rows("EXPLAIN QUERY PLAN " + sql)) {
        CHECK(step.find("SCAN odd") == std::string::npos);
        searches += step.find("SEARCH odd") != std::string::npos;
    }
    CHECK(searches == 2);
    REQUIRE(sqlite3_exec(db, "DELETE FROM \"odd \"\"parcels\"\"\"", nullptr, nullptr, nullptr) ==
            SQLITE_OK);
    CHECK(rows(sql) == std::vector<std::string>{"NULL|NULL"});
    sqlite3_close(db);
}
