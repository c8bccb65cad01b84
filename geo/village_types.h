// Village types (资源优势型, 区位优势型, 传统优势型): the measures a rule file's types test, and
// how one village's measures meet each type, alternative by alternative. Classify types the
// villages with it; tianmu explain --village and the identify panel show the same verdicts again
// from the measures village_stats stored.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <gdal_priv.h>

#include "geo/rule_set.h"

namespace geo {

// By the names rule files use: idle_area_mu, idle_area_mu_per_household,
// centre_river_distance_m, centre_road_distance_m, centre_seat_distance_m, cash_crop_share.
// Unset where the village has no such measure (no households; no rivers, main roads or seats).
using VillageMeasures = std::map<std::string, std::optional<double>>;

// What a village's stored row (village_stats) holds for one village.
struct StoredVillage {
    std::string code, name;
    long long households = 0;
    long long parcels = 0;
    double areaMu = 0.0, transferredMu = 0.0;
    // Area per zone (ZONE_<id>_MU), in the table's column order: zone id and 亩.
    std::vector<std::pair<std::string, double>> zoneMu;
    VillageMeasures measures;       // idle 亩, distances from the centre, cash-crop share
    std::vector<std::string> types; // TYPES, as classify stored them
    std::string primaryTypeName;    // PRIMARY_TYPE (the type's Chinese name)
};

// The measures of a village, from its figures; infinite distances are unknown.
VillageMeasures villageMeasures(double idleMu, long long households, double riverDistance,
                                double roadDistance, double seatDistance, double cashCropShare);

// One village type tried on one village.
struct VillageTypeTrace {
    std::string typeId, nameZh, nameEn;
    // The first alternative that holds, or -1 when none does.
    int alternative = -1;
    bool holds() const noexcept { return alternative >= 0; }
    // In English, for people: the tests of the alternative that holds ("idle resource area per
    // household 0.91 亩 is at least 0.5"), or why each alternative fails, "; and " between
    // them ("distance from the village centre to the nearest main road 2114 m is not at most
    // 300", "no data for the distance from the village centre to the township seat").
    std::string why;
    // The measure = value of each test of the alternative that holds, as village_stats'
    // TYPE_RULES records it ("idle_area_mu_per_household=0.9125 ").
    std::string stored;
};

// Every type of `rules` in rule-file order; the first that holds is the village's primary type.
std::vector<VillageTypeTrace> explainVillageTypes(const RuleSet& rules,
                                                  const VillageMeasures& measures);

// The village_stats row of the village with `code` (its ZLDWDM, or its name). Throws InputError
// when the project has no village_stats (it was never classified), or no such village (naming
// the villages it has).
StoredVillage readStoredVillage(GDALDataset& project, const std::string& code);

} // namespace geo
