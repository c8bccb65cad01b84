// One entry point for every report kind: opens the classified project, checks the request
// against it (the village codes, the classification's as-of day) and builds the Report.
#pragma once

#include <string>
#include <vector>

#include "geo/report/report_table.h"
#include "geo/report/transfer_report.h"

namespace geo::report {

struct ReportOptions {
    std::string project;
    std::string kind = "transfer"; // transfer, idle, discrepancy, expiring, atlas
    std::vector<std::string> groupBy{"village", "zone", "mode"};
    // Empty: the day the project was classified as of. Another day recomputes who is
    // transferred from the ledger and leaves out assets idle only since later (transfer,
    // idle, atlas); zones, idle parcels and funds stay as classified.
    std::string asOf;
    AreaBasis basis = AreaBasis::Ellipsoidal;
    int months = 6;                    // expiring: contracts ending within this many months
    std::vector<std::string> villages; // village codes (ZLDWDM or 12-digit); empty: all
    std::string district;              // empty: the project's, else its county code
    std::string labelsFile;            // data/reports/labels.json
    std::string language = "zh";       // zh or en
};

// The kinds buildReport knows.
const std::vector<std::string>& reportKinds();

// Throws InputError (naming the project and the fix) for an unclassified project, an
// unknown village code, and a selection with nothing to report.
Report buildReport(const ReportOptions& options);

} // namespace geo::report
