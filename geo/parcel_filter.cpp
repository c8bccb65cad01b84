#include "geo/parcel_filter.h"

namespace geo {

std::string sqlQuoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        out += c;
        if (c == '\'')
            out += '\'';
    }
    return out + "'";
}

std::string ParcelFilter::sqlCondition(const std::string& alias) const {
    const std::string a = alias.empty() ? "" : alias + ".";
    std::string out;
    auto add = [&](const std::string& condition) {
        out += (out.empty() ? "" : " AND ") + condition;
    };
    if (!zone.empty())
        add(a + "ZONE = " + sqlQuoted(zone));
    if (!villageCode.empty())
        add(a + "VILLAGE_CODE = " + sqlQuoted(villageCode));
    if (!villageName.empty())
        add(a + "VILLAGE_NAME = " + sqlQuoted(villageName));
    if (!mode.empty())
        add(a + "LZFS = " + sqlQuoted(mode));
    if (idleOnly)
        add(a + "IDLE = 1");
    if (transferredOnly)
        add(a + "TRANSFERRED = 1");
    return out;
}

} // namespace geo
