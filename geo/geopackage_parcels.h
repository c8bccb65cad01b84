// Reads the parcels classification needs straight from a GeoPackage's SQLite table, to the very
// values OGR gives (GetFieldAsString's text, the same rings in the same order) at a fraction of
// OGR's cost per feature. What it cannot read exactly as OGR does it refuses, and the caller
// reads through OGR instead.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "geo/classification_inputs.h"
#include "geo/geopackage_columns.h"
#include "geo/geopackage_rows.h"

class OGRLayer;

namespace geo {

// The parcels of one stretch of fids, in fid order.
struct ParcelStretch {
    std::vector<ParcelRecord> records;
    std::vector<std::string> attributes; // per record, the values of the fields rules name
    FlatLayer shapes;                    // not closed: stretches are joined, then closed
};

class GeoPackageParcels {
public:
    // How to read `parcels` directly, or nullopt when it cannot be: not a table of a GeoPackage
    // file, or a field it needs has a type whose text OGR makes in its own way (dates, binary,
    // 32-bit reals, lists). Call on the thread that owns `parcels`.
    static std::optional<GeoPackageParcels> plan(OGRLayer& parcels,
                                                 const std::vector<std::string>& attributeFields);

    // The lowest and highest fid, or {0, -1} when the table is empty. Throws InputError, also
    // when the rows are not in fid order (a view, a fid that is not the INTEGER PRIMARY KEY).
    std::pair<std::int64_t, std::int64_t> fidRange() const;

    // Appends the parcels with fid in [first, last], in fid order, read on a connection of its
    // own (so any thread may call it). False when a row holds something OGR would read in its
    // own way (a geometry that is not a polygon or multipolygon, a blob that is no GeoPackage
    // geometry, an unreadable table): then `out` is incomplete and the caller reads with OGR.
    // Room in `out` is the caller's to make (it grows as vectors do).
    bool read(std::int64_t first, std::int64_t last, ParcelStretch& out) const;
    // The same on a connection the caller keeps (opened on `path()`), for a thread that reads
    // stretch after stretch.
    bool read(const GeoPackageRows& connection, std::int64_t first, std::int64_t last,
              ParcelStretch& out) const;

    // The GeoPackage file.
    const std::string& path() const noexcept { return m_table.path; }

    // How many attribute values each parcel has (the fields rules name).
    std::size_t attributeCount() const noexcept { return m_columns.size() - 6; }

    // The number of parcels (as OGR counts them).
    std::size_t featureCount() const noexcept { return m_featureCount; }

private:
    GeoPackageTable m_table;
    std::size_t m_featureCount = 0;
    std::vector<ColumnReading> m_columns; // BSM, DLBM, ZLDWDM, AREA_ELL, TBMJ, TBDLMJ, attributes
    std::vector<std::string> m_names;     // their names in the table ("" when absent)
};

} // namespace geo
