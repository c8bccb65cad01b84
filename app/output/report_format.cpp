#include "app/output/report_format.h"

#include <charconv>
#include <cmath>

namespace app {

using geo::report::Cell;
using geo::report::ColumnType;

bool isNumeric(ColumnType type) {
    return type == ColumnType::Count || type == ColumnType::Mu || type == ColumnType::Hectare ||
           type == ColumnType::Percent;
}

QString displayText(const Cell& cell, ColumnType type) {
    if (!cell.isNumber)
        return QString::fromStdString(cell.text);
    if (type == ColumnType::Count)
        return QString::number(std::llround(cell.number));
    return QString::number(cell.number, 'f', 2);
}

std::string machineText(const Cell& cell, ColumnType type) {
    if (!cell.isNumber)
        return cell.text;
    if (type == ColumnType::Count)
        return std::to_string(std::llround(cell.number));
    char buf[64];
    const auto end = std::to_chars(buf, buf + sizeof buf, cell.number).ptr;
    return std::string(buf, end);
}

} // namespace app
