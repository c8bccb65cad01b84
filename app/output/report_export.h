// Makes one report file from a classified project: builds the report, loads the map when the
// format shows one, and writes it through the writer of the file's extension. Shared by
// `tianmu report` and the report dialog.
#pragma once

#include <string>

#include <QString>

#include "app/output/report_writers.h"
#include "geo/report/report_builder.h"

namespace app {

struct ReportExport {
    geo::report::ReportOptions options;
    std::string out; // .pdf, .xlsx, .csv or .html
    PdfSetup pdf;    // paper and orientation (the map and labels are filled in here)
    bool withTotals = false;
};

// Writes the file and returns a one-line summary ("wrote …, N rows, total … 亩"). Throws
// geo::InputError for bad input (nothing is written), std::exception otherwise.
QString exportReport(ReportExport request);

} // namespace app
