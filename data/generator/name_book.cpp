#include "name_book.h"

#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace sample {
namespace {

nlohmann::json readJson(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error(
            path + ": cannot be read; pass --data-dir pointing at tianmu's data/ folder");
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(path + ": not valid JSON (" + e.what() + ")");
    }
}

} // namespace

NameBook NameBook::load(const std::string& namesFile, const std::string& landUseFile) {
    NameBook book;
    try {
        const nlohmann::json names = readJson(namesFile);
        book.countyCode = names.at("county").at("code");
        book.countyName = names.at("county").at("name");
        book.prefectureName = names.at("county").at("prefecture");
        names.at("township_stems").get_to(book.townshipStems);
        names.at("township_suffixes").get_to(book.townshipSuffixes);
        names.at("village_stems").get_to(book.villageStems);
        names.at("village_name_parts").at("first").get_to(book.villageFirstParts);
        names.at("village_name_parts").at("second").get_to(book.villageSecondParts);
        names.at("surnames").get_to(book.surnames);
        names.at("given_names").get_to(book.givenNames);
        names.at("cooperative_crops").get_to(book.cooperativeCrops);
        names.at("cooperative_suffixes").get_to(book.cooperativeSuffixes);
        names.at("river_stems").get_to(book.riverStems);
        names.at("tributary_suffixes").get_to(book.tributarySuffixes);
        book.mainRiverSuffix = names.at("main_river_suffix");
        names.at("transfer_uses").get_to(book.transferUses);
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(namesFile + ": missing or mistyped entry (" + e.what() + ")");
    }
    try {
        const nlohmann::json landUse = readJson(landUseFile); // must outlive the loop below
        for (const auto& [code, entry] : landUse.at("codes").items())
            book.landUseNames[code] = entry.at("zh");
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(landUseFile + ": missing or mistyped entry (" + e.what() + ")");
    }
    return book;
}

std::string NameBook::person(Rng& rng) const {
    return pick(surnames, rng) + pick(givenNames, rng);
}

std::string NameBook::cooperative(Rng& rng) const {
    return pick(cooperativeCrops, rng) + pick(cooperativeSuffixes, rng);
}

} // namespace sample
