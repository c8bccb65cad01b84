#include "geo/idle_item_sync.h"

#include <vector>

#include "geo/error.h"
#include "geo/parcel_filter.h"

namespace geo {
namespace {

constexpr const char* table = "idle_items";

void setText(OGRFeature& row, const char* field, const std::string& value) {
    const int i = row.GetFieldIndex(field);
    if (i < 0)
        return;
    if (value.empty())
        row.SetFieldNull(i);
    else
        row.SetField(i, value.c_str());
}

// The FIDs of the rows of one item, read before any is written (no read statement stays open
// while they are).
std::vector<GIntBig> rowsOf(OGRLayer& items, const char* category, const std::string& id) {
    std::vector<GIntBig> rows;
    items.SetAttributeFilter(
        ("CATEGORY = " + sqlQuoted(category) + " AND ITEM_ID = " + sqlQuoted(id)).c_str());
    items.ResetReading();
    for (auto&& row : items)
        rows.push_back(row->GetFID());
    items.SetAttributeFilter(nullptr);
    items.ResetReading();
    return rows;
}

} // namespace

std::string idleAssetItemName(const std::string& name, const std::string& type) {
    return name + " (" + type + ")";
}

void syncAssetIdleItem(OGRLayer& items, const AssetRecord& asset, bool idle,
                       const std::string& projectPath) {
    // Rows are found by the asset's code: an asset without one has no row to keep.
    if (asset.code.empty())
        return;
    auto fail = [&](const std::string& what) {
        throw Error(what + " for asset " + asset.code + " (" + CPLGetLastErrorMsg() +
                        "); nothing was saved",
                    {projectPath, table, {}, {}});
    };
    const std::vector<GIntBig> rows = rowsOf(items, "asset", asset.code);

    if (!idle) {
        for (GIntBig fid : rows)
            if (items.DeleteFeature(fid) != OGRERR_NONE)
                fail("cannot remove the idle-item row");
        return;
    }
    for (GIntBig fid : rows) {
        OGRFeatureUniquePtr row(items.GetFeature(fid));
        if (!row)
            fail("the idle-item row has gone");
        setText(*row, "STATUS", asset.status);
        if (items.SetFeature(row.get()) != OGRERR_NONE)
            fail("cannot update the idle-item row");
    }
    if (!rows.empty())
        return;
    // A new row as classification writes one, but for the zone and suggested use: those come
    // from the parcel under the asset, found by a search over every parcel at classify; they
    // stay empty until the next classify. The village is the ledger's own (ZLDWDM, ZLDWMC).
    OGRFeatureUniquePtr row(OGRFeature::CreateFeature(items.GetLayerDefn()));
    setText(*row, "CATEGORY", "asset");
    setText(*row, "ITEM_ID", asset.code);
    setText(*row, "ITEM_NAME", idleAssetItemName(asset.name, asset.type));
    setText(*row, "VILLAGE_CODE", asset.villageCode);
    setText(*row, "VILLAGE_NAME", asset.villageName);
    setText(*row, "STATUS", asset.status);
    setText(*row, "SINCE", asset.idleSince);
    setText(*row, "RULE", "manual");
    if (items.CreateFeature(row.get()) != OGRERR_NONE)
        fail("cannot add the idle-item row");
}

void syncParcelIdleItem(OGRLayer& items, const ParcelIdleItem& parcel, bool idle,
                        const std::string& projectPath) {
    if (parcel.bsm.empty())
        return;
    auto fail = [&](const std::string& what) {
        throw Error(what + " for parcel " + parcel.bsm + " (" + CPLGetLastErrorMsg() +
                        "); nothing was saved",
                    {projectPath, table, {}, {}});
    };
    const std::vector<GIntBig> rows = rowsOf(items, "resource", parcel.bsm);
    if (!idle) {
        for (GIntBig fid : rows)
            if (items.DeleteFeature(fid) != OGRERR_NONE)
                fail("cannot remove the idle-item row");
        return;
    }
    if (!rows.empty()) // already idle by its flag or its land use: the row stays as it is
        return;
    // As classification writes a resource: the land-use code for a name, no since-day.
    OGRFeatureUniquePtr row(OGRFeature::CreateFeature(items.GetLayerDefn()));
    setText(*row, "CATEGORY", "resource");
    setText(*row, "ITEM_ID", parcel.bsm);
    setText(*row, "ITEM_NAME", parcel.landUse);
    setText(*row, "VILLAGE_CODE", parcel.villageCode);
    setText(*row, "VILLAGE_NAME", parcel.villageName);
    setText(*row, "ZONE", parcel.zoneName);
    setText(*row, "SUGGESTED_USE", parcel.suggestedUse);
    if (const int i = row->GetFieldIndex("AREA_MU"); i >= 0)
        row->SetField(i, parcel.areaMu);
    setText(*row, "STATUS", "闲置");
    setText(*row, "RULE", "manual");
    if (items.CreateFeature(row.get()) != OGRERR_NONE)
        fail("cannot add the idle-item row");
}

} // namespace geo
