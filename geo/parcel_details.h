// Everything the project knows about one parcel, for the identify panel: its attributes, its
// areas, the zone and the rule that decided it, idle and transfer status, its ledger records.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <gdal_priv.h>

#include "geo/area.h"
#include "geo/project_edit.h"
#include "geo/rule_set.h"

namespace geo {

struct ParcelDetails {
    long long fid = -1;
    std::string bsm;
    // Every field of the parcel (name, value as text), in the layer's order.
    std::vector<std::pair<std::string, std::string>> attributes;
    std::optional<Area> ellipsoidal, planar, surveyed; // AREA_ELL, AREA_PLN, TBMJ

    bool classified = false; // has a parcel_classes row
    std::string zone, zoneName, zoneRule, suggestedUse;
    std::string villageCode, villageName, villageRule;
    bool idle = false;
    std::string idleRule;
    bool transferred = false;
    std::string transferMode, transferContract, transferRule;
    std::vector<TransferRecord> transfers; // every ledger record of the parcel (DKBM = BSM)

    // The facts the classification stored for the parcel (parcel_classes), unset where it had
    // none: what the rules were tried on, for showing the chain of rules again.
    std::optional<double> meanElevation, meanSlope, relativeElevation, riverDistance, riverHeight;
    std::optional<double> areaMu;
    bool projectHasRivers = false; // a missing river distance then means beyond the search
};

// The facts the rules were tried on for a classified parcel, from what the classification
// stored and the parcel's own attributes (those `rules` test): the rules' verdicts on them are
// the stored ones (tianmu explain and the identify panel show the chain from them).
ParcelFacts storedParcelFacts(const ParcelDetails& parcel, const RuleSet& rules);

// Reads parcel `fid` of `project` (a tianmu GeoPackage opened read-only or not). Throws
// InputError when the project has no parcel with that FID. Leaves no read statement open.
ParcelDetails readParcelDetails(GDALDataset& project, long long fid);

} // namespace geo
