#include "geo/geopackage_ledger.h"

#include <iterator>
#include <string>

#include <ogrsf_frmts.h>

#include "geo/error.h"
#include "geo/geopackage_columns.h"
#include "geo/geopackage_rows.h"
#include "geo/sql_quoting.h"

namespace geo {

std::optional<std::vector<TransferRow>> readTransferLedgerDirect(OGRLayer& transfers) {
    const std::optional<GeoPackageTable> table = GeoPackageTable::of(transfers);
    if (!table)
        return std::nullopt;
    // The columns in TransferRow's order; a field the ledger lacks reads empty, as through OGR.
    constexpr std::size_t fields = std::size(transferLedgerFields);
    ColumnReading columns[fields];
    std::string sql = "SELECT " + sqlIdentifier(table->fid);
    const OGRFeatureDefn* defn = transfers.GetLayerDefn();
    for (std::size_t k = 0; k < fields; ++k) {
        const int index = defn->GetFieldIndex(transferLedgerFields[k]); // as OGR, ignoring case
        const OGRFieldDefn* f = index >= 0 ? defn->GetFieldDefn(index) : nullptr;
        const std::optional<ColumnReading> column = ColumnReading::of(f);
        if (!column)
            return std::nullopt;
        columns[k] = *column;
        sql += ", " + (f ? sqlIdentifier(f->GetNameRef()) : std::string("NULL"));
    }
    sql += " FROM " + sqlIdentifier(table->table) + " ORDER BY " + sqlIdentifier(table->fid);
    std::vector<TransferRow> rows;
    rows.reserve(static_cast<std::size_t>(std::max<GIntBig>(0, transfers.GetFeatureCount())));
    try {
        const GeoPackageRows reader(table->path);
        if (!table->rowsInFidOrder(reader))
            return std::nullopt;
        reader.select(sql, {}, [&](const GeoPackageRows::Row& row) {
            rows.push_back({row.integer(0), columnText(row, 1, columns[0]),
                            columnText(row, 2, columns[1]), columnText(row, 3, columns[2]),
                            columnText(row, 4, columns[3]), columnText(row, 5, columns[4]),
                            columnText(row, 6, columns[5]),
                            columnNumber(row, 7, columns[6]).value_or(0.0)});
            return true;
        });
    } catch (const InputError&) {
        return std::nullopt; // OGR reads it, or says what is wrong
    }
    return rows;
}

} // namespace geo
