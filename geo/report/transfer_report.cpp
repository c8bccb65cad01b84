#include "geo/report/transfer_report.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <tuple>
#include <unordered_map>

#include "geo/area.h"
#include "geo/error.h"
#include "geo/geodesic_area.h"

namespace geo::report {
namespace {

// Sums of unrounded square metres: rounding happens only when a writer shows a number.
struct Sum {
    long long parcels = 0;
    double m2 = 0.0;
    void add(double area) {
        ++parcels;
        m2 += area;
    }
    void add(const Sum& o) {
        parcels += o.parcels;
        m2 += o.m2;
    }
};

struct VillageSums {
    std::string name;
    double totalM2 = 0.0, croplandM2 = 0.0;
};

using Key = std::tuple<std::string, std::string, std::string>; // village, zone, mode

bool isCropland(const char* landUse) {
    return std::strncmp(landUse, "01", 2) ==
           0; // GB/T 21010 耕地: 0101 水田, 0102 水浇地, 0103 旱地
}

double percent(double part, double whole) {
    return whole > 0 ? 100.0 * part / whole : 0.0;
}

} // namespace

std::vector<double> parcelAreas(const ReportSource& source, AreaBasis basis) {
    OGRLayer& parcels = source.layer("parcels");
    std::vector<double> area;
    auto put = [&](GIntBig fid, double value) {
        if (fid < 0)
            return;
        const auto i = static_cast<std::size_t>(fid);
        if (i >= area.size())
            area.resize(std::max(i + 1, area.size() * 2), 0.0);
        area[i] = value;
    };
    area.reserve(static_cast<std::size_t>(std::max<GIntBig>(parcels.GetFeatureCount(), 0) + 2));
    if (basis == AreaBasis::Surveyed) {
        const std::vector<int> f = readOnly(parcels, {"TBDLMJ", "TBMJ", "KCMJ"});
        if (f[0] < 0 && f[1] < 0)
            throw InputError("parcels have neither TBDLMJ nor TBMJ, so there is no surveyed "
                             "area; use --area ellipsoidal",
                             {source.path(), "parcels", {}, {}});
        parcels.ResetReading();
        for (auto&& p : parcels)
            put(p->GetFID(), p->IsFieldSetAndNotNull(f[0])
                                 ? numberOf(*p, f[0])
                                 : numberOf(*p, f[1]) - numberOf(*p, f[2]));
        return area;
    }
    const std::vector<int> f = readOnly(parcels, {"AREA_ELL"});
    if (f[0] >= 0) {
        parcels.ResetReading();
        for (auto&& p : parcels)
            put(p->GetFID(), numberOf(*p, f[0]));
        return area;
    }
    // A project written by another tool: compute the areas on the ellipsoid now.
    const OGRSpatialReference* crs = parcels.GetSpatialRef();
    if (!crs)
        throw InputError("parcels have no AREA_ELL and no CRS; import them with tianmu import",
                         {source.path(), "parcels", {}, {}});
    const GeodesicAreaCalculator calculator(*crs);
    readOnly(parcels, {}, true);
    parcels.ResetReading();
    for (auto&& p : parcels)
        if (const OGRGeometry* g = p->GetGeometryRef())
            put(p->GetFID(), calculator.area(*g).inSquareMetres());
    return area;
}

Table transferTable(const ReportSource& source, const ReportLabels& labels,
                    const TransferReportOptions& options) {
    auto grouped = [&](const char* dimension) {
        return std::find(options.groupBy.begin(), options.groupBy.end(), dimension) !=
               options.groupBy.end();
    };
    const bool byVillage = grouped("village"), byZone = grouped("zone"), byMode = grouped("mode");
    const std::vector<double> area = parcelAreas(source, options.basis);

    OGRLayer& classes = source.layer("parcel_classes");
    const std::vector<int> f =
        readOnly(classes, {"PARCEL_FID", "DLBM", "ZONE", "ZONE_NAME", "VILLAGE_CODE",
                           "VILLAGE_NAME", "TRANSFERRED", "LZFS"});
    for (std::size_t i = 0; i < f.size(); ++i)
        if (f[i] < 0)
            throw InputError("parcel_classes lacks a column; classify the project again: tianmu "
                             "classify --project " +
                                 source.path(),
                             {source.path(), "parcel_classes", {}, {}});

    std::unordered_map<std::string, VillageSums> villages;
    std::map<Key, Sum> groups;
    std::map<std::string, std::string> zoneNames;
    const std::vector<std::string>& only = options.villages;
    std::string lastCode = "\x01";
    VillageSums* current = nullptr;
    bool keep = true;
    classes.ResetReading();
    for (auto&& c : classes) {
        const char* code = textOf(*c, f[4]);
        if (lastCode != code) { // parcels come village by village: look up only on a change
            lastCode = code;
            keep = only.empty() || std::find(only.begin(), only.end(), lastCode) != only.end();
            current = &villages[lastCode];
            if (current->name.empty())
                current->name = textOf(*c, f[5]);
        }
        if (!keep)
            continue;
        const GIntBig fid = c->GetFieldAsInteger64(f[0]);
        const double a = fid >= 0 && static_cast<std::size_t>(fid) < area.size()
                             ? area[static_cast<std::size_t>(fid)]
                             : 0.0;
        current->totalM2 += a;
        if (isCropland(textOf(*c, f[1])))
            current->croplandM2 += a;
        if (c->GetFieldAsInteger(f[6]) != 1)
            continue;
        std::string zone = byZone ? textOf(*c, f[2]) : "";
        if (byZone && !zoneNames.count(zone))
            zoneNames.emplace(zone, textOf(*c, f[3]));
        groups[Key{byVillage ? lastCode : std::string(), std::move(zone),
                   byMode ? std::string(textOf(*c, f[7])) : std::string()}]
            .add(a);
    }
    if (groups.empty())
        throw InputError(only.empty() ? "has no transferred parcel on the classification's as-of "
                                        "day, so the report would be empty; check the transfer "
                                        "ledger or classify with another --as-of"
                                      : "has no transferred parcel in the selected villages; "
                                        "choose other --village codes",
                         {source.path(), "parcel_classes", {}, {}});

    Table t;
    t.key = "transfer";
    t.title = labels.text("transfer.title");
    auto col = [&](const char* key, ColumnType type, bool printed = true) {
        t.columns.push_back({key, labels.text(std::string("col.") + key), type, printed});
    };
    if (byVillage) {
        col("township_code", ColumnType::Text, false);
        col("township", ColumnType::Text);
        col("village_code", ColumnType::Text, false);
        col("village", ColumnType::Text);
    }
    if (byZone) {
        col("zone_id", ColumnType::Text, false);
        col("zone", ColumnType::Text);
    }
    if (byMode) {
        col("mode_id", ColumnType::Text, false); // the ledger's own LZFS value
        col("mode", ColumnType::Text);
    }
    col("parcels", ColumnType::Count);
    col("area_mu", ColumnType::Mu);
    col("area_ha", ColumnType::Hectare);
    col("share_of_cropland", ColumnType::Percent);
    col("share_of_village", ColumnType::Percent);
    const std::size_t firstNumber = t.columns.size() - 5;

    // Denominators: the village's own land, else (no village grouping) the whole selection.
    VillageSums all;
    for (const auto& [code, v] : villages)
        if (only.empty() || std::find(only.begin(), only.end(), code) != only.end()) {
            all.totalM2 += v.totalM2;
            all.croplandM2 += v.croplandM2;
        }
    auto numbers = [&](Row& r, const Sum& s, double cropland, double total) {
        r.cells.push_back(Cell::of(static_cast<double>(s.parcels)));
        r.cells.push_back(Cell::of(Area::squareMetres(s.m2).inMu()));
        r.cells.push_back(Cell::of(Area::squareMetres(s.m2).inHectares()));
        r.cells.push_back(Cell::of(percent(s.m2, cropland)));
        r.cells.push_back(Cell::of(percent(s.m2, total)));
    };
    auto label = [&](Row& r, const std::string& text) {
        // The caption goes in the first shown column the row leaves empty.
        r.cells.resize(firstNumber, Cell::of(std::string()));
        for (std::size_t c = 0; c < firstNumber; ++c)
            if (t.columns[c].printed && r.cells[c].text.empty()) {
                r.cells[c].text = text;
                break;
            }
    };
    auto zoneText = [&](const std::string& zone) {
        const std::string named = labels.name("zone", zone);
        return named == zone && zoneNames.count(zone) && !zoneNames[zone].empty() ? zoneNames[zone]
                                                                                  : named;
    };
    const std::string subtotal = labels.text("row.subtotal");

    // Order: township, village, zone (the rule set's order as listed in the labels), mode.
    std::vector<std::string> zoneOrder;
    {
        std::string order = labels.text("zone.order") + ",";
        for (std::size_t s = 0, e = order.find(','); e != std::string::npos;
             s = e + 1, e = order.find(',', s))
            zoneOrder.push_back(order.substr(s, e - s));
    }
    auto zoneRank = [&](const std::string& z) {
        const auto it = std::find(zoneOrder.begin(), zoneOrder.end(), z);
        return it - zoneOrder.begin();
    };
    struct Entry {
        std::string townshipCode, township, village, villageName;
        std::string zone, mode;
        Sum sum;
    };
    std::vector<Entry> entries;
    for (const auto& [key, sum] : groups) {
        Entry e;
        e.village = std::get<0>(key);
        if (byVillage) {
            if (const VillageInfo* v = source.village(e.village)) {
                e.townshipCode = v->townshipCode;
                e.township = v->townshipName;
                e.villageName = v->name;
            } else {
                e.villageName = villages[e.village].name.empty() ? labels.text("row.no_village")
                                                                 : villages[e.village].name;
            }
        }
        e.zone = std::get<1>(key);
        e.mode = std::get<2>(key);
        e.sum = sum;
        entries.push_back(std::move(e));
    }
    std::sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
        return std::make_tuple(a.townshipCode, a.village, zoneRank(a.zone), a.zone, a.mode) <
               std::make_tuple(b.townshipCode, b.village, zoneRank(b.zone), b.zone, b.mode);
    });

    Sum grand, township, village;
    VillageSums townshipLand;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const Entry& e = entries[i];
        const VillageSums& land = byVillage ? villages[e.village] : all;
        Row r;
        if (byVillage) {
            r.cells = {Cell::of(e.townshipCode), Cell::of(e.township), Cell::of(e.village),
                       Cell::of(e.villageName)};
        }
        if (byZone) {
            r.cells.push_back(Cell::of(e.zone));
            r.cells.push_back(Cell::of(zoneText(e.zone)));
        }
        if (byMode) {
            r.cells.push_back(Cell::of(e.mode));
            r.cells.push_back(Cell::of(labels.name("mode", e.mode)));
        }
        numbers(r, e.sum, land.croplandM2, land.totalM2);
        t.rows.push_back(std::move(r));
        grand.add(e.sum);
        township.add(e.sum);
        village.add(e.sum);
        if (!byVillage)
            continue;
        const bool villageEnds = i + 1 == entries.size() || entries[i + 1].village != e.village;
        const bool townshipEnds =
            i + 1 == entries.size() || entries[i + 1].townshipCode != e.townshipCode;
        if (villageEnds && !byZone && !byMode) { // the detail row is the village's total
            townshipLand.totalM2 += land.totalM2;
            townshipLand.croplandM2 += land.croplandM2;
            village = {};
        } else if (villageEnds) {
            Row s{RowKind::Subtotal,
                  1,
                  {Cell::of(e.townshipCode), Cell::of(e.township), Cell::of(e.village),
                   Cell::of(e.villageName)}};
            label(s, subtotal);
            numbers(s, village, land.croplandM2, land.totalM2);
            t.rows.push_back(std::move(s));
            townshipLand.totalM2 += land.totalM2;
            townshipLand.croplandM2 += land.croplandM2;
            village = {};
        }
        if (townshipEnds) {
            Row s{RowKind::Subtotal, 2, {Cell::of(e.townshipCode), Cell::of(e.township)}};
            label(s, subtotal);
            numbers(s, township, townshipLand.croplandM2, townshipLand.totalM2);
            t.rows.push_back(std::move(s));
            township = {};
            townshipLand = {};
        }
    }
    Row total{RowKind::Total, 3, {}};
    label(total, labels.text("row.total"));
    numbers(total, grand, all.croplandM2, all.totalM2);
    t.rows.push_back(std::move(total));

    t.notes.push_back(labels.text(options.basis == AreaBasis::Ellipsoidal ? "note.basis_ellipsoidal"
                                                                          : "note.basis_surveyed"));
    t.notes.push_back(labels.text("note.rounding"));
    long long overlaps = 0;
    if (OGRLayer* flags = source.optionalLayer("transfer_flags")) {
        const std::vector<int> k = readOnly(*flags, {"KIND"});
        flags->ResetReading();
        for (auto&& flag : *flags)
            overlaps += std::strcmp(textOf(*flag, k[0]), "overlapping_contracts") == 0 ? 1 : 0;
    }
    t.notes.push_back(labels.format("note.overlaps", {std::to_string(overlaps)}));
    t.notes.push_back(labels.text("note.shares"));
    return t;
}

} // namespace geo::report
