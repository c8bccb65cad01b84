// Where tianmu finds its data files (styles, rule sets, profiles) at run time.
#pragma once

#include <string>

namespace app {

// The styles folder: $TIANMU_STYLES_DIR, else the installed share/tianmu/styles next to the
// executable, else the source tree this binary was built from.
std::string stylesDirectory();

} // namespace app
