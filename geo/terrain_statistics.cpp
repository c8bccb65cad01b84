#include "geo/terrain_statistics.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <numbers>
#include <thread>
#include <tuple>
#include <utility>

#include <ogr_spatialref.h>

#include "geo/dem_sampling.h"
#include "geo/error.h"
#include "geo/gdal_session.h"
#include "geo/row_crossings.h"

namespace geo {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double infinity = std::numeric_limits<double>::infinity();

ErrorContext contextOf(const std::string& file) {
    return {file, {}, {}, {}};
}

// The DEM's grid: pixel centres and sizes, from a north-up geotransform.
struct Grid {
    int width = 0;
    int height = 0;
    double originX = 0, pixelX = 1, originY = 0, pixelY = -1; // geotransform terms
    double metresX = 1, metresY = 1;                          // pixel size in metres
    double inversePixelX = 1;                                 // 1 / pixelX

    double centreX(int col) const noexcept { return originX + (col + 0.5) * pixelX; }
    RowCentres rows() const noexcept { return {originY, pixelY}; }
    // The first column whose centre is at or east of x (width when none).
    int firstColumnFrom(double x) const noexcept {
        // A multiplication rather than a division: the estimate may be a column off either
        // way, and the loops below decide exactly.
        int c = RowCentres::clampIndex(std::ceil((x - originX) * inversePixelX - 0.5), 0, width);
        while (c > 0 && centreX(c - 1) >= x)
            --c;
        while (c < width && centreX(c) < x)
            ++c;
        return c;
    }
};

// One polygon's place in the sweep; jobs are sorted by the strip where they start.
struct Job {
    std::uint32_t feature = 0;
    int rowFirst = 0, rowLast = -1;         // rows whose centres may be inside
    int centroidRow = -1, centroidCol = -1; // the fallback pixel, -1 when off the raster
    int firstStrip = 0, lastStrip = 0;
};

// The fallback pixel of a polygon that had no pixel when the sweep passed its centroid.
struct CentroidSample {
    std::uint32_t feature = 0;
    double elevation = nan, slope = nan;
};

// A worker's own state: buffers reused from polygon to polygon, and its centroid samples.
struct Worker {
    RowCrossings crossings;
    std::vector<CentroidSample> centroids;
};

// Rows [first, last) of the DEM with one row of margin each side when the raster has it.
// Nodata is stored as NaN.
struct Strip {
    int first = 0, last = 0;
    int bufferFirst = 0, bufferLast = 0;
    std::vector<double> elevation;

    const double* row(int r, int width) const noexcept {
        return elevation.data() + static_cast<std::size_t>(r - bufferFirst) * std::size_t(width);
    }
};

// The slope in degrees at a valid pixel of the strip (rule in the header).
double hornSlope(const Grid& g, const Strip& s, int r, int c) noexcept {
    const std::size_t w = static_cast<std::size_t>(g.width);
    const double* mid = s.row(r, g.width) + c;
    const double* up = r > 0 ? mid - w : nullptr;
    const double* down = r + 1 < g.height ? mid + w : nullptr;
    const bool hasLeft = c > 0, hasRight = c + 1 < g.width;
    if (up && down && hasLeft && hasRight) {
        const double a = up[-1], b = up[0], cc = up[1], d = mid[-1], f = mid[1], gg = down[-1],
                     h = down[0], i = down[1];
        if (!std::isnan(a + b + cc + d + f + gg + h + i)) {
            const double dzdx = ((cc + 2 * f + i) - (a + 2 * d + gg)) / (8 * g.metresX);
            const double dzdy = ((gg + 2 * h + i) - (a + 2 * b + cc)) / (8 * g.metresY);
            return std::atan(std::sqrt(dzdx * dzdx + dzdy * dzdy)) * (180 / std::numbers::pi);
        }
    }
    // Some neighbour is missing: one-sided differences where a side is missing.
    const auto value = [&](int dr, int dc) {
        const double* line = dr < 0 ? up : dr > 0 ? down : mid;
        if (!line || (dc < 0 && !hasLeft) || (dc > 0 && !hasRight))
            return nan;
        return line[dc];
    };
    const auto difference = [](double lo, double centre, double hi, double step, double& out) {
        if (!std::isnan(lo) && !std::isnan(hi))
            out = (hi - lo) / (2 * step);
        else if (!std::isnan(hi) && !std::isnan(centre))
            out = (hi - centre) / step;
        else if (!std::isnan(lo) && !std::isnan(centre))
            out = (centre - lo) / step;
        else
            return false;
        return true;
    };
    double gx = 0, wx = 0, gy = 0, wy = 0;
    for (int k = -1; k <= 1; ++k) {
        const double weight = k == 0 ? 2 : 1;
        double d = 0;
        if (difference(value(k, -1), value(k, 0), value(k, 1), g.metresX, d)) {
            gx += weight * d;
            wx += weight;
        }
        if (difference(value(-1, k), value(0, k), value(1, k), g.metresY, d)) {
            gy += weight * d;
            wy += weight;
        }
    }
    gx = wx > 0 ? gx / wx : 0;
    gy = wy > 0 ? gy / wy : 0;
    return std::atan(std::sqrt(gx * gx + gy * gy)) * (180 / std::numbers::pi);
}

class Sweep {
public:
    // During the sweep, out[f] of each polygon f holds running sums: its elevations in
    // meanElevation, its slopes in meanSlope (so no second million-entry array is needed).
    Sweep(const Grid& grid, const FlatLayer& polygons, int stripRows,
          std::vector<TerrainStatistics>& out)
        : m_grid(grid)
        , m_polygons(polygons)
        , m_stripRows(stripRows)
        , m_out(out) {
        planJobs();
    }

    int stripCount() const noexcept { return (m_grid.height + m_stripRows - 1) / m_stripRows; }
    const std::vector<Job>& jobs() const noexcept { return m_jobs; }

    // Makes the jobs that touch strip k (ordered by their start strip) the active ones.
    void activate(int k) {
        std::erase_if(m_active, [&](std::uint32_t j) { return m_jobs[j].lastStrip < k; });
        while (m_nextJob < m_jobs.size() && m_jobs[m_nextJob].firstStrip == k)
            m_active.push_back(static_cast<std::uint32_t>(m_nextJob++));
    }
    std::size_t activeCount() const noexcept { return m_active.size(); }

    // Burns active jobs [first, last) into their running sums over strip `s`.
    void burn(const Strip& s, std::size_t first, std::size_t last, Worker& worker) {
        for (std::size_t a = first; a < last; ++a) {
            prefetchShape(a, last);
            const Job& job = m_jobs[m_active[a]];
            TerrainStatistics& sums = m_out[job.feature];
            burnRows(s, job, sums, worker.crossings);
            // The centroid's pixel is only wanted when the polygon holds none: a polygon with
            // a pixel by now never needs it (about 2,000 of a million need it, where every
            // one used to get a slope).
            if (job.centroidRow >= s.first && job.centroidRow < s.last && sums.pixels == 0) {
                const double z = s.row(job.centroidRow, m_grid.width)[std::size_t(job.centroidCol)];
                if (!std::isnan(z))
                    worker.centroids.push_back(
                        {job.feature, z, hornSlope(m_grid, s, job.centroidRow, job.centroidCol)});
            }
        }
    }

    // Turns the running sums into statistics, with the centroid samples of `workers` for the
    // polygons that still hold no pixel.
    void finish(const std::vector<Worker>& workers) {
        for (const Job& job : m_jobs) {
            TerrainStatistics& t = m_out[job.feature];
            if (t.pixels > 0) {
                t.meanElevation /= t.pixels;
                t.meanSlope /= t.pixels;
            } else {
                t = {};
            }
        }
        for (const Worker& worker : workers)
            for (const CentroidSample& c : worker.centroids) {
                TerrainStatistics& t = m_out[c.feature];
                if (t.pixels == 0) {
                    t.meanElevation = t.minElevation = t.maxElevation = c.elevation;
                    t.meanSlope = c.slope;
                }
            }
    }

private:
    void planJobs();
    // Asks the CPU to fetch, in stages, the vertices of the job a few places after active job
    // `a` (below `last`): jobs come in storage order, which need not be spatial, so each job's
    // vertices would otherwise be a cache miss.
    void prefetchShape(std::size_t a, std::size_t last) const noexcept {
        const FlatLayer& p = m_polygons;
        if (a + 12 < last)
            __builtin_prefetch(&p.featurePart[m_jobs[m_active[a + 12]].feature]);
        if (a + 6 < last)
            __builtin_prefetch(&p.partStart[p.featurePart[m_jobs[m_active[a + 6]].feature]]);
        if (a + 3 < last) {
            const std::uint32_t v = p.partStart[p.featurePart[m_jobs[m_active[a + 3]].feature]];
            const auto* first = reinterpret_cast<const char*>(p.xy.data() + 2 * std::size_t(v));
            for (int line = 0; line < 4; ++line) // 16 vertices span 4 cache lines
                __builtin_prefetch(first + 64 * line);
        }
    }
    void burnRows(const Strip& s, const Job& job, TerrainStatistics& sums,
                  RowCrossings& crossings) const;

    const Grid& m_grid;
    const FlatLayer& m_polygons;
    int m_stripRows;
    std::vector<Job> m_jobs;
    std::vector<TerrainStatistics>& m_out;
    std::vector<std::uint32_t> m_active;
    std::size_t m_nextJob = 0;
};

void Sweep::planJobs() {
    const FlatLayer& p = m_polygons;
    const auto vertex = [&](std::uint32_t v) {
        return std::pair{p.xy[2 * std::size_t(v)], p.xy[2 * std::size_t(v) + 1]};
    };
    std::vector<Job> planned;
    planned.reserve(p.featureCount());
    for (std::size_t f = 0; f < p.featureCount(); ++f) {
        Extent box;
        double bestArea = -1, cx = nan, cy = nan;
        for (std::uint32_t part = p.featurePart[f]; part < p.featurePart[f + 1]; ++part) {
            const std::uint32_t begin = p.partStart[part], end = p.partStart[part + 1];
            if (begin == end)
                continue;
            // Centroid of the ring (shoelace), relative to its first vertex for precision.
            const auto [x0, y0] = vertex(begin);
            double area = 0, mx = 0, my = 0, sx = 0, sy = 0;
            for (std::uint32_t v = begin; v < end; ++v) {
                const auto [xa, ya] = vertex(v);
                const auto [xb, yb] = vertex(v + 1 < end ? v + 1 : begin);
                box.include(xa, ya);
                const double ax = xa - x0, ay = ya - y0, bx = xb - x0, by = yb - y0;
                const double cross = ax * by - bx * ay;
                area += cross;
                mx += (ax + bx) * cross;
                my += (ay + by) * cross;
                sx += ax;
                sy += ay;
            }
            if (std::abs(area) > bestArea) {
                bestArea = std::abs(area);
                const double n = end - begin;
                cx = x0 + (area != 0 ? mx / (3 * area) : sx / n);
                cy = y0 + (area != 0 ? my / (3 * area) : sy / n);
            }
        }
        if (box.isNull() || !std::isfinite(box.width() + box.height()))
            continue;
        Job job;
        job.feature = static_cast<std::uint32_t>(f);
        std::tie(job.rowFirst, job.rowLast) =
            m_grid.rows().between(box.minY, box.maxY, 0, m_grid.height - 1);
        const double col = std::floor((cx - m_grid.originX) / m_grid.pixelX);
        const double row = std::floor((cy - m_grid.originY) / m_grid.pixelY);
        if (col >= 0 && col < m_grid.width && row >= 0 && row < m_grid.height) {
            job.centroidCol = static_cast<int>(col);
            job.centroidRow = static_cast<int>(row);
        }
        const bool hasRows = job.rowFirst <= job.rowLast;
        if (!hasRows && job.centroidRow < 0)
            continue;
        const int first = hasRows ? job.rowFirst : job.centroidRow;
        const int last = hasRows ? job.rowLast : job.centroidRow;
        job.firstStrip =
            (job.centroidRow >= 0 ? std::min(first, job.centroidRow) : first) / m_stripRows;
        job.lastStrip =
            (job.centroidRow >= 0 ? std::max(last, job.centroidRow) : last) / m_stripRows;
        planned.push_back(job);
    }
    // By start strip, then in source order: vertices are read front to back, and parcels
    // stored near each other (a village's) burn near each other in the strip. A counting sort,
    // as strips are few: a merge sort of a million jobs took 5 % of the time.
    std::vector<std::size_t> startOf(static_cast<std::size_t>(stripCount()) + 1, 0);
    for (const Job& job : planned)
        ++startOf[static_cast<std::size_t>(job.firstStrip) + 1];
    for (std::size_t k = 1; k < startOf.size(); ++k)
        startOf[k] += startOf[k - 1];
    m_jobs.resize(planned.size());
    for (const Job& job : planned)
        m_jobs[startOf[static_cast<std::size_t>(job.firstStrip)]++] = job;
    for (const Job& job : m_jobs) {
        TerrainStatistics& t = m_out[job.feature];
        t.meanElevation = t.meanSlope = 0;
        t.minElevation = infinity;
        t.maxElevation = -infinity;
    }
}

// The running sums of one job while it burns a strip, kept in registers.
struct Sums {
    double sum, lo, hi, slopeSum;
    std::uint32_t count;

    explicit Sums(const TerrainStatistics& t) noexcept
        : sum(t.meanElevation)
        , lo(t.minElevation)
        , hi(t.maxElevation)
        , slopeSum(t.meanSlope)
        , count(t.pixels) {}
    void storeInto(TerrainStatistics& t) const noexcept {
        t.meanElevation = sum;
        t.minElevation = lo;
        t.maxElevation = hi;
        t.meanSlope = slopeSum;
        t.pixels = count;
    }
};

// Adds the pixels of row r between each pair of its sorted crossings `xs`.
inline void burnSpans(const Grid& g, const Strip& s, int r, const double* xs, std::size_t n,
                      Sums& t) noexcept {
    const double* z = s.row(r, g.width);
    for (std::size_t k = 0; k + 1 < n; k += 2) {
        const int cEnd = g.firstColumnFrom(xs[k + 1]);
        for (int c = g.firstColumnFrom(xs[k]); c < cEnd; ++c) {
            const double v = z[c];
            if (std::isnan(v))
                continue;
            t.sum += v;
            t.lo = v < t.lo ? v : t.lo;
            t.hi = v > t.hi ? v : t.hi;
            t.slopeSum += hornSlope(g, s, r, c);
            ++t.count;
        }
    }
}

void Sweep::burnRows(const Strip& s, const Job& job, TerrainStatistics& sums,
                     RowCrossings& crossings) const {
    const int rowFirst = std::max(job.rowFirst, s.first);
    const int rowLast = std::min(job.rowLast, s.last - 1);
    if (rowFirst > rowLast)
        return;
    Sums t(sums);
    crossings(m_polygons, job.feature, m_grid.rows(), rowFirst, rowLast,
              [&](int r, const double* xs, std::size_t n) { burnSpans(m_grid, s, r, xs, n, t); });
    t.storeInto(sums);
}

Grid gridOf(GDALDataset& dem, const std::string& name) {
    if (dem.GetRasterCount() < 1)
        throw InputError("has no raster band; a DEM needs one band of elevations", contextOf(name));
    double gt[6];
    if (dem.GetGeoTransform(gt) != CE_None)
        throw InputError("has no georeferencing (no geotransform); export the DEM as a GeoTIFF "
                         "with its coordinates",
                         contextOf(name));
    if (gt[2] != 0 || gt[4] != 0 || !(gt[1] > 0) || gt[5] == 0)
        throw InputError("is rotated or mirrored (geotransform terms " + std::to_string(gt[1]) +
                             ", " + std::to_string(gt[2]) + ", " + std::to_string(gt[4]) + ", " +
                             std::to_string(gt[5]) +
                             "); warp it north-up first, e.g. with `gdalwarp`",
                         contextOf(name));
    Grid g;
    g.width = dem.GetRasterXSize();
    g.height = dem.GetRasterYSize();
    g.originX = gt[0];
    g.pixelX = gt[1];
    g.inversePixelX = 1 / gt[1];
    g.originY = gt[3];
    g.pixelY = gt[5];
    double toMetres = 1;
    if (const OGRSpatialReference* srs = dem.GetSpatialRef(); srs && !srs->IsEmpty()) {
        if (srs->IsGeographic())
            throw InputError("is in geographic coordinates (degrees); slope needs a projected "
                             "CRS in metres: import the DEM into the project first",
                             contextOf(name));
        toMetres = srs->GetLinearUnits();
    }
    g.metresX = gt[1] * toMetres;
    g.metresY = std::abs(gt[5]) * toMetres;
    return g;
}

int chooseStripRows(GDALRasterBand& band, int width, int height, int requested) {
    if (requested > 0)
        return std::min(requested, height);
    // About 64k pixels (512 kB of doubles) per strip, so that a worker's random reads stay in
    // its L2 cache and reading overlaps burning; whole blocks, so each is decoded once.
    int blockX = 0, blockY = 0;
    band.GetBlockSize(&blockX, &blockY);
    int rows = std::clamp((1 << 16) / std::max(width, 1), 16, 1024);
    if (blockY > 1 && blockY <= 1024)
        rows = std::max(blockY, rows / blockY * blockY);
    return std::clamp(rows, 1, height);
}

// Drops from GDAL's block cache the decoded blocks that hold only rows above `row`, after rows
// [readFrom, row) were read. The sweep reads every row from GDAL once, in order (the rows a
// strip shares with the one before are copied), so those blocks are never asked for again;
// kept, the cache came to hold the whole DEM, 28 MB of fresh memory at the benchmark's county
// (tests/bench/README.md). Blocks wholly above the previous read were dropped after it.
void dropBlocksAbove(GDALRasterBand& band, int readFrom, int row) {
    int blockX = 0, blockY = 0;
    band.GetBlockSize(&blockX, &blockY);
    if (blockX <= 0 || blockY <= 0)
        return;
    const int columns = (band.GetXSize() + blockX - 1) / blockX;
    for (int y = std::max(0, readFrom - 1) / blockY; (y + 1) * blockY <= row; ++y)
        for (int x = 0; x < columns; ++x)
            band.FlushBlock(x, y, FALSE); // not written: the DEM is opened read-only
}

// Reads strip rows [first, last) into `s`, reusing the two rows it shares with `previous`.
void readStrip(GDALRasterBand& band, const std::string& name, const Grid& g, int first, int last,
               const Strip* previous, Strip& s, DemInMemory* keep) {
    s.first = first;
    s.last = last;
    s.bufferFirst = std::max(0, first - 1);
    s.bufferLast = std::min(g.height, last + 1);
    const std::size_t width = static_cast<std::size_t>(g.width);
    s.elevation.resize(static_cast<std::size_t>(s.bufferLast - s.bufferFirst) * width);
    int readFrom = s.bufferFirst;
    if (previous && previous->bufferLast > s.bufferFirst) {
        const int shared = std::min(previous->bufferLast, s.bufferLast) - s.bufferFirst;
        std::copy_n(previous->row(s.bufferFirst, g.width), std::size_t(shared) * width,
                    s.elevation.data());
        readFrom += shared;
    }
    if (readFrom >= s.bufferLast)
        return;
    const int rows = s.bufferLast - readFrom;
    double* target = s.elevation.data() + std::size_t(readFrom - s.bufferFirst) * width;
    readElevationRows(band, name, readFrom, rows, g.width, target);
    dropBlocksAbove(band, readFrom, s.bufferLast);
    if (keep) // each row is read once: the rows shared with `previous` were copied above
        keep->copyRows(readFrom, rows, target);
}

} // namespace

std::vector<TerrainStatistics> computeTerrainStatistics(GDALDataset& dem, const FlatLayer& polygons,
                                                        const TerrainOptions& options) {
    const std::string name = dem.GetDescription();
    if (polygons.kind != GeometryKind::Polygons)
        throw InputError("terrain statistics need polygons, not points or lines", contextOf(name));
    const Grid grid = gridOf(dem, name);
    GDALRasterBand& band = *dem.GetRasterBand(1);
    const int stripRows = chooseStripRows(band, grid.width, grid.height, options.stripRows);
    const int threads = std::clamp(
        options.threads > 0 ? options.threads : int(std::thread::hardware_concurrency()), 1, 64);

    std::vector<TerrainStatistics> out(polygons.featureCount());
    Sweep sweep(grid, polygons, stripRows, out);
    std::vector<Worker> states(static_cast<std::size_t>(threads));
    Strip strips[2];
    const int count = sweep.stripCount();
    readStrip(band, name, grid, 0, std::min(stripRows, grid.height), nullptr, strips[0],
              options.keepElevations);
    for (int k = 0; k < count; ++k) {
        const Strip& strip = strips[k % 2];
        Strip& following = strips[(k + 1) % 2];
        const int nextFirst = (k + 1) * stripRows;
        const int nextLast = std::min(nextFirst + stripRows, grid.height);
        sweep.activate(k);

        // Workers take the active jobs by chunks; a job is burnt by one worker, in row order,
        // so the sums do not depend on the number of threads.
        std::atomic<std::size_t> nextJob{0};
        std::vector<std::exception_ptr> failures(static_cast<std::size_t>(threads));
        const auto work = [&](int t) {
            try {
                // Chunks long enough that the prefetch a few jobs ahead seldom meets their end.
                constexpr std::size_t jobChunk = 256;
                const std::size_t total = sweep.activeCount();
                for (std::size_t j = nextJob.fetch_add(jobChunk); j < total;
                     j = nextJob.fetch_add(jobChunk))
                    sweep.burn(strip, j, std::min(j + jobChunk, total), states[std::size_t(t)]);
            } catch (...) {
                failures[std::size_t(t)] = std::current_exception();
            }
        };
        if (threads == 1) {
            work(0);
            if (k + 1 < count)
                readStrip(band, name, grid, nextFirst, nextLast, &strip, following,
                          options.keepElevations);
        } else {
            std::vector<std::jthread> workers; // joined when it goes, also on a throw
            for (int t = 0; t < threads; ++t)
                workers.emplace_back(work, t);
            // Read on while they burn: GDAL stays on this thread.
            std::exception_ptr readFailure;
            try {
                if (k + 1 < count)
                    readStrip(band, name, grid, nextFirst, nextLast, &strip, following,
                              options.keepElevations);
            } catch (...) {
                readFailure = std::current_exception();
            }
            workers.clear(); // joins
            if (readFailure)
                std::rethrow_exception(readFailure);
        }
        for (const std::exception_ptr& failure : failures)
            if (failure)
                std::rethrow_exception(failure);
        if (options.progress && !options.progress(double(k + 1) / count))
            return {};
    }

    sweep.finish(states);
    return out;
}

std::vector<TerrainStatistics> computeTerrainStatistics(const std::string& demPath,
                                                        const FlatLayer& polygons,
                                                        const TerrainOptions& options) {
    initialiseGdal();
    GdalMessageCollector messages;
    GDALDatasetUniquePtr dem(GDALDataset::Open(demPath.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!dem) {
        VSIStatBufL stat;
        if (demPath.find(':') == std::string::npos && VSIStatL(demPath.c_str(), &stat) != 0)
            throw InputError("file not found; check the path", contextOf(demPath));
        throw InputError("cannot be read as a raster (" +
                             (messages.messages().empty() ? std::string("no GDAL driver "
                                                                        "recognises it")
                                                          : messages.messages().back()) +
                             "); a DEM is usually a GeoTIFF (.tif)",
                         contextOf(demPath));
    }
    return computeTerrainStatistics(*dem, polygons, options);
}

} // namespace geo
