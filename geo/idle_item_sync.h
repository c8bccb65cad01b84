// Keeps the classification's idle-item ledger (`idle_items`) in step with an edited asset
// status between two classifications; the next classify rewrites the table from the ledger.
#pragma once

#include <string>

#include <ogrsf_frmts.h>

#include "geo/asset_details.h"

namespace geo {

// ITEM_NAME of an idle asset's row: "name (type)", as classification writes it.
std::string idleAssetItemName(const std::string& name, const std::string& type);

// Where an asset lies, as classification places it: the zone and suggested use of the parcel
// under it, and the village of that parcel, else of the village boundary around it. Empty
// where it found none: the row then keeps the ledger's own village (ZLDWDM, ZLDWMC).
struct AssetPlace {
    std::string zoneName, suggestedUse, villageCode, villageName;
};

// `asset` as it is after the edit, `idle` whether its status now counts idle. Not idle: its
// CATEGORY='asset' rows (ITEM_ID = ZCBM) go; idle: their STATUS follows, or a row is added,
// placed by `place`. Runs inside the caller's transaction; throws Error naming idle_items
// when a write fails.
void syncAssetIdleItem(OGRLayer& idleItems, const AssetRecord& asset, bool idle,
                       const AssetPlace& place, const std::string& projectPath);

// What a parcel's idle-item row shows, from its classification row (parcel_classes).
struct ParcelIdleItem {
    std::string bsm, landUse, villageCode, villageName, zoneName, suggestedUse;
    double areaMu = 0.0;
};

// A parcel marked idle (`idle`) or in use by hand. In use: its CATEGORY='resource' rows
// (ITEM_ID = BSM) go; idle: a row is added unless it has one, with RULE "manual". As
// syncAssetIdleItem, inside the caller's transaction.
void syncParcelIdleItem(OGRLayer& idleItems, const ParcelIdleItem& parcel, bool idle,
                        const std::string& projectPath);

} // namespace geo
