// The ledger reports: the idle-resource ledger (闲置资源台账), the discrepancies between the
// ledgers and the map, and the contracts expiring soon. Each reads the tables the
// classification wrote (idle_items, transfer_flags, village_mismatches) or the raw ledgers.
#pragma once

#include <string>
#include <vector>

#include "geo/report/report_labels.h"
#include "geo/report/report_source.h"
#include "geo/report/report_table.h"

namespace geo::report {

// Every idle parcel (resource), asset and fund per village, with village subtotals and
// totals per category; the second table sums each category. `villages` restricts (empty:
// all). `assetsIdleOn` (YYYY-MM-DD, empty: the classification's day) leaves out the idle
// assets whose idle-since day (XZRQ) is after it: they were not idle yet. Throws InputError
// when the selection holds no idle item.
std::vector<Table> idleTables(const ReportSource& source, const ReportLabels& labels,
                              const std::vector<std::string>& villages,
                              const std::string& assetsIdleOn = {});

// Contract area vs mapped area beyond the tolerance, ledger rows naming no parcel,
// overlapping or impossible contracts, village code mismatches, and imported features that
// were repaired or rejected; the second table counts each kind.
std::vector<Table> discrepancyTables(const ReportSource& source, const ReportLabels& labels,
                                     const std::vector<std::string>& villages);

// Contracts in force on `asOf` that end within `months` months of it, soonest first.
// Throws InputError when none does.
std::vector<Table> expiringTables(const ReportSource& source, const ReportLabels& labels,
                                  const std::string& asOf, int months,
                                  const std::vector<std::string>& villages);

} // namespace geo::report
