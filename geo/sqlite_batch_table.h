// An SQLite virtual table over a RowBatch: `INSERT INTO t (…) SELECT c0, c1, … FROM <it>` writes
// a whole batch in one statement, where a multi-row INSERT binds every value as a parameter
// and copies each VALUES row through registers. It lives on one connection under its own name
// for as long as the object does; nothing of it is written to the database.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "geo/row_batch.h"

struct sqlite3;

namespace geo {

class SqliteBatchTable {
public:
    // Registers the table (columns c0, c1, …, untyped, so values keep their storage class) on
    // `db`. Throws Error when SQLite refuses.
    //
    // With `keyColumn`, the column whose integers key the rows (go into the target table's
    // INTEGER PRIMARY KEY), the table has one more column, keyName(): the key, or NULL where
    // SQLite would give the row that key itself, one more than the largest key in the table.
    // SQLite looks an explicit key up first (a descent of the table's tree per row, 12 % of
    // a million-row insert); a NULL key is the end of the table. That holds only while the
    // target table starts empty with no sqlite_sequence entry, and takes no rows but these,
    // each batch either wholly written (rowsWritten()) or not at all (a failed statement).
    SqliteBatchTable(sqlite3* db, std::size_t columns,
                     std::optional<std::size_t> keyColumn = std::nullopt);
    // Unregisters it: statements that read it must be finalized before.
    ~SqliteBatchTable();
    SqliteBatchTable(const SqliteBatchTable&) = delete;
    SqliteBatchTable& operator=(const SqliteBatchTable&) = delete;

    // The rows statements read from it until the next call (none when nullptr). The batch
    // must outlive those steps; its texts are handed to SQLite without a copy.
    void show(const RowBatch* batch);
    // The rows shown are all in the target table now: the largest key moves on.
    void rowsWritten() noexcept;

    // Its name, to use in SQL as it is.
    const std::string& name() const noexcept { return m_name; }
    // The name of column `column` (from 0) in SQL: "c0", "c1", …
    static std::string columnName(std::size_t column);
    // The name of the key column in SQL ("k"), with a `keyColumn`.
    static const char* keyName() noexcept { return "k"; }

    // For the module's callbacks.
    const RowBatch* shown() const noexcept { return m_batch; }
    std::size_t columns() const noexcept { return m_columns; }
    std::optional<std::size_t> keyColumn() const noexcept { return m_keyColumn; }
    // Whether row `row` of the batch shown goes without its key (see the constructor).
    bool keyLeftToSqlite(std::size_t row) const noexcept { return m_keyLeft[row] != 0; }

private:
    sqlite3* m_db;
    std::size_t m_columns;
    std::string m_name;
    const RowBatch* m_batch = nullptr;
    std::optional<std::size_t> m_keyColumn;
    // The largest key in the target table (none: no row yet), while it can be told from the
    // rows: a key that is not an integer (SQLite may make one of it, or refuse) loses it.
    std::optional<std::int64_t> m_largestKey;
    bool m_largestKnown = true;
    std::vector<std::uint8_t> m_keyLeft;        // per row shown: 1 where its key is left to SQLite
    std::optional<std::int64_t> m_largestAfter; // m_largestKey once the rows shown are in
    bool m_knownAfter = true;
};

} // namespace geo
