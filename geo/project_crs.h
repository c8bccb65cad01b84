// The CRS a new project takes from its first spatial layer.
#pragma once

#include <string>
#include <vector>

#include "geo/extent.h"

namespace geo {

// CGCS2000 Gauss-Kruger for Chinese data: a projected source on an old Chinese datum moves to
// the same zone on CGCS2000; a lon/lat source gets the 3° zone of its centre (outside China:
// its UTM zone); any other projected CRS is kept. `extent` is in the source CRS. Notes on
// what was decided go to `warnings`.
int chooseProjectCrs(int sourceEpsg, const Extent& extent, std::vector<std::string>& warnings);

} // namespace geo
