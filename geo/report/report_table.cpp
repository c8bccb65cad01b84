#include "geo/report/report_table.h"

namespace geo::report {

int Table::column(const std::string& k) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].key == k)
            return static_cast<int>(i);
    return -1;
}

Table filterRows(const Table& table, const std::string& key, const std::string& value) {
    Table out = table;
    out.rows.clear();
    const int c = table.column(key);
    if (c < 0)
        return out;
    for (const Row& r : table.rows)
        if (r.cells[static_cast<std::size_t>(c)].text == value)
            out.rows.push_back(r);
    return out;
}

} // namespace geo::report
