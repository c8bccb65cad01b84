#include "geo/classification_inputs.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <functional>
#include <future>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
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

// Whether rings keep the vertex that closes them (a repeat of the first). Parcels' do not (see
// ClassificationInputs::parcelShapes); the other layers' keep it.
enum class Closing { Kept, Dropped };

void appendPart(FlatLayer& out, const OGRSimpleCurve& curve, bool isRing, Closing closing) {
    out.partStart.push_back(static_cast<std::uint32_t>(out.xy.size() / 2));
    out.partIsRing.push_back(isRing ? 1 : 0);
    int n = curve.getNumPoints();
    if (isRing && closing == Closing::Dropped && n >= 4 && curve.getX(0) == curve.getX(n - 1) &&
        curve.getY(0) == curve.getY(n - 1))
        --n;
    for (int i = 0; i < n; ++i) {
        const double x = curve.getX(i), y = curve.getY(i);
        out.xy.push_back(x);
        out.xy.push_back(y);
        out.extent.include(x, y);
    }
}

void appendParts(FlatLayer& out, const OGRGeometry& geom, Closing closing) {
    switch (wkbFlatten(geom.getGeometryType())) {
    case wkbPolygon:
        for (const OGRLinearRing* r : *geom.toPolygon())
            appendPart(out, *r, true, closing);
        break;
    case wkbLineString:
        appendPart(out, *geom.toLineString(), false, closing);
        break;
    case wkbMultiPolygon:
    case wkbMultiLineString:
    case wkbGeometryCollection:
        for (const OGRGeometry* part : *geom.toGeometryCollection())
            appendParts(out, *part, closing);
        break;
    default:
        break;
    }
}

void appendRings(FlatLayer& out, const OGRGeometry* g, Closing closing = Closing::Kept) {
    out.featurePart.push_back(static_cast<std::uint32_t>(out.partStart.size()));
    if (g)
        appendParts(out, *g, closing);
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
        appendRings(out.shapes, f->GetGeometryRef(), Closing::Dropped);
        out.records.push_back(std::move(r));
    }
    if (fids)
        parcels.SetAttributeFilter(nullptr);
}

// Appends `from` (unclosed) to `into` (unclosed), renumbering its parts and vertices.
void join(FlatLayer& into, const FlatLayer& from) {
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

// Appends `from` to `into` (both unclosed), moving its records out. Arrays short of room grow
// as vectors do, by doubling: many appends stay linear.
void append(ParcelStretch& into, ParcelStretch& from) {
    into.records.insert(into.records.end(), std::make_move_iterator(from.records.begin()),
                        std::make_move_iterator(from.records.end()));
    into.attributes.insert(into.attributes.end(), std::make_move_iterator(from.attributes.begin()),
                           std::make_move_iterator(from.attributes.end()));
    join(into.shapes, from.shapes);
}

// Empties `stretch` and keeps its room: the next stretch is read into the same memory.
void clearKeepingRoom(ParcelStretch& stretch) {
    stretch.records.clear();
    stretch.attributes.clear();
    stretch.shapes.xy.clear();
    stretch.shapes.partStart.clear();
    stretch.shapes.featurePart.clear();
    stretch.shapes.partIsRing.clear();
    stretch.shapes.extent = {};
}

// Makes room in a new stretch for `parcels` parcels of up to 32 vertices on average (survey
// parcels have about 20) at once: grown by doubling, each stretch's arrays went through a
// dozen sizes, and at a million parcels their fresh 4 KiB pages were a sixth of all page
// faults. Arrays of 4 MiB or more are in huge pages (app/huge_pages.h): the vertices' are.
void makeStretchRoom(ParcelStretch& stretch, std::size_t parcels, std::size_t attributes) {
    stretch.records.reserve(parcels);
    stretch.attributes.reserve(parcels * attributes);
    stretch.shapes.featurePart.reserve(parcels + 1);
    stretch.shapes.partStart.reserve(2 * parcels + 1);
    stretch.shapes.partIsRing.reserve(2 * parcels);
    stretch.shapes.xy.reserve(2 * 32 * parcels);
}

// Makes room in `parcels` for `all` parcels like those of `sample` (the first stretch read),
// with a tenth to spare: arrays that grow by doubling would copy themselves into fresh memory.
void makeRoomLike(ParcelStretch& parcels, const ParcelStretch& sample, std::size_t all) {
    const std::size_t sampled = std::max<std::size_t>(1, sample.records.size());
    const auto scaled = [&](std::size_t n) {
        return static_cast<std::size_t>(double(n) / double(sampled) * 1.1 * double(all)) + 1;
    };
    parcels.records.reserve(all);
    parcels.attributes.reserve(sample.attributes.size() / sampled * all);
    parcels.shapes.featurePart.reserve(all + 1);
    parcels.shapes.partStart.reserve(scaled(sample.shapes.partStart.size()) + 1);
    parcels.shapes.partIsRing.reserve(scaled(sample.shapes.partIsRing.size()));
    parcels.shapes.xy.reserve(2 * scaled(sample.shapes.xy.size() / 2));
}

// A layer of more than a few thousand parcels (the sample county's too, so that its tests cover
// this path) is read in stretches of consecutive fids by two threads, each on its own
// connection (GDAL handles are not shared between threads). A thread reads the next stretch
// nobody has taken into memory of its own, leaves it for appending, and appends to `parcels`
// whatever is next in fid order and not being appended by the other: no thread waits for
// the other. Stretch memory is used again and again, so the parcels go into fresh memory
// once: at a million parcels, reading half of them apart and appending them at the end
// copied 250 MB into fresh pages on one core, 0.45 s while the other waited. This thread
// first runs `alsoHere`, the other thread reading meanwhile.

// Straight from SQLite; false when it refused (`alsoHere` may have run).
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
    // Fids may be anywhere in 64 bits: their differences are taken without overflow.
    const std::uint64_t span = std::uint64_t(high) - std::uint64_t(low);
    if (high < low || span < 2000) {
        const bool read = direct.read(low, high, parcels);
        alsoHere();
        if (!read)
            parcels = {};
        return read;
    }
    // Stretches of about 8192 parcels, and at least eight: small enough that the memory they
    // are read into stays in the caches and the stretches waiting to be appended are few.
    // Counted by parcels, not fids: a few parcels with fids far apart make few stretches.
    const std::uint64_t stretches =
        std::max<std::uint64_t>(8, std::min<std::uint64_t>(span, all) / 8192);
    const auto firstFid = [&](std::uint64_t k) {
        return static_cast<std::int64_t>(std::uint64_t(low) + k * (span / stretches));
    };
    const auto lastFid = [&](std::uint64_t k) {
        return k + 1 == stretches ? high : firstFid(k + 1) - 1;
    };
    struct Shared {
        std::mutex mutex;
        std::uint64_t next = 0;     // the next stretch to read
        std::uint64_t appended = 0; // stretches appended to `parcels`
        bool appending = false;     // a thread is appending stretch `appended`
        bool stop = false;          // a stretch cannot be read straight from SQLite, or a
                                    // thread failed
        std::map<std::uint64_t, std::unique_ptr<ParcelStretch>> ready; // read, not appended
        std::vector<std::unique_ptr<ParcelStretch>> spare;             // appended, emptied
    } shared;
    const auto readStretches = [&] {
        try {
            const GeoPackageRows connection(direct.path());
            std::unique_lock lock(shared.mutex);
            while (!shared.stop && shared.next < stretches) {
                const std::uint64_t k = shared.next++;
                std::unique_ptr<ParcelStretch> stretch;
                if (shared.spare.empty()) {
                    stretch = std::make_unique<ParcelStretch>();
                    makeStretchRoom(*stretch, std::min<std::uint64_t>(all, span / stretches + 1),
                                    direct.attributeCount());
                } else {
                    stretch = std::move(shared.spare.back());
                    shared.spare.pop_back();
                }
                lock.unlock();
                const bool read = direct.read(connection, firstFid(k), lastFid(k), *stretch);
                lock.lock();
                if (!read) {
                    shared.stop = true;
                    break;
                }
                shared.ready.emplace(k, std::move(stretch));
                // Appends what is next, unless the other thread is at it (it then appends
                // this stretch too, when it comes to it).
                while (!shared.appending && !shared.ready.empty() &&
                       shared.ready.begin()->first == shared.appended) {
                    shared.appending = true;
                    std::unique_ptr<ParcelStretch> next = std::move(shared.ready.begin()->second);
                    shared.ready.erase(shared.ready.begin());
                    lock.unlock();
                    if (shared.appended == 0)
                        makeRoomLike(parcels, *next, all);
                    append(parcels, *next);
                    clearKeepingRoom(*next);
                    lock.lock();
                    shared.spare.push_back(std::move(next));
                    ++shared.appended;
                    shared.appending = false;
                }
            }
        } catch (const InputError&) {
            const std::lock_guard lock(shared.mutex); // no connection: OGR reads the layer
            shared.stop = true;
        } catch (...) {
            const std::lock_guard lock(shared.mutex);
            shared.stop = true;
            throw;
        }
    };
    inParallel(readStretches, [&] {
        alsoHere();
        readStretches();
    });
    if (shared.appended == stretches)
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
        // Without overflow, as fids may be anywhere in 64 bits.
        const auto middle = static_cast<GIntBig>(
            std::uint64_t(low) + (std::uint64_t(high) - std::uint64_t(low)) / 5 * 2);
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
