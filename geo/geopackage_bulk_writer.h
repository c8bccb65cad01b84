// The GeoPackage store's RowWriter: a table without geometry created and filled with prepared
// SQLite statements on GDAL's own connection, inside the transaction GDAL began, so a million
// rows cost a few binds and a share of a step each instead of an OGRFeature each. Only the
// GeoPackage project store uses it (GeoPackage SQL stays behind geo/project_store.h). The table it
// makes is the one GDAL would make for the same fields: the same column declarations, its
// gpkg_contents and gpkg_ogr_contents rows, and GDAL's feature-count triggers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "geo/project_store.h"
#include "geo/row_writer.h"

struct sqlite3;
struct sqlite3_stmt;

namespace geo {

class GeoPackageBulkWriter final : public RowWriter {
public:
    // Creates `table` (which must not exist) on `db`. Throws Error for a field type other than
    // string, integer, 64-bit integer or real, or when SQLite refuses.
    GeoPackageBulkWriter(sqlite3* db, std::string project, std::string table,
                         const std::vector<FieldSpec>& fields);
    ~GeoPackageBulkWriter() override;
    GeoPackageBulkWriter(const GeoPackageBulkWriter&) = delete;
    GeoPackageBulkWriter& operator=(const GeoPackageBulkWriter&) = delete;

    void setInteger(int column, std::int64_t value) override;
    void setReal(int column, double value) override;
    void setText(int column, std::string_view value) override;
    void addRow() override;
    void finish() override;

private:
    // One value of a buffered row; a text's bytes are in m_text.
    struct Value {
        enum class Kind : std::uint8_t { Null, Integer, Real, Text } kind = Kind::Null;
        std::int64_t integer = 0;
        double real = 0.0;
        std::size_t textStart = 0, textSize = 0;
    };

    void execute(const std::string& sql);
    sqlite3_stmt* prepare(std::size_t rows);
    // Binds the first `rows` buffered rows to `statement` (made for that many) and steps it.
    void insert(sqlite3_stmt* statement, std::size_t rows);
    [[noreturn]] void fail(const std::string& what);

    sqlite3* m_db;
    std::string m_project, m_table;
    std::string m_insertHead; // INSERT INTO table (columns) VALUES
    std::size_t m_columns = 0;
    std::size_t m_batchRows = 1; // rows per multi-row INSERT
    sqlite3_stmt* m_insert = nullptr;
    std::vector<Value> m_values; // m_batchRows rows of m_columns values
    std::string m_text;          // the buffered rows' text values, end to end
    std::size_t m_pending = 0;   // rows buffered and not yet inserted
    long long m_rows = 0;
};

} // namespace geo
