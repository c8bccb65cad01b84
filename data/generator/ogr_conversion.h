// Conversions from the generator's geometry to OGR geometry.
#pragma once

#include <memory>

#include <ogr_geometry.h>

#include "county.h"

namespace sample {

OGRLinearRing toRing(const Ring& ring);
OGRPolygon toPolygon(const Polygon& polygon);
std::unique_ptr<OGRGeometry> toGeometry(const MultiPolygon& parts);

} // namespace sample
