#include "geo/geopackage_bulk_writer.h"

#include <sqlite3.h>

#include "geo/error.h"
#include "geo/sql_quoting.h"

namespace geo {
namespace {

// The column declarations GDAL's GeoPackage driver writes for these OGR types.
const char* declaredType(OGRFieldType type) {
    switch (type) {
    case OFTString:
        return "TEXT";
    case OFTInteger:
        return "MEDIUMINT";
    case OFTInteger64:
        return "INTEGER";
    case OFTReal:
        return "REAL";
    default:
        return nullptr;
    }
}

} // namespace

GeoPackageBulkWriter::GeoPackageBulkWriter(sqlite3* db, std::string project, std::string table,
                                           const std::vector<FieldSpec>& fields)
    : m_db(db)
    , m_project(std::move(project))
    , m_table(std::move(table)) {
    std::string create = "CREATE TABLE " + sqlIdentifier(m_table) +
                         " ( \"fid\" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL";
    std::string columns, values;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const char* type = declaredType(fields[i].type);
        if (!type)
            throw Error("cannot create field " + fields[i].name + " of this type in bulk",
                        {m_project, m_table, {}, {}});
        create += ", " + sqlIdentifier(fields[i].name) + " " + type;
        columns += (i ? ", " : "") + sqlIdentifier(fields[i].name);
        values += (i ? ", ?" : "?") + std::to_string(i + 1);
    }
    execute(create + ")");
    execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
            "last_change, srs_id) VALUES (" +
            sqlText(m_table) + ", 'attributes', " + sqlText(m_table) +
            ", '', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 0)");
    const std::string sql =
        "INSERT INTO " + sqlIdentifier(m_table) + " (" + columns + ") VALUES (" + values + ")";
    if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &m_insert, nullptr) != SQLITE_OK)
        fail("cannot prepare the rows");
}

GeoPackageBulkWriter::~GeoPackageBulkWriter() {
    sqlite3_finalize(m_insert);
}

void GeoPackageBulkWriter::setInteger(int column, std::int64_t value) {
    sqlite3_bind_int64(m_insert, column + 1, value);
}

void GeoPackageBulkWriter::setReal(int column, double value) {
    sqlite3_bind_double(m_insert, column + 1, value);
}

void GeoPackageBulkWriter::setText(int column, std::string_view value) {
    // SQLite binds NULL for a null pointer; an empty string is '' (as OGR writes it).
    sqlite3_bind_text(m_insert, column + 1, value.data() ? value.data() : "",
                      static_cast<int>(value.size()), SQLITE_STATIC);
}

void GeoPackageBulkWriter::addRow() {
    if (sqlite3_step(m_insert) != SQLITE_DONE)
        fail("cannot write a row");
    sqlite3_reset(m_insert);
    sqlite3_clear_bindings(m_insert);
    ++m_rows;
}

void GeoPackageBulkWriter::finish() {
    sqlite3_finalize(m_insert);
    m_insert = nullptr;
    // GDAL keeps gpkg_ogr_contents current with these triggers; they are added after the rows
    // so that the bulk insert does not update the count a million times.
    const std::string name = sqlText(m_table);
    bool counted = false;
    sqlite3_stmt* probe = nullptr;
    if (sqlite3_prepare_v2(m_db,
                           "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = "
                           "'gpkg_ogr_contents'",
                           -1, &probe, nullptr) == SQLITE_OK)
        counted = sqlite3_step(probe) == SQLITE_ROW;
    sqlite3_finalize(probe);
    if (!counted)
        return;
    execute("INSERT INTO gpkg_ogr_contents (table_name, feature_count) VALUES (" + name + ", " +
            std::to_string(m_rows) + ")");
    for (const auto& [event, change] : {std::pair{"insert", "+"}, std::pair{"delete", "-"}})
        execute("CREATE TRIGGER " +
                sqlIdentifier(std::string("trigger_") + event + "_feature_count_" + m_table) +
                " AFTER " + (event == std::string("insert") ? "INSERT" : "DELETE") + " ON " +
                sqlIdentifier(m_table) +
                " BEGIN UPDATE gpkg_ogr_contents SET feature_count = feature_count " + change +
                " 1 WHERE lower(table_name) = lower(" + name + "); END");
}

void GeoPackageBulkWriter::execute(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        const std::string text = message ? message : "unknown error";
        sqlite3_free(message);
        throw Error("cannot write table " + m_table + " (" + text + ")",
                    {m_project, m_table, {}, {}});
    }
}

void GeoPackageBulkWriter::fail(const std::string& what) {
    throw Error(what + " (" + sqlite3_errmsg(m_db) + ")", {m_project, m_table, {}, {}});
}

} // namespace geo
