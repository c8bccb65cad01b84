// The map themes a user can pick and the style file behind each: parcels coloured by zone,
// land use, transfer mode, idle status or village type.
#pragma once

#include <string>
#include <vector>

namespace app {

const std::vector<std::string>& themeNames();
bool isKnownTheme(const std::string& name);
std::string joinedThemeNames(); // "zones, landuse, …" for help texts
// The style file of a theme in the styles folder.
std::string themeStylePath(const std::string& name);

} // namespace app
