#include "geo/classification_inputs.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <functional>
#include <future>
#include <iterator>
#include <optional>
#include <thread>

#include "geo/error.h"
#include "geo/gdal_session.h"
#include "geo/geopackage_ledger.h"
#include "geo/geopackage_parcels.h"
#include "geo/mapping_profile.h"
#include "geo/sql_quoting.h"

namespace geo {
namespace {

void appendPart(FlatLayer& out, const OGRSimpleCurve& curve, bool isRing) {
    out.partStart.push_back(static_cast<std::uint32_t>(out.xy.size() / 2));
    out.partIsRing.push_back(isRing ? 1 : 0);
    const int n = curve.getNumPoints();
    for (int i = 0; i < n; ++i) {
        const double x = curve.getX(i), y = curve.getY(i);
        out.xy.push_back(x);
        out.xy.push_back(y);
        out.extent.include(x, y);
    }
}

void appendParts(FlatLayer& out, const OGRGeometry& geom) {
    switch (wkbFlatten(geom.getGeometryType())) {
    case wkbPolygon:
        for (const OGRLinearRing* r : *geom.toPolygon())
            appendPart(out, *r, true);
        break;
    case wkbLineString:
        appendPart(out, *geom.toLineString(), false);
        break;
    case wkbMultiPolygon:
    case wkbMultiLineString:
    case wkbGeometryCollection:
        for (const OGRGeometry* part : *geom.toGeometryCollection())
            appendParts(out, *part);
        break;
    default:
        break;
    }
}

void appendRings(FlatLayer& out, const OGRGeometry* g) {
    out.featurePart.push_back(static_cast<std::uint32_t>(out.partStart.size()));
    if (g)
        appendParts(out, *g);
}

void closeLayer(FlatLayer& layer) {
    layer.featurePart.push_back(static_cast<std::uint32_t>(layer.partStart.size()));
    layer.partStart.push_back(static_cast<std::uint32_t>(layer.xy.size() / 2));
}

std::string field(const OGRFeature& f, const char* name) {
    const int i = f.GetFieldIndex(name);
    return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsString(i) : "";
}

std::string field(const OGRFeature& f, int i) {
    return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsString(i) : "";
}

// !field(f, i).empty(), printing nothing: only a string can be set and print empty.
bool hasText(const OGRFeature& f, int i) {
    return i >= 0 && f.IsFieldSetAndNotNull(i) &&
           (f.GetFieldDefnRef(i)->GetType() != OFTString || *f.GetFieldAsString(i) != '\0');
}

// parseNumber(field(f, i)), the way classification has always read numbers, without printing
// and parsing most reals: GDAL prints a real with 15 significant digits ("%.15g"), which
// gives back the same double whenever it is the nearest double to a decimal of at most two
// places and 15 digits (as surveyed areas are: the nearest 15-digit decimal is then that
// one). Other reals are printed and parsed as before, so the result is the same to the bit.
std::optional<double> number(const OGRFeature& f, int i) {
    if (i < 0 || !f.IsFieldSetAndNotNull(i))
        return std::nullopt;
    if (f.GetFieldDefnRef(i)->GetType() != OFTReal || f.GetFieldDefnRef(i)->GetWidth() != 0)
        return parseNumber(f.GetFieldAsString(i));
    const double v = f.GetFieldAsDouble(i);
    const double hundredths = std::nearbyint(v * 100.0);
    if (std::abs(hundredths) < 1e15 && hundredths / 100.0 == v)
        return v;
    return parseNumber(f.GetFieldAsString(i));
}

// Reads only `keep` of the layer's fields until destroyed: a parcel has many more fields than
// classification needs, and GDAL decodes every field it is not told to skip.
class OnlyFields {
public:
    OnlyFields(OGRLayer& layer, const std::vector<std::string>& keep)
        : m_layer(layer) {
        std::vector<std::string> ignored;
        const OGRFeatureDefn* defn = layer.GetLayerDefn();
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            const char* name = defn->GetFieldDefn(i)->GetNameRef();
            if (std::none_of(keep.begin(), keep.end(),
                             [&](const std::string& k) { return EQUAL(k.c_str(), name); }))
                ignored.emplace_back(name);
        }
        std::vector<const char*> list;
        for (const std::string& name : ignored)
            list.push_back(name.c_str());
        list.push_back(nullptr);
        layer.SetIgnoredFields(list.data());
    }
    ~OnlyFields() { m_layer.SetIgnoredFields(nullptr); }
    OnlyFields(const OnlyFields&) = delete;
    OnlyFields& operator=(const OnlyFields&) = delete;

private:
    OGRLayer& m_layer;
};

// Reads the parcels of one stretch of fids (all of them when `fids` is null), in storage order.
void readParcels(OGRLayer& parcels, const std::vector<std::string>& attributeFields,
                 const char* fids, ParcelStretch& out) {
    std::vector<std::string> used = {"BSM", "DLBM", "ZLDWDM", "AREA_ELL", "TBMJ", "TBDLMJ"};
    used.insert(used.end(), attributeFields.begin(), attributeFields.end());
    const OnlyFields only(parcels, used);
    if (fids && parcels.SetAttributeFilter(fids) != OGRERR_NONE)
        throw Error(std::string("cannot select parcels by ") + fids, {{}, "parcels", {}, {}});
    // Field positions once, not a name lookup per parcel and field.
    const OGRFeatureDefn* defn = parcels.GetLayerDefn();
    const int bsm = defn->GetFieldIndex("BSM"), dlbm = defn->GetFieldIndex("DLBM"),
              zldwdm = defn->GetFieldIndex("ZLDWDM"), areaEll = defn->GetFieldIndex("AREA_ELL"),
              tbmj = defn->GetFieldIndex("TBMJ"), tbdlmj = defn->GetFieldIndex("TBDLMJ");
    std::vector<int> attributeIndex;
    for (const std::string& name : attributeFields)
        attributeIndex.push_back(defn->GetFieldIndex(name.c_str()));
    parcels.ResetReading();
    for (const auto& f : parcels) {
        ParcelRecord r;
        r.fid = f->GetFID();
        r.id = field(*f, bsm);
        r.landUse = field(*f, dlbm);
        r.villageCode = field(*f, zldwdm);
        const auto gross = number(*f, tbmj);
        // AREA_ELL when it is set, even to something that is no number (then 0), else TBMJ.
        r.areaM2 = (hasText(*f, areaEll) ? number(*f, areaEll) : gross).value_or(0.0);
        const auto net = number(*f, tbdlmj);
        if (gross && net && *gross > 0 && *net > 0 && *net <= *gross)
            r.netShare = *net / *gross;
        for (std::size_t a = 0; a < attributeFields.size(); ++a)
            out.attributes.push_back(field(*f, attributeIndex[a]));
        appendRings(out.shapes, f->GetGeometryRef());
        out.records.push_back(std::move(r));
    }
    if (fids)
        parcels.SetAttributeFilter(nullptr);
}

// Appends `from` (unclosed) to `into` (unclosed), renumbering its parts and vertices.
void join(FlatLayer& into, const FlatLayer& from) {
    into.featurePart.reserve(into.featurePart.size() + from.featurePart.size() + 1);
    into.partStart.reserve(into.partStart.size() + from.partStart.size() + 1);
    into.partIsRing.reserve(into.partIsRing.size() + from.partIsRing.size());
    into.xy.reserve(into.xy.size() + from.xy.size());
    const auto parts = static_cast<std::uint32_t>(into.partStart.size());
    const auto vertices = static_cast<std::uint32_t>(into.xy.size() / 2);
    for (std::uint32_t p : from.featurePart)
        into.featurePart.push_back(p + parts);
    for (std::uint32_t v : from.partStart)
        into.partStart.push_back(v + vertices);
    into.partIsRing.insert(into.partIsRing.end(), from.partIsRing.begin(), from.partIsRing.end());
    into.xy.insert(into.xy.end(), from.xy.begin(), from.xy.end());
    into.extent.include(from.extent);
}

// The lowest and highest parcel fid (by the store's "fid" key), or {0, -1} when unknown.
std::pair<GIntBig, GIntBig> fidRange(GDALDataset& dataset) {
    GdalMessageCollector quiet; // a store without SQL aggregates reads on one connection
    std::pair<GIntBig, GIntBig> range{0, -1};
    OGRLayer* result = dataset.ExecuteSQL(sqlMinMax("parcels", "fid").c_str(), nullptr, nullptr);
    if (!result)
        return range;
    if (OGRFeatureUniquePtr row{result->GetNextFeature()}; row && row->IsFieldSetAndNotNull(0))
        range = {row->GetFieldAsInteger64(0), row->GetFieldAsInteger64(1)};
    dataset.ReleaseResultSet(result);
    return range;
}

// Runs `background` on a second thread while `foreground` runs on this one; rethrows what
// either threw once both are done.
void inParallel(const std::function<void()>& background, const std::function<void()>& foreground) {
    std::exception_ptr failed;
    std::thread worker([&] {
        try {
            background();
        } catch (...) {
            failed = std::current_exception();
        }
    });
    {
        // Joins the worker on every way out, an exception included.
        struct Joiner {
            std::thread& t;
            ~Joiner() { t.join(); }
        } joiner{worker};
        foreground();
    }
    if (failed)
        std::rethrow_exception(failed);
}

// Appends the shapes of `layer` whose `gradeField` passes `keep` to `out` (unclosed), and
// returns how many were left out for their grade. Every feature counts when no field is named,
// or when the layer lacks it: `gradeMissing` then says so (the summary warns).
template <class Keep>
long long readGraded(OGRLayer& layer, const std::string& gradeField, Keep&& keep, FlatLayer& out,
                     bool& gradeMissing) {
    const bool filtered =
        !gradeField.empty() && layer.GetLayerDefn()->GetFieldIndex(gradeField.c_str()) >= 0;
    gradeMissing = !gradeField.empty() && !filtered;
    long long below = 0;
    layer.ResetReading();
    for (const auto& f : layer) {
        if (filtered && !keep(field(*f, gradeField.c_str()))) {
            ++below;
            continue;
        }
        appendRings(out, f->GetGeometryRef());
    }
    return below;
}

// The villages, rivers and ledgers, on the store's connection.
void readOtherLayers(ProjectStore& store, ClassificationInputs& in,
                     const std::string& assetStatusField, const std::string& fundIdleField,
                     const std::string& riverFilterField, double riverFilterMin,
                     ParcelReading reading) {
    if (OGRLayer* villages = store.layer("villages")) {
        villages->ResetReading();
        for (const auto& f : *villages) {
            VillageRecord v;
            v.code = field(*f, "ZLDWDM");
            v.name = field(*f, "ZLDWMC");
            v.households = static_cast<long long>(parseNumber(field(*f, "HS")).value_or(0.0));
            appendRings(in.villageShapes, f->GetGeometryRef());
            in.villages.push_back(std::move(v));
        }
    }
    closeLayer(in.villageShapes);

    if (OGRLayer* rivers = store.layer("rivers")) {
        // A river layer without the rules' grade field (one not from the survey, say) has all
        // its rivers counted, rather than none: the summary says so.
        in.riversBelowGrade = readGraded(
            *rivers, riverFilterField,
            [&](const std::string& grade) {
                return !(parseNumber(grade).value_or(0.0) < riverFilterMin); // NaN: kept
            },
            in.rivers, in.riverGradeMissing);
        in.hasRivers = !in.rivers.xy.empty();
    }
    closeLayer(in.rivers);

    if (OGRLayer* transfers = store.layer("transfers")) {
        // Straight from SQLite where it can be: through OGR, the 160,000 rows of a county of a
        // million parcels took a quarter of a second, on the thread that reads the first
        // parcels, before anything else could start.
        std::optional<std::vector<TransferRow>> direct;
        if (reading == ParcelReading::Fastest)
            direct = readTransferLedgerDirect(*transfers);
        in.transfers = direct ? std::move(*direct) : readTransferLedger(*transfers);
    }
    // A field a layer lacks reads empty: say so when that leaves every row out.
    const auto fieldNames = [](OGRLayer& layer) {
        std::vector<std::string> names;
        for (int i = 0; i < layer.GetLayerDefn()->GetFieldCount(); ++i)
            names.emplace_back(layer.GetLayerDefn()->GetFieldDefn(i)->GetNameRef());
        return names;
    };
    if (OGRLayer* assets = store.layer("assets")) {
        in.assetFieldNames = fieldNames(*assets);
        in.assetStatusFieldMissing =
            assets->GetLayerDefn()->GetFieldIndex(assetStatusField.c_str()) < 0 &&
            assets->GetFeatureCount() > 0;
        assets->ResetReading();
        for (const auto& f : *assets) {
            AssetRow a{f->GetFID(),
                       field(*f, "ZCBM"),
                       field(*f, "ZCMC"),
                       field(*f, "ZCLX"),
                       field(*f, assetStatusField.c_str()),
                       field(*f, "XZRQ"),
                       0.0,
                       0.0,
                       false};
            if (const OGRGeometry* g = f->GetGeometryRef();
                g && wkbFlatten(g->getGeometryType()) == wkbPoint) {
                a.x = g->toPoint()->getX();
                a.y = g->toPoint()->getY();
                a.located = true;
            }
            in.assets.push_back(std::move(a));
        }
    }
    if (OGRLayer* funds = store.layer("funds")) {
        in.fundFieldNames = fieldNames(*funds);
        in.fundIdleFieldMissing = funds->GetLayerDefn()->GetFieldIndex(fundIdleField.c_str()) < 0 &&
                                  funds->GetFeatureCount() > 0;
        funds->ResetReading();
        for (const auto& f : *funds)
            in.funds.push_back({field(*f, "ZLDWDM"), field(*f, "ZLDWMC"),
                                parseNumber(field(*f, fundIdleField.c_str())).value_or(0.0)});
    }
}

// The main roads (those of a main grade, or every road when no grades are named or the layer
// lacks the field) and the township seats.
void readRoadsAndSeats(ProjectStore& store, ClassificationInputs& in, const std::string& gradeField,
                       const std::vector<std::string>& grades) {
    if (OGRLayer* roads = store.layer("roads")) {
        in.roadsBelowGrade = readGraded(
            *roads, grades.empty() ? std::string() : gradeField,
            [&](const std::string& grade) {
                return std::find(grades.begin(), grades.end(), grade) != grades.end();
            },
            in.roads, in.roadGradeMissing);
        in.hasRoads = !in.roads.xy.empty();
    }
    closeLayer(in.roads);
    if (OGRLayer* seats = store.layer("seats")) {
        seats->ResetReading();
        for (const auto& f : *seats)
            if (const OGRGeometry* g = f->GetGeometryRef();
                g && wkbFlatten(g->getGeometryType()) == wkbPoint && !g->IsEmpty())
                in.seats.push_back({g->toPoint()->getX(), g->toPoint()->getY()});
        in.hasSeats = !in.seats.empty();
    }
}

// Appends `from` to `into` (both unclosed) and empties `from`.
void append(ParcelStretch& into, ParcelStretch& from) {
    into.records.reserve(into.records.size() + from.records.size());
    into.records.insert(into.records.end(), std::make_move_iterator(from.records.begin()),
                        std::make_move_iterator(from.records.end()));
    into.attributes.reserve(into.attributes.size() + from.attributes.size());
    into.attributes.insert(into.attributes.end(), std::make_move_iterator(from.attributes.begin()),
                           std::make_move_iterator(from.attributes.end()));
    join(into.shapes, from.shapes);
    from = {};
}

// A layer of more than a few thousand parcels (the sample county's too, so that its tests cover
// this path) is read in two stretches of fids at once, the later one on a second connection
// (GDAL handles are not shared between threads) while this thread reads the earlier one and
// then `alsoHere`; the stretches are joined in fid order into `parcels`.

// Straight from SQLite; false when it refused (`alsoHere` may have run). The second thread
// also appends its stretch to the first once both are read, while this one is busy with
// `alsoHere`: the first stretch has room for all parcels, so that copies the second only.
bool readParcelsDirect(const GeoPackageParcels& direct, const std::function<void()>& alsoHere,
                       ParcelStretch& parcels) {
    std::pair<std::int64_t, std::int64_t> range;
    try {
        range = direct.fidRange();
    } catch (const InputError&) {
        return false; // OGR reads it, or says what is wrong
    }
    const auto [low, high] = range;
    const std::size_t all = direct.featureCount();
    bool firstRead = false, secondRead = true;
    if (high - low < 2000) {
        firstRead = direct.read(low, high, parcels, all);
        alsoHere();
    } else {
        // The later stretch is the larger: this thread also reads the other layers, and the
        // other thread appends its stretch to this one's. Measured at 1M parcels, with the
        // ledger read straight from SQLite: 45 % here, 55 % there.
        const std::int64_t middle = low + (high - low) * 9 / 20;
        std::promise<void> firstDone;
        std::future<void> firstReady = firstDone.get_future();
        inParallel(
            [&] {
                ParcelStretch second;
                secondRead = direct.read(middle + 1, high, second,
                                         std::min(all, static_cast<std::size_t>(high - middle)));
                firstReady.wait();
                if (firstRead && secondRead)
                    append(parcels, second);
            },
            [&] {
                {
                    // Tells the other thread on every way out, an exception included.
                    struct Done {
                        std::promise<void>& promise;
                        ~Done() { promise.set_value(); }
                    } done{firstDone};
                    firstRead = direct.read(low, middle, parcels, all);
                }
                alsoHere();
            });
    }
    if (firstRead && secondRead)
        return true;
    parcels = {};
    return false;
}

void readParcelsWithOgr(ProjectStore& store, OGRLayer& layer,
                        const std::vector<std::string>& attributeFields,
                        const std::function<void()>& alsoHere, ParcelStretch& parcels) {
    GDALDatasetUniquePtr reader = layer.GetFeatureCount() >= 2000 ? store.openReader() : nullptr;
    const auto [low, high] = reader ? fidRange(*reader) : std::pair<GIntBig, GIntBig>{0, -1};
    OGRLayer* secondLayer = reader ? reader->GetLayerByName("parcels") : nullptr;
    if (secondLayer && high > low) {
        const GIntBig middle = low + (high - low) * 2 / 5;
        const std::string upTo = "fid <= " + std::to_string(middle);
        const std::string after = "fid > " + std::to_string(middle);
        ParcelStretch second;
        inParallel([&] { readParcels(*secondLayer, attributeFields, after.c_str(), second); },
                   [&] {
                       readParcels(layer, attributeFields, upTo.c_str(), parcels);
                       alsoHere();
                   });
        append(parcels, second);
    } else {
        readParcels(layer, attributeFields, nullptr, parcels);
        alsoHere();
    }
}

} // namespace

std::vector<TransferRow> readTransferLedger(OGRLayer& transfers) {
    // Its own fields whatever an earlier reader of the layer chose (a report may have left it
    // reading a few others only): GDAL decodes just these, and the layer reads all after.
    const OnlyFields only(transfers,
                          {std::begin(transferLedgerFields), std::end(transferLedgerFields)});
    // Field positions once, not a name lookup per row and field.
    const OGRFeatureDefn* defn = transfers.GetLayerDefn();
    int i[std::size(transferLedgerFields)];
    for (std::size_t k = 0; k < std::size(transferLedgerFields); ++k)
        i[k] = defn->GetFieldIndex(transferLedgerFields[k]);
    std::vector<TransferRow> rows;
    transfers.ResetReading();
    for (const auto& f : transfers)
        rows.push_back({f->GetFID(), field(*f, i[0]), field(*f, i[1]), field(*f, i[2]),
                        field(*f, i[3]), field(*f, i[4]), field(*f, i[5]),
                        parseNumber(field(*f, i[6])).value_or(0.0)});
    return rows;
}

ClassificationInputs
readClassificationInputs(ProjectStore& store, const std::vector<std::string>& attributeFields,
                         const std::string& assetStatusField, const std::string& fundIdleField,
                         const std::string& riverFilterField, double riverFilterMin,
                         ParcelReading reading, const std::string& roadGradeField,
                         const std::vector<std::string>& mainRoadGrades) {
    ClassificationInputs in;
    in.assetStatusField = assetStatusField;
    in.parcelAttributeFields = attributeFields;
    OGRLayer* parcels = store.layer("parcels");
    if (!parcels)
        throw InputError(
            "has no parcels to classify; import them first with: tianmu import --as parcels",
            {store.path(), {}, {}, {}});
    bool othersRead = false;
    const auto others = [&] {
        if (!othersRead) {
            readOtherLayers(store, in, assetStatusField, fundIdleField, riverFilterField,
                            riverFilterMin, reading);
            readRoadsAndSeats(store, in, roadGradeField, mainRoadGrades);
        }
        othersRead = true;
    };
    ParcelStretch read;
    const std::optional<GeoPackageParcels> direct =
        reading == ParcelReading::Fastest ? GeoPackageParcels::plan(*parcels, attributeFields)
                                          : std::nullopt;
    if (!direct || !readParcelsDirect(*direct, others, read))
        readParcelsWithOgr(store, *parcels, attributeFields, others, read);
    in.parcels = std::move(read.records);
    in.parcelAttributes = std::move(read.attributes);
    in.parcelShapes = std::move(read.shapes);
    closeLayer(in.parcelShapes);
    return in;
}

} // namespace geo
