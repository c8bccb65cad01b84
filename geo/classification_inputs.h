// What classification reads from a project: parcels with the fields rules need, villages,
// rivers, and the ledgers. Everything is copied into memory once, in the project CRS.
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

#include "geo/compact_text.h"
#include "geo/flat_layer.h"
#include "geo/project_store.h"

namespace geo {

struct ParcelRecord {
    long long fid = 0;
    CompactText id;          // BSM
    CompactText landUse;     // DLBM
    CompactText villageCode; // ZLDWDM as surveyed
    double areaM2 = 0.0;     // ellipsoidal (AREA_ELL), else TBMJ
    double netShare = 1.0; // TBDLMJ / TBMJ: the share left after the field-ridge (田坎) deduction
    // The values of the fields rules name are in ClassificationInputs::parcelAttributes.
};

struct VillageRecord {
    std::string code; // ZLDWDM
    std::string name; // ZLDWMC
    long long households = 0;
};

// The fields of the transfer ledger that classification reads, in TransferRow's order
// (contract, parcel, mode, start, end, transferee, area in 亩).
inline constexpr const char* transferLedgerFields[] = {"LZHTBM",   "DKBM",  "LZFS", "LZQXKSRQ",
                                                       "LZQXJSRQ", "SRFMC", "LZMJM"};

// Its texts are CompactText: a contract code (LZHTBM), a parcel id (DKBM) and a date fit inside,
// where a std::string puts the first two on the heap (a county's ledger has a hundred thousand
// rows and more: 48 bytes a row less, and no allocation).
struct TransferRow {
    long long fid = 0;
    CompactText contract, parcel, mode, start, end, transferee;
    double areaMu = 0.0;
};

struct AssetRow {
    long long fid = 0;
    std::string id, name, type, status, idleSince;
    double x = 0.0, y = 0.0;
    bool located = false;
};

struct FundRow {
    std::string villageCode, villageName;
    double idle = 0.0;
};

struct ClassificationInputs {
    std::vector<ParcelRecord> parcels;
    // The fields rules name, and their values: parcel i's value of field a is at
    // [i * parcelAttributeFields.size() + a] (one flat array, not a vector and names per parcel).
    std::vector<std::string> parcelAttributeFields;
    std::vector<std::string> parcelAttributes;
    const std::string& attribute(std::size_t parcel, std::size_t field) const {
        return parcelAttributes[parcel * parcelAttributeFields.size() + field];
    }
    // Feature i is parcels[i]. Its rings are stored open: the vertex that closes a ring (a
    // repeat of its first) is left out, as every edge walk here wraps from the last vertex to
    // the first anyway. At a million parcels that is one vertex in fifteen: 16 MB less to
    // read into fresh memory, and one degenerate edge less per parcel in every pass over
    // them (the DEM's rows, the village lines, the river searches), with the same answers.
    FlatLayer parcelShapes;
    std::vector<VillageRecord> villages;
    FlatLayer villageShapes;
    FlatLayer rivers;
    bool hasRivers = false;
    // The river layer lacks the rules' grade field, so every river was taken.
    bool riverGradeMissing = false;
    long long riversBelowGrade = 0; // rivers left out for their grade
    // Main roads and township seats (乡镇驻地), for the villages' distances to them.
    FlatLayer roads;
    std::vector<std::array<double, 2>> seats;
    bool hasRoads = false, hasSeats = false;
    bool roadGradeMissing = false; // the roads lack the rules' grade field: every road counts
    long long roadsBelowGrade = 0; // roads left out for their grade
    std::vector<TransferRow> transfers;
    std::vector<AssetRow> assets;
    std::vector<FundRow> funds;
    std::string assetStatusField;
    // The asset ledger has rows but no field named as the rules' status field (every status
    // then reads empty, so no asset counts idle); likewise the funds and their idle field.
    bool assetStatusFieldMissing = false;
    bool fundIdleFieldMissing = false;
    std::vector<std::string> assetFieldNames, fundFieldNames; // for the warning's hint
};

// How the parcels and the transfer ledger are read: straight from SQLite when the store is a
// GeoPackage and nothing in them needs OGR (see geo/geopackage_parcels.h and
// geo/geopackage_ledger.h), else through OGR; or always through OGR (for tests comparing the
// two). Both give the same records, rings and ledger rows.
enum class ParcelReading { Fastest, Ogr };

// Throws InputError when the project has no parcels. `attributeFields` are read from the
// parcels for attribute tests; `idleFlagField` too.
// `riverFilterField`/`riverFilterMin`: keep only rivers whose field is at least the minimum.
// `roadGradeField`/`mainRoadGrades`: keep only roads whose field holds one of the grades (none:
// every road).
ClassificationInputs
readClassificationInputs(ProjectStore& store, const std::vector<std::string>& attributeFields,
                         const std::string& assetStatusField, const std::string& fundIdleField,
                         const std::string& riverFilterField = {}, double riverFilterMin = 0.0,
                         ParcelReading reading = ParcelReading::Fastest,
                         const std::string& roadGradeField = {},
                         const std::vector<std::string>& mainRoadGrades = {});

// The transfer ledger's rows in the table's order (the classifier and the reports judge them
// the same way, see geo/transfer_status.h). Reads its fields whatever fields the layer was
// set to read before, and leaves it reading all of them.
std::vector<TransferRow> readTransferLedger(OGRLayer& transfers);

} // namespace geo
