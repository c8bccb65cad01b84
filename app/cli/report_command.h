// `tianmu report`: the county's quarterly reports from a classified project (transfer areas,
// idle-resource ledger, discrepancies, expiring contracts, village atlas) as PDF, XLSX, CSV
// or HTML, the format following the output file's extension.
#pragma once

#include <QStringList>

namespace app {

int runReportCommand(const QStringList& arguments);

} // namespace app
