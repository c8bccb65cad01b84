#include "geo/classification_results.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "geo/parcel_classes_view.h"

namespace geo {
namespace {

constexpr const char* newerKey = importedSinceClassifyKey;

} // namespace

std::vector<std::string> splitLayerList(const std::string& value) {
    std::vector<std::string> layers;
    std::stringstream list(value);
    for (std::string name; std::getline(list, name, ',');)
        if (!name.empty())
            layers.push_back(name);
    return layers;
}

const std::vector<std::string>& classificationTables() {
    // parcel_classes is a view over the last three (a table in projects classified before
    // tianmu kept its names apart); either way it goes.
    static const std::vector<std::string> tables = {
        parcelClassesView,    "idle_items",          "transfer_flags", "village_stats",
        "village_mismatches", parcelClassCodesTable, zonesTable,       villageReasonsTable};
    return tables;
}

bool hasClassification(ProjectStore& store) {
    return store.hasLayer(parcelClassesView);
}

std::string describeClassification(ProjectStore& store) {
    if (!hasClassification(store))
        return {};
    return "the classification (rules " + store.property("classified_with") + ", as of " +
           store.property("classified_as_of") + ")";
}

std::string removeClassification(ProjectStore& store) {
    if (!hasClassification(store))
        return {};
    const std::string what = describeClassification(store);
    store.dropTables(classificationTables());
    for (const char* key : {"classified_with", "classified_as_of", newerKey, classifiedRulesFileKey,
                            classifiedRulesDigestKey})
        store.setProperty(key, "");
    return what + " described the parcels this import replaces, so it was removed with its " +
           "tables and QGIS views; run tianmu classify again";
}

std::string markClassificationOutdated(ProjectStore& store, const std::string& layer) {
    if (!hasClassification(store))
        return {};
    std::vector<std::string> newer = layersNewerThanClassification(store);
    if (std::find(newer.begin(), newer.end(), layer) == newer.end())
        newer.push_back(layer);
    std::string joined;
    for (const std::string& name : newer)
        joined += (joined.empty() ? "" : ",") + name;
    store.setProperty(newerKey, joined);
    return describeClassification(store) + " was made before this import of " + layer +
           "; run tianmu classify again to bring zones, idle items and transfers up to date";
}

std::vector<std::string> layersNewerThanClassification(ProjectStore& store) {
    return hasClassification(store) ? splitLayerList(store.property(newerKey))
                                    : std::vector<std::string>{};
}

void markClassificationCurrent(ProjectStore& store, const std::string& rulesFile) {
    if (!store.property(newerKey).empty())
        store.setProperty(newerKey, "");
    // Absolute: a report may run from another folder than the classify did.
    std::error_code ec;
    const std::filesystem::path absolute = std::filesystem::absolute(rulesFile, ec);
    store.setProperty(classifiedRulesFileKey, ec ? rulesFile : absolute.string());
    store.setProperty(classifiedRulesDigestKey, fileDigest(rulesFile));
}

std::string fileDigest(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return {};
    std::uint64_t hash = 0xCBF29CE484222325ULL;
    char buffer[65536];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        for (std::streamsize i = 0; i < in.gcount(); ++i) {
            hash ^= static_cast<unsigned char>(buffer[i]);
            hash *= 0x100000001B3ULL;
        }
        if (!in)
            break;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

bool ruleFileChanged(const std::string& recordedFile, const std::string& recordedDigest) {
    if (recordedFile.empty() || recordedDigest.empty())
        return false;
    const std::string now = fileDigest(recordedFile);
    return !now.empty() && now != recordedDigest;
}

} // namespace geo
