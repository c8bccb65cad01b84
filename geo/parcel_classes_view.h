// parcel_classes, the classification's row per parcel as readers and planners see it, is a
// view. The table classify writes, parcel_class_codes, holds what was decided for each
// parcel; the texts those decisions share are kept once, where they already live or in a small
// table of their own:
//   BSM, DLBM            the parcel's, in parcels (by PARCEL_FID)
//   ZONE_NAME, SUGGESTED_USE   in zones (by ZONE), one row per zone of the rule file
//   VILLAGE_NAME         in village_stats (by VILLAGE_STATS_FID, the village's row there)
//   VILLAGE_RULE         in village_reasons (by VILLAGE_REASON), a handful of texts
// A million rows a third narrower go into SQLite that much faster (their insert is classify's
// last step, on one core), and the view keeps every column, in the order the table had, for
// the window, the reports and QGIS. Its lookups cost only the readers that ask for them.
#pragma once

#include <string>
#include <vector>

#include "geo/project_store.h"
#include "geo/rule_set.h"

namespace geo {

inline constexpr const char* parcelClassesView = "parcel_classes";
inline constexpr const char* parcelClassCodesTable = "parcel_class_codes";
inline constexpr const char* zonesTable = "zones";
inline constexpr const char* villageReasonsTable = "village_reasons";

// Writes the zones table: each zone of `rules`, in their order, with its name and suggested use.
void writeZones(ProjectStore& store, const RuleSet& rules);

// Writes village_reasons: reasons[i] is the row with fid i + 1, which VILLAGE_REASON names.
void writeVillageReasons(ProjectStore& store, const std::vector<std::string>& reasons);

// The SELECT behind parcel_classes, reading parcel_class_codes, zones, village_stats,
// village_reasons and `parcels` (whose FID column is `parcelsFid`; a column it lacks shows as
// NULL).
std::string parcelClassesSelect(const std::string& parcelsFid, bool parcelsHaveBsm,
                                bool parcelsHaveDlbm);

// Makes parcel_classes the view over the tables above (inside the caller's transaction, after
// they are written). Throws geo::Error when the project has no parcels.
void createParcelClassesView(ProjectStore& store);

// The table that the columns of parcel_classes a user may edit (IDLE, IDLE_RULE, TRANSFERRED,
// LZFS, LZHTBM, TRANSFER_RULE) are written to: parcel_class_codes, or parcel_classes itself in
// a project an older tianmu classified; empty when the project is not classified. Its rows have
// the FIDs of the view's.
std::string writableParcelClassesTable(ProjectStore& store);

} // namespace geo
