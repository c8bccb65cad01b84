#include "geo/geopackage_bulk_writer.h"

#include <algorithm>

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
    , m_table(std::move(table))
    , m_columns(fields.size()) {
    std::string create = "CREATE TABLE " + sqlIdentifier(m_table) +
                         " ( \"fid\" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL";
    std::string columns;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const char* type = declaredType(fields[i].type);
        if (!type)
            throw Error("cannot create field " + fields[i].name + " of this type in bulk",
                        {m_project, m_table, {}, {}});
        create += ", " + sqlIdentifier(fields[i].name) + " " + type;
        columns += (i ? ", " : "") + sqlIdentifier(fields[i].name);
    }
    execute(create + ")");
    for (const FieldSpec& field : fields)
        if (field.indexed)
            execute("CREATE INDEX " + sqlIdentifier(m_table + "_" + field.name + "_idx") + " ON " +
                    sqlIdentifier(m_table) + " (" + sqlIdentifier(field.name) + ")");
    execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
            "last_change, srs_id) VALUES (" +
            sqlText(m_table) + ", 'attributes', " + sqlText(m_table) +
            ", '', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 0)");
    m_insertHead = "INSERT INTO " + sqlIdentifier(m_table) + " (" + columns + ") VALUES ";
    // Each INSERT statement of an AUTOINCREMENT table reads and rewrites its sqlite_sequence
    // row: inserting many rows per statement pays that once per batch instead of once per
    // row. The rows still go in one after the other, so their fids are as before.
    const auto maxParameters = static_cast<std::size_t>(
        std::max(1, sqlite3_limit(m_db, SQLITE_LIMIT_VARIABLE_NUMBER, -1)));
    m_batchRows = m_columns == 0 ? 1 : std::clamp<std::size_t>(maxParameters / m_columns, 1, 64);
    m_insert = prepare(m_batchRows);
    m_values.resize(m_batchRows * std::max<std::size_t>(m_columns, 1));
}

GeoPackageBulkWriter::~GeoPackageBulkWriter() {
    sqlite3_finalize(m_insert);
}

void GeoPackageBulkWriter::setInteger(int column, std::int64_t value) {
    Value& v = m_values[m_pending * m_columns + static_cast<std::size_t>(column)];
    v.kind = Value::Kind::Integer;
    v.integer = value;
}

void GeoPackageBulkWriter::setReal(int column, double value) {
    Value& v = m_values[m_pending * m_columns + static_cast<std::size_t>(column)];
    v.kind = Value::Kind::Real;
    v.real = value;
}

void GeoPackageBulkWriter::setText(int column, std::string_view value) {
    // Copied: the caller's text need only live until addRow(), the row until its batch is in.
    Value& v = m_values[m_pending * m_columns + static_cast<std::size_t>(column)];
    v.kind = Value::Kind::Text;
    v.textStart = m_text.size();
    v.textSize = value.size();
    m_text.append(value);
}

void GeoPackageBulkWriter::addRow() {
    ++m_rows;
    if (++m_pending == m_batchRows)
        insert(m_insert, m_batchRows);
}

void GeoPackageBulkWriter::finish() {
    if (m_pending > 0) { // the last rows, fewer than a batch
        sqlite3_stmt* last = prepare(m_pending);
        try {
            insert(last, m_pending);
        } catch (...) {
            sqlite3_finalize(last);
            throw;
        }
        sqlite3_finalize(last);
    }
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

sqlite3_stmt* GeoPackageBulkWriter::prepare(std::size_t rows) {
    std::string row = "(";
    for (std::size_t c = 0; c < m_columns; ++c)
        row += c ? ", ?" : "?";
    row += ")";
    std::string sql = m_insertHead;
    sql.reserve(sql.size() + rows * (row.size() + 2));
    for (std::size_t r = 0; r < rows; ++r)
        sql += (r ? ", " : "") + row;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK)
        fail("cannot prepare the rows");
    return statement;
}

void GeoPackageBulkWriter::insert(sqlite3_stmt* statement, std::size_t rows) {
    // Every parameter is bound on every batch (NULL where a column was not set), so nothing
    // from the previous batch can remain; the texts are bound in place, not copied again.
    int parameter = 1;
    for (std::size_t i = 0; i < rows * m_columns; ++i, ++parameter) {
        Value& v = m_values[i];
        switch (v.kind) {
        case Value::Kind::Null:
            sqlite3_bind_null(statement, parameter);
            break;
        case Value::Kind::Integer:
            sqlite3_bind_int64(statement, parameter, v.integer);
            break;
        case Value::Kind::Real:
            sqlite3_bind_double(statement, parameter, v.real);
            break;
        case Value::Kind::Text:
            sqlite3_bind_text(statement, parameter, m_text.data() + v.textStart,
                              static_cast<int>(v.textSize), SQLITE_STATIC);
            break;
        }
        v.kind = Value::Kind::Null;
    }
    if (sqlite3_step(statement) != SQLITE_DONE)
        fail("cannot write rows");
    sqlite3_reset(statement);
    m_pending = 0;
    m_text.clear();
}

void GeoPackageBulkWriter::fail(const std::string& what) {
    throw Error(what + " (" + sqlite3_errmsg(m_db) + ")", {m_project, m_table, {}, {}});
}

} // namespace geo
