#include "geo/geopackage_rows.h"

#include <cstring>

#include <sqlite3.h>

#include "geo/error.h"
#include "geo/sql_quoting.h"

namespace geo {
namespace {

sqlite3* db(void* handle) {
    return static_cast<sqlite3*>(handle);
}

sqlite3_stmt* stmt(void* handle) {
    return static_cast<sqlite3_stmt*>(handle);
}

} // namespace

GeoPackageRows::GeoPackageRows(const std::string& path)
    : m_path(path) {
    sqlite3* handle = nullptr;
    const int rc =
        sqlite3_open_v2(path.c_str(), &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    m_db = handle;
    if (rc != SQLITE_OK) {
        const std::string message = handle ? sqlite3_errmsg(handle) : "cannot open";
        sqlite3_close(handle);
        m_db = nullptr;
        throw InputError("cannot be opened as a GeoPackage: " + message, {path, {}, {}, {}});
    }
}

GeoPackageRows::~GeoPackageRows() {
    sqlite3_close(db(m_db));
}

bool GeoPackageRows::hasTable(const std::string& table) const {
    bool found = false;
    select("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = " +
               sqlText(table),
           {}, [&](const Row&) {
               found = true;
               return false;
           });
    return found;
}

std::vector<std::string> GeoPackageRows::columns(const std::string& table) const {
    std::vector<std::string> names;
    select("PRAGMA table_info(" + sqlIdentifier(table) + ")", {}, [&](const Row& row) {
        names.emplace_back(row.text(1));
        return true;
    });
    return names;
}

void GeoPackageRows::select(const std::string& sql, const std::vector<std::int64_t>& parameters,
                            const std::function<bool(const Row&)>& visit) const {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db(m_db), sql.c_str(), -1, &statement, nullptr) != SQLITE_OK)
        throw InputError(std::string("cannot be read (") + sqlite3_errmsg(db(m_db)) + "): " + sql,
                         {m_path, {}, {}, {}});
    for (std::size_t i = 0; i < parameters.size(); ++i)
        sqlite3_bind_int64(statement, static_cast<int>(i + 1), parameters[i]);
    Row row;
    row.statement = statement;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW)
        if (!visit(row)) {
            rc = SQLITE_DONE;
            break;
        }
    const std::string message = rc == SQLITE_DONE ? "" : sqlite3_errmsg(db(m_db));
    sqlite3_finalize(statement);
    if (!message.empty())
        throw InputError("could not be read to the end: " + message, {m_path, {}, {}, {}});
}

bool GeoPackageRows::Row::isNull(int column) const {
    return sqlite3_column_type(stmt(statement), column) == SQLITE_NULL;
}

std::int64_t GeoPackageRows::Row::integer(int column) const {
    return sqlite3_column_int64(stmt(statement), column);
}

double GeoPackageRows::Row::real(int column) const {
    return sqlite3_column_double(stmt(statement), column);
}

std::string_view GeoPackageRows::Row::text(int column) const {
    const unsigned char* text = sqlite3_column_text(stmt(statement), column);
    if (!text)
        return {};
    return {reinterpret_cast<const char*>(text),
            static_cast<std::size_t>(sqlite3_column_bytes(stmt(statement), column))};
}

std::pair<const unsigned char*, std::size_t> GeoPackageRows::Row::blob(int column) const {
    const void* data = sqlite3_column_blob(stmt(statement), column);
    if (!data)
        return {nullptr, 0};
    return {static_cast<const unsigned char*>(data),
            static_cast<std::size_t>(sqlite3_column_bytes(stmt(statement), column))};
}

std::pair<const unsigned char*, std::size_t> wkbOfGeoPackageBlob(const unsigned char* blob,
                                                                 std::size_t size) {
    // GeoPackage 1.x binary header: "GP", version, flags, srs_id (4 bytes), envelope.
    if (!blob || size < 8 || blob[0] != 'G' || blob[1] != 'P')
        return {nullptr, 0};
    const unsigned flags = blob[3];
    if (flags & 0x10U) // empty geometry
        return {nullptr, 0};
    static constexpr std::size_t envelopeBytes[8] = {0, 32, 48, 48, 64, 0, 0, 0};
    const std::size_t header = 8 + envelopeBytes[(flags >> 1) & 0x7U];
    if (size <= header)
        return {nullptr, 0};
    return {blob + header, size - header};
}

} // namespace geo
