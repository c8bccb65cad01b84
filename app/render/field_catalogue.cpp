#include "app/render/field_catalogue.h"

#include "geo/mapping_profile.h"

namespace app {

void FieldCatalogue::add(const std::string& layer, const std::vector<std::string>& fields) {
    std::set<std::string>& known = m_fields[layer];
    known.insert("fid"); // every GeoPackage table's key
    known.insert(fields.begin(), fields.end());
}

bool FieldCatalogue::has(const std::string& layer, const std::string& field) const {
    const auto it = m_fields.find(layer);
    return it != m_fields.end() && it->second.count(field) > 0;
}

std::string FieldCatalogue::fieldList(const std::string& layer) const {
    std::string list;
    if (const auto it = m_fields.find(layer); it != m_fields.end())
        for (const std::string& f : it->second)
            list += (list.empty() ? "" : ", ") + f;
    return list;
}

std::string FieldCatalogue::layerList() const {
    std::string list;
    for (const auto& [layer, fields] : m_fields)
        list += (list.empty() ? "" : ", ") + layer;
    return list;
}

FieldCatalogue FieldCatalogue::canonical(const std::string& profilesDirectory) {
    FieldCatalogue catalogue;
    for (const geo::MappingProfile& profile :
         geo::MappingProfile::loadDirectory(profilesDirectory)) {
        std::vector<std::string> fields;
        for (const geo::ProfileField& f : profile.fields)
            fields.push_back(f.target);
        catalogue.add(profile.layer, fields);
    }
    // What import adds to every spatial layer (geo/importer.cpp).
    for (const char* layer : {"parcels", "villages", "rivers", "assets"})
        catalogue.add(layer, {"AREA_ELL", "AREA_PLN", "AREA_MU", "AREA_HA", "QA"});
    // Drawing layers of the generated sample (data/generator/county_writer.cpp).
    catalogue.add("townships", {"XZDM", "XZMC"});
    catalogue.add("river_surfaces", {"DLBM"});
    catalogue.add("roads", {"LXBM", "DLDJ"});
    catalogue.add("rivers", {"HLMJ"});
    // The result tables of `tianmu classify` (geo/classifier.cpp, geo/village_profile.cpp).
    catalogue.add("parcel_classes",
                  {"PARCEL_FID",    "BSM",         "DLBM",         "ZONE",         "ZONE_NAME",
                   "SUGGESTED_USE", "ZONE_RULE",   "VILLAGE_CODE", "VILLAGE_NAME", "VILLAGE_RULE",
                   "IDLE",          "IDLE_RULE",   "TRANSFERRED",  "LZFS",         "LZHTBM",
                   "TRANSFER_RULE", "AREA_MU",     "MEAN_ELEV",    "MEAN_SLOPE",   "REL_ELEV",
                   "RIVER_DIST",    "RIVER_HEIGHT"});
    catalogue.add("village_stats",
                  {"VILLAGE_CODE", "VILLAGE_NAME", "HOUSEHOLDS", "PARCELS", "AREA_MU", "IDLE_MU",
                   "TRANSFERRED_MU", "CASH_CROP_SHARE", "RIVER_DIST_M", "ROAD_DIST_M",
                   "SEAT_DIST_M", "TYPES", "PRIMARY_TYPE", "TYPE_RULES"});
    catalogue.add("idle_items", {"CATEGORY", "ITEM_ID", "ITEM_NAME", "VILLAGE_CODE", "VILLAGE_NAME",
                                 "ZONE", "SUGGESTED_USE", "AREA_MU", "STATUS", "SINCE", "RULE"});
    return catalogue;
}

} // namespace app
