// An SQLite virtual table over a RowBatch: `INSERT INTO t (…) SELECT c0, c1, … FROM <it>` writes
// a whole batch in one statement, where a multi-row INSERT binds every value as a parameter
// and copies each VALUES row through registers. It lives on one connection under its own name
// for as long as the object does; nothing of it is written to the database.
#pragma once

#include <cstddef>
#include <string>

#include "geo/row_batch.h"

struct sqlite3;

namespace geo {

class SqliteBatchTable {
public:
    // Registers the table (columns c0, c1, …, untyped, so values keep their storage class) on
    // `db`. Throws Error when SQLite refuses.
    SqliteBatchTable(sqlite3* db, std::size_t columns);
    // Unregisters it: statements that read it must be finalized before.
    ~SqliteBatchTable();
    SqliteBatchTable(const SqliteBatchTable&) = delete;
    SqliteBatchTable& operator=(const SqliteBatchTable&) = delete;

    // The rows statements read from it until the next call (none when nullptr). The batch
    // must outlive those steps; its texts are handed to SQLite without a copy.
    void show(const RowBatch* batch) noexcept { m_batch = batch; }

    // Its name, to use in SQL as it is.
    const std::string& name() const noexcept { return m_name; }
    // The name of column `column` (from 0) in SQL: "c0", "c1", …
    static std::string columnName(std::size_t column);

    // For the module's callbacks.
    const RowBatch* shown() const noexcept { return m_batch; }
    std::size_t columns() const noexcept { return m_columns; }

private:
    sqlite3* m_db;
    std::size_t m_columns;
    std::string m_name;
    const RowBatch* m_batch = nullptr;
};

} // namespace geo
