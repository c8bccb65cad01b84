#include "geo/report/transfer_report.h"

#include <algorithm>
#include <cstring>
#include <future>
#include <map>
#include <tuple>
#include <unordered_map>

#include "geo/area.h"
#include "geo/error.h"
#include "geo/geodesic_area.h"
#include "geo/sql_quoting.h"

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

std::vector<double> parcelAreas(const std::string& path, AreaBasis basis) {
    // Its own connection: the transfer report reads the areas on a second thread.
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    OGRLayer* layer = ds ? ds->GetLayerByName("parcels") : nullptr;
    if (!layer)
        throw InputError("has no parcels; import them first", {path, "parcels", {}, {}});
    OGRLayer& parcels = *layer;
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
                             {path, "parcels", {}, {}});
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
                         {path, "parcels", {}, {}});
    const GeodesicAreaCalculator calculator(*crs);
    readOnly(parcels, {}, true);
    parcels.ResetReading();
    for (auto&& p : parcels)
        if (const OGRGeometry* g = p->GetGeometryRef())
            put(p->GetFID(), calculator.area(*g).inSquareMetres());
    return area;
}

namespace {

// The sums the table is made of: per village its land, per (village, zone, mode) the
// transferred parcels. Filled by one of the two readers below.
struct Aggregate {
    std::unordered_map<std::string, VillageSums> villages;
    std::map<Key, Sum> groups;
    std::map<std::string, std::string> zoneNames;
};

struct Dimensions {
    bool village, zone, mode;
};

// The fast path, when the areas are columns: the database sums them (plain SQL, no geometry,
// so any OGR SQL database does), in two halves of the parcels on two connections at once.
void aggregateInDatabase(const ReportSource& source, const std::string& areaExpression,
                         const Dimensions& by, const std::vector<std::string>& only,
                         Aggregate& out) {
    std::string villageFilter;
    for (const std::string& code : only)
        villageFilter +=
            (villageFilter.empty() ? " AND c.VILLAGE_CODE IN (" : ", ") + sqlText(code);
    if (!villageFilter.empty())
        villageFilter += ")";
    OGRLayer& classes = source.layer("parcel_classes");
    OGRLayer& parcels = source.layer("parcels");
    const std::string classesFid = *classes.GetFIDColumn() ? classes.GetFIDColumn() : "fid";
    const std::string parcelsFid = *parcels.GetFIDColumn() ? parcels.GetFIDColumn() : "fid";
    // The parcel's own land-use code, already joined: parcel_classes (a view) shows the same
    // DLBM, but would look it up in parcels once more for every row.
    const std::string landUse =
        parcels.GetLayerDefn()->GetFieldIndex("DLBM") >= 0 ? "p.DLBM" : "c.DLBM";
    GIntBig first = 0, last = -1;
    {
        const ResultSet range = source.query(sqlMinMax("parcel_classes", classesFid));
        if (range)
            if (OGRFeatureUniquePtr row{range->GetNextFeature()}) {
                first = row->GetFieldAsInteger64(0);
                last = row->GetFieldAsInteger64(1);
            }
    }
    struct Part {
        std::string village, zone, zoneName, mode;
        bool transferred = false;
        double cropland = 0.0; // m², land rows only
        Sum sum;
    };
    auto run = [&](GIntBig from, GIntBig to) {
        GDALDatasetUniquePtr ds(
            GDALDataset::Open(source.path().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        if (!ds)
            throw Error("cannot open the project again", {source.path(), {}, {}, {}});
        // Two queries, each grouping as little as it can (sorting a million text keys is
        // what costs): the village's land over all its parcels, then the transferred ones.
        const std::string from_ = " FROM parcel_classes c JOIN parcels p ON p.\"" + parcelsFid +
                                  "\" = c.PARCEL_FID WHERE c.\"" + classesFid + "\" BETWEEN " +
                                  std::to_string(from) + " AND " + std::to_string(to) +
                                  villageFilter;
        const std::string land = "SELECT c.VILLAGE_CODE, SUM(" + areaExpression +
                                 "), SUM(CASE WHEN " + landUse + " >= '01' AND " + landUse +
                                 " < '02' THEN " + areaExpression + " END)" + from_ + " GROUP BY 1";
        const std::string transferred =
            "SELECT c.VILLAGE_CODE, c.ZONE, MIN(c.ZONE_NAME), c.LZFS, COUNT(*), SUM(" +
            areaExpression + ")" + from_ + " AND c.TRANSFERRED = 1 GROUP BY 1, 2, 4";
        std::vector<Part> parts;
        for (const std::string* sql : {&land, &transferred}) {
            OGRLayer* result = ds->ExecuteSQL(sql->c_str(), nullptr, nullptr);
            if (!result)
                throw Error("cannot sum the parcels' areas: " + std::string(CPLGetLastErrorMsg()),
                            {source.path(), "parcel_classes", {}, {}});
            for (auto&& row : *result) {
                Part part;
                part.village = row->GetFieldAsString(0);
                if (sql == &land) {
                    part.sum.m2 = row->GetFieldAsDouble(1);
                    part.cropland = row->GetFieldAsDouble(2); // here: the cropland's m²
                } else {
                    part.transferred = true;
                    part.zone = row->GetFieldAsString(1);
                    part.zoneName = row->GetFieldAsString(2);
                    part.mode = row->GetFieldAsString(3);
                    part.sum.parcels = row->GetFieldAsInteger64(4);
                    part.sum.m2 = row->GetFieldAsDouble(5);
                }
                parts.push_back(std::move(part));
            }
            ds->ReleaseResultSet(result); // an open statement would block a writer's commit
        }
        return parts;
    };
    const GIntBig middle = first + (last - first) / 2;
    std::future<std::vector<Part>> upper = std::async(std::launch::async, run, middle + 1, last);
    std::vector<Part> parts = run(first, middle);
    for (Part& p : upper.get())
        parts.push_back(std::move(p));
    for (const Part& p : parts) {
        VillageSums& v = out.villages[p.village];
        if (!p.transferred) {
            v.totalM2 += p.sum.m2;
            v.croplandM2 += p.cropland;
            continue;
        }
        if (by.zone && !out.zoneNames.count(p.zone))
            out.zoneNames.emplace(p.zone, p.zoneName);
        out.groups[Key{by.village ? p.village : std::string(), by.zone ? p.zone : std::string(),
                       by.mode ? p.mode : std::string()}]
            .add(p.sum);
    }
}

// The general path: read the classification and the parcels' areas (computed from the
// geometry when the parcels have no AREA_ELL) and sum here.
void aggregateByReading(const ReportSource& source, AreaBasis basis, const Dimensions& by,
                        const std::vector<std::string>& only, const TransfersOnDay* onDay,
                        Aggregate& out) {
    // The areas come from the parcels, read on a second thread while this one reads the
    // classification: the two reads take about the same time.
    std::future<std::vector<double>> areas =
        std::async(std::launch::async, parcelAreas, source.path(), basis);

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

    auto& villages = out.villages;
    auto& groups = out.groups;
    auto& zoneNames = out.zoneNames;
    // One entry per parcel kept, summed once the areas are in.
    struct Pending {
        GIntBig fid;
        VillageSums* village;
        Sum* group; // null when not transferred
        bool cropland;
    };
    std::vector<Pending> pending;
    pending.reserve(static_cast<std::size_t>(std::max<GIntBig>(classes.GetFeatureCount(), 0)));
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
        const std::string* modeOnDay = nullptr;
        if (onDay) {
            const auto it = onDay->modeOf.find(fid);
            modeOnDay = it == onDay->modeOf.end() ? nullptr : &it->second;
        }
        Sum* group = nullptr;
        if (onDay ? modeOnDay != nullptr : c->GetFieldAsInteger(f[6]) == 1) {
            std::string zone = by.zone ? textOf(*c, f[2]) : "";
            if (by.zone && !zoneNames.count(zone))
                zoneNames.emplace(zone, textOf(*c, f[3]));
            std::string mode = !by.mode    ? std::string()
                               : modeOnDay ? *modeOnDay
                                           : std::string(textOf(*c, f[7]));
            group = &groups[Key{by.village ? lastCode : std::string(), std::move(zone),
                                std::move(mode)}];
        }
        pending.push_back({fid, current, group, isCropland(textOf(*c, f[1]))});
    }
    const std::vector<double> area = areas.get();
    for (const Pending& p : pending) {
        const double a = p.fid >= 0 && static_cast<std::size_t>(p.fid) < area.size()
                             ? area[static_cast<std::size_t>(p.fid)]
                             : 0.0;
        p.village->totalM2 += a;
        if (p.cropland)
            p.village->croplandM2 += a;
        if (p.group)
            p.group->add(a);
    }
}

// The SQL expression of a parcel's area when the parcels carry it as a column, else empty.
std::string areaExpression(const ReportSource& source, AreaBasis basis) {
    const OGRFeatureDefn* defn = source.layer("parcels").GetLayerDefn();
    auto has = [&](const char* field) {
        return defn->GetFieldIndex(field) >= 0;
    };
    if (basis == AreaBasis::Ellipsoidal)
        return has("AREA_ELL") ? "p.AREA_ELL" : "";
    if (!has("TBMJ"))
        return has("TBDLMJ") ? "p.TBDLMJ" : "";
    const std::string gross = has("KCMJ") ? "p.TBMJ - COALESCE(p.KCMJ, 0)" : "p.TBMJ";
    return has("TBDLMJ") ? "COALESCE(p.TBDLMJ, " + gross + ")" : gross;
}

} // namespace

Table transferTable(const ReportSource& source, const ReportLabels& labels,
                    const TransferReportOptions& options) {
    auto grouped = [&](const char* dimension) {
        return std::find(options.groupBy.begin(), options.groupBy.end(), dimension) !=
               options.groupBy.end();
    };
    const bool byVillage = grouped("village"), byZone = grouped("zone"), byMode = grouped("mode");
    const std::vector<std::string>& only = options.villages;
    Aggregate aggregate;
    const Dimensions by{byVillage, byZone, byMode};
    const std::string areaColumn = areaExpression(source, options.basis);
    // On another day the database cannot tell who is transferred: read and sum here.
    if (!areaColumn.empty() && !options.onDay)
        aggregateInDatabase(source, areaColumn, by, only, aggregate);
    else
        aggregateByReading(source, options.basis, by, only, options.onDay, aggregate);
    auto& villages = aggregate.villages;
    auto& groups = aggregate.groups;
    auto& zoneNames = aggregate.zoneNames;
    if (groups.empty())
        throw InputError(
            !only.empty() ? "has no transferred parcel in the selected villages; choose other "
                            "--village codes"
            : options.onDay
                ? "has no parcel under a transfer contract on " + options.onDay->day +
                      ", so the report would be empty; check the transfer ledger or choose "
                      "another --as-of"
                : "has no transferred parcel on the classification's as-of day, so the report "
                  "would be empty; check the transfer ledger or classify with another --as-of",
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
    long long overlaps = options.onDay ? options.onDay->overlaps : 0;
    if (OGRLayer* flags = options.onDay ? nullptr : source.optionalLayer("transfer_flags")) {
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
