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

} // namespace geo
