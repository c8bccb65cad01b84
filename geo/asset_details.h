// One asset of the 三资 ledger (the `assets` layer): its canonical fields for editing and
// ledgers, and everything about it for the identify panel (every attribute, its audit history).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/audit_history.h"

namespace geo {

// The canonical fields of data/profiles/assets.json that editing and the panel use.
struct AssetRecord {
    long long fid = -1;
    std::string code, name, type;         // ZCBM, ZCMC, ZCLX
    std::string status;                   // ZT: 在用, 闲置, 出租, 流转, …
    std::string idleSince;                // XZRQ, YYYY-MM-DD; empty when not given
    bool hasIdleSinceField = false;       // XZRQ is an optional column of the ledger
    std::optional<double> bookValue;      // ZMJZ, 元
    std::string villageCode, villageName; // ZLDWDM, ZLDWMC

    bool operator==(const AssetRecord&) const = default;
};

// Asset `fid` of the `assets` layer, or nothing when there is none. Leaves no read open.
std::optional<AssetRecord> readAssetRecord(OGRLayer& assets, long long fid);
// The same fields of a feature already read.
AssetRecord assetRecordOf(const OGRFeature& asset);

struct AssetDetails {
    AssetRecord record;
    // Every field of the asset (name, value as text), in the layer's order.
    std::vector<std::pair<std::string, std::string>> attributes;
    std::vector<AuditEntry> history; // its rows of the audit log, oldest first
};

// Reads asset `fid` of `project` (opened read-only or not). Throws InputError when the project
// has no assets layer or no asset with that FID.
AssetDetails readAssetDetails(GDALDataset& project, long long fid);

} // namespace geo
