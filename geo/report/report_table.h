// A report as a value: tables of typed columns and rows (detail, subtotal, total) with their
// notes, plus the facts every report states (title, district, as-of date, data sources).
// Computed by geo/report from the project; written by app/output to CSV, XLSX, HTML and PDF.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace geo::report {

// What a column holds; writers pick the number format (亩 and 公顷 with two decimals, …).
enum class ColumnType { Text, Count, Mu, Hectare, Percent, Date };

struct Column {
    std::string key;   // stable, machine-readable (CSV consumers may rely on it)
    std::string label; // in the report's language, with the unit, e.g. "流转面积（亩）"
    ColumnType type = ColumnType::Text;
    bool printed = true; // false: codes kept for machines (CSV, XLSX), left out of PDF/HTML

    bool operator==(const Column&) const = default;
};

// A cell is text or an unrounded number; an empty text cell is a blank.
struct Cell {
    bool isNumber = false;
    double number = 0.0;
    std::string text;

    static Cell of(double value) { return {true, value, {}}; }
    static Cell of(std::string value) { return {false, 0.0, std::move(value)}; }
    bool operator==(const Cell&) const = default;
};

enum class RowKind { Detail, Subtotal, Total };

struct Row {
    RowKind kind = RowKind::Detail;
    int level = 0; // subtotals: 1 = innermost group (village), 2 = the next (township)
    std::vector<Cell> cells;

    bool operator==(const Row&) const = default;
};

struct Table {
    std::string key;   // e.g. "transfer", "idle_summary"; also the XLSX sheet's default name
    std::string title; // in the report's language
    std::vector<Column> columns;
    std::vector<Row> rows;
    std::vector<std::string> notes; // rounding rule, how overlaps count, …

    // Index of the column with `key`, or -1.
    int column(const std::string& key) const;
};

// One imported layer behind the report, with its source file and import date.
struct Source {
    std::string layer, file, imported;
    bool operator==(const Source&) const = default;
};

// A village's own pages in an atlas: its code, names, and its rows of the report's tables.
struct VillageSection {
    std::string code, name, township;
    std::vector<Table> tables;
};

struct Report {
    std::string kind;     // transfer, idle, discrepancy, expiring, atlas
    std::string language; // zh or en
    std::string title;    // e.g. "土地流转面积统计表"
    std::string district; // e.g. "零陵区" or the county code
    std::string asOf;     // YYYY-MM-DD
    std::string basis;    // how areas were measured, in words
    std::string generated;
    std::map<std::string, std::string> captions; // "district", "as_of", "page", … in its language
    std::vector<Source> sources;
    std::vector<Table> parts; // the first part is the main table (the CSV)
    std::vector<std::string> notes;
    std::vector<VillageSection> villages; // atlas only
    // Set when the report's day is not the classification's: who is transferred on that
    // day (BSM), recomputed from the ledger, for the maps to draw instead of TRANSFERRED.
    bool transfersRecomputed = false;
    std::vector<std::string> transferredParcels;
};

// Rows of `table` whose column `key` equals `value`, with the columns and notes kept.
Table filterRows(const Table& table, const std::string& key, const std::string& value);

} // namespace geo::report
