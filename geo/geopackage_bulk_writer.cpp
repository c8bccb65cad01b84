#include "geo/geopackage_bulk_writer.h"

#include <optional>

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

// Rows given one by one are inserted this many at a time: a statement per batch, so the
// AUTOINCREMENT table's sqlite_sequence row is rewritten once per batch instead of per row.
constexpr std::size_t pendingRows = 1024;

} // namespace

GeoPackageBulkWriter::GeoPackageBulkWriter(sqlite3* db, std::string project, std::string table,
                                           const std::vector<FieldSpec>& fields)
    : m_db(db)
    , m_project(std::move(project))
    , m_table(std::move(table)) {
    if (fields.empty())
        throw Error("cannot create a table without fields in bulk", {m_project, m_table, {}, {}});
    std::string create = "CREATE TABLE " + sqlIdentifier(m_table) +
                         " ( \"fid\" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL";
    std::string columns, values;
    std::optional<std::size_t> keyColumn;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const char* type = declaredType(fields[i].type);
        if (!type)
            throw Error("cannot create field " + fields[i].name + " of this type in bulk",
                        {m_project, m_table, {}, {}});
        create += ", " + sqlIdentifier(fields[i].name) + " " + type;
        columns += (i ? ", " : "") + sqlIdentifier(fields[i].name);
        values.append(i ? ", " : "").append(SqliteBatchTable::columnName(i));
        if (fields[i].rowFid) { // the same batch column into the primary key as well
            if (fields[i].type != OFTInteger && fields[i].type != OFTInteger64)
                throw Error("cannot key rows by field " + fields[i].name + ", not an integer",
                            {m_project, m_table, {}, {}});
            if (keyColumn)
                throw Error("cannot key rows by two fields, " + fields[*keyColumn].name + " and " +
                                fields[i].name,
                            {m_project, m_table, {}, {}});
            keyColumn = i;
            columns += ", \"fid\"";
            values += std::string(", ") + SqliteBatchTable::keyName();
        }
    }
    execute(create + ")");
    // The rows' keys are left to SQLite where it would give the same (see SqliteBatchTable):
    // only right while it counts from the table's largest key, not from an older table's
    // AUTOINCREMENT counter left under the same name.
    if (keyColumn)
        execute("DELETE FROM sqlite_sequence WHERE name = " + sqlText(m_table));
    for (const FieldSpec& field : fields)
        if (field.indexed)
            execute("CREATE INDEX " + sqlIdentifier(m_table + "_" + field.name + "_idx") + " ON " +
                    sqlIdentifier(m_table) + " (" + sqlIdentifier(field.name) + ")");
    execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
            "last_change, srs_id) VALUES (" +
            sqlText(m_table) + ", 'attributes', " + sqlText(m_table) +
            ", '', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 0)");
    // The rows still go in one after the other, in the batch's order, so their fids are as
    // with one INSERT per row; the untyped batch columns take the declared types' affinities
    // exactly as bound parameters did.
    m_source = std::make_unique<SqliteBatchTable>(m_db, fields.size(), keyColumn);
    const std::string insert = "INSERT INTO " + sqlIdentifier(m_table) + " (" + columns +
                               ") SELECT " + values + " FROM " + m_source->name();
    if (sqlite3_prepare_v2(m_db, insert.c_str(), -1, &m_insert, nullptr) != SQLITE_OK) {
        const std::string message = sqlite3_errmsg(m_db);
        release();
        throw Error("cannot prepare the rows (" + message + ")", {m_project, m_table, {}, {}});
    }
    m_pending.reset(fields.size(), pendingRows);
}

GeoPackageBulkWriter::~GeoPackageBulkWriter() {
    release();
}

void GeoPackageBulkWriter::release() noexcept {
    // The statement reads the batch table: finalized first.
    sqlite3_finalize(m_insert);
    m_insert = nullptr;
    m_source.reset();
}

void GeoPackageBulkWriter::setInteger(int column, std::int64_t value) {
    m_pending.setInteger(column, value);
}

void GeoPackageBulkWriter::setReal(int column, double value) {
    m_pending.setReal(column, value);
}

void GeoPackageBulkWriter::setText(int column, std::string_view value) {
    m_pending.setText(column, value);
}

void GeoPackageBulkWriter::addRow() {
    m_pending.addRow();
    if (m_pending.full()) {
        insert(m_pending);
        m_pending.clear();
    }
}

void GeoPackageBulkWriter::addRows(const RowBatch& rows) {
    if (!m_pending.empty()) { // rows given one by one before these go first
        insert(m_pending);
        m_pending.clear();
    }
    insert(rows);
}

void GeoPackageBulkWriter::finish() {
    if (!m_pending.empty()) {
        insert(m_pending);
        m_pending.clear();
    }
    release();
    // A long table (nudged on the way) is mostly on its way to the disk: it is synced while
    // the caller goes on, not in the commit's sync (0.1 s at a million rows).
    if (m_batches >= 16)
        m_writeback.settleInBackground();
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

void GeoPackageBulkWriter::insert(const RowBatch& rows) {
    if (!m_insert)
        throw Error("cannot write rows after the table was finished", {m_project, m_table, {}, {}});
    if (rows.columns() != m_pending.columns())
        throw Error("cannot write rows of " + std::to_string(rows.columns()) +
                        " columns into a table of " + std::to_string(m_pending.columns()),
                    {m_project, m_table, {}, {}});
    if (rows.empty())
        return;
    m_source->show(&rows);
    const bool done = sqlite3_step(m_insert) == SQLITE_DONE;
    const std::string message = done ? std::string() : sqlite3_errmsg(m_db);
    sqlite3_reset(m_insert);
    if (done) // a failed statement wrote none of them
        m_source->rowsWritten();
    m_source->show(nullptr);
    if (!done)
        throw Error("cannot write rows (" + message + ")", {m_project, m_table, {}, {}});
    m_rows += static_cast<long long>(rows.rows());
    // Every few megabytes of rows (SQLite's cache spills them into the file as it goes).
    if (++m_batches % 16 == 0)
        m_writeback.nudge();
}

} // namespace geo
