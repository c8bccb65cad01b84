// Classifies every parcel of a project by the rule set (development zone, idle three-assets,
// transfer status, village by location), types each village, and stores the results with
// the rule that decided each. Re-running replaces the previous results.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "geo/rule_set.h"

namespace geo {

struct ClassifyOptions {
    std::string project;
    std::string rules;        // a rule file
    std::string landUseCodes; // data/landuse/gbt21010-2017.json
    std::string asOf;         // YYYY-MM-DD; transfers are judged on this day
    std::function<void(const std::string& step, double fraction)> progress;
    // Asked at every progress step; when it returns true classification throws Cancelled and
    // the previous results stay as they were.
    std::function<bool()> cancelled;
    // A DEM of up to this many pixels is copied into memory for the heights above the river, so
    // that they can be worked out while the results are written; a larger one is sampled
    // through GDAL before anything is written (slower, same results).
    std::size_t demInMemoryPixels = std::size_t(1) << 25; // 256 MiB of elevations
};

struct ClassifySummary {
    struct ZoneTotal {
        std::string zone, name;
        long long parcels = 0;
        double mu = 0.0;
    };
    std::vector<ZoneTotal> zones; // in rule-set order, then "unclassified"
    long long parcels = 0;
    long long idleParcels = 0;
    double idleMu = 0.0;
    long long idleAssets = 0;
    long long idleFunds = 0;
    long long transferredParcels = 0;
    double transferredMu = 0.0;
    long long transferFlags = 0;
    long long villageMismatches = 0;
    std::map<std::string, long long> villagesByPrimaryType;
    std::vector<std::string> warnings;
};

// Throws InputError for a broken rule file or a project without parcels; nothing is
// written then. Throws Cancelled, writing nothing, when `options.cancelled` says so.
ClassifySummary classifyProject(const ClassifyOptions& options);

struct ParcelExplanation {
    std::string parcelId, landUse, zone, zoneName, suggestedUse, ruleId;
    ParcelFacts facts;
    std::vector<RuleTrace> trace;
    std::string village, villageRule, idleRule, transferRule;
};

// Every rule tried for one parcel, from the facts stored by the last classification.
// Throws InputError when the parcel or the classification is missing.
ParcelExplanation explainParcel(const std::string& project, const std::string& rules,
                                const std::string& landUseCodes, const std::string& parcelId);

// The land-use codes of GB/T 21010 from data/landuse/gbt21010-2017.json.
std::set<std::string> loadLandUseCodes(const std::string& path);

} // namespace geo
