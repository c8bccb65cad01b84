// The installed map style (styles/map.json) and the themes a user can pick from it: parcels
// coloured by zone, land use, transfer mode, idle status or village type.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/render/map_style.h"

namespace app {

// Loaded once from stylesDirectory(); throws geo::InputError naming the broken file.
std::shared_ptr<const MapStyle> installedMapStyle();
// A theme of the installed style, sharing its lifetime; throws for an unknown name.
std::shared_ptr<const CategoryStyle> installedTheme(const std::string& name);

const std::vector<std::string>& themeNames();
bool isKnownTheme(const std::string& name);
std::string joinedThemeNames(); // "zones, landuse, …" for help texts

} // namespace app
