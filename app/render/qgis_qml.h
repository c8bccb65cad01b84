// QGIS layer styles (QML, as QGIS 3.22 saves them) made from tianmu's styles: what the
// layer_styles table of a project holds, so the GeoPackage opens coloured in QGIS.
#pragma once

#include <QString>

#include "app/render/map_style.h"

namespace app {

// A categorised fill of `theme` on a polygon layer, with the map's parcel outline (fading out
// below the map's pixel size) and, when `labels` is given, its labels. Categories ending in
// '*' become a first-match CASE expression on the field, so prefixes work as in tianmu.
QString themeQml(const CategoryStyle& theme, const ParcelOutlineStyle& outline,
                 const LabelStyle* labels);

// An unfilled polygon layer drawn as its boundary line, optionally labelled.
QString boundaryQml(const BoundaryStyle& boundary, const LabelStyle* labels);

// River lines, wider by order; river surfaces; roads as a casing under a centre line.
QString riverLinesQml(const RiverStyle& rivers);
QString riverSurfacesQml(const RiverStyle& rivers);
QString roadsQml(const RoadStyle& roads);
// Township seats as a ring around a dot, optionally named.
QString seatsQml(const SeatStyle& seats, const LabelStyle* labels);

// The QGIS expression a theme categorises by: the field itself, or, when the theme has
// prefix categories, CASE WHEN "DLBM" = '0101' THEN '0101' WHEN left("DLBM", 2) = '02' THEN
// '02*' … ELSE '' END, whose values are the categories' match strings.
QString themeExpression(const CategoryStyle& theme);

} // namespace app
