// The generated county held in memory: everything the writers put into files.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "grid.h"

namespace sample {

struct Point {
    double x = 0.0;
    double y = 0.0;
    bool operator==(const Point&) const = default;
};

using Ring = std::vector<Point>; // closed implicitly: the first vertex is not repeated

// A polygon as rings: the first is the outer ring (counter-clockwise), the rest are holes.
struct Polygon {
    std::vector<Ring> rings;
};

using MultiPolygon = std::vector<Polygon>;

struct Township {
    std::string code; // 9-digit 乡镇 code
    std::string name;
    MultiPolygon boundary;
    Point seat; // 乡镇驻地: the centre of its village with the most households
};

struct Village {
    std::string code; // 12-digit 行政区划代码
    std::string name;
    int township = 0; // index into County::townships
    int households = 0;
    int population = 0;
    Point centre;
    MultiPolygon boundary;
};

struct Parcel {
    std::string bsm;            // 标识码
    std::string tbbh;           // 图斑编号, unique within the village
    std::string dlbm;           // 地类编码 (GB/T 21010-2017)
    std::string qsxz;           // 权属性质
    int village = 0;            // index into County::villages
    double tbmj = 0.0;          // 图斑面积, m², ellipsoidal, 2 decimals
    double kcxs = 0.0;          // 扣除系数 (田坎)
    double kcmj = 0.0;          // 扣除面积
    double tbdlmj = 0.0;        // 图斑地类面积 = TBMJ − KCMJ
    bool idle = false;          // 是否闲置 (abandoned / idle land flagged by the surveyor)
    double meanSlope = 0.0;     // degrees, at the parcel's cells (kept for tests and ledgers)
    double meanElevation = 0.0; // metres
    Polygon geometry;
};

struct River {
    std::string name; // empty for unnamed streams
    int order = 1;    // 1 = smallest stream; the main river has the highest
    double width = 0.0;
    double upstreamArea = 0.0; // km²
    std::vector<Point> line;
};

struct Road {
    std::string name;
    std::string grade; // 县道 / 乡道 / 村道
    std::vector<Point> line;
};

struct Transfer {
    std::string contract;                       // LZHTBM
    std::string parcel;                         // DKBM: the BSM of the parcel
    std::string transferorCode, transferorName; // CBFBM / CBFMC
    std::string transfereeCode, transfereeName; // SRFBM / SRFMC
    std::string mode;                           // LZFS: 出租 转包 入股 互换 转让 其他
    double areaMu = 0.0;                        // LZMJM, contract area in 亩
    std::string start, end;                     // LZQXKSRQ / LZQXJSRQ, YYYY-MM-DD
    std::string use;                            // LZHTDYT
    double price = 0.0;                         // LZJGSM, 元/亩/年
    int village = 0;
};

struct Asset {
    std::string code, name, type, status; // ZCBM ZCMC ZCLX ZT
    double bookValue = 0.0;               // 元
    double floorArea = 0.0;               // m²
    std::string idleSince;                // YYYY-MM-DD when idle
    int village = 0;
    Point location;
};

struct Fund {
    int village = 0;
    int year = 0;
    double collective = 0.0; // 集体资金 元
    double assistance = 0.0; // 帮扶资金 元
    double idle = 0.0;       // 闲置资金 元
};

struct County {
    std::string code; // 6-digit county code
    std::string name;
    int epsg = 4525; // CGCS2000 / 3-degree Gauss-Kruger zone 37
    Grid<float> dem;
    std::vector<Township> townships;
    std::vector<Village> villages;
    std::vector<Parcel> parcels;
    std::vector<River> rivers;
    std::vector<Polygon> riverSurfaces;
    std::vector<Road> roads;
    std::vector<Transfer> transfers;
    std::vector<Asset> assets;
    std::vector<Fund> funds;
    // Deliberate ledger problems the generator planted, by parcel BSM (for the manifest).
    std::vector<std::string> overlappingTransfers;
    std::vector<std::string> mismatchedTransfers;
};

} // namespace sample
