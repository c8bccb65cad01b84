// What a report must say, computed for the tests straight from a project's raw layers with
// GDAL and PROJ, without any of tianmu's report (or import) code: the tests compare the
// report's files with these numbers.
#pragma once

#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace testing {

struct Expected {
    long long parcels = 0;
    double squareMetres = 0.0;
};

// (village code, zone id, transfer mode) → transferred parcels and area. Areas are geodesic
// (PROJ's geod_polygonarea on the parcels' geometries unprojected to their datum) when
// `surveyed` is false, else the parcels' TBDLMJ (or TBMJ − KCMJ).
using TransferKey = std::tuple<std::string, std::string, std::string>;
std::map<TransferKey, Expected> expectedTransfers(const std::string& project, bool surveyed);

// The same on `day` (YYYY-MM-DD), straight from the transfer ledger by SQL: a parcel is
// transferred when a ledger row naming its BSM runs from on or before the day to on or after
// it; the first such row in the ledger's order gives the mode; villages and zones are the
// classification's.
std::map<TransferKey, Expected> expectedTransfersOn(const std::string& project, bool surveyed,
                                                    const std::string& day);

// Village code → (all parcels, cropland) area in m², on the same basis.
std::map<std::string, std::pair<double, double>> expectedVillageLand(const std::string& project,
                                                                     bool surveyed);

// Rows of an OGR SQL query's first column as text (SQLite dialect), for small checks.
std::map<std::string, long long> countBy(const std::string& project, const std::string& sql);

// Parses CSV text (RFC 4180 quoting) into rows of fields.
std::vector<std::vector<std::string>> parseCsv(const std::string& text);

} // namespace testing
