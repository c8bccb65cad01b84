// Rows made on another thread and written on this one (geo/row_pipe.h): every row arrives, in
// order, through the GeoPackage store's writer and through GDAL's; a failure on either side is
// rethrown here, stops the other side instead of leaving it waiting, and the transaction leaves
// the project as it was.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <sqlite3.h>

#include "geo/error.h"
#include "geo/gdal_session.h"
#include "geo/geopackage_bulk_writer.h"
#include "geo/ogr_row_writer.h"
#include "geo/project_store.h"
#include "geo/row_pipe.h"
#include "support/result_rows.h"

namespace {

using testing::ResultRow;

const std::vector<geo::FieldSpec>& fields = testing::resultFields();

// Makes `rows` on the pipe's thread, noting the threads it ran on.
std::function<void(geo::RowWriter&)> maker(const std::vector<ResultRow>& rows,
                                           std::thread::id& makerThread) {
    return [&rows, &makerThread](geo::RowWriter& out) {
        makerThread = std::this_thread::get_id();
        for (const ResultRow& row : rows)
            testing::addResultRow(out, row);
    };
}

// A RowWriter that records the thread of every batch and fails at batch `failAt` (0: never).
class RecordingWriter final : public geo::RowWriter {
public:
    explicit RecordingWriter(int failAt)
        : m_failAt(failAt) {}
    void setInteger(int, std::int64_t) override {}
    void setReal(int, double) override {}
    void setText(int, std::string_view) override {}
    void addRow() override { ++rows; }
    void addRows(const geo::RowBatch& batch) override {
        threads.push_back(std::this_thread::get_id());
        if (++batches == m_failAt)
            throw geo::Error("the disk is full", {"project.gpkg", "results", {}, {}});
        rows += static_cast<long long>(batch.rows());
    }
    void finish() override {}

    int batches = 0;
    long long rows = 0;
    std::vector<std::thread::id> threads;

private:
    int m_failAt;
};

} // namespace

TEST_CASE("Rows made on another thread arrive in order, as if added here", "[row_pipe]") {
    geo::initialiseGdal();
    const std::string path = testing::newEmptyProject("piped.gpkg");
    // Several batches and a part of one; every column NULL in some rows.
    const std::vector<ResultRow> rows = testing::manyResultRows(5000);
    std::thread::id madeOn;
    {
        auto store = geo::openGeoPackageProject(path);
        geo::Transaction transaction(*store);
        const auto piped = store->replaceTable("piped", fields);
        geo::pipeRows(*piped, fields.size(), maker(rows, madeOn));
        piped->finish();
        CHECK(madeOn != std::this_thread::get_id());
        // GDAL's writer takes the batches row by row.
        geo::OgrRowWriter byGdal(store->recreateLayer("by_gdal", wkbNone, 0, fields), path);
        geo::pipeRows(byGdal, fields.size(), maker(rows, madeOn));
        transaction.commit();
    }
    CHECK(testing::readResultRows(path, "piped") == rows);
    CHECK(testing::readResultRows(path, "by_gdal") == rows);
    const std::vector<std::string> stored = testing::storedResultRows(path, "piped");
    CHECK(stored == testing::storedResultRows(path, "by_gdal"));
    CHECK(stored.front().rfind("1|", 0) == 0);
    CHECK(testing::sqlColumn(path, "SELECT feature_count FROM gpkg_ogr_contents WHERE "
                                   "table_name = 'piped'") == std::vector<std::string>{"5000"});
}

TEST_CASE("Lasting texts arrive as written, through the GeoPackage writer and GDAL's",
          "[row_pipe]") {
    geo::initialiseGdal();
    const std::string path = testing::newEmptyProject("lasting.gpkg");
    // The texts live for the whole writing, as the classifier's ids and names do; every
    // third row copies its text instead, and some rows have an empty or no text.
    std::vector<std::string> held;
    for (int i = 0; i < 5000; ++i)
        held.push_back(i % 7 == 0 ? std::string() : "村" + std::to_string(i));
    const auto make = [&held](geo::RowWriter& out) {
        for (std::size_t i = 0; i < held.size(); ++i) {
            if (i % 11 == 5) {
                // NULL: no text set
            } else if (i % 3 == 0) {
                out.setText(0, held[i]);
            } else {
                out.setLastingText(0, held[i]);
            }
            out.setInteger(1, static_cast<std::int64_t>(i));
            out.addRow();
        }
    };
    std::vector<ResultRow> expected;
    for (std::size_t i = 0; i < held.size(); ++i)
        expected.push_back({i % 11 == 5 ? std::nullopt : std::optional(held[i]),
                            static_cast<int>(i), std::nullopt, std::nullopt});
    {
        auto store = geo::openGeoPackageProject(path);
        geo::Transaction transaction(*store);
        const auto piped = store->replaceTable("piped", fields);
        geo::pipeRows(*piped, fields.size(), make);
        piped->finish();
        geo::OgrRowWriter byGdal(store->recreateLayer("by_gdal", wkbNone, 0, fields), path);
        geo::pipeRows(byGdal, fields.size(), make);
        transaction.commit();
    }
    CHECK(testing::readResultRows(path, "piped") == expected);
    CHECK(testing::readResultRows(path, "by_gdal") == expected);
    CHECK(testing::storedResultRows(path, "piped") == testing::storedResultRows(path, "by_gdal"));
    // An empty text is stored as a text, not as NULL.
    const auto empties = std::count_if(expected.begin(), expected.end(),
                                       [](const ResultRow& r) { return r.name == ""; });
    REQUIRE(empties > 600);
    CHECK(testing::sqlColumn(path, "SELECT count(*) FROM piped WHERE typeof(" + fields[0].name +
                                       ") = 'text' AND " + fields[0].name + " = ''") ==
          std::vector<std::string>{std::to_string(empties)});
}

TEST_CASE("The batches reach the writer on the calling thread, and no rows make none",
          "[row_pipe]") {
    const std::vector<ResultRow> rows = testing::manyResultRows(3000);
    std::thread::id madeOn;
    RecordingWriter out(0);
    geo::pipeRows(out, fields.size(), maker(rows, madeOn));
    CHECK(out.rows == 3000);
    CHECK(out.batches >= 3);
    for (const std::thread::id& t : out.threads)
        CHECK(t == std::this_thread::get_id());

    RecordingWriter none(0);
    geo::pipeRows(none, fields.size(), [](geo::RowWriter&) {});
    CHECK(none.batches == 0);
}

TEST_CASE("A failure while making rows is rethrown here and the project stays as it was",
          "[row_pipe]") {
    geo::initialiseGdal();
    const std::string path = testing::newEmptyProject("maker-failed.gpkg");
    const std::vector<ResultRow> before = testing::sampleResultRows();
    auto store = geo::openGeoPackageProject(path);
    {
        geo::Transaction transaction(*store);
        testing::writeResultRows(*store->replaceTable("results", fields), before);
        transaction.commit();
    }
    const auto tables = testing::sqlColumn(path, "SELECT name FROM sqlite_master ORDER BY name");
    const std::vector<ResultRow> rows = testing::manyResultRows(4000);
    CHECK_THROWS_WITH(
        [&] {
            geo::Transaction transaction(*store);
            const auto out = store->replaceTable("results", fields);
            // Fails after some batches were written on this thread.
            geo::pipeRows(*out, fields.size(), [&](geo::RowWriter& made) {
                for (std::size_t r = 0; r < rows.size(); ++r) {
                    if (r == 3500)
                        throw std::runtime_error("no village for parcel 3500");
                    testing::addResultRow(made, rows[r]);
                }
            });
            out->finish();
            transaction.commit();
        }(),
        "no village for parcel 3500");
    CHECK(testing::readResultRows(path, "results") == before);
    CHECK(testing::sqlColumn(path, "SELECT name FROM sqlite_master ORDER BY name") == tables);
    // The store works on after the rollback.
    {
        geo::Transaction transaction(*store);
        const auto out = store->replaceTable("results", fields);
        std::thread::id madeOn;
        geo::pipeRows(*out, fields.size(), maker(rows, madeOn));
        out->finish();
        transaction.commit();
    }
    CHECK(testing::readResultRows(path, "results") == rows);
}

TEST_CASE("A failure while writing is rethrown here and stops the maker", "[row_pipe]") {
    // The maker could make far more rows than the batches between the threads hold: it must
    // stop when the writer fails, not wait for an empty batch that never comes.
    for (int failAt : {1, 2, 5}) {
        INFO("writer fails at batch " << failAt);
        RecordingWriter out(failAt);
        std::atomic<long long> made{0};
        CHECK_THROWS_AS(geo::pipeRows(out, fields.size(),
                                      [&](geo::RowWriter& rows) {
                                          for (long long r = 0; r < 10'000'000; ++r) {
                                              rows.setInteger(1, r);
                                              rows.addRow();
                                              ++made;
                                          }
                                      }),
                        geo::Error);
        CHECK(out.batches == failAt);
        CHECK(made < 100'000);
    }
}

TEST_CASE("SQLite's refusal of piped rows is rethrown here and rolls back", "[row_pipe]") {
    geo::initialiseGdal();
    const std::string path = testing::newEmptyProject("sqlite-refused.gpkg");
    const auto tables = testing::sqlColumn(path, "SELECT name FROM sqlite_master ORDER BY name");
    // The writer on a connection of our own, where SQLite can be made to refuse a long text.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1000);
    REQUIRE(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK);
    {
        geo::GeoPackageBulkWriter out(db, path, "refused", fields);
        std::vector<ResultRow> rows = testing::manyResultRows(100'000);
        rows[2500].name = std::string(2000, 'x'); // in the third batch
        std::thread::id madeOn;
        CHECK_THROWS_WITH(geo::pipeRows(out, fields.size(), maker(rows, madeOn)),
                          Catch::Contains("[layer refused]") && Catch::Contains("too big"));
    }
    REQUIRE(sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    CHECK(testing::sqlColumn(path, "SELECT name FROM sqlite_master ORDER BY name") == tables);
}
