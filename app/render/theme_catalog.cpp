#include "app/render/theme_catalog.h"

#include <algorithm>

#include "app/resource_paths.h"

namespace app {

const std::vector<std::string>& themeNames() {
    static const std::vector<std::string> names{"zones", "landuse", "transfer", "idle",
                                                "village-type"};
    return names;
}

bool isKnownTheme(const std::string& name) {
    const auto& names = themeNames();
    return std::find(names.begin(), names.end(), name) != names.end();
}

std::string joinedThemeNames() {
    std::string text;
    for (const std::string& name : themeNames())
        text += (text.empty() ? "" : ", ") + name;
    return text;
}

std::string themeStylePath(const std::string& name) {
    if (name == "landuse")
        return stylesDirectory() + "/landuse-sandiao.json";
    return stylesDirectory() + "/" + name + ".json";
}

} // namespace app
