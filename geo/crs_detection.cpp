// Decides a layer's CRS: the .prj identified in PROJ's database and checked against the layer's
// coordinates, else inferred from the coordinates themselves. EPSG codes always come from PROJ.
#include "geo/crs_detection.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <cpl_conv.h>
#include <cpl_string.h>
#include <ogr_spatialref.h>
#include <proj.h>

#include "geo/gdal_handles.h"
#include "geo/gdal_session.h"

namespace geo {
namespace {

// The CRS that Chinese data is delivered in today, and the target of every datum shift check.
constexpr int cgcs2000Geographic = 4490;
// Datums (EPSG codes) of the two older Chinese systems that need a real shift to CGCS2000.
constexpr int xian1980Datum = 6610;
constexpr int beijing1954Datum = 6214;

// China's bounding box in degrees (Heilongjiang to the Zengmu shoal, Pamirs to the Wusuli).
constexpr Extent chinaLonLat{73.0, 3.0, 136.0, 54.0};
// Gauss-Kruger northings of 3°N and 54°N (meridian arc on GRS80), widened a little: a layer
// with six-digit eastings outside this band is not in a Chinese Gauss-Kruger zone.
constexpr double minChinaNorthing = 300'000.0;
constexpr double maxChinaNorthing = 6'100'000.0;
// How far (degrees) a layer may stray beyond a CRS's area of use: surveys overlap zone edges.
constexpr double areaToleranceDegrees = 0.5;
// Coordinates beyond this are garbage (e.g. -1.797e308 written for "no value").
constexpr double maxPlausibleCoordinate = 1e9;

struct ProjContextDeleter {
    void operator()(PJ_CONTEXT* context) const noexcept { proj_context_destroy(context); }
};
struct ProjObjectDeleter {
    void operator()(PJ* object) const noexcept { proj_destroy(object); }
};
struct ProjListDeleter {
    void operator()(PJ_OBJ_LIST* list) const noexcept { proj_list_destroy(list); }
};
struct ProjFactoryContextDeleter {
    void operator()(PJ_OPERATION_FACTORY_CONTEXT* factory) const noexcept {
        proj_operation_factory_context_destroy(factory);
    }
};
using ProjContextPtr = std::unique_ptr<PJ_CONTEXT, ProjContextDeleter>;
using ProjObjectPtr = std::unique_ptr<PJ, ProjObjectDeleter>;
using ProjListPtr = std::unique_ptr<PJ_OBJ_LIST, ProjListDeleter>;
using ProjFactoryContextPtr =
    std::unique_ptr<PJ_OPERATION_FACTORY_CONTEXT, ProjFactoryContextDeleter>;

// A context of our own: PROJ contexts must not be shared between threads.
ProjContextPtr makeProjContext() {
    ProjContextPtr context(proj_context_create());
    proj_log_level(context.get(), PJ_LOG_NONE);
    return context;
}

int toInt(const char* text) {
    return text ? std::atoi(text) : 0;
}

std::string epsgText(int epsg) {
    return "EPSG:" + std::to_string(epsg);
}

std::string number(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string shortNumber(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.4g", value);
    return buffer;
}

std::string describeLonLat(const Extent& e) {
    return "longitude " + number(e.minX, 2) + "° to " + number(e.maxX, 2) + "°, latitude " +
           number(e.minY, 2) + "° to " + number(e.maxY, 2) + "°";
}

std::string describeXY(const Extent& e) {
    return "x " + number(e.minX, 0) + " to " + number(e.maxX, 0) + ", y " + number(e.minY, 0) +
           " to " + number(e.maxY, 0);
}

bool isPlausible(const Extent& e) {
    for (const double v : {e.minX, e.minY, e.maxX, e.maxY})
        if (!std::isfinite(v) || std::fabs(v) > maxPlausibleCoordinate)
            return false;
    return !e.isNull();
}

bool within(const Extent& inner, const Extent& outer) {
    return inner.minX >= outer.minX && inner.maxX <= outer.maxX && inner.minY >= outer.minY &&
           inner.maxY <= outer.maxY;
}

std::string trimmed(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) // a UTF-8 byte order mark, as Notepad writes
        text.remove_prefix(3);
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

// Reads WKT1, WKT2, ESRI WKT or the old multi-line ESRI .prj, never touching files or the
// network whatever the text says. Returns GDAL's complaint, empty on success.
std::string parseCrs(const std::string& text, OGRSpatialReference& srs) {
    GdalMessageCollector quiet;
    bool parsed = srs.SetFromUserInput(
                      text.c_str(), OGRSpatialReference::SET_FROM_USER_INPUT_LIMITATIONS_get()) ==
                  OGRERR_NONE;
    if (!parsed) {
        CPLStringList lines(CSLTokenizeString2(text.c_str(), "\r\n", 0));
        srs.Clear();
        parsed = lines.Count() > 1 && srs.importFromESRI(lines.List()) == OGRERR_NONE;
    }
    if (!parsed) {
        srs.Clear();
        return quiet.messages().empty() ? "GDAL cannot parse it" : quiet.messages().back();
    }
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return {};
}

bool loadEpsg(int epsg, OGRSpatialReference& srs) {
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    GdalMessageCollector quiet;
    return epsg > 0 && srs.importFromEPSG(epsg) == OGRERR_NONE;
}

// PROJ's identification: a match at 100 (equivalent, same name) wins; otherwise a single EPSG
// CRS PROJ calls equivalent under another name (90: similar name, 70: unrelated name, as in
// "NAD83_HARN_North_Carolina" or GRASS's "Lambert Conformal Conic"). Below 70 PROJ does not
// consider the definitions equivalent.
int matchEpsg(const OGRSpatialReference& srs) {
    GdalMessageCollector quiet;
    int count = 0;
    int* confidences = nullptr;
    OGRSpatialReferenceH* matches = srs.FindMatches(nullptr, &count, &confidences);
    int best = 0;
    int bestConfidence = 0;
    int atBest = 0;
    for (int i = 0; i < count; ++i) {
        const auto* match = OGRSpatialReference::FromHandle(matches[i]);
        const char* authority = match->GetAuthorityName(nullptr);
        if (!authority || !EQUAL(authority, "EPSG"))
            continue;
        const int code = toInt(match->GetAuthorityCode(nullptr));
        const int confidence = confidences[i];
        if (confidence > bestConfidence) {
            best = code;
            bestConfidence = confidence;
            atBest = 1;
        } else if (confidence == bestConfidence) {
            ++atBest;
        }
    }
    OSRFreeSRSArray(matches);
    CPLFree(confidences);
    if (bestConfidence == 100 || (bestConfidence >= 70 && atBest == 1))
        return best;

    OGRSpatialReference copy(srs);
    if (copy.AutoIdentifyEPSG() == OGRERR_NONE) {
        const char* authority = copy.GetAuthorityName(nullptr);
        if (authority && EQUAL(authority, "EPSG"))
            return toInt(copy.GetAuthorityCode(nullptr));
    }
    return 0;
}

// The EPSG code of the datum under `srs`, 0 when PROJ cannot tell.
int datumEpsg(const OGRSpatialReference& srs) {
    const char* authority = srs.GetAuthorityName("DATUM");
    if (authority && EQUAL(authority, "EPSG"))
        return toInt(srs.GetAuthorityCode("DATUM"));
    GdalMessageCollector quiet;
    const std::unique_ptr<OGRSpatialReference> geographic(srs.CloneGeogCS());
    if (!geographic)
        return 0;
    OGRSpatialReference known;
    if (!loadEpsg(matchEpsg(*geographic), known))
        return 0;
    return toInt(known.GetAuthorityCode("DATUM"));
}

// A layer may run past the zone PROJ records (Sweden's RT90 2.5 gon V covers the whole country
// in practice): partly outside is reported but trusted; wholly outside means the CRS is wrong.
enum class Fit { inside, partly, outside, unknown };

struct AreaCheck {
    Fit fit = Fit::unknown;
    Extent lonLat;    // the layer's extent in the CRS's longitudes and latitudes, when known
    std::string area; // the CRS's area of use, e.g. "China - onshore between 109°30'E and ..."
};

// Whether the layer's extent lies in the area of use PROJ records for `srs` (an EPSG CRS).
AreaCheck checkAreaOfUse(const OGRSpatialReference& srs, const Extent& extent) {
    AreaCheck check;
    double west = 0;
    double south = 0;
    double east = 0;
    double north = 0;
    const char* areaName = nullptr;
    if (!srs.GetAreaOfUse(&west, &south, &east, &north, &areaName) || extent.isNull())
        return check;
    check.area = areaName ? areaName : "";
    check.fit = Fit::outside;
    if (!isPlausible(extent))
        return check;

    GdalMessageCollector quiet;
    if (srs.IsGeographic()) {
        // As written: coordinates that cannot be degrees must not be wrapped into range.
        if (!within(extent, Extent{-180.5, -90.5, 360.5, 90.5}))
            return check;
        check.lonLat = extent;
    } else {
        OGRSpatialReference geographic;
        geographic.CopyGeogCSFrom(&srs);
        geographic.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        OGRSpatialReference source(srs);
        source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        const CoordinateTransformationPtr toLonLat(
            OGRCreateCoordinateTransformation(&source, &geographic));
        Extent out;
        if (!toLonLat ||
            !toLonLat->TransformBounds(extent.minX, extent.minY, extent.maxX, extent.maxY,
                                       &out.minX, &out.minY, &out.maxX, &out.maxY, 21) ||
            !isPlausible(out))
            return check;
        check.lonLat = out;
    }
    Extent area{west - areaToleranceDegrees, south - areaToleranceDegrees,
                east + areaToleranceDegrees, north + areaToleranceDegrees};
    Extent lonLat = check.lonLat;
    if (west > east) { // the area crosses the antimeridian: count longitudes past 180°
        area.maxX += 360.0;
        if (lonLat.minX < west - areaToleranceDegrees) {
            lonLat.minX += 360.0;
            lonLat.maxX += 360.0;
        }
    }
    check.fit = within(lonLat, area)      ? Fit::inside
                : lonLat.intersects(area) ? Fit::partly
                                          : Fit::outside;
    return check;
}

std::string describeOutside(const AreaCheck& check) {
    const std::string where = check.lonLat.isNull() ? "cannot be placed on the earth"
                                                    : "lie at " + describeLonLat(check.lonLat);
    return "the coordinates " + where + ", outside its area of use (" + check.area + ")";
}

std::string fitPhrase(Fit fit) {
    switch (fit) {
    case Fit::inside:
        return ", and the coordinates lie in its area of use.";
    case Fit::partly:
        return ", and the coordinates overlap its area of use.";
    default:
        return "; the coordinates could not be checked against it.";
    }
}

std::string partlyOutside(const std::string& crs, const AreaCheck& check) {
    return "Part of the layer (" + describeLonLat(check.lonLat) +
           ") lies outside the area of use of " + crs + " (" + check.area +
           "); check that the CRS is right.";
}

// The non-deprecated EPSG projected CRS "<datum's name> / [3-degree ]Gauss-Kruger zone N" on
// the given datum, found by PROJ's name search; 0 when the datum has no such zone.
int gaussKrugerZoneEpsg(int zone, bool threeDegree, int datum) {
    const ProjContextPtr context = makeProjContext();
    const std::string zoneName =
        std::string(threeDegree ? "3-degree Gauss-Kruger zone " : "Gauss-Kruger zone ") +
        std::to_string(zone);
    const std::string suffix = " / " + zoneName;
    PJ_TYPE type = PJ_TYPE_PROJECTED_CRS;
    const ProjListPtr candidates(
        proj_create_from_name(context.get(), "EPSG", zoneName.c_str(), &type, 1, 1, 0, nullptr));
    const int count = candidates ? proj_list_get_count(candidates.get()) : 0;
    for (int i = 0; i < count; ++i) {
        const ProjObjectPtr crs(proj_list_get(context.get(), candidates.get(), i));
        const char* name = crs ? proj_get_name(crs.get()) : nullptr;
        if (!name || !std::string_view(name).ends_with(suffix) || proj_is_deprecated(crs.get()))
            continue;
        const ProjObjectPtr crsDatum(proj_crs_get_datum(context.get(), crs.get()));
        if (crsDatum && toInt(proj_get_id_code(crsDatum.get(), 0)) == datum)
            return toInt(proj_get_id_code(crs.get(), 0));
    }
    return 0;
}

CrsDecision unknown(std::string reason, std::vector<std::string> warnings) {
    CrsDecision decision;
    decision.decidedBy = "unknown";
    decision.reason = std::move(reason);
    decision.warnings = std::move(warnings);
    return decision;
}

// Completes a decision for an EPSG CRS: PROJ's name, and a warning when the data sits on an
// old Chinese datum that PROJ cannot shift to CGCS2000.
CrsDecision decided(const OGRSpatialReference& srs, int epsg, std::string decidedBy,
                    std::string reason, std::vector<std::string> warnings) {
    CrsDecision decision;
    decision.epsg = epsg;
    decision.name = srs.GetName() ? srs.GetName() : "";
    decision.decidedBy = std::move(decidedBy);
    decision.reason = std::move(reason);
    decision.warnings = std::move(warnings);
    decision.needsConfirmation = decision.decidedBy != "override" && decision.decidedBy != "prj";
    const int datum = datumEpsg(srs);
    if ((datum == xian1980Datum || datum == beijing1954Datum) &&
        !hasDatumShift(epsg, cgcs2000Geographic)) {
        const std::string datumName = datum == xian1980Datum ? "Xian 1980" : "Beijing 1954";
        decision.warnings.push_back(
            decision.name + " is on the " + datumName +
            " datum, and PROJ knows no datum shift from it to CGCS2000 (EPSG:4490): "
            "reprojected data may be off by tens of metres or more. Ask the surveyor for the "
            "official conversion parameters if positions must be exact.");
    }
    return decision;
}

std::string named(const OGRSpatialReference& srs, int epsg) {
    return std::string(srs.GetName() ? srs.GetName() : "?") + " (" + epsgText(epsg) + ")";
}

struct PrjReading {
    bool present = false;
    bool parsed = false;
    OGRSpatialReference srs;
    int epsg = 0;
    int datum = 0;
};

PrjReading readPrj(const std::string& text, std::vector<std::string>& warnings) {
    PrjReading prj;
    const std::string wkt = trimmed(text);
    prj.present = !wkt.empty();
    if (!prj.present)
        return prj;
    const std::string complaint = parseCrs(wkt, prj.srs);
    if (!complaint.empty()) {
        warnings.push_back("The .prj cannot be read (" + complaint + "), so it is ignored.");
        return prj;
    }
    prj.parsed = true;
    prj.epsg = matchEpsg(prj.srs);
    prj.datum = datumEpsg(prj.srs);
    if (prj.epsg == 0) {
        const char* name = prj.srs.GetName();
        warnings.push_back("The .prj describes \"" + std::string(name ? name : "") +
                           "\", which PROJ's database does not identify with an EPSG code, so "
                           "it is ignored.");
    }
    return prj;
}

// Eastings with the zone number in front (37 557 601 is zone 37, 57 601 m east of its 500 km).
CrsDecision fromZonePrefix(const Extent& extent, const PrjReading& prj,
                           std::vector<std::string> warnings) {
    const int zone = static_cast<int>(extent.minX / 1e6);
    const bool threeDegree = zone >= 25 && zone <= 45;
    const bool sixDegree = zone >= 13 && zone <= 23;
    if (static_cast<int>(extent.maxX / 1e6) != zone)
        return unknown("The eastings start with different zone numbers (" + std::to_string(zone) +
                           " and " + std::to_string(static_cast<int>(extent.maxX / 1e6)) +
                           "), so no single Gauss-Kruger zone fits; pass --crs EPSG:N.",
                       std::move(warnings));
    if (!threeDegree && !sixDegree)
        return unknown("The eastings have 8 digits but start with " + std::to_string(zone) +
                           ", which is no Gauss-Kruger zone used in China (3-degree zones 25-45, "
                           "6-degree zones 13-23); pass --crs EPSG:N.",
                       std::move(warnings));

    // The datum of a .prj that lacks the zone is still the surveyor's word; otherwise CGCS2000.
    OGRSpatialReference cgcs2000;
    const int defaultDatum = loadEpsg(cgcs2000Geographic, cgcs2000) ? datumEpsg(cgcs2000) : 0;
    int epsg = prj.datum != 0 ? gaussKrugerZoneEpsg(zone, threeDegree, prj.datum) : 0;
    const bool datumFromPrj = epsg != 0;
    if (!datumFromPrj)
        epsg = gaussKrugerZoneEpsg(zone, threeDegree, defaultDatum);
    OGRSpatialReference srs;
    const std::string kind = threeDegree ? "3-degree" : "6-degree";
    if (!loadEpsg(epsg, srs))
        return unknown("The eastings point to " + kind + " Gauss-Kruger zone " +
                           std::to_string(zone) +
                           ", but PROJ's database has no such CRS; pass --crs EPSG:N.",
                       std::move(warnings));
    const AreaCheck check = checkAreaOfUse(srs, extent);
    if (check.fit == Fit::outside)
        return unknown("The eastings point to " + named(srs, epsg) + ", but " +
                           describeOutside(check) + "; pass --crs EPSG:N.",
                       std::move(warnings));
    if (check.fit == Fit::partly)
        warnings.push_back(partlyOutside(named(srs, epsg), check));
    std::string reason = "The eastings start with " + std::to_string(zone) + ", the number of " +
                         kind + " Gauss-Kruger zone " + std::to_string(zone) +
                         " (3-degree zones are 25-45, 6-degree zones 13-23, so the prefix is "
                         "unambiguous): " +
                         named(srs, epsg) + ".";
    if (datumFromPrj && prj.epsg != epsg)
        reason += " The datum comes from the .prj, which lacks the zone.";
    else if (!datumFromPrj)
        reason += " The datum is assumed to be CGCS2000.";
    return decided(srs, epsg, "coordinates", std::move(reason), std::move(warnings));
}

// Six-digit eastings: a Gauss-Kruger zone without its number, so its central meridian must
// come from the user or from the project.
CrsDecision fromSixDigitEasting(const Extent& extent, std::optional<int> referenceEpsg,
                                std::vector<std::string> warnings) {
    if (extent.minY < minChinaNorthing || extent.maxY > maxChinaNorthing)
        return unknown("The eastings (" + number(extent.minX, 0) + " to " + number(extent.maxX, 0) +
                           ") look like a Gauss-Kruger zone without its number, but the "
                           "northings (" +
                           number(extent.minY, 0) + " to " + number(extent.maxY, 0) +
                           ") are not those of China; pass --crs EPSG:N.",
                       std::move(warnings));
    const std::string fix =
        "pass --crs EPSG:N (for example EPSG:4546, CGCS2000 with central meridian 111°E), or "
        "first add a layer whose CRS is known in that zone to the project.";
    if (!referenceEpsg)
        return unknown("The eastings have 6 digits, without a zone number in front, so the "
                       "central meridian of the Gauss-Kruger zone is unknown; " +
                           fix,
                       std::move(warnings));
    OGRSpatialReference srs;
    if (!loadEpsg(*referenceEpsg, srs))
        return unknown("The eastings have 6 digits, so the zone's central meridian is unknown, "
                       "and the reference layer's " +
                           epsgText(*referenceEpsg) + " is not in PROJ's database; " + fix,
                       std::move(warnings));
    const AreaCheck check = checkAreaOfUse(srs, extent);
    if (check.fit == Fit::outside)
        return unknown("The eastings have 6 digits, so the zone's central meridian is unknown, "
                       "and in the reference layer's " +
                           named(srs, *referenceEpsg) + " " + describeOutside(check) + "; " + fix,
                       std::move(warnings));
    if (check.fit == Fit::partly)
        warnings.push_back(partlyOutside(named(srs, *referenceEpsg), check));
    return decided(srs, *referenceEpsg, "reference layer",
                   "The eastings have 6 digits, so the zone's central meridian is not in the "
                   "coordinates; it is taken from the project's reference layer, " +
                       named(srs, *referenceEpsg) + ".",
                   std::move(warnings));
}

CrsDecision fromCoordinates(const Extent& extent, const PrjReading& prj,
                            std::optional<int> referenceEpsg, std::vector<std::string> warnings) {
    if (extent.isNull())
        return unknown("The layer has no coordinates to infer its CRS from; pass --crs EPSG:N.",
                       std::move(warnings));
    if (!isPlausible(extent))
        return unknown(
            "The layer's coordinates are out of any plausible range (" + shortNumber(extent.minX) +
                ", " + shortNumber(extent.minY) +
                " and beyond), so its CRS cannot be inferred; repair the geometries or pass "
                "--crs EPSG:N.",
            std::move(warnings));

    if (within(extent, Extent{-180.0, -90.0, 180.0, 90.0})) {
        if (!within(extent, chinaLonLat))
            return unknown("The coordinates look like longitude and latitude (" +
                               describeLonLat(extent) +
                               "), but outside China; pass --crs EPSG:N (EPSG:4326 for WGS 84).",
                           std::move(warnings));
        OGRSpatialReference srs;
        if (!loadEpsg(cgcs2000Geographic, srs))
            return unknown("PROJ's database lacks CGCS2000 (EPSG:4490).", std::move(warnings));
        return decided(srs, cgcs2000Geographic, "coordinates",
                       "The coordinates are longitude and latitude in China (" +
                           describeLonLat(extent) +
                           "), taken as CGCS2000 (EPSG:4490); if they come from GPS or a web "
                           "map, confirm or pass --crs EPSG:4326.",
                       std::move(warnings));
    }
    if (extent.minX >= 1e7 && extent.maxX < 1e8)
        return fromZonePrefix(extent, prj, std::move(warnings));
    if (extent.minX >= 100'000.0 && extent.maxX <= 900'000.0)
        return fromSixDigitEasting(extent, referenceEpsg, std::move(warnings));
    return unknown("The coordinates (" + describeXY(extent) +
                       ") are neither longitude and latitude nor Gauss-Kruger eastings used in "
                       "China; pass --crs EPSG:N.",
                   std::move(warnings));
}

} // namespace

int epsgByName(const std::string& name) {
    const ProjContextPtr context = makeProjContext();
    const ProjListPtr candidates(
        proj_create_from_name(context.get(), "EPSG", name.c_str(), nullptr, 0, 0, 0, nullptr));
    const int count = candidates ? proj_list_get_count(candidates.get()) : 0;
    for (int i = 0; i < count; ++i) {
        const ProjObjectPtr crs(proj_list_get(context.get(), candidates.get(), i));
        const char* found = crs ? proj_get_name(crs.get()) : nullptr;
        if (found && name == found && !proj_is_deprecated(crs.get()))
            return toInt(proj_get_id_code(crs.get(), 0));
    }
    return 0;
}

int identifyEpsg(const std::string& wkt) {
    const std::string text = trimmed(wkt);
    OGRSpatialReference srs;
    if (text.empty() || !parseCrs(text, srs).empty())
        return 0;
    return matchEpsg(srs);
}

bool hasDatumShift(int fromEpsg, int toEpsg) {
    const ProjContextPtr context = makeProjContext();
    const ProjObjectPtr from(proj_create(context.get(), epsgText(fromEpsg).c_str()));
    const ProjObjectPtr to(proj_create(context.get(), epsgText(toEpsg).c_str()));
    if (!from || !to)
        return false;
    const ProjFactoryContextPtr factory(
        proj_create_operation_factory_context(context.get(), nullptr));
    if (!factory)
        return false;
    proj_operation_factory_context_set_spatial_criterion(
        context.get(), factory.get(), PROJ_SPATIAL_CRITERION_PARTIAL_INTERSECTION);
    // A shift whose grid is not installed cannot be applied, so it is not "known" here.
    proj_operation_factory_context_set_grid_availability_use(
        context.get(), factory.get(), PROJ_GRID_AVAILABILITY_DISCARD_OPERATION_IF_MISSING_GRID);
    const ProjListPtr operations(
        proj_create_operations(context.get(), from.get(), to.get(), factory.get()));
    const int count = operations ? proj_list_get_count(operations.get()) : 0;
    for (int i = 0; i < count; ++i) {
        const ProjObjectPtr operation(proj_list_get(context.get(), operations.get(), i));
        if (operation &&
            !proj_coordoperation_has_ballpark_transformation(context.get(), operation.get()))
            return true;
    }
    return false;
}

CrsDecision detectCrs(const CrsInput& input) {
    std::vector<std::string> warnings;
    const PrjReading prj = readPrj(input.prjText, warnings);

    if (input.overrideEpsg) {
        const int epsg = *input.overrideEpsg;
        OGRSpatialReference srs;
        if (!loadEpsg(epsg, srs))
            return unknown(epsgText(epsg) +
                               " given with --crs is not in PROJ's database; check the code.",
                           std::move(warnings));
        if (prj.epsg != 0 && prj.epsg != epsg)
            warnings.push_back("The .prj says " + named(prj.srs, prj.epsg) +
                               "; --crs overrides it.");
        const AreaCheck check = checkAreaOfUse(srs, input.extent);
        if (check.fit == Fit::outside)
            warnings.push_back("For " + named(srs, epsg) + " given with --crs, " +
                               describeOutside(check) + "; check the code.");
        else if (check.fit == Fit::partly)
            warnings.push_back(partlyOutside(named(srs, epsg) + " given with --crs", check));
        return decided(srs, epsg, "override", epsgText(epsg) + " was given with --crs.",
                       std::move(warnings));
    }

    if (prj.epsg != 0) {
        OGRSpatialReference srs;
        if (loadEpsg(prj.epsg, srs)) {
            const AreaCheck check = checkAreaOfUse(srs, input.extent);
            if (check.fit != Fit::outside) {
                std::string reason = "The .prj is " + named(srs, prj.epsg) + " in PROJ's database" +
                                     fitPhrase(check.fit);
                if (check.fit == Fit::partly)
                    warnings.push_back(partlyOutside("the .prj's " + named(srs, prj.epsg), check));
                return decided(srs, prj.epsg, "prj", std::move(reason), std::move(warnings));
            }
            warnings.push_back("The .prj says " + named(srs, prj.epsg) + ", but " +
                               describeOutside(check) + ": the .prj is not trusted.");
        }
    }
    return fromCoordinates(input.extent, prj, input.referenceEpsg, std::move(warnings));
}

} // namespace geo
