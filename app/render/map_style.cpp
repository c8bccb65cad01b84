#include "app/render/map_style.h"

#include <algorithm>
#include <filesystem>

#include "app/render/field_catalogue.h"
#include "app/render/style_reader.h"
#include "app/resource_paths.h"

namespace app {
namespace {

using nlohmann::json;

constexpr double maxWidthPx = 100.0;
constexpr double maxScaleDenominator = 1e9;

LineStyle lineOf(const StyleReader& r, const json& parent, const char* key,
                 const std::string& entry) {
    const std::string where = entryPath(entry, key);
    const json& j = r.object(parent, key, entry);
    r.checkKeys(j, where, {"colour", "width_px", "dash_px"});
    LineStyle line;
    line.colour = r.colour(j, "colour", where);
    line.widthPx = r.number(j, "width_px", where, 0.0, maxWidthPx);
    if (j.contains("dash_px")) {
        const json& dash = r.array(j, "dash_px", where);
        for (std::size_t i = 0; i < dash.size(); ++i) {
            const std::string at = entryPath(where, "dash_px[" + std::to_string(i) + "]");
            if (!dash[i].is_number() || dash[i].get<double>() <= 0 ||
                dash[i].get<double>() > maxWidthPx)
                r.fail(at, "must be a length in pixels above 0, e.g. [6, 3]");
            line.dashPx.push_back(dash[i].get<double>());
        }
        if (line.dashPx.size() % 2 != 0)
            r.fail(entryPath(where, "dash_px"),
                   "needs pairs of on and off lengths, e.g. [6, 3]; it has " +
                       std::to_string(line.dashPx.size()) + " numbers");
    }
    return line;
}

std::string layerOf(const StyleReader& r, const json& j, const std::string& entry, const char* key,
                    const FieldCatalogue& known) {
    const std::string layer = r.text(j, key, entry);
    if (!known.hasLayer(layer))
        r.fail(entryPath(entry, key),
               "'" + layer + "' is not a layer tianmu knows; use one of " + known.layerList(),
               "\"" + layer + "\"");
    return layer;
}

void checkField(const StyleReader& r, const std::string& layer, const std::string& field,
                const std::string& entry, const FieldCatalogue& known) {
    if (!known.has(layer, field))
        r.fail(entry,
               "'" + field + "' is not a field of " + layer + "; its fields are " +
                   known.fieldList(layer),
               "\"" + field + "\"");
}

LabelStyle labelOf(const StyleReader& r, const json& parent, const char* key,
                   const std::string& entry, const FieldCatalogue& known) {
    const std::string where = entryPath(entry, key);
    const json& j = r.object(parent, key, entry);
    r.checkKeys(
        j, where,
        {"layer", "field", "font", "size_pt", "bold", "colour", "halo", "min_scale", "max_scale"});
    LabelStyle label;
    label.layer = layerOf(r, j, where, "layer", known);
    label.field = r.text(j, "field", where);
    checkField(r, label.layer, label.field, entryPath(where, "field"), known);
    label.fontFamily = QString::fromStdString(r.text(j, "font", where));
    label.sizePt = r.number(j, "size_pt", where, 1.0, 200.0);
    label.bold = r.optionalBool(j, "bold", where, false);
    label.colour = r.colour(j, "colour", where);
    if (const json* halo = r.optionalObject(j, "halo", where)) {
        const std::string at = entryPath(where, "halo");
        r.checkKeys(*halo, at, {"colour", "width_px"});
        label.haloColour = r.colour(*halo, "colour", at);
        label.haloWidthPx = r.number(*halo, "width_px", at, 0.0, maxWidthPx);
    }
    label.minScale = r.optionalNumber(j, "min_scale", where, 0.0, maxScaleDenominator, 0.0);
    label.maxScale = r.optionalNumber(j, "max_scale", where, 0.0, maxScaleDenominator, 0.0);
    if (label.minScale > 0 && label.maxScale > 0 && label.minScale > label.maxScale)
        r.fail(where, "min_scale (the most zoomed-in denominator, e.g. 1000) is above max_scale "
                      "(the most zoomed-out, e.g. 250000), so the labels would never show");
    return label;
}

} // namespace

double RiverStyle::widthFor(double order) const noexcept {
    return line.widthPx + widthPerOrderPx * std::max(0.0, order - 1.0);
}

bool LabelStyle::visibleAt(double scaleDenominator) const noexcept {
    return (minScale <= 0 || scaleDenominator >= minScale) &&
           (maxScale <= 0 || scaleDenominator <= maxScale);
}

bool RoadStyle::isMain(std::string_view grade) const noexcept {
    return std::find(mainGrades.begin(), mainGrades.end(), grade) != mainGrades.end();
}

const AssetSymbol& AssetStyle::symbolFor(std::string_view status) const noexcept {
    for (const AssetSymbol& s : symbols)
        if (s.value == status)
            return s;
    return other;
}

const CategoryStyle* MapStyle::theme(std::string_view themeName) const noexcept {
    for (const CategoryStyle& t : themes)
        if (t.name() == themeName)
            return &t;
    return nullptr;
}

std::vector<std::string> MapStyle::themeNames() const {
    std::vector<std::string> names;
    for (const CategoryStyle& t : themes)
        names.push_back(t.name());
    return names;
}

MapStyle loadMapStyle(const std::string& path) {
    return loadMapStyle(path, FieldCatalogue::canonical(profilesDirectory()));
}

MapStyle loadMapStyle(const std::string& path, const FieldCatalogue& known) {
    namespace fs = std::filesystem;
    const fs::path file = fs::is_directory(path) ? fs::path(path) / "map.json" : fs::path(path);
    const StyleReader r(file.string());
    const json& doc = r.document();
    r.checkKeys(doc, "",
                {"kind", "name", "title", "description", "background", "themes", "default_theme",
                 "parcels", "villages", "townships", "rivers", "river_surfaces", "roads", "seats",
                 "assets", "labels"});
    if (const std::string kind = r.text(doc, "kind", ""); kind != "map")
        r.fail("kind", "is '" + kind + "'; a map style file has \"kind\": \"map\"",
               "\"" + kind + "\"");

    MapStyle style;
    style.path = file.string();
    style.name = r.text(doc, "name", "");
    std::tie(style.titleZh, style.titleEn) = r.label(doc, "title", "");
    style.background = r.colour(doc, "background", "");

    const json& themes = r.array(doc, "themes", "");
    if (themes.empty())
        r.fail("themes", "is empty; list at least one theme file, e.g. [\"zones.json\"]");
    for (std::size_t i = 0; i < themes.size(); ++i) {
        const std::string where = "themes[" + std::to_string(i) + "]";
        if (!themes[i].is_string())
            r.fail(where, "must be the file name of a theme, e.g. \"zones.json\"");
        const std::string name = themes[i].get<std::string>();
        const fs::path themePath = file.parent_path() / name;
        if (!fs::exists(themePath))
            r.fail(where, "theme file '" + themePath.string() + "' does not exist",
                   "\"" + name + "\"");
        style.themes.push_back(CategoryStyle::load(themePath.string(), known));
        for (std::size_t j = 0; j + 1 < style.themes.size(); ++j)
            if (style.themes[j].name() == style.themes.back().name())
                r.fail(where, "theme name '" + style.themes.back().name() +
                                  "' is used twice; theme names must be unique");
    }
    style.defaultTheme = r.text(doc, "default_theme", "");
    if (!style.theme(style.defaultTheme)) {
        std::string names;
        for (const std::string& n : style.themeNames())
            names += (names.empty() ? "" : ", ") + n;
        r.fail("default_theme", "'" + style.defaultTheme + "' is none of the themes: " + names,
               "\"" + style.defaultTheme + "\"");
    }

    const json& parcels = r.object(doc, "parcels", "");
    r.checkKeys(parcels, "parcels", {"layer", "outline", "fade_below_px"});
    style.parcelOutlines.layer = layerOf(r, parcels, "parcels", "layer", known);
    style.parcelOutlines.line = lineOf(r, parcels, "outline", "parcels");
    style.parcelOutlines.fadeBelowPx = r.number(parcels, "fade_below_px", "parcels", 0.0, 10000.0);

    for (auto [key, boundary] :
         {std::pair{"villages", &style.villages}, std::pair{"townships", &style.townships}}) {
        const json& j = r.object(doc, key, "");
        r.checkKeys(j, key, {"layer", "boundary"});
        boundary->layer = layerOf(r, j, key, "layer", known);
        boundary->line = lineOf(r, j, "boundary", key);
    }

    const json& rivers = r.object(doc, "rivers", "");
    r.checkKeys(rivers, "rivers", {"layer", "line", "order_field", "width_per_order_px"});
    style.rivers.layer = layerOf(r, rivers, "rivers", "layer", known);
    style.rivers.line = lineOf(r, rivers, "line", "rivers");
    style.rivers.orderField = r.optionalText(rivers, "order_field", "rivers", "");
    if (!style.rivers.orderField.empty())
        checkField(r, style.rivers.layer, style.rivers.orderField, "rivers.order_field", known);
    style.rivers.widthPerOrderPx =
        r.optionalNumber(rivers, "width_per_order_px", "rivers", 0.0, maxWidthPx, 0.0);
    const json& surfaces = r.object(doc, "river_surfaces", "");
    r.checkKeys(surfaces, "river_surfaces", {"layer", "fill"});
    style.rivers.surfaceLayer = layerOf(r, surfaces, "river_surfaces", "layer", known);
    style.rivers.surfaceFill = r.colour(surfaces, "fill", "river_surfaces");

    const json& roads = r.object(doc, "roads", "");
    r.checkKeys(roads, "roads",
                {"layer", "casing", "line", "main_grades", "main_casing", "main_line"});
    style.roads.layer = layerOf(r, roads, "roads", "layer", known);
    style.roads.casing = lineOf(r, roads, "casing", "roads");
    style.roads.line = lineOf(r, roads, "line", "roads");
    if (roads.contains("main_grades")) {
        const json& grades = r.array(roads, "main_grades", "roads");
        for (std::size_t i = 0; i < grades.size(); ++i) {
            if (!grades[i].is_string() || grades[i].get<std::string>().empty())
                r.fail("roads.main_grades[" + std::to_string(i) + "]",
                       "must be a road grade (DLDJ) as text, e.g. \"县道\"");
            style.roads.mainGrades.push_back(grades[i].get<std::string>());
        }
        style.roads.mainCasing = lineOf(r, roads, "main_casing", "roads");
        style.roads.mainLine = lineOf(r, roads, "main_line", "roads");
    }

    // Optional: a map file without it draws the seats in the built-in red.
    if (const json* seats = r.optionalObject(doc, "seats", "")) {
        r.checkKeys(*seats, "seats", {"layer", "size_px", "colour", "fill"});
        style.seats.layer = layerOf(r, *seats, "seats", "layer", known);
        style.seats.sizePx = r.number(*seats, "size_px", "seats", 2.0, 64.0);
        style.seats.colour = r.colour(*seats, "colour", "seats");
        style.seats.fill = r.colour(*seats, "fill", "seats");
    }

    // Optional: a map file without it draws assets in the built-in grey.
    style.assets.other.fill = QColor(140, 140, 140);
    if (const json* assets = r.optionalObject(doc, "assets", "")) {
        r.checkKeys(*assets, "assets", {"layer", "size_px", "outline", "symbols", "other"});
        style.assets.layer = layerOf(r, *assets, "assets", "layer", known);
        style.assets.sizePx = r.number(*assets, "size_px", "assets", 2.0, 64.0);
        style.assets.outline = r.colour(*assets, "outline", "assets");
        const auto symbolOf = [&](const json& j, const std::string& where, bool withValue) {
            if (withValue)
                r.checkKeys(j, where, {"value", "fill", "shape"});
            else
                r.checkKeys(j, where, {"fill", "shape"});
            AssetSymbol symbol;
            if (withValue)
                symbol.value = r.text(j, "value", where);
            symbol.fill = r.colour(j, "fill", where);
            symbol.shape = r.optionalText(j, "shape", where, "circle");
            if (symbol.shape != "circle" && symbol.shape != "square" && symbol.shape != "diamond")
                r.fail(where + ".shape", "is '" + symbol.shape + "'; use circle, square or diamond",
                       "\"" + symbol.shape + "\"");
            return symbol;
        };
        const json& symbols = r.array(*assets, "symbols", "assets");
        for (std::size_t i = 0; i < symbols.size(); ++i)
            style.assets.symbols.push_back(
                symbolOf(symbols[i], "assets.symbols[" + std::to_string(i) + "]", true));
        style.assets.other = symbolOf(r.object(*assets, "other", "assets"), "assets.other", false);
    }

    const json& labels = r.object(doc, "labels", "");
    r.checkKeys(labels, "labels", {"villages", "parcels", "seats"});
    style.villageLabels = labelOf(r, labels, "villages", "labels", known);
    style.parcelLabels = labelOf(r, labels, "parcels", "labels", known);
    if (labels.contains("seats"))
        style.seatLabels = labelOf(r, labels, "seats", "labels", known);
    return style;
}

std::vector<std::string> availableThemes() {
    return loadMapStyle(stylesDirectory()).themeNames();
}

} // namespace app
