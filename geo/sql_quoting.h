// Quoting for SQL text built by hand (attribute filters, GeoPackage bookkeeping): the one
// place that doubles the quote characters, so no caller forgets a case.
#pragma once

#include <string>
#include <string_view>

namespace geo {

// A table or column name: "name", with any " doubled.
std::string sqlIdentifier(std::string_view name);
// A text value: 'text', with any ' doubled.
std::string sqlText(std::string_view text);

// A query for the lowest and highest value of an indexed column (e.g. the fid) of a table, as
// one row of two columns. Each in a subquery of its own: SQLite looks up a lone MIN() or MAX()
// in the index, but scans the whole table for both in one SELECT (0.2 s at a million parcels).
std::string sqlMinMax(std::string_view table, std::string_view column);

} // namespace geo
