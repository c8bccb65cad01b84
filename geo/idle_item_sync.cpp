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
    // The rows' FIDs first, so that no read statement is open while they are written.
    std::vector<GIntBig> rows;
    items.SetAttributeFilter(("CATEGORY = 'asset' AND ITEM_ID = " + sqlQuoted(asset.code)).c_str());
    items.ResetReading();
    for (auto&& row : items)
        rows.push_back(row->GetFID());
    items.SetAttributeFilter(nullptr);
    items.ResetReading();

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

} // namespace geo
