#include "geo/geopackage_parcels.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

#include <cpl_string.h>
#include <ogrsf_frmts.h>

#include "geo/error.h"
#include "geo/geopackage_rows.h"
#include "geo/mapping_profile.h"
#include "geo/sql_quoting.h"
#include "geo/wkb_cursor.h"

namespace geo {
namespace {

using Row = GeoPackageRows::Row;

// The first columns of the query: fid, geometry; the fields follow.
constexpr int firstField = 2;

// One polygon's rings, each a part, in the order of the WKB (as OGR keeps them).
bool appendPolygon(WkbCursor& in, int ordinates, FlatLayer& out) {
    std::uint32_t rings = 0;
    if (!in.u32(rings) || rings > in.remaining() / 4)
        return false;
    for (std::uint32_t r = 0; r < rings; ++r) {
        std::uint32_t points = 0;
        if (!in.u32(points) || std::size_t(points) * std::size_t(ordinates) * 8 > in.remaining())
            return false;
        const std::size_t ringStart = out.xy.size();
        out.partStart.push_back(static_cast<std::uint32_t>(ringStart / 2));
        out.partIsRing.push_back(1);
        if (ordinates == 2 && in.little && std::endian::native == std::endian::little) {
            // x, y, x, y, … as they lie in the blob: copied at once.
            out.xy.resize(ringStart + 2 * std::size_t(points));
            std::memcpy(out.xy.data() + ringStart, in.p, 16 * std::size_t(points));
            in.p += 16 * std::size_t(points);
            for (std::size_t k = ringStart; k < out.xy.size(); k += 2)
                out.extent.include(out.xy[k], out.xy[k + 1]);
        } else {
            for (std::uint32_t i = 0; i < points; ++i) {
                const double x = in.f64(), y = in.f64();
                for (int d = 2; d < ordinates; ++d)
                    in.f64(); // Z and M: classification reads x and y only, as it does from OGR
                out.xy.push_back(x);
                out.xy.push_back(y);
                out.extent.include(x, y);
            }
        }
        // Stored open, as from OGR (ClassificationInputs::parcelShapes): the vertex that
        // closes the ring repeats its first.
        if (points >= 4 && out.xy[ringStart] == out.xy[out.xy.size() - 2] &&
            out.xy[ringStart + 1] == out.xy.back())
            out.xy.resize(out.xy.size() - 2);
    }
    return true;
}

// Appends one feature's rings from a GeoPackage geometry blob (null: no geometry). False for
// anything but a well-formed polygon or multipolygon; `out` may then hold part of it.
bool appendFeature(const unsigned char* blob, std::size_t size, FlatLayer& out) {
    out.featurePart.push_back(static_cast<std::uint32_t>(out.partStart.size()));
    if (!blob)
        return true;
    // The GeoPackage header as GDAL reads it: "GP", version 0, flags, srs_id, envelope. The
    // empty flag is not looked at: GDAL reads the WKB behind it either way.
    if (size < 8 || blob[0] != 'G' || blob[1] != 'P' || blob[2] != 0 || (blob[3] & 0x20U))
        return false;
    static constexpr std::size_t envelopeBytes[8] = {0, 32, 48, 48, 64, 0, 0, 0};
    const unsigned envelope = (blob[3] >> 1) & 0x7U;
    if (envelope > 4 || size < 8 + envelopeBytes[envelope])
        return false;
    WkbCursor in{blob + 8 + envelopeBytes[envelope], blob + size};
    std::uint32_t type = 0;
    int ordinates = 2;
    if (!in.header(type, ordinates))
        return false;
    if (type == 3)
        return appendPolygon(in, ordinates, out);
    if (type != 6)
        return false;
    std::uint32_t parts = 0;
    if (!in.u32(parts) || parts > in.remaining() / 9)
        return false;
    for (std::uint32_t k = 0; k < parts; ++k) {
        int partOrdinates = 2;
        if (!in.header(type, partOrdinates) || type != 3 || !appendPolygon(in, partOrdinates, out))
            return false;
    }
    return true;
}

} // namespace

std::optional<GeoPackageParcels>
GeoPackageParcels::plan(OGRLayer& parcels, const std::vector<std::string>& attributeFields) {
    std::optional<GeoPackageTable> table = GeoPackageTable::of(parcels);
    if (!table || table->geometry.empty())
        return std::nullopt;
    GeoPackageParcels plan;
    plan.m_table = std::move(*table);
    plan.m_featureCount = static_cast<std::size_t>(std::max<GIntBig>(0, parcels.GetFeatureCount()));
    std::vector<std::string> names = {"BSM", "DLBM", "ZLDWDM", "AREA_ELL", "TBMJ", "TBDLMJ"};
    names.insert(names.end(), attributeFields.begin(), attributeFields.end());
    const OGRFeatureDefn* defn = parcels.GetLayerDefn();
    for (const std::string& name : names) {
        const int index = defn->GetFieldIndex(name.c_str()); // as OGR, ignoring case
        const OGRFieldDefn* f = index >= 0 ? defn->GetFieldDefn(index) : nullptr;
        const std::optional<ColumnReading> column = ColumnReading::of(f);
        if (!column)
            return std::nullopt;
        plan.m_columns.push_back(*column);
        plan.m_names.emplace_back(f ? f->GetNameRef() : "");
    }
    return plan;
}

std::pair<std::int64_t, std::int64_t> GeoPackageParcels::fidRange() const {
    const GeoPackageRows rows(m_table.path);
    // OGR reads a table in the order of its rows, the fid order only when the fid is the
    // table's INTEGER PRIMARY KEY (SQLite's rowid); a view it reads in the view's order.
    if (!m_table.rowsInFidOrder(rows))
        throw InputError("has a parcels table whose rows are not in fid order",
                         {m_table.path, m_table.table, {}, {}});
    std::pair<std::int64_t, std::int64_t> range{0, -1};
    rows.select(sqlMinMax(m_table.table, m_table.fid), {}, [&](const Row& row) {
        if (!row.isNull(0))
            range = {row.integer(0), row.integer(1)};
        return false;
    });
    return range;
}

bool GeoPackageParcels::read(std::int64_t first, std::int64_t last, ParcelStretch& out) const {
    try {
        const GeoPackageRows connection(m_table.path);
        return read(connection, first, last, out);
    } catch (const InputError&) {
        return false; // OGR reads it, or says what is wrong
    }
}

bool GeoPackageParcels::read(const GeoPackageRows& rows, std::int64_t first, std::int64_t last,
                             ParcelStretch& out) const {
    const std::string& fid = m_table.fid;
    std::string sql = "SELECT " + sqlIdentifier(fid) + ", " + sqlIdentifier(m_table.geometry);
    for (const std::string& name : m_names)
        sql += ", " + (name.empty() ? std::string("NULL") : sqlIdentifier(name));
    sql += " FROM " + sqlIdentifier(m_table.table) + " WHERE " + sqlIdentifier(fid) +
           " BETWEEN ?1 AND ?2 ORDER BY " + sqlIdentifier(fid);
    const int bsm = firstField, dlbm = firstField + 1, zldwdm = firstField + 2,
              areaEll = firstField + 3, tbmj = firstField + 4, tbdlmj = firstField + 5;
    const auto& c = m_columns;
    const std::size_t attributes = attributeCount();
    bool readable = true;
    try {
        rows.select(sql, {first, last}, [&](const Row& row) {
            const auto [blob, size] = row.blob(1);
            // A zero-length blob is no geometry GDAL reads (it says so): leave it to GDAL.
            if ((!blob && !row.isNull(1)) || !appendFeature(blob, size, out.shapes)) {
                readable = false;
                return false;
            }
            ParcelRecord r;
            r.fid = row.integer(0);
            ColumnBuffer buffer;
            r.id = columnText(row, bsm, c[0], buffer);
            r.landUse = columnText(row, dlbm, c[1]);
            r.villageCode = columnText(row, zldwdm, c[2], buffer);
            const auto gross = columnNumber(row, tbmj, c[4]);
            // AREA_ELL when it is set, even to something that is no number (then 0), else TBMJ.
            r.areaM2 =
                (columnHasText(row, areaEll, c[3]) ? columnNumber(row, areaEll, c[3]) : gross)
                    .value_or(0.0);
            const auto net = columnNumber(row, tbdlmj, c[5]);
            if (gross && net && *gross > 0 && *net > 0 && *net <= *gross)
                r.netShare = *net / *gross;
            for (std::size_t a = 0; a < attributes; ++a)
                out.attributes.push_back(columnText(row, firstField + 6 + int(a), c[6 + a]));
            out.records.push_back(std::move(r));
            return true;
        });
    } catch (const InputError&) {
        return false; // OGR reads it, or says what is wrong
    }
    return readable;
}

} // namespace geo
