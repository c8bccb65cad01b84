#include "geo/sqlite_batch_table.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <limits>

#include <sqlite3.h>

#include "geo/error.h"

namespace geo {
namespace {

// The module's table and cursor: SQLite's structs first, as it requires.
struct Table {
    sqlite3_vtab base{};
    const SqliteBatchTable* owner = nullptr;
};
struct Cursor {
    sqlite3_vtab_cursor base{};
    const RowBatch* batch = nullptr; // the rows shown when the scan began
    std::size_t row = 0;
};

const SqliteBatchTable& ownerOf(sqlite3_vtab* table) {
    return *reinterpret_cast<Table*>(table)->owner;
}
Cursor& cursorOf(sqlite3_vtab_cursor* cursor) {
    return *reinterpret_cast<Cursor*>(cursor);
}

int connect(sqlite3* db, void* aux, int, const char* const*, sqlite3_vtab** out, char**) {
    const auto* owner = static_cast<const SqliteBatchTable*>(aux);
    std::string columns;
    for (std::size_t c = 0; c < owner->columns(); ++c)
        columns.append(c ? ", " : "").append(SqliteBatchTable::columnName(c));
    if (owner->keyColumn())
        columns.append(", ").append(SqliteBatchTable::keyName());
    if (const int rc = sqlite3_declare_vtab(db, ("CREATE TABLE x (" + columns + ")").c_str());
        rc != SQLITE_OK)
        return rc;
    // Only statements the writer prepares may read it, never a trigger or view in the file.
    sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
    auto* table = new Table;
    table->owner = owner;
    *out = &table->base;
    return SQLITE_OK;
}

int disconnect(sqlite3_vtab* table) {
    delete reinterpret_cast<Table*>(table);
    return SQLITE_OK;
}

int bestIndex(sqlite3_vtab* table, sqlite3_index_info* info) {
    // A full scan is the only plan: no constraint is used.
    const RowBatch* batch = ownerOf(table).shown();
    info->estimatedRows = batch ? static_cast<sqlite3_int64>(batch->rows()) : 0;
    info->estimatedCost = static_cast<double>(info->estimatedRows) + 1.0;
    return SQLITE_OK;
}

int open(sqlite3_vtab* table, sqlite3_vtab_cursor** out) {
    auto* cursor = new Cursor;
    cursor->batch = ownerOf(table).shown();
    *out = &cursor->base;
    return SQLITE_OK;
}

int close(sqlite3_vtab_cursor* cursor) {
    delete reinterpret_cast<Cursor*>(cursor);
    return SQLITE_OK;
}

int filter(sqlite3_vtab_cursor* cursor, int, const char*, int, sqlite3_value**) {
    cursorOf(cursor).row = 0;
    return SQLITE_OK;
}

int next(sqlite3_vtab_cursor* cursor) {
    ++cursorOf(cursor).row;
    return SQLITE_OK;
}

int eof(sqlite3_vtab_cursor* cursor) {
    const Cursor& c = cursorOf(cursor);
    return !c.batch || c.row >= c.batch->rows();
}

int column(sqlite3_vtab_cursor* cursor, sqlite3_context* context, int index) {
    const Cursor& c = cursorOf(cursor);
    auto at = static_cast<std::size_t>(index);
    if (at == c.batch->columns()) { // the key column
        const SqliteBatchTable& owner = *reinterpret_cast<const Table*>(cursor->pVtab)->owner;
        if (owner.keyLeftToSqlite(c.row)) {
            sqlite3_result_null(context);
            return SQLITE_OK;
        }
        at = *owner.keyColumn();
    }
    const RowBatch::Value& v = c.batch->value(c.row, at);
    switch (v.kind) {
    case RowBatch::Value::Kind::Null:
        sqlite3_result_null(context);
        break;
    case RowBatch::Value::Kind::Integer:
        sqlite3_result_int64(context, v.integer);
        break;
    case RowBatch::Value::Kind::Real:
        sqlite3_result_double(context, v.real);
        break;
    case RowBatch::Value::Kind::Text: {
        const std::string_view text = c.batch->text(v);
        // Static: the batch outlives the statement's step, and SQLite copies the bytes into
        // the record it writes.
        sqlite3_result_text(context, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
        break;
    }
    }
    return SQLITE_OK;
}

int rowid(sqlite3_vtab_cursor* cursor, sqlite3_int64* out) {
    *out = static_cast<sqlite3_int64>(cursorOf(cursor).row);
    return SQLITE_OK;
}

// Eponymous only (no xCreate): the table exists under the module's name without a CREATE
// VIRTUAL TABLE, so nothing about it goes into the database's schema.
const sqlite3_module batchModule = {
    0,          // iVersion
    nullptr,    // xCreate
    connect,    // xConnect
    bestIndex,  // xBestIndex
    disconnect, // xDisconnect
    disconnect, // xDestroy
    open,       // xOpen
    close,      // xClose
    filter,     // xFilter
    next,       // xNext
    eof,        // xEof
    column,     // xColumn
    rowid,      // xRowid
    nullptr,    // xUpdate
    nullptr,    // xBegin
    nullptr,    // xSync
    nullptr,    // xCommit
    nullptr,    // xRollback
    nullptr,    // xFindFunction
    nullptr,    // xRename
    nullptr,    // xSavepoint
    nullptr,    // xRelease
    nullptr,    // xRollbackTo
    nullptr,    // xShadowName
};

} // namespace

SqliteBatchTable::SqliteBatchTable(sqlite3* db, std::size_t columns,
                                   std::optional<std::size_t> keyColumn)
    : m_db(db)
    , m_columns(columns)
    , m_keyColumn(keyColumn) {
    if (m_keyColumn && *m_keyColumn >= m_columns)
        throw Error("the rows' key column " + std::to_string(*m_keyColumn) + " is not one of " +
                    std::to_string(m_columns));
    // A name of its own, so that two writers alive at once never share a table.
    static std::atomic<unsigned> count{0};
    m_name = "tianmu_batch_rows_" + std::to_string(++count);
    if (sqlite3_create_module(m_db, m_name.c_str(), &batchModule, this) != SQLITE_OK)
        throw Error("cannot register the rows to write with SQLite (" +
                    std::string(sqlite3_errmsg(m_db)) + ")");
}

SqliteBatchTable::~SqliteBatchTable() {
    sqlite3_create_module(m_db, m_name.c_str(), nullptr, nullptr);
}

void SqliteBatchTable::show(const RowBatch* batch) {
    m_batch = batch;
    if (!batch || !m_keyColumn)
        return;
    m_keyLeft.assign(batch->rows(), 0);
    std::optional<std::int64_t> largest = m_largestKey;
    bool known = m_largestKnown;
    for (std::size_t row = 0; row < batch->rows(); ++row) {
        const RowBatch::Value& key = batch->value(row, *m_keyColumn);
        if (key.kind == RowBatch::Value::Kind::Integer) {
            m_keyLeft[row] = known && largest &&
                             *largest < std::numeric_limits<std::int64_t>::max() &&
                             key.integer == *largest + 1;
            if (known)
                largest = largest ? std::max(*largest, key.integer) : key.integer;
        } else if (key.kind == RowBatch::Value::Kind::Null) {
            // SQLite gives the row a key of its own: the next, or 1 in an empty table.
            if (known)
                largest = largest ? *largest + 1 : 1;
        } else { // a real or text SQLite may make an integer of, or refuse
            known = false;
        }
    }
    m_largestAfter = largest;
    m_knownAfter = known;
}

void SqliteBatchTable::rowsWritten() noexcept {
    if (!m_batch || !m_keyColumn)
        return;
    m_largestKey = m_largestAfter;
    m_largestKnown = m_knownAfter;
}

std::string SqliteBatchTable::columnName(std::size_t column) {
    // Appended, not "c" + to_string(): GCC 12 warns falsely (-Wrestrict) on that temporary.
    std::string name = std::to_string(column);
    name.insert(name.begin(), 'c');
    return name;
}

} // namespace geo
