// Chinese names for the sample county, drawn from the word lists in names/names.zh.json.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "random.h"

namespace sample {

struct NameBook {
    std::string countyCode, countyName, prefectureName;
    std::vector<std::string> townshipStems, townshipSuffixes, villageStems;
    // Halves of the stems made once villageStems is used up (1,200 pairs).
    std::vector<std::string> villageFirstParts, villageSecondParts;
    std::vector<std::string> surnames, givenNames, cooperativeCrops, cooperativeSuffixes;
    std::vector<std::string> riverStems, tributarySuffixes;
    std::string mainRiverSuffix;
    std::map<std::string, std::vector<std::string>> transferUses; // by land-use code
    std::map<std::string, std::string> landUseNames;              // 地类编码 → 地类名称

    // Reads the word lists and the land-use code table; throws std::runtime_error naming the
    // file when one is missing or malformed.
    static NameBook load(const std::string& namesFile, const std::string& landUseFile);

    std::string person(Rng& rng) const;
    std::string cooperative(Rng& rng) const;
};

template <typename T>
const T& pick(const std::vector<T>& items, Rng& rng) {
    return items[static_cast<std::size_t>(rng.between(0, static_cast<int>(items.size()) - 1))];
}

} // namespace sample
