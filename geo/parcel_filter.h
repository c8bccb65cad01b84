// Which parcels to show: a value shared by the attribute table, the map and the legend, so
// that "idle only in hill zone" means the same parcels everywhere.
#pragma once

#include <string>

namespace geo {

struct ParcelFilter {
    std::string zone;        // parcel_classes.ZONE code (water, hill, …); empty: any
    std::string villageCode; // parcel_classes.VILLAGE_CODE; empty: any
    std::string villageName; // parcel_classes.VILLAGE_NAME; empty: any
    std::string mode;        // parcel_classes.LZFS (transfer mode); empty: any
    bool idleOnly = false;
    bool transferredOnly = false;

    bool isEmpty() const noexcept {
        return zone.empty() && villageCode.empty() && mode.empty() && !idleOnly && !transferredOnly;
    }
    bool operator==(const ParcelFilter&) const = default;

    // An SQL condition over parcel_classes columns of the table aliased `alias` (values
    // quoted), e.g. `c.IDLE = 1 AND c.ZONE = 'hill'`; empty when the filter is empty.
    std::string sqlCondition(const std::string& alias) const;
};

// A literal for SQL: the text in single quotes, quotes doubled.
std::string sqlQuoted(const std::string& text);

} // namespace geo
