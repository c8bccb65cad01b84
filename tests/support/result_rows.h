// Rows of a small result table for the RowWriter tests: written through any RowWriter, read
// back through GDAL, and looked at as SQLite stored them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "geo/project_store.h"
#include "geo/row_writer.h"

namespace testing {

// The table's fields: NAME text, FLAG integer, BIG 64-bit integer, AREA_MU real.
const std::vector<geo::FieldSpec>& resultFields();

struct ResultRow {
    std::optional<std::string> name;
    std::optional<int> flag;
    std::optional<long long> big;
    std::optional<double> area;
    bool operator==(const ResultRow&) const = default;
};

// Five rows with Chinese and quoted texts, extremes and NULLs.
std::vector<ResultRow> sampleResultRows();
// `count` rows in which every column is NULL in some rows and set in the next, so values
// cannot leak from one row or batch into another.
std::vector<ResultRow> manyResultRows(int count);

// Sets the row's values and adds it (no finish()).
void addResultRow(geo::RowWriter& out, const ResultRow& row);
// Adds every row, then finish().
void writeResultRows(geo::RowWriter& out, const std::vector<ResultRow>& rows);

// Every row of `table` through GDAL, in fid order.
std::vector<ResultRow> readResultRows(const std::string& path, const std::string& table);

// fid, then each value with its SQLite storage class, one text per row in fid order.
std::vector<std::string> storedResultRows(const std::string& path, const std::string& table);

// One column of SQL results on a plain read-only SQLite connection, as text ('' for NULL).
std::vector<std::string> sqlColumn(const std::string& path, const std::string& sql, int column = 0);

// A new, empty project (committed and finished) named `name` in a temporary folder.
std::string newEmptyProject(const std::string& name);

} // namespace testing
