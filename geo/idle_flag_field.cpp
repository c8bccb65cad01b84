#include "geo/idle_flag_field.h"

#include "geo/rule_set.h"

namespace geo {
namespace {

constexpr const char* property = "idle_flag_field";

} // namespace

void storeIdleFlagField(ProjectStore& store, const std::string& field) {
    store.setProperty(property, field);
}

std::string storedIdleFlagField(const ProjectStore& store) {
    const std::string stored = store.property(property);
    return stored.empty() ? std::string(defaultIdleFlagField) : stored;
}

} // namespace geo
