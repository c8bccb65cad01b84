// The transfer ledger judged on a day other than the classification's, so a report can be
// made for last quarter without classifying again: which parcels a contract covers on that
// day and by which mode. The classifier's own rules decide (geo/transfer_status.h).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "geo/report/report_source.h"

namespace geo::report {

struct TransfersOnDay {
    std::string day; // YYYY-MM-DD
    // Transferred parcels: fid → the mode (LZFS) of the contract that decides, each parcel
    // once however many contracts cover it.
    std::unordered_map<long long, std::string> modeOf;
    std::vector<std::string> parcelIds; // their BSM, in parcel_classes order
    long long overlaps = 0;             // overlapping contract records flagged
};

// Reads the ledger (`transfers`; none means nothing is transferred) and the classified
// parcels' ids from the project.
TransfersOnDay transfersOnDay(const ReportSource& source, const std::string& day);

} // namespace geo::report
