// Area is header-only; this translation unit checks the unit constants at compile time.
#include "geo/area.h"

namespace geo {
static_assert(Area::mu(15.0).inSquareMetres() == 10000.0, "15 亩 make one hectare");
static_assert(Area::hectares(1.0).inMu() == 15.0);
} // namespace geo
