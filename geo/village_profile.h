// Villages in classification: which village each parcel belongs to (by location, checked
// against its ZLDWDM), the per-village aggregates, village types, and the idle-item ledger.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "geo/classification_inputs.h"
#include "geo/flat_geometry.h"
#include "geo/idle_reasons.h"
#include "geo/river_distance.h"
#include "geo/row_batch.h"
#include "geo/rule_set.h"
#include "geo/transfer_status.h"

namespace geo {

struct VillageAssignment {
    std::vector<int> village; // per parcel: index into inputs.villages, or -1
    // Per parcel: how its village was decided, as an index into `reasons`. A million parcels
    // share a handful of texts (one per pair of disagreeing codes at most), so each is kept once.
    std::vector<std::uint32_t> reason;
    std::vector<std::string> reasons;
    const std::string& rule(std::size_t parcel) const { return reasons[reason[parcel]]; }
    struct Mismatch {
        std::string parcel, attributeCode, locationCode;
    };
    std::vector<Mismatch> mismatches;
};

// Each parcel's village by location is the one holding the largest part of it (equal parts: the
// one holding its inner point, geo::interiorPoint), checked against its ZLDWDM; `locationWins` says
// which decides when they disagree.
VillageAssignment assignVillages(const ClassificationInputs& inputs, bool locationWins);

struct VillageProfile {
    std::string code, name;
    long long households = 0, parcels = 0;
    double areaMu = 0.0, idleMu = 0.0, transferredMu = 0.0, cashCropShare = 0.0;
    // From the village's centre (its inner point), metres; infinity when unknown (no such
    // layer, or nothing within 50 km).
    double centreRiverDistance = 0.0;
    double centreRoadDistance = 0.0; // to the nearest main road
    double centreSeatDistance = 0.0; // to the nearest township seat (乡镇驻地)
    std::map<std::string, double> zoneMu;
    std::vector<std::string> types; // ids of the village types that apply
    std::string primaryType;        // the first that applies, in rule-file order
    std::string typeReasons;
};

std::vector<VillageProfile> profileVillages(const ClassificationInputs& inputs,
                                            const RuleSet& rules, const VillageAssignment& villages,
                                            const std::vector<int>& decided,
                                            const std::vector<bool>& idle,
                                            const TransferStatus& transfers,
                                            const RiverDistance& rivers);

// The parcel that contains each idle asset of `inputs.assets` (in their order; -1 where none):
// a pass over every parcel's vertices, apart from writeIdleItems so that it can run on another
// thread while other tables are written.
std::vector<int> idleAssetParcels(const ClassificationInputs& inputs, const RuleSet& rules);

// The rows of `idle_items`: every idle parcel, idle asset and village with idle funds, each with
// its category, village, zone, suggested use and rule. Made apart from writing them, so that
// classification makes them on another thread while it writes the parcels' rows. Pure; throws
// Error naming `project` when `assetParcels` (idleAssetParcels(inputs, rules)) are not those of
// the idle assets.
RowBatch idleItemRows(const std::string& project, const ClassificationInputs& inputs,
                      const RuleSet& rules, const VillageAssignment& villages,
                      const std::vector<int>& decided, const std::vector<bool>& idle,
                      const IdleReasons& idleRule, const std::vector<int>& assetParcels);
// Replaces `idle_items` with `rows` (idleItemRows's), inside the caller's transaction.
void writeIdleItems(ProjectStore& store, const RowBatch& rows);
void writeVillageProfiles(ProjectStore& store, const RuleSet& rules,
                          const std::vector<VillageProfile>& profiles,
                          const VillageAssignment& villages);

} // namespace geo
