#include "geo/geopackage_rtree.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

#include <sqlite3.h>

#include "geo/error.h"
#include "geo/sql_quoting.h"

namespace geo {
namespace {

// SQLite's R*Tree stores a node as one blob: two bytes of tree depth (read from the root only),
// two bytes of cell count, then cells of a 64-bit id (a rowid in leaves, a child node number
// above) and the box as four 32-bit floats (minx, maxx, miny, maxy), all big-endian.
constexpr std::size_t nodeHeaderBytes = 4;
constexpr std::size_t cellBytes = 8 + 4 * 4;

struct Node {
    std::int64_t number = 0;
    float minX = 0, maxX = 0, minY = 0, maxY = 0;
};

struct Cell {
    std::int64_t id;
    float minX, maxX, minY, maxY;
};

// Boxes are stored as floats rounded outwards, so that a stored box always contains the true one.
float roundedDown(double v) {
    float f = static_cast<float>(v);
    if (static_cast<double>(f) > v)
        f = std::nextafter(f, -INFINITY);
    return f;
}
float roundedUp(double v) {
    float f = static_cast<float>(v);
    if (static_cast<double>(f) < v)
        f = std::nextafter(f, INFINITY);
    return f;
}

void putBigEndian(unsigned char* at, std::uint64_t value, int bytes) {
    for (int i = bytes - 1; i >= 0; --i) {
        at[i] = static_cast<unsigned char>(value & 0xFF);
        value >>= 8;
    }
}

void putFloat(unsigned char* at, float value) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    putBigEndian(at, bits, 4);
}

// Position along a Hilbert curve over a 2^16 × 2^16 grid: boxes close on the curve are close on
// the ground, so consecutive runs of them make compact nodes.
std::uint64_t hilbertIndex(std::uint32_t x, std::uint32_t y) {
    std::uint64_t d = 0;
    for (std::uint32_t s = 1U << 15; s > 0; s >>= 1) {
        const std::uint32_t rx = (x & s) ? 1U : 0U;
        const std::uint32_t ry = (y & s) ? 1U : 0U;
        d += static_cast<std::uint64_t>(s) * s * ((3U * rx) ^ ry);
        if (ry == 0) {
            if (rx == 1) {
                x = s - 1 - (x & (s - 1));
                y = s - 1 - (y & (s - 1));
            }
            std::swap(x, y);
        }
        x &= s - 1;
        y &= s - 1;
    }
    return d;
}

class Sqlite {
public:
    explicit Sqlite(void* handle, std::string table)
        : m_db(static_cast<sqlite3*>(handle))
        , m_table(std::move(table)) {}

    void exec(const std::string& sql) const {
        char* message = nullptr;
        if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
            const std::string text = message ? message : sqlite3_errmsg(m_db);
            sqlite3_free(message);
            fail(text);
        }
    }

    sqlite3_stmt* prepare(const std::string& sql) const {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK)
            fail(sqlite3_errmsg(m_db));
        return statement;
    }

    // Runs a prepared statement once (its parameters bound) and makes it ready for the next.
    void step(sqlite3_stmt* statement) const {
        const int rc = sqlite3_step(statement);
        sqlite3_reset(statement);
        if (rc != SQLITE_DONE && rc != SQLITE_ROW)
            fail(sqlite3_errmsg(m_db));
    }

    [[noreturn]] void fail(const std::string& message) const {
        throw Error("cannot build the spatial index (" + message + ")", {{}, m_table, {}, {}});
    }

    sqlite3* db() const { return m_db; }

private:
    sqlite3* m_db;
    std::string m_table;
};

struct Statement {
    sqlite3_stmt* handle = nullptr;
    ~Statement() { sqlite3_finalize(handle); }
};

// The triggers of the GeoPackage specification (gpkg_rtree_index) that keep the index in step
// with inserts, updates and deletes made later by any GeoPackage client.
std::string triggersSql(const std::string& table, const std::string& column,
                        const std::string& fid) {
    const std::string t = sqlIdentifier(table);
    const std::string c = sqlIdentifier(column);
    const std::string i = sqlIdentifier(fid);
    const std::string rtreeName = "rtree_" + table + "_" + column;
    const std::string r = sqlIdentifier(rtreeName);
    const std::string values = "VALUES (NEW." + i + ", ST_MinX(NEW." + c + "), ST_MaxX(NEW." + c +
                               "), ST_MinY(NEW." + c + "), ST_MaxY(NEW." + c + "));";
    const std::string present = "(NEW." + c + " NOTNULL AND NOT ST_IsEmpty(NEW." + c + "))";
    const std::string absent = "(NEW." + c + " ISNULL OR ST_IsEmpty(NEW." + c + "))";
    auto trigger = [&](const std::string& suffix, const std::string& event, const std::string& when,
                       const std::string& body) {
        return "CREATE TRIGGER " + sqlIdentifier(rtreeName + "_" + suffix) + " AFTER " + event +
               " ON " + t + " WHEN " + when + " BEGIN " + body + " END;\n";
    };
    return trigger("insert", "INSERT", present, "INSERT OR REPLACE INTO " + r + " " + values) +
           trigger("update1", "UPDATE OF " + c, "OLD." + i + " = NEW." + i + " AND " + present,
                   "INSERT OR REPLACE INTO " + r + " " + values) +
           trigger("update2", "UPDATE OF " + c, "OLD." + i + " = NEW." + i + " AND " + absent,
                   "DELETE FROM " + r + " WHERE id = OLD." + i + ";") +
           trigger("update3", "UPDATE", "OLD." + i + " != NEW." + i + " AND " + present,
                   "DELETE FROM " + r + " WHERE id = OLD." + i + "; INSERT OR REPLACE INTO " + r +
                       " " + values) +
           trigger("update4", "UPDATE", "OLD." + i + " != NEW." + i + " AND " + absent,
                   "DELETE FROM " + r + " WHERE id IN (OLD." + i + ", NEW." + i + ");") +
           trigger("delete", "DELETE", "OLD." + c + " NOT NULL",
                   "DELETE FROM " + r + " WHERE id = OLD." + i + ";");
}

} // namespace

void buildGeoPackageRtree(void* sqliteHandle, const std::string& table, const std::string& column,
                          const std::string& fidColumn, std::vector<IndexedBox> boxes) {
    const std::string rtreeName = "rtree_" + table + "_" + column;
    const std::string r = sqlIdentifier(rtreeName);
    const Sqlite db(sqliteHandle, table);
    db.exec("CREATE VIRTUAL TABLE " + r + " USING rtree(id, minx, maxx, miny, maxy)");

    // SQLite chose the node size when it made the (empty) root: it caps the cells per node.
    std::size_t nodeBytes = 0;
    {
        Statement size{db.prepare("SELECT length(data) FROM " + sqlIdentifier(rtreeName + "_node") +
                                  " WHERE nodeno = 1")};
        if (sqlite3_step(size.handle) == SQLITE_ROW)
            nodeBytes = static_cast<std::size_t>(sqlite3_column_int(size.handle, 0));
    }
    if (nodeBytes < nodeHeaderBytes + 2 * cellBytes)
        db.fail("unexpected R-tree node size " + std::to_string(nodeBytes));
    const std::size_t fanout = (nodeBytes - nodeHeaderBytes) / cellBytes;

    std::erase_if(boxes, [](const IndexedBox& b) { return b.box.isNull(); });
    if (!boxes.empty()) {
        Extent all;
        for (const IndexedBox& b : boxes)
            all.include(b.box);
        const double sx = all.width() > 0 ? 65535.0 / all.width() : 0.0;
        const double sy = all.height() > 0 ? 65535.0 / all.height() : 0.0;
        std::vector<std::pair<std::uint64_t, std::size_t>> order(boxes.size());
        for (std::size_t k = 0; k < boxes.size(); ++k) {
            const Extent& e = boxes[k].box;
            const auto gx = static_cast<std::uint32_t>(((e.minX + e.maxX) / 2 - all.minX) * sx);
            const auto gy = static_cast<std::uint32_t>(((e.minY + e.maxY) / 2 - all.minY) * sy);
            order[k] = {hilbertIndex(std::min(gx, 65535U), std::min(gy, 65535U)), k};
        }
        std::sort(order.begin(), order.end());

        std::vector<Cell> level(boxes.size());
        for (std::size_t k = 0; k < order.size(); ++k) {
            const IndexedBox& b = boxes[order[k].second];
            level[k] = {b.fid, roundedDown(b.box.minX), roundedUp(b.box.maxX),
                        roundedDown(b.box.minY), roundedUp(b.box.maxY)};
        }

        Statement insertNode{
            db.prepare("INSERT INTO " + sqlIdentifier(rtreeName + "_node") + " VALUES (?, ?)")};
        Statement updateRoot{db.prepare("UPDATE " + sqlIdentifier(rtreeName + "_node") +
                                        " SET data = ? WHERE nodeno = 1")};
        Statement insertParent{
            db.prepare("INSERT INTO " + sqlIdentifier(rtreeName + "_parent") + " VALUES (?, ?)")};
        std::vector<std::pair<std::int64_t, std::int64_t>> leafOf; // (fid, leaf node)
        leafOf.reserve(level.size());
        std::vector<std::pair<std::int64_t, std::int64_t>> parentOf; // (node, parent node)
        std::vector<unsigned char> blob(nodeBytes);
        std::int64_t nextNumber = 2; // 1 is the root
        for (int depth = 0;; ++depth) {
            const bool root = level.size() <= fanout;
            std::vector<Cell> above;
            for (std::size_t first = 0; first < level.size(); first += fanout) {
                const std::size_t count = std::min(fanout, level.size() - first);
                const std::int64_t number = root ? 1 : nextNumber++;
                std::fill(blob.begin(), blob.end(), 0);
                putBigEndian(blob.data(), root ? static_cast<std::uint64_t>(depth) : 0U, 2);
                putBigEndian(blob.data() + 2, count, 2);
                Cell bounds = level[first];
                for (std::size_t k = 0; k < count; ++k) {
                    const Cell& c = level[first + k];
                    unsigned char* at = blob.data() + nodeHeaderBytes + k * cellBytes;
                    putBigEndian(at, static_cast<std::uint64_t>(c.id), 8);
                    putFloat(at + 8, c.minX);
                    putFloat(at + 12, c.maxX);
                    putFloat(at + 16, c.minY);
                    putFloat(at + 20, c.maxY);
                    bounds = {number, std::min(bounds.minX, c.minX), std::max(bounds.maxX, c.maxX),
                              std::min(bounds.minY, c.minY), std::max(bounds.maxY, c.maxY)};
                    if (depth == 0)
                        leafOf.emplace_back(c.id, number);
                    else
                        parentOf.emplace_back(c.id, number);
                }
                sqlite3_stmt* s = root ? updateRoot.handle : insertNode.handle;
                if (root) { // UPDATE … SET data = ?1
                    sqlite3_bind_blob(s, 1, blob.data(), static_cast<int>(nodeBytes),
                                      SQLITE_STATIC);
                } else { // INSERT … VALUES (nodeno, data)
                    sqlite3_bind_int64(s, 1, number);
                    sqlite3_bind_blob(s, 2, blob.data(), static_cast<int>(nodeBytes),
                                      SQLITE_STATIC);
                }
                db.step(s);
                above.push_back(bounds);
            }
            if (root)
                break;
            level = std::move(above);
        }

        std::sort(parentOf.begin(), parentOf.end());
        for (const auto& [node, parent] : parentOf) {
            sqlite3_bind_int64(insertParent.handle, 1, node);
            sqlite3_bind_int64(insertParent.handle, 2, parent);
            db.step(insertParent.handle);
        }
        // Row ids in ascending order append to the b-tree instead of splitting it all over.
        std::sort(leafOf.begin(), leafOf.end());
        Statement insertRowid{
            db.prepare("INSERT INTO " + sqlIdentifier(rtreeName + "_rowid") + " VALUES (?, ?)")};
        for (const auto& [fid, leaf] : leafOf) {
            sqlite3_bind_int64(insertRowid.handle, 1, fid);
            sqlite3_bind_int64(insertRowid.handle, 2, leaf);
            db.step(insertRowid.handle);
        }
    }

    db.exec(triggersSql(table, column, fidColumn));
    db.exec("CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT, column_name TEXT, "
            "extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL, "
            "CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))");
    db.exec("INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, "
            "scope) VALUES (" +
            sqlText(table) + ", " + sqlText(column) +
            ", 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', "
            "'write-only')");
}

} // namespace geo
