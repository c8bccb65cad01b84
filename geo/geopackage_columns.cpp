#include "geo/geopackage_columns.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include <cpl_string.h>
#include <ogrsf_frmts.h>

#include "geo/mapping_profile.h"
#include "geo/sql_quoting.h"

namespace geo {
namespace {

using Row = GeoPackageRows::Row;
using Kind = ColumnReading::Kind;

// The column's text as OGR gives it, or nullptr for a field OGR leaves unset.
const char* text(const Row& row, int index, const ColumnReading& column, char (&buffer)[80]) {
    if (column.kind == Kind::Absent || row.isNull(index))
        return nullptr;
    switch (column.kind) {
    case Kind::Text:
        return row.text(index).data(); // OGR keeps the text up to its first NUL
    case Kind::Integer:                // the driver reads sqlite3_column_int: the low 32 bits
    case Kind::Integer64: {
        // OGR prints "%d" or "%lld": the digits to_chars gives, at a fraction of the cost.
        const std::int64_t v = row.integer(index);
        char* const last = buffer + sizeof buffer - 1;
        const auto end = column.kind == Kind::Integer
                             ? std::to_chars(buffer, last, static_cast<int>(v))
                             : std::to_chars(buffer, last, v);
        *end.ptr = '\0';
        return buffer;
    }
    case Kind::Real:
        if (column.precision >= 0) {
            char format[32];
            std::snprintf(format, sizeof format, "%%.%df", column.precision);
            CPLsnprintf(buffer, sizeof buffer, format, row.real(index));
        } else {
            CPLsnprintf(buffer, sizeof buffer, "%.15g", row.real(index));
        }
        return buffer;
    case Kind::Absent:
        break;
    }
    return nullptr;
}

// Whether OGR leaves the field unset: absent, NULL, or text SQLite cannot give.
bool unset(const Row& row, int index, const ColumnReading& column) {
    return column.kind == Kind::Absent || row.isNull(index) ||
           (column.kind == Kind::Text && !row.text(index).data());
}

} // namespace

std::optional<ColumnReading> ColumnReading::of(const OGRFieldDefn* field) {
    ColumnReading column;
    if (!field)
        return column;
    switch (field->GetType()) {
    case OFTString:
        column.kind = Kind::Text;
        break;
    case OFTInteger:
        column.kind = Kind::Integer;
        break;
    case OFTInteger64:
        column.kind = Kind::Integer64;
        break;
    case OFTReal:
        if (field->GetSubType() == OFSTFloat32)
            return std::nullopt;
        column.kind = Kind::Real;
        if (field->GetWidth() != 0)
            column.precision = field->GetPrecision();
        break;
    default:
        return std::nullopt;
    }
    return column;
}

std::string columnText(const Row& row, int index, const ColumnReading& column) {
    ColumnBuffer buffer;
    return std::string(columnText(row, index, column, buffer));
}

std::string_view columnText(const Row& row, int index, const ColumnReading& column,
                            ColumnBuffer& buffer) {
    const char* value = text(row, index, column, buffer);
    return value ? std::string_view(value) : std::string_view();
}

bool columnHasText(const Row& row, int index, const ColumnReading& column) {
    return !unset(row, index, column) &&
           (column.kind != Kind::Text || row.text(index).data()[0] != '\0');
}

std::optional<double> columnNumber(const Row& row, int index, const ColumnReading& column) {
    if (unset(row, index, column))
        return std::nullopt;
    if (column.kind == Kind::Real && column.precision < 0) {
        const double v = row.real(index);
        const double hundredths = std::nearbyint(v * 100.0);
        if (std::abs(hundredths) < 1e15 && hundredths / 100.0 == v)
            return v;
    }
    char buffer[80];
    return parseNumber(text(row, index, column, buffer));
}

std::optional<GeoPackageTable> GeoPackageTable::of(OGRLayer& layer) {
    GDALDataset* dataset = layer.GetDataset();
    if (!dataset || !dataset->GetDriver() ||
        !EQUAL(dataset->GetDriver()->GetDescription(), "GPKG") ||
        STARTS_WITH(dataset->GetDescription(), "/vsi") || !*layer.GetFIDColumn())
        return std::nullopt;
    return GeoPackageTable{dataset->GetDescription(), layer.GetName(), layer.GetFIDColumn(),
                           layer.GetGeometryColumn()};
}

bool GeoPackageTable::rowsInFidOrder(const GeoPackageRows& rows) const {
    bool isTable = false;
    rows.select("SELECT type FROM sqlite_master WHERE name = " + sqlText(table), {},
                [&](const Row& row) {
                    isTable = row.text(0) == "table";
                    return false;
                });
    if (!isTable)
        return false;
    bool rowid = false;
    rows.select("PRAGMA table_info(" + sqlIdentifier(table) + ")", {}, [&](const Row& row) {
        if (row.text(1) == fid)
            rowid = row.integer(5) == 1 && EQUAL(std::string(row.text(2)).c_str(), "INTEGER");
        return true;
    });
    return rowid;
}

} // namespace geo
