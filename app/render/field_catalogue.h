// The layers and fields a style may name: the canonical layers (fields from the mapping
// profiles, plus what import adds), the sample's extra drawing layers, and the result tables
// classification writes. A style naming anything else is refused with the known names.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace app {

class FieldCatalogue {
public:
    void add(const std::string& layer, const std::vector<std::string>& fields);

    bool hasLayer(const std::string& layer) const { return m_fields.count(layer) > 0; }
    bool has(const std::string& layer, const std::string& field) const;
    // The fields of `layer` (empty when unknown), and the layers, each joined by ", ".
    std::string fieldList(const std::string& layer) const;
    std::string layerList() const;

    // The catalogue of a project: the targets of every profile in `profilesDirectory`
    // (data/profiles), the fields import adds, townships/roads/river_surfaces, and the tables
    // of `tianmu classify` (parcel_classes, village_stats, idle_items). Throws geo::InputError
    // when a profile is broken.
    static FieldCatalogue canonical(const std::string& profilesDirectory);

private:
    std::map<std::string, std::set<std::string>> m_fields;
};

} // namespace app
