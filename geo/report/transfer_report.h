// The land transfer area report (土地流转面积统计): transferred parcels by village (within
// township) × zone × transfer mode, with counts, 亩, 公顷, shares of the village's cropland and
// of its whole area, subtotals per village and township and a grand total.
#pragma once

#include <string>
#include <vector>

#include "geo/report/report_labels.h"
#include "geo/report/report_source.h"
#include "geo/report/report_table.h"
#include "geo/report/transfers_on_day.h"

namespace geo::report {

enum class AreaBasis {
    Ellipsoidal, // the parcel's area on the ellipsoid (AREA_ELL, computed at import)
    Surveyed,    // 三调 TBDLMJ: TBMJ net of the field-ridge deduction KCMJ
};

struct TransferReportOptions {
    std::vector<std::string> groupBy{"village", "zone", "mode"}; // any of the three, in order
    AreaBasis basis = AreaBasis::Ellipsoidal;
    std::vector<std::string> villages; // village codes to keep; empty: all
    // Who is transferred on another day than the classification's (null: the
    // classification's TRANSFERRED and LZFS).
    const TransfersOnDay* onDay = nullptr;
};

// Reads parcel_classes (who is transferred, by which mode, in which zone and village, unless
// `onDay` says who is) and the parcels' areas. Each parcel counts once however many contracts cover
// it. Throws InputError when nothing is left to report (no transferred parcel in the selection).
Table transferTable(const ReportSource& source, const ReportLabels& labels,
                    const TransferReportOptions& options);

// The areas of all parcels of the project at `path` in square metres, indexed by fid (0
// where there is none), on `basis`. Parcels without AREA_ELL get their geodesic area from
// the geometry. Opens its own connection, so it may run on any thread.
std::vector<double> parcelAreas(const std::string& path, AreaBasis basis);

} // namespace geo::report
