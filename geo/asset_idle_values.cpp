#include "geo/asset_idle_values.h"

#include <nlohmann/json.hpp>

#include "geo/error.h"
#include "geo/rule_set.h"

namespace geo {
namespace {

constexpr const char* property = "asset_idle_values";
constexpr const char* statusFieldProperty = "asset_status_field";

} // namespace

void storeAssetIdleValues(ProjectStore& store, const std::vector<std::string>& values) {
    store.setProperty(property, nlohmann::json(values).dump());
}

std::set<std::string> storedAssetIdleValues(const ProjectStore& store) {
    const std::string stored = store.property(property);
    if (stored.empty())
        return {defaultAssetIdleValues().begin(), defaultAssetIdleValues().end()};
    try {
        return nlohmann::json::parse(stored).get<std::set<std::string>>();
    } catch (const nlohmann::json::exception&) {
        throw InputError(std::string("its ") + property +
                             " property is not a list of statuses; classify the project again",
                         {store.path(), "tianmu_project", {}, {}});
    }
}

void storeAssetStatusField(ProjectStore& store, const std::string& field) {
    store.setProperty(statusFieldProperty, field);
}

std::string storedAssetStatusField(const ProjectStore& store) {
    const std::string stored = store.property(statusFieldProperty);
    return stored.empty() ? std::string("ZT") : stored;
}

} // namespace geo
