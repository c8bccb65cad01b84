#include "geo/classifier.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <future>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <numeric>
#include <set>
#include <span>
#include <sstream>
#include <system_error>
#include <thread>

#include <nlohmann/json.hpp>

#include "geo/area.h"
#include "geo/asset_idle_values.h"
#include "geo/classification_inputs.h"
#include "geo/classification_results.h"
#include "geo/dem_sampling.h"
#include "geo/error.h"
#include "geo/gdal_session.h"
#include "geo/idle_flag_field.h"
#include "geo/idle_reasons.h"
#include "geo/offered_work.h"
#include "geo/parcel_classes_view.h"
#include "geo/parcel_details.h"
#include "geo/river_distance.h"
#include "geo/row_pipe.h"
#include "geo/spatial_index.h"
#include "geo/spatial_order.h"
#include "geo/sql_quoting.h"
#include "geo/terrain_statistics.h"
#include "geo/thread_priority.h"
#include "geo/transfer_status.h"
#include "geo/village_profile.h"

namespace geo {
namespace {

const std::string unclassified = "unclassified";

// Columns of parcel_class_codes, in the order of their fields in classifyProject.
namespace column {
enum : int {
    ParcelFid,
    ZoneId,
    ZoneRule,
    VillageCode,
    VillageStatsFid,
    VillageReason,
    Idle,
    IdleRule,
    Transferred,
    Lzfs,
    Lzhtbm,
    TransferRule,
    AreaMu,
    MeanElev,
    MeanSlope,
    RelElev,
    RiverDist,
    RiverHeight
};
} // namespace column

std::set<std::string> parcelFieldNames(ProjectStore& store) {
    std::set<std::string> names;
    if (OGRLayer* parcels = store.layer("parcels"))
        for (int i = 0; i < parcels->GetLayerDefn()->GetFieldCount(); ++i)
            names.insert(parcels->GetLayerDefn()->GetFieldDefn(i)->GetNameRef());
    return names;
}

// Whether the parcels have field `name`, ignoring case as OGR and the readers do.
bool parcelsHaveField(ProjectStore& store, const char* name) {
    OGRLayer* parcels = store.layer("parcels");
    return parcels && parcels->GetLayerDefn()->GetFieldIndex(name) >= 0;
}

bool isIdleFlag(const std::string& value) {
    return value == "1" || value == "是" || value == "Y" || value == "y" || value == "true";
}

// Passes rows on to `out` and reports, as they are written, how far the saving is: the rows
// are most of it. On the writer's thread, so that a cancellation seen there rolls back.
class RowsWithProgress final : public RowWriter {
public:
    RowsWithProgress(RowWriter& out, std::size_t total, std::function<void(double)> written)
        : m_out(out)
        , m_total(total)
        , m_written(std::move(written)) {}
    void setInteger(int column, std::int64_t value) override { m_out.setInteger(column, value); }
    void setReal(int column, double value) override { m_out.setReal(column, value); }
    void setText(int column, std::string_view value) override { m_out.setText(column, value); }
    void setLastingText(int column, std::string_view value) override {
        m_out.setLastingText(column, value);
    }
    void addRow() override {
        m_out.addRow();
        counted(1);
    }
    void addRows(const RowBatch& rows) override {
        m_out.addRows(rows);
        counted(rows.rows());
    }
    void finish() override { m_out.finish(); }

private:
    void counted(std::size_t rows) {
        m_rows += rows;
        // In thousandths, each once: a bar needs no more, and a GUI gets few signals.
        const std::size_t now = m_total > 0 ? 1000 * m_rows / m_total : 1000;
        if (now != m_reported) {
            m_reported = now;
            m_written(double(now) / 1000.0);
        }
    }
    RowWriter& m_out;
    std::size_t m_total, m_rows = 0, m_reported = 0;
    std::function<void(double)> m_written;
};

// Idle marks per parcel, with the reason: the rules' idle flag, else an idle land-use code.
struct IdleMarks {
    std::vector<bool> idle;
    IdleReasons rule;
};

IdleMarks markIdle(const ClassificationInputs& in, const RuleSet& rules) {
    const std::size_t n = in.parcels.size();
    IdleMarks marks{std::vector<bool>(n, false), IdleReasons(n)};
    // The idle flag's place among the fields read for the rules, found once (not a field-name
    // comparison per field per parcel).
    const auto flagAt = std::find(in.parcelAttributeFields.begin(), in.parcelAttributeFields.end(),
                                  rules.idleFlagField);
    const bool hasFlag = !rules.idleFlagField.empty() && flagAt != in.parcelAttributeFields.end();
    const auto flagColumn = static_cast<std::size_t>(flagAt - in.parcelAttributeFields.begin());
    for (std::size_t i = 0; i < n; ++i) {
        if (hasFlag)
            if (const std::string& value = in.attribute(i, flagColumn); isIdleFlag(value)) {
                marks.idle[i] = true;
                marks.rule.set(i, "flag " + rules.idleFlagField + "=" + value);
                continue;
            }
        for (const std::string& p : rules.idleLandUse)
            if (landUseMatches(in.parcels[i].landUse, p)) {
                marks.idle[i] = true;
                marks.rule.set(i, "land use " + p);
                break;
            }
    }
    return marks;
}

std::optional<double> finite(double v) {
    return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

// Frees the inputs on a thread of its own: a million parcel records with their strings and
// shapes take 70 ms to free, which the summary need not wait for (on the command line the
// process then ends; in the window the memory comes back a moment later). Nothing else refers
// to them by then: every thread that read them has been joined.
void releaseInBackground(ClassificationInputs&& in) {
    try {
        std::thread([gone = std::move(in)] {}).detach();
    } catch (const std::system_error&) {
        // No thread to be had: the closure holding them is freed here, as before.
    }
}

} // namespace

std::set<std::string> loadLandUseCodes(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        throw InputError("land-use code table cannot be read", {path, {}, {}, {}});
    std::set<std::string> codes;
    try {
        const nlohmann::json table = nlohmann::json::parse(in); // must outlive the loop
        for (const auto& [code, entry] : table.at("codes").items()) {
            (void)entry;
            codes.insert(code);
        }
    } catch (const nlohmann::json::exception& e) {
        throw InputError(std::string("land-use code table is malformed: ") + e.what(),
                         {path, {}, {}, {}});
    }
    return codes;
}

ClassifySummary classifyProject(const ClassifyOptions& o) {
    auto cancelled = [&] {
        return o.cancelled && o.cancelled();
    };
    auto progress = [&](const std::string& step, double fraction) {
        if (o.progress)
            o.progress(step, fraction);
        if (cancelled())
            throw Cancelled("classification was cancelled; the previous results are unchanged",
                            {o.project, {}, {}, {}});
    };
    initialiseGdal();
    if (!std::filesystem::exists(o.project))
        throw InputError("project not found; create it with tianmu import",
                         {o.project, {}, {}, {}});
    auto store = openGeoPackageProject(o.project);
    const RuleSet rules =
        RuleSet::load(o.rules, loadLandUseCodes(o.landUseCodes), parcelFieldNames(*store));
    // Without the land-use code every land-use test fails: nearly every parcel would land in
    // the last zone, with nothing said.
    if (rules.usesLandUse() && !parcelsHaveField(*store, "DLBM"))
        throw InputError("the parcels have no DLBM field, the land-use code the rule file's "
                         "land_use tests read; import the parcels again with a mapping profile "
                         "that gives DLBM (nothing was written)",
                         {o.project, "parcels", {}, {}});
    ClassifySummary summary;

    progress("reading the project", 0.0);
    ClassificationInputs in = readClassificationInputs(
        *store, rules.attributeFields(), rules.assetStatusField, rules.fundIdleField,
        rules.riverFilterField, rules.riverFilterMin, ParcelReading::Fastest, rules.roadGradeField,
        rules.mainRoadGrades);
    const std::size_t n = in.parcels.size();
    summary.parcels = static_cast<long long>(n);
    // A ledger without the field the rules read its status from: every status reads empty.
    const auto noSuchField = [&](const std::string& table, const std::string& field,
                                 const char* ruleKey, const char* consequence,
                                 const std::vector<std::string>& fields) {
        std::string warning = "the " + table + " has no field " + field + " (the rule file's " +
                              ruleKey + "), so " + consequence + "; its fields are ";
        for (std::size_t i = 0; i < fields.size(); ++i)
            warning.append(i ? ", " : "").append(fields[i]);
        summary.warnings.push_back(std::move(warning));
    };
    if (in.assetStatusFieldMissing)
        noSuchField("asset ledger", rules.assetStatusField, "idle.asset_status_field",
                    "no asset counts as idle", in.assetFieldNames);
    if (in.fundIdleFieldMissing)
        noSuchField("funds table", rules.fundIdleField, "idle.fund_idle_field",
                    "no village has idle funds", in.fundFieldNames);
    // The transfer ledger names its parcels by their BSM (DKBM): without it every row would be
    // flagged as naming no parcel, and no parcel counted as transferred, with nothing said.
    if (!in.transfers.empty() && !parcelsHaveField(*store, "BSM"))
        summary.warnings.push_back(
            "the parcels have no BSM field, the parcel id the transfer ledger names (DKBM), "
            "so no ledger row finds its parcel and no parcel counts as transferred; import "
            "the parcels again with a mapping profile that gives BSM");

    // Villages by location need only the parcels and the villages: they are found beside the
    // terrain sweep, whose serial parts (planning, reading strips) leave a core idle. The
    // work is pure: an exception (a bug) comes back through get().
    std::future<VillageAssignment> villagesLater =
        std::async(std::launch::async, [&] { return assignVillages(in, rules.villageByLocation); });
    // Transfers, idle marks and the parcels under the idle assets need only the inputs too, and
    // are worked out beside the terrain sweep as well, in the time the villages leave:
    // - beside the zones they took cores the river searches need;
    // - the idle assets' parcels (a pass over every parcel's vertices) came last when they were
    //   found with the idle items' rows, after every zone: the saving waited for them.
    // They give way to the sweep and the villages, which are waited for as soon as the sweep
    // ends; these are not until the rows are written. The work is pure: an exception (a bug)
    // comes back through get().
    struct Bookkeeping {
        TransferStatus transfers;
        std::vector<bool> idle;
        IdleReasons idleRule;
        std::vector<int> assetParcels; // per idle asset, as idleItemRows takes them
    };
    std::future<Bookkeeping> bookkeeping = std::async(std::launch::async, [&] {
        giveWayToOtherThreads();
        IdleMarks marks = markIdle(in, rules);
        return Bookkeeping{analyseTransfers(in, rules, o.asOf), std::move(marks.idle),
                           std::move(marks.rule), idleAssetParcels(in, rules)};
    });
    // Terrain per parcel, exactly over the DEM pixels each covers.
    std::vector<TerrainStatistics> terrain;
    const std::string demName = "GPKG:" + o.project + ":dem";
    // The heights above the river sample the DEM after the terrain sweep, from a copy in
    // memory (see the zones below) that the sweep fills as it reads: the DEM is decoded once.
    // A DEM too large to copy is sampled with GDAL instead.
    std::optional<DemInMemory> demCopy;
    bool demFitsInMemory = true;
    if (store->hasRasterLayer("dem") && in.hasRivers) {
        const GDALDatasetUniquePtr dem(
            GDALDataset::Open(demName.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
        if (!dem)
            throw InputError("cannot open the project's DEM", {o.project, "dem", {}, {}});
        demCopy = DemInMemory::prepare(*dem, o.demInMemoryPixels);
        demFitsInMemory = demCopy.has_value();
    }
    if (store->hasRasterLayer("dem")) {
        progress("terrain statistics", 0.1);
        TerrainOptions options;
        options.keepElevations = demCopy ? &*demCopy : nullptr;
        // The terrain sweep stops when told to; Cancelled is thrown here, not through it.
        options.progress = [&](double f) {
            if (o.progress)
                o.progress("terrain statistics", 0.1 + 0.5 * f);
            return !cancelled();
        };
        terrain = computeTerrainStatistics(demName, in.parcelShapes, options);
        progress("terrain statistics", 0.6);
    } else if (rules.usesDem()) {
        summary.warnings.push_back(
            "the project has no DEM, so rules on slope and elevation were skipped; "
            "import one with: tianmu import --as dem");
    }
    if (rules.usesRivers()) {
        std::ostringstream grade; // e.g. "DJ of at least 3"
        grade << rules.riverFilterField << " of at least " << rules.riverFilterMin;
        if (!in.hasRivers && in.riversBelowGrade > 0)
            summary.warnings.push_back("no river has " + grade.str() +
                                       ", so rules on river distance were skipped; lower the "
                                       "rule file's river grade or import the main rivers");
        else if (!in.hasRivers)
            summary.warnings.push_back(
                "the project has no rivers, so rules on river distance were skipped; "
                "import them with: tianmu import --as rivers");
        else if (in.riverGradeMissing)
            summary.warnings.push_back("the rivers have no " + rules.riverFilterField +
                                       " field, so every river counts, not only those with " +
                                       grade.str());
    }

    // Village types on the distance to a main road or a township seat need those layers.
    if (rules.villageTypesUse("centre_road_distance_m")) {
        std::string grades; // "国道, 省道 or 县道"
        for (std::size_t g = 0; g < rules.mainRoadGrades.size(); ++g)
            grades += (g == 0                                 ? ""
                       : g + 1 == rules.mainRoadGrades.size() ? " or "
                                                              : ", ") +
                      rules.mainRoadGrades[g];
        if (!in.hasRoads && in.roadsBelowGrade > 0)
            summary.warnings.push_back("no road has " + rules.roadGradeField + " " + grades +
                                       ", so village types on the distance to a main road were "
                                       "skipped; name the main grades in the rule file's roads");
        else if (!in.hasRoads)
            summary.warnings.push_back(
                "the project has no roads, so village types on the distance to a main road "
                "were skipped; import them with: tianmu import --as roads");
        else if (in.roadGradeMissing)
            summary.warnings.push_back("the roads have no " + rules.roadGradeField +
                                       " field, so every road counts as a main road, not only " +
                                       grades);
    }
    if (rules.villageTypesUse("centre_seat_distance_m") && !in.hasSeats)
        summary.warnings.push_back(
            "the project has no township seats, so village types on the distance to the "
            "township seat were skipped; import them with: tianmu import --as seats");

    progress("villages", 0.6);
    const VillageAssignment villages = villagesLater.get();
    summary.villageMismatches = static_cast<long long>(villages.mismatches.size());

    // Relative elevation: above the lowest DEM pixel of the parcel's village.
    std::vector<double> villageLowest(in.villages.size() + 1,
                                      std::numeric_limits<double>::infinity());
    if (!terrain.empty())
        for (std::size_t i = 0; i < n; ++i)
            if (std::isfinite(terrain[i].minElevation)) {
                const std::size_t v = villages.village[i] < 0
                                          ? in.villages.size()
                                          : static_cast<std::size_t>(villages.village[i]);
                villageLowest[v] = std::min(villageLowest[v], terrain[i].minElevation);
            }

    progress("zones", 0.7);
    const RiverDistance riverDistance(in.rivers, 10000.0);
    // Heights above the nearest river need the DEM's elevation at the river point nearest to
    // each parcel.
    const bool wantRiverPoints = !terrain.empty() && in.hasRivers;
    // The river searches and the rules are pure and read-only: run them on all cores. The DEM
    // reads between them stay on one thread (GDAL handles are not shared).
    const unsigned workers = std::max(1U, std::min(4U, std::thread::hardware_concurrency()));
    // How far the zones are: parcels [0, decidedUpTo) are decided. The row maker waits on it.
    struct ZonesSoFar {
        std::mutex mutex;
        std::condition_variable changed;
        std::size_t decidedUpTo = 0;
        bool demRead = false; // every DEM read of the zones is done
        bool failed = false;
        std::atomic<bool> stop = false; // the saving failed: no need to go on
    } zonesSoFar;
    // The zones' parallel work, which the row maker joins while it waits for the zones (see
    // awaitDecided): once the rows it can make are written, its core would otherwise be idle
    // while the last chunk is searched on one thread.
    OfferedWork zonesWork;
    // Calls `work(first, end)` over [begin, end) on `threads` threads (0: `workers`) and on
    // the row maker when it waits, a block at a time (blocks, not single parcels, so that
    // neighbouring parcels share caches). Each thread takes the next block when done with one,
    // so none waits for a slower one. No exceptions cross: the work is plain arithmetic on
    // shared read-only data and writes to its own slots.
    auto inParallel = [&](std::size_t begin, std::size_t end, auto&& work, unsigned threads = 0) {
        zonesWork.run(begin, end, 1024, threads > 0 ? threads : workers, work, [&] {
            const std::lock_guard lock(zonesSoFar.mutex);
            zonesSoFar.changed.notify_all();
        });
    };
    // The zones are worked out a chunk of consecutive parcels (in storage order) at a time, so
    // that the rows of a finished chunk are written while the next chunk's rivers are searched:
    // SQLite's insert is one core's work, and nothing else would be left for the other core.
    // Within a chunk the parcels are searched in Z order; a chunk's neighbours lie farther
    // apart than all parcels' do, which costs the searches: measured at 1M parcels, two chunks
    // gain, more do not.
    // The heights above the river sample the DEM while rows are written: from the copy of it
    // in memory, as GDAL's own reads of a GeoPackage can be locked out by the writing. A DEM
    // too large to copy is sampled with GDAL before any row is written, in one chunk.
    const std::size_t chunks = n >= 64 && demFitsInMemory ? 2 : 1;
    // The writing is now the longer side: the first chunk takes about two thirds of the
    // parcels, searched on every core, and the second is searched on one thread while the
    // first's rows are written on another, so that the writing never waits for a core and its
    // last stretch, alone, is short. At 1M parcels (two cores) a half/half split on every core
    // took 0.2 s longer.
    std::vector<std::size_t> chunkEnd(chunks, n);
    if (chunks == 2)
        chunkEnd[0] = n * 2 / 3;
    // Each chunk's parcels in Z order: the overall order, split by chunk (a stable pass).
    std::vector<std::uint32_t> order;
    std::vector<std::size_t> orderStart(chunks + 1, 0);
    if (in.hasRivers) {
        const std::vector<std::uint32_t> all = spatialOrder(in.parcelShapes);
        auto chunkOf = [&](std::uint32_t i) {
            std::size_t c = 0;
            while (i >= chunkEnd[c])
                ++c;
            return c;
        };
        for (const std::uint32_t i : all)
            ++orderStart[chunkOf(i) + 1];
        for (std::size_t c = 0; c < chunks; ++c)
            orderStart[c + 1] += orderStart[c];
        order.resize(all.size());
        std::vector<std::size_t> next(orderStart.begin(), orderStart.end() - 1);
        for (const std::uint32_t i : all)
            order[next[chunkOf(i)]++] = i;
    }
    // The searches' answers and the facts below are written parcel by parcel before anything
    // reads them, so they are left unset here: their pages (64 MB at a million parcels) are
    // then first touched by the threads that fill them, side by side, not by this one alone
    // while the other core waits. Each only where it is needed.
    const auto riverDistances =
        std::make_unique_for_overwrite<double[]>(in.hasRivers ? n : std::size_t{0});
    const auto riverPoints = std::make_unique_for_overwrite<std::array<double, 2>[]>(
        wantRiverPoints ? n : std::size_t{0});
    std::vector<double> riverElevation(wantRiverPoints && !demFitsInMemory ? n : 0, NAN);
    // The numbers the rows store, NaN where a fact is missing. Only the heights above the
    // river are kept from the zones (the DEM sample they need is not at hand when the rows are
    // made); the rest are worked out again from the terrain, the villages' lowest points and
    // the river distances, exactly as the zones worked them out. A copy of every fact, 40 bytes
    // a parcel, was 40 MB of fresh memory at a million parcels, and fresh memory is dear on the
    // virtual machines we run on (tests/bench/README.md, seventeenth session).
    const auto riverHeight = std::make_unique_for_overwrite<double[]>(n);
    // Parcel i's facts from the terrain (none without a DEM), for the zones and for the rows
    // alike, so that the rows store what the rules saw.
    struct TerrainFacts {
        std::optional<double> meanElevation, meanSlope, relativeElevation;
    };
    auto terrainFacts = [&](std::size_t i) {
        TerrainFacts t;
        if (terrain.empty())
            return t;
        t.meanSlope = finite(terrain[i].meanSlope);
        t.meanElevation = finite(terrain[i].meanElevation);
        const std::size_t v = villages.village[i] < 0
                                  ? in.villages.size()
                                  : static_cast<std::size_t>(villages.village[i]);
        if (t.meanElevation && std::isfinite(villageLowest[v]))
            t.relativeElevation = *t.meanElevation - villageLowest[v];
        return t;
    };
    std::vector<int> decided(n, -1);
    auto decideChunk = [&](std::size_t c, const DemInMemory* grid, GDALDataset* dem) {
        const std::size_t begin = c == 0 ? 0 : chunkEnd[c - 1], end = chunkEnd[c];
        const unsigned threads = c == 0 ? workers : 1U;
        if (in.hasRivers)
            inParallel(
                orderStart[c], orderStart[c + 1],
                [&](std::size_t first, std::size_t last) {
                    riverDistance.distances(in.parcelShapes,
                                            std::span(order).subspan(first, last - first),
                                            std::span(riverDistances.get(), n),
                                            std::span(riverPoints.get(), wantRiverPoints ? n : 0));
                },
                threads);
        // The DEM's elevation at each parcel's nearest river point, where a height above the
        // river can be computed from it.
        if (dem && !grid) {
            const std::vector<std::array<double, 2>> points(riverPoints.get() + begin,
                                                            riverPoints.get() + end);
            const std::vector<double> sampled = sampleDem(*dem, demName, points);
            std::copy(sampled.begin(), sampled.end(), riverElevation.begin() + long(begin));
        }
        inParallel(
            begin, end,
            [&](std::size_t first, std::size_t last) {
                // One attribute list per block, lent to each parcel's facts while its rules run:
                // the saving needs only the numbers, and a copy kept per parcel cost a million
                // allocations.
                std::vector<std::pair<std::string, std::string>> attributes;
                ParcelFacts f;
                for (std::size_t i = first; i < last; ++i) {
                    f = {};
                    f.landUse = in.parcels[i].landUse;
                    // Assigned into the same strings each time: no allocation once they are long
                    // enough.
                    attributes.resize(in.parcelAttributeFields.size());
                    for (std::size_t a = 0; a < attributes.size(); ++a) {
                        attributes[a].first = in.parcelAttributeFields[a];
                        attributes[a].second = in.attribute(i, a);
                    }
                    f.attributes.swap(attributes);
                    f.area = in.parcels[i].areaM2;
                    if (in.hasRivers)
                        f.riverDistance = riverDistances[i];
                    if (!terrain.empty()) {
                        const TerrainFacts t = terrainFacts(i);
                        f.meanSlope = t.meanSlope;
                        f.meanElevation = t.meanElevation;
                        f.relativeElevation = t.relativeElevation;
                        const double riverZ =
                            grid ? grid->at(riverPoints[i][0], riverPoints[i][1])
                                 : (riverElevation.empty() ? NAN : riverElevation[i]);
                        if (f.meanElevation && std::isfinite(riverZ))
                            f.riverHeight = *f.meanElevation - riverZ;
                    }
                    decided[i] = rules.classify(f);
                    f.attributes.swap(attributes);
                    riverHeight[i] =
                        f.riverHeight && std::isfinite(*f.riverHeight) ? *f.riverHeight : NAN;
                }
            },
            threads);
    };
    // The zones' threads, and the profiles' and idle items' below, give way to the writing of
    // the rows: once rows can be written, their end is the command's, and a share of the
    // writer's core given to work that is not waited for only delays it.
    std::shared_future<void> zonesDone =
        std::async(std::launch::async, [&] {
            giveWayToOtherThreads(); // and the search threads it starts
            try {
                GDALDatasetUniquePtr dem;
                const DemInMemory* grid = nullptr;
                if (wantRiverPoints && demCopy && demCopy->complete()) {
                    grid = &*demCopy;
                } else if (wantRiverPoints) {
                    dem.reset(
                        GDALDataset::Open(demName.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
                    if (!dem)
                        throw InputError("cannot open the project's DEM",
                                         {o.project, "dem", {}, {}});
                    if (demCopy) { // the sweep stored no rows: e.g. no parcel to sweep
                        demCopy = DemInMemory::load(*dem, demName, o.demInMemoryPixels);
                        grid = &*demCopy;
                    }
                }
                // The saving's transaction waits for this: once it writes, SQLite may keep
                // GDAL's readers out of the file. A DEM held in memory is read by now; one too
                // large is read chunk by chunk, and there is then one chunk.
                auto demDone = [&] {
                    const std::lock_guard lock(zonesSoFar.mutex);
                    zonesSoFar.demRead = true;
                    zonesSoFar.changed.notify_all();
                };
                if (!wantRiverPoints || grid)
                    demDone();
                for (std::size_t c = 0; c < chunks && !zonesSoFar.stop; ++c) {
                    if (cancelled())
                        throw Cancelled(
                            "classification was cancelled; the previous results are unchanged",
                            {o.project, {}, {}, {}});
                    decideChunk(c, grid, dem.get());
                    const std::lock_guard lock(zonesSoFar.mutex);
                    zonesSoFar.decidedUpTo = chunkEnd[c];
                    zonesSoFar.demRead = zonesSoFar.demRead || c + 1 == chunks;
                    zonesSoFar.changed.notify_all();
                }
            } catch (...) {
                const std::lock_guard lock(zonesSoFar.mutex);
                zonesSoFar.failed = true;
                zonesSoFar.changed.notify_all();
                throw;
            }
        }).share();
    // On any way out of this function, the zones thread is told to stop before its future
    // waits for it.
    struct StopZones {
        std::atomic<bool>& stop;
        ~StopZones() { stop = true; }
    } stopZones{zonesSoFar.stop};
    // Blocks until parcel i is decided, doing blocks of the zones' work meanwhile; rethrows the
    // zones thread's exception if it failed.
    auto awaitDecided = [&, zonesDone](std::size_t i) {
        for (;;) {
            {
                std::unique_lock lock(zonesSoFar.mutex);
                zonesSoFar.changed.wait(lock, [&] {
                    return zonesSoFar.decidedUpTo > i || zonesSoFar.failed || zonesWork.hasWork();
                });
                if (zonesSoFar.decidedUpTo > i)
                    return zonesSoFar.decidedUpTo;
                if (zonesSoFar.failed)
                    break;
            }
            zonesWork.help();
        }
        zonesDone.get(); // throws the zones thread's exception
        throw Error("the zones stopped without a reason", {o.project, {}, {}, {}});
    };

    progress("idle three-assets and transfers", 0.8);
    const auto [transfers, idle, idleRule, assetParcels] = bookkeeping.get();
    summary.transferFlags = static_cast<long long>(transfers.flags.size());

    progress("saving", 0.85);
    {
        // See demDone above: the DEM is read before anything is written.
        std::unique_lock lock(zonesSoFar.mutex);
        zonesSoFar.changed.wait(lock, [&] { return zonesSoFar.demRead || zonesSoFar.failed; });
    }
    Transaction transaction(*store); // an early exit (an exception) rolls back
    // What needs no zone is written first, while the first rows are still being decided (this
    // thread would only wait for them): after the rows it would come last, alone on a core.
    writeTransferFlags(*store, transfers);
    store->setProperty("classified_with", rules.name() + " (" + o.rules + ")");
    store->setProperty("classified_as_of", o.asOf);
    storeAssetIdleValues(*store, rules.assetIdleValues);
    storeAssetStatusField(*store, rules.assetStatusField);
    storeIdleFlagField(*store, rules.idleFlagField);

    // A parcel's row has the parcel's FID: found by it (identify, the QGIS views, reports)
    // through the primary key, with no index to keep as a million rows go in.
    // The names of the codes are kept apart (geo/parcel_classes_view.h): parcel_classes
    // shows them with the codes.
    const std::vector<FieldSpec> resultFields = {{"PARCEL_FID", OFTInteger64, false, true},
                                                 {"ZONE", OFTString},
                                                 {"ZONE_RULE", OFTString},
                                                 {"VILLAGE_CODE", OFTString},
                                                 {"VILLAGE_STATS_FID", OFTInteger64},
                                                 {"VILLAGE_REASON", OFTInteger64},
                                                 {"IDLE", OFTInteger},
                                                 {"IDLE_RULE", OFTString},
                                                 {"TRANSFERRED", OFTInteger},
                                                 {"LZFS", OFTString},
                                                 {"LZHTBM", OFTString},
                                                 {"TRANSFER_RULE", OFTString},
                                                 {"AREA_MU", OFTReal},
                                                 {"MEAN_ELEV", OFTReal},
                                                 {"MEAN_SLOPE", OFTReal},
                                                 {"REL_ELEV", OFTReal},
                                                 {"RIVER_DIST", OFTReal},
                                                 {"RIVER_HEIGHT", OFTReal}};
    const std::unique_ptr<RowWriter> out = store->replaceTable(parcelClassCodesTable, resultFields);
    std::map<std::string, ClassifySummary::ZoneTotal> totals;
    // Each rule's zone total, found in `totals` at its first parcel rather than at every parcel
    // (the last slot for unclassified parcels).
    std::vector<ClassifySummary::ZoneTotal*> totalOfRule(rules.rules().size() + 1, nullptr);
    // The idle items' rows, with the parcels under the idle assets (a pass over every parcel's
    // vertices): made on another thread once the zones are all decided (see below), on the core
    // the last river searches leave while the last rows are written, so that only SQLite's
    // insert of them is left for after those rows.
    std::future<RowBatch> idleItemsLater;
    // The rows are made on a second thread while SQLite writes them on this one, the
    // connection's: the totals below are summed there, in parcel order as before.
    std::future<std::vector<VillageProfile>> profilesLater;
    // The saving runs from 85 % to 98 % as the rows are written; the other tables and the
    // commit take the rest.
    RowsWithProgress written(*out, n,
                             [&](double share) { progress("saving", 0.85 + 0.13 * share); });
    pipeRows(written, resultFields.size(), [&](RowWriter& rows) {
        std::size_t decidedUpTo = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (i == decidedUpTo) {
                decidedUpTo = awaitDecided(i);
                // The village profiles need every zone, not the rows: they are worked out on
                // another thread while the last rows are made and written.
                if (decidedUpTo == n) {
                    profilesLater = std::async(std::launch::async, [&] {
                        giveWayToOtherThreads();
                        return profileVillages(in, rules, villages, decided, idle, transfers,
                                               riverDistance);
                    });
                    idleItemsLater = std::async(std::launch::async, [&] {
                        giveWayToOtherThreads();
                        return idleItemRows(o.project, in, rules, villages, decided, idle, idleRule,
                                            assetParcels);
                    });
                }
            }
            const ParcelRecord& p = in.parcels[i];
            const double mu = Area::squareMetres(p.areaM2).inMu();
            rows.setInteger(column::ParcelFid, p.fid);
            const std::string* zoneId = &unclassified;
            if (decided[i] >= 0) {
                const ZoneRule& rule = rules.rules()[static_cast<std::size_t>(decided[i])];
                zoneId = &rule.zone;
                rows.setLastingText(column::ZoneId, rule.zone);
                rows.setLastingText(column::ZoneRule, rule.id);
            }
            ClassifySummary::ZoneTotal*& totalOf =
                totalOfRule[decided[i] >= 0 ? static_cast<std::size_t>(decided[i])
                                            : rules.rules().size()];
            if (!totalOf)
                totalOf = &totals[*zoneId];
            auto& total = *totalOf;
            ++total.parcels;
            total.mu += mu;
            if (villages.village[i] >= 0) {
                const auto v = static_cast<std::size_t>(villages.village[i]);
                rows.setLastingText(column::VillageCode, in.villages[v].code);
                // village_stats has a row per village, in their order (writeVillageProfiles)
                rows.setInteger(column::VillageStatsFid, static_cast<std::int64_t>(v + 1));
            } else if (!p.villageCode.empty()) {
                rows.setLastingText(column::VillageCode, p.villageCode);
            }
            rows.setInteger(column::VillageReason, villages.reason[i] + 1); // village_reasons' FID
            rows.setInteger(column::Idle, idle[i] ? 1 : 0);
            if (idle[i]) {
                rows.setLastingText(column::IdleRule, idleRule[i]);
                ++summary.idleParcels;
                summary.idleMu += mu;
            }
            // The ledger row behind a parcel's transfer lies anywhere in the ledger: asked for
            // a few parcels ahead, it is in the cache when its mode and code are copied.
            if (i + 16 < n)
                if (const TransferRow* ahead = transfers.parcel(i + 16).by)
                    __builtin_prefetch(ahead);
            const ParcelTransfer& t = transfers.parcel(i);
            rows.setInteger(column::Transferred, t.active ? 1 : 0);
            if (t.active) {
                rows.setLastingText(column::Lzfs, t.mode());
                rows.setLastingText(column::Lzhtbm, t.contract());
                ++summary.transferredParcels;
                summary.transferredMu += mu;
            }
            rows.setText(column::TransferRule, t.rule());
            rows.setReal(column::AreaMu, mu);
            const TerrainFacts facts = terrainFacts(i);
            const auto number = [](const std::optional<double>& v) {
                return v.value_or(NAN);
            };
            for (const auto& [column, value] :
                 {std::pair{column::MeanElev, number(facts.meanElevation)},
                  {column::MeanSlope, number(facts.meanSlope)},
                  {column::RelElev, number(facts.relativeElevation)},
                  {column::RiverDist, in.hasRivers ? riverDistances[i] : NAN},
                  {column::RiverHeight, riverHeight[i]}})
                if (std::isfinite(value))
                    rows.setReal(column, value);
            rows.addRow();
        }
    });
    out->finish();
    writeIdleItems(*store, idleItemsLater.valid()
                               ? idleItemsLater.get()
                               : idleItemRows(o.project, in, rules, villages, decided, idle,
                                              idleRule, assetParcels));
    zonesDone.get();
    const std::vector<VillageProfile> profiles =
        n > 0 ? profilesLater.get()
              : profileVillages(in, rules, villages, decided, idle, transfers, riverDistance);
    writeVillageProfiles(*store, rules, profiles, villages);
    writeZones(*store, rules);
    writeVillageReasons(*store, villages.reasons);
    createParcelClassesView(*store);
    markClassificationCurrent(*store, o.rules);
    transaction.commit();

    for (const Zone& z : rules.zones()) {
        auto it = totals.find(z.id);
        summary.zones.push_back({z.id, z.nameZh, it == totals.end() ? 0 : it->second.parcels,
                                 it == totals.end() ? 0.0 : it->second.mu});
    }
    if (totals.count("unclassified"))
        summary.zones.push_back(
            {"unclassified", "未分类", totals["unclassified"].parcels, totals["unclassified"].mu});
    for (const AssetRow& a : in.assets)
        if (std::find(rules.assetIdleValues.begin(), rules.assetIdleValues.end(), a.status) !=
            rules.assetIdleValues.end())
            ++summary.idleAssets;
    for (const FundRow& f : in.funds)
        if (f.idle > 0)
            ++summary.idleFunds;
    for (const VillageProfile& v : profiles)
        ++summary.villagesByPrimaryType[v.primaryType.empty() ? "none" : v.primaryType];
    releaseInBackground(std::move(in));
    if (o.progress) // committed: too late to cancel
        o.progress("done", 1.0);
    return summary;
}

ParcelExplanation explainParcel(const std::string& project, const std::string& rulesPath,
                                const std::string& landUseCodes, const std::string& parcelId) {
    initialiseGdal();
    if (!std::filesystem::exists(project))
        throw InputError("project not found", {project, {}, {}, {}});
    auto store = openGeoPackageProject(project);
    const RuleSet rules =
        RuleSet::load(rulesPath, loadLandUseCodes(landUseCodes), parcelFieldNames(*store));
    OGRLayer* results = store->layer(parcelClassesView);
    OGRLayer* parcels = store->layer("parcels");
    if (!results || !parcels)
        throw InputError("has not been classified yet; run: tianmu classify --project " + project,
                         {project, {}, {}, {}});
    // The parcel by its id, then its classification by its FID: parcel_classes shows the
    // parcel's BSM, but finding it there would look up every parcel's.
    long long fid = -1;
    if (parcels->GetLayerDefn()->GetFieldIndex("BSM") < 0)
        throw InputError("the parcels have no BSM field, the parcel id explain finds a parcel "
                         "by; import the parcels again with a mapping profile that gives it",
                         {project, "parcels", {}, {}});
    parcels->SetAttributeFilter(("BSM = " + sqlText(parcelId)).c_str());
    parcels->ResetReading();
    for (OGRFeatureUniquePtr parcel(parcels->GetNextFeature()); parcel && fid < 0;
         parcel.reset(parcels->GetNextFeature())) {
        // A row's FID is its parcel's (classify writes them so); a project classified long ago
        // may not have them aligned, and is searched.
        OGRFeatureUniquePtr row(results->GetFeature(parcel->GetFID()));
        if (!row || row->GetFieldAsInteger64("PARCEL_FID") != parcel->GetFID()) {
            results->SetAttributeFilter(
                ("PARCEL_FID = " + std::to_string(parcel->GetFID())).c_str());
            results->ResetReading();
            row.reset(results->GetNextFeature());
        }
        if (row)
            fid = row->GetFieldAsInteger64("PARCEL_FID");
    }
    parcels->SetAttributeFilter(nullptr);
    results->SetAttributeFilter(nullptr);
    if (fid < 0)
        throw InputError("has no parcel with BSM " + parcelId +
                             "; check the id (tianmu info shows sample values)",
                         {project, parcelClassesView, {}, {}});
    store.reset();
    // The facts as the identify panel reads them: one way to the same chain.
    const GDALDatasetUniquePtr dataset = openVector(project);
    const ParcelDetails details = readParcelDetails(*dataset, fid);

    ParcelExplanation e;
    e.parcelId = parcelId;
    e.facts = storedParcelFacts(details, rules);
    e.landUse = e.facts.landUse;
    e.trace = rules.explain(e.facts);
    const int decided = rules.classify(e.facts);
    if (decided >= 0) {
        const ZoneRule& rule = rules.rules()[static_cast<std::size_t>(decided)];
        e.ruleId = rule.id;
        e.zone = rule.zone;
        e.zoneName = rules.zoneOfRule(static_cast<std::size_t>(decided)).nameZh;
        e.suggestedUse = rules.zoneOfRule(static_cast<std::size_t>(decided)).useZh;
    }
    e.village = details.villageName + " " + details.villageCode;
    e.villageRule = details.villageRule;
    e.idleRule = details.idleRule;
    e.transferRule = details.transferRule;
    return e;
}

} // namespace geo
