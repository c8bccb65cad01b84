// The map style (styles/map.json): the themes a map can be coloured by, and how boundaries,
// rivers, roads, parcel outlines and labels are drawn. Plain values, cheap to copy: the
// renderer takes a snapshot with its map settings. Schema in styles/README.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <QColor>
#include <QString>

#include "app/render/category_style.h"

namespace app {

class FieldCatalogue;

// A stroke. Widths and dashes are in device-independent pixels (1/96 inch).
struct LineStyle {
    QColor colour;
    double widthPx = 1.0;
    std::vector<double> dashPx; // on, off, on, off…; empty: solid

    bool operator==(const LineStyle&) const = default;
};

struct BoundaryStyle {
    std::string layer; // villages, townships
    LineStyle line;

    bool operator==(const BoundaryStyle&) const = default;
};

struct ParcelOutlineStyle {
    std::string layer; // parcels
    LineStyle line;
    // Outlines fade out when a parcel (the square root of its area) is smaller than this on
    // screen, so a zoomed-out map shows colours, not a grey mesh.
    double fadeBelowPx = 6.0;

    bool operator==(const ParcelOutlineStyle&) const = default;
};

struct RiverStyle {
    std::string layer;            // rivers (lines)
    LineStyle line;               // the width of an order-1 river
    std::string orderField;       // e.g. DJ; empty: one width
    double widthPerOrderPx = 0.0; // added per order above 1
    std::string surfaceLayer;     // river_surfaces (polygons)
    QColor surfaceFill;

    // The stroke width of a river of `order` (1 when unknown).
    double widthFor(double order) const noexcept;
    bool operator==(const RiverStyle&) const = default;
};

struct RoadStyle {
    std::string layer; // roads
    LineStyle casing;  // drawn first, wider
    LineStyle line;    // drawn on top
    // Roads whose grade (DLDJ) is one of these are main roads (国道, 省道, 县道 …: those the
    // village types measure to), drawn over the others in their own casing and line. Empty:
    // every road alike.
    std::vector<std::string> mainGrades;
    LineStyle mainCasing, mainLine;

    bool isMain(std::string_view grade) const noexcept;
    bool operator==(const RoadStyle&) const = default;
};

// The township seats (乡镇驻地): a ring with a dot, as Chinese maps mark a township's seat.
struct SeatStyle {
    std::string layer = "seats";
    double sizePx = 16.0;
    QColor colour{179, 0, 27};  // the ring and the dot
    QColor fill{255, 255, 255}; // inside the ring

    bool operator==(const SeatStyle&) const = default;
};

// The 三资 asset points, a symbol per ledger status (ZT); `other` for any status not listed.
struct AssetSymbol {
    std::string value; // the ZT value, e.g. 闲置
    QColor fill;
    std::string shape = "circle"; // circle, square or diamond
    bool operator==(const AssetSymbol&) const = default;
};

struct AssetStyle {
    std::string layer; // assets
    double sizePx = 9.0;
    QColor outline{255, 255, 255};
    std::vector<AssetSymbol> symbols;
    AssetSymbol other;
    const AssetSymbol& symbolFor(std::string_view status) const noexcept;
    bool operator==(const AssetStyle&) const = default;
};

struct LabelStyle {
    std::string layer;
    std::string field;
    QString fontFamily; // e.g. "Noto Sans CJK SC"
    double sizePt = 10.0;
    bool bold = false;
    QColor colour;
    QColor haloColour;
    double haloWidthPx = 0.0; // 0: no halo
    // Shown while minScale <= scale denominator <= maxScale; 0 means no limit on that side.
    double minScale = 0.0;
    double maxScale = 0.0;

    bool visibleAt(double scaleDenominator) const noexcept;
    bool operator==(const LabelStyle&) const = default;
};

struct MapStyle {
    std::string name;
    QString titleZh, titleEn;
    std::string path; // the map file
    QColor background;
    std::vector<CategoryStyle> themes; // in the order of the map file
    std::string defaultTheme;
    ParcelOutlineStyle parcelOutlines;
    BoundaryStyle villages;
    BoundaryStyle townships;
    RiverStyle rivers;
    RoadStyle roads;
    SeatStyle seats;
    AssetStyle assets;
    LabelStyle villageLabels;
    LabelStyle parcelLabels;
    // The township names by their seats; optional (`seatLabels.field` empty: none).
    LabelStyle seatLabels;

    // The theme called `name`, or nullptr.
    const CategoryStyle* theme(std::string_view themeName) const noexcept;
    std::vector<std::string> themeNames() const;
    bool operator==(const MapStyle&) const = default;
};

// Loads a map style: `path` is a map file, or a folder holding map.json. Its themes are read
// from files named relative to it. Throws geo::InputError naming the file and the entry at
// fault. The first form checks layers and fields against
// FieldCatalogue::canonical(profilesDirectory()).
MapStyle loadMapStyle(const std::string& path);
MapStyle loadMapStyle(const std::string& path, const FieldCatalogue& known);

// The names of the themes of the installed map style (stylesDirectory()/map.json), in order.
std::vector<std::string> availableThemes();

} // namespace app
