// Where tianmu finds its data files (styles, rule sets, profiles) at run time.
#pragma once

#include <string>

namespace app {

// The styles folder: $TIANMU_STYLES_DIR, else the installed share/tianmu/styles next to the
// executable, else the source tree this binary was built from.
std::string stylesDirectory();

// The mapping profiles folder: $TIANMU_PROFILES_DIR, else share/tianmu/data/profiles next to
// the executable, else data/profiles of the source tree.
std::string profilesDirectory();

// tianmu's data folder (profiles, rules, land-use codes): $TIANMU_DATA_DIR, else the installed
// share/tianmu/data, else data/ of the source tree.
std::string dataDirectory();

} // namespace app
