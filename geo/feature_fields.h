// A feature's field by name, as the detail readers (identify, explain) show it: empty or unset
// where the layer lacks the field or the value is NULL.
#pragma once

#include <optional>
#include <string>

#include <ogr_feature.h>

namespace geo {

inline std::string fieldText(const OGRFeature& f, const char* name) {
    const int i = f.GetFieldIndex(name);
    return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsString(i) : std::string();
}

inline std::optional<double> fieldNumber(const OGRFeature& f, const char* name) {
    const int i = f.GetFieldIndex(name);
    if (i < 0 || !f.IsFieldSetAndNotNull(i))
        return std::nullopt;
    return f.GetFieldAsDouble(i);
}

} // namespace geo
