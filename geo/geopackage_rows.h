// Reads rows of a GeoPackage table straight from SQLite, read-only, for the few hot paths that
// read every parcel of a county (the map's drawing data): GDAL's per-feature objects cost
// several times more than the data. Everything else goes through GDAL.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace geo {

class GeoPackageRows {
public:
    // Opens `path` read-only (its own connection: one per thread). Throws InputError.
    explicit GeoPackageRows(const std::string& path);
    ~GeoPackageRows();
    GeoPackageRows(const GeoPackageRows&) = delete;
    GeoPackageRows& operator=(const GeoPackageRows&) = delete;

    bool hasTable(const std::string& table) const;
    std::vector<std::string> columns(const std::string& table) const;

    // One row: column values by position in the query's column list.
    class Row {
    public:
        bool isNull(int column) const;
        std::int64_t integer(int column) const;
        double real(int column) const;
        std::string_view text(int column) const; // empty for NULL
        // A BLOB's bytes (e.g. a GeoPackage geometry); empty for NULL.
        std::pair<const unsigned char*, std::size_t> blob(int column) const;
        void* statement = nullptr;
    };

    // Runs `sql` (a SELECT; `?1`, `?2` bound to the integers given) and calls `visit` per row;
    // return false from it to stop. Throws InputError with SQLite's message.
    void select(const std::string& sql, const std::vector<std::int64_t>& parameters,
                const std::function<bool(const Row&)>& visit) const;

private:
    std::string m_path;
    void* m_db = nullptr; // sqlite3*
};

// The WKB inside a GeoPackage geometry blob (after its header and envelope), or {nullptr, 0}
// for an empty geometry or a blob that is not one.
std::pair<const unsigned char*, std::size_t> wkbOfGeoPackageBlob(const unsigned char* blob,
                                                                 std::size_t size);

} // namespace geo
