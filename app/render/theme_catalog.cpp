#include "app/render/theme_catalog.h"

#include <algorithm>
#include <mutex>

#include "app/resource_paths.h"
#include "geo/error.h"

namespace app {

std::shared_ptr<const MapStyle> installedMapStyle() {
    static std::mutex mutex;
    static std::shared_ptr<const MapStyle> style;
    const std::lock_guard lock(mutex);
    if (!style)
        style = std::make_shared<const MapStyle>(loadMapStyle(stylesDirectory()));
    return style;
}

std::shared_ptr<const CategoryStyle> installedTheme(const std::string& name) {
    std::shared_ptr<const MapStyle> map = installedMapStyle();
    const CategoryStyle* theme = map->theme(name);
    if (!theme)
        throw geo::InputError("has no theme '" + name + "'; themes: " + joinedThemeNames(),
                              {map->path, {}, {}, {}});
    return {map, theme}; // aliasing: the theme lives as long as its map style
}

const std::vector<std::string>& themeNames() {
    // The command line knows the themes before any style is read (and --help must work with a
    // broken style); the installed map style is checked against this list by a test.
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

} // namespace app
