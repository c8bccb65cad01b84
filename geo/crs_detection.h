// Which coordinate reference system a layer is in, and why: from its .prj identified against
// PROJ's database, or inferred from its coordinates (Gauss-Kruger zone prefixes, lon/lat in
// China), checked against the CRS's area of use so that a lying .prj is reported.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "geo/extent.h"

namespace geo {

struct CrsDecision {
    int epsg = 0;          // 0 when unknown
    std::string name;      // PROJ's name, e.g. "CGCS2000 / 3-degree Gauss-Kruger zone 37"
    std::string decidedBy; // "override", "prj", "coordinates", "reference layer", "unknown"
    std::string reason;    // one sentence a planner understands
    std::vector<std::string>
        warnings; // e.g. the .prj does not fit the coordinates; no datum shift known
    bool needsConfirmation = false; // inferred: the user should confirm it
    bool operator==(const CrsDecision&) const = default;
};

struct CrsInput {
    std::string prjText; // the .prj content (WKT1 / ESRI WKT), or a dataset's WKT; may be empty
    Extent extent;       // the layer's extent in its own coordinates
    std::optional<int> overrideEpsg; // from --crs EPSG:N
    std::optional<int>
        referenceEpsg; // the CRS of a layer already in the project, for 6-digit eastings
};

// Never throws for unknown input: an undecidable CRS gives epsg 0 with the reason and what to
// do (pass --crs EPSG:N).
CrsDecision detectCrs(const CrsInput& input);

// EPSG code of a WKT or ESRI WKT string from PROJ's database (0 when PROJ finds no match it
// is confident of: an exact one, or a single equivalent definition under another name).
int identifyEpsg(const std::string& wkt);

// EPSG code of the non-deprecated CRS with exactly this name in PROJ's database, e.g.
// "CGCS2000 / 3-degree Gauss-Kruger CM 111E" → 4546; 0 when there is none.
int epsgByName(const std::string& name);

// Whether converting from `fromEpsg` to `toEpsg` has a real datum shift in PROJ's database
// (not only a "ballpark" transformation). Xian 1980 and Beijing 1954 to CGCS2000 usually do not.
bool hasDatumShift(int fromEpsg, int toEpsg);

} // namespace geo
