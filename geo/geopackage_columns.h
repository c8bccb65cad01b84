// Reading a GeoPackage column straight from SQLite to the very text OGR's GetFieldAsString
// gives (GDAL 3.6's GPKG driver), for the hot paths that skip OGR's per-feature objects:
// classification's parcels and transfer ledger. A field whose text OGR makes in its own way
// (dates, binary, 32-bit reals, lists) is not read here; the caller then reads through OGR.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "geo/geopackage_rows.h"

class OGRFieldDefn;
class OGRLayer;

namespace geo {

// How OGR turns one column into text.
struct ColumnReading {
    enum class Kind : std::uint8_t { Absent, Text, Integer, Integer64, Real };
    Kind kind = Kind::Absent;
    int precision = -1; // a real of declared width is printed with this many decimals

    // The reading of an OGR field (null: the layer has no such field, which reads unset), or
    // nullopt when OGR's text for its type is not reproduced here.
    static std::optional<ColumnReading> of(const OGRFieldDefn* field);
};

// The text OGR gives, or "" where OGR leaves the field unset (NULL, or text SQLite cannot give).
std::string columnText(const GeoPackageRows::Row& row, int index, const ColumnReading& column);
// The same text without a std::string: in the row, or in `buffer` where it had to be made
// (a number printed as OGR prints it). Valid until the next row or the next use of `buffer`.
using ColumnBuffer = char[80];
std::string_view columnText(const GeoPackageRows::Row& row, int index, const ColumnReading& column,
                            ColumnBuffer& buffer);

// Set, not NULL and not an empty string: !columnText(...).empty() without printing.
bool columnHasText(const GeoPackageRows::Row& row, int index, const ColumnReading& column);

// parseNumber(columnText(...)), the way classification reads numbers, without printing and
// parsing the reals that give back the same double (see classification_inputs.cpp's number).
std::optional<double> columnNumber(const GeoPackageRows::Row& row, int index,
                                   const ColumnReading& column);

// Where a layer's rows live, when OGR reads it from a table of a GeoPackage file in fid order.
struct GeoPackageTable {
    std::string path, table, fid;
    std::string geometry; // empty for a table without geometry

    // nullopt when `layer` is not a table of a GeoPackage file on disk (a view, a /vsi path,
    // another driver) or has no fid column. Call on the thread that owns `layer`.
    static std::optional<GeoPackageTable> of(OGRLayer& layer);

    // Whether OGR reads the table in fid order: its fid is the INTEGER PRIMARY KEY (SQLite's
    // rowid) of a table, not a view's column.
    bool rowsInFidOrder(const GeoPackageRows& rows) const;
};

} // namespace geo
