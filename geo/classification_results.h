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

// The tables classify writes: parcel_classes (a view), idle_items, transfer_flags,
// village_stats, village_mismatches, and the tables behind parcel_classes
// (geo/parcel_classes_view.h).
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

// Why a classification no longer matches its project, for the reports and the window to say.
struct ClassificationStaleness {
    std::string asOf;                     // the classification's as-of day
    std::vector<std::string> newerLayers; // layers imported after it, in the order imported
    std::string changedRuleFile;          // its rule file, when the file changed since
    bool stale() const noexcept { return !newerLayers.empty() || !changedRuleFile.empty(); }
};

// The project property that lists them (comma separated), for readers without a store.
inline constexpr const char* importedSinceClassifyKey = "imported_since_classify";
std::vector<std::string> splitLayerList(const std::string& value);

// A classification was just written with the rule file `rulesFile`: nothing is newer, and
// the file's content is recorded (inside the caller's transaction).
void markClassificationCurrent(ProjectStore& store, const std::string& rulesFile);

// The properties that record the rule file a classification used, and a digest of its bytes.
inline constexpr const char* classifiedRulesFileKey = "classified_rules_file";
inline constexpr const char* classifiedRulesDigestKey = "classified_rules_digest";

// A digest of a file's bytes (64-bit FNV-1a, in hex), for noticing that it changed; empty
// when it cannot be read.
std::string fileDigest(const std::string& path);

// Whether the rule file recorded by a classification now holds something else: false when
// nothing was recorded or the file is no longer there (moved to another machine, say).
bool ruleFileChanged(const std::string& recordedFile, const std::string& recordedDigest);

} // namespace geo
