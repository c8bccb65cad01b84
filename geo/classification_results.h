// The classification's results as a whole: which tables they are, and whether they still
// describe the project's layers. Importing into a classified project either removes them
// (new parcels: the results are keyed by the old parcels' FIDs, and joined to the new ones
// they would colour and count the wrong parcels) or marks them outdated (new villages, rivers,
// DEM or ledgers: still about these parcels, but decided from what was there before), until
// the next classify.
#pragma once

#include <string>
#include <vector>

#include "geo/project_store.h"

namespace geo {

// The tables classify writes: parcel_classes, idle_items, transfer_flags, village_stats,
// village_mismatches.
const std::vector<std::string>& classificationTables();

bool hasClassification(ProjectStore& store);

// "the classification (rules NAME (FILE), as of DATE)": what the project's classification
// was made with, for messages; empty when the project has none.
std::string describeClassification(ProjectStore& store);

// Removes the results, the views and styles that read them, and the record of what made
// them, inside the caller's transaction. Returns a warning for the user, or "" when the
// project had no classification.
std::string removeClassification(ProjectStore& store);

// Records that `layer` was imported after the classification (inside the caller's
// transaction). Returns a warning for the user, or "" when the project has no classification.
std::string markClassificationOutdated(ProjectStore& store, const std::string& layer);

// The layers imported since the classification, in the order imported; empty when it is up
// to date (or there is none).
std::vector<std::string> layersNewerThanClassification(ProjectStore& store);

// The project property that lists them (comma separated), for readers without a store.
inline constexpr const char* importedSinceClassifyKey = "imported_since_classify";
std::vector<std::string> splitLayerList(const std::string& value);

// A classification was just written: nothing is newer (inside the caller's transaction).
void markClassificationCurrent(ProjectStore& store);

} // namespace geo
