// How report numbers look: shown rounded (two decimals for 亩, 公顷 and percentages, whole
// counts) in PDF, HTML and XLSX formats; written unrounded to CSV.
#pragma once

#include <string>

#include <QString>

#include "geo/report/report_table.h"

namespace app {

// The cell as shown in a printed table (rounded as the report's rounding note says).
QString displayText(const geo::report::Cell& cell, geo::report::ColumnType type);

// The cell as written to CSV: numbers in full (shortest round-trip form), counts whole.
std::string machineText(const geo::report::Cell& cell, geo::report::ColumnType type);

bool isNumeric(geo::report::ColumnType type);

} // namespace app
