#include "geo/idle_item_sync.h"

#include <string>
#include <utility>
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

// The rows of one item (CATEGORY and ITEM_ID) in idle_items, and the writes on them, each
// failure an Error naming the item. The rows' FIDs are read first, so that no read statement
// stays open while they are written.
class ItemRows {
public:
    ItemRows(OGRLayer& items, const char* category, const std::string& id, std::string named,
             const std::string& projectPath)
        : m_items(items)
        , m_category(category)
        , m_id(id)
        , m_named(std::move(named))
        , m_projectPath(projectPath) {
        items.SetAttributeFilter(
            ("CATEGORY = " + sqlQuoted(category) + " AND ITEM_ID = " + sqlQuoted(id)).c_str());
        items.ResetReading();
        for (auto&& row : items)
            m_fids.push_back(row->GetFID());
        items.SetAttributeFilter(nullptr);
        items.ResetReading();
    }

    const std::vector<GIntBig>& fids() const noexcept { return m_fids; }

    void removeAll() {
        for (GIntBig fid : m_fids)
            if (m_items.DeleteFeature(fid) != OGRERR_NONE)
                fail("cannot remove the idle-item row");
        m_fids.clear();
    }

    // A new row of the item; `fill` sets its other fields.
    template <typename Fill>
    void add(Fill&& fill) {
        OGRFeatureUniquePtr row(OGRFeature::CreateFeature(m_items.GetLayerDefn()));
        setText(*row, "CATEGORY", m_category);
        setText(*row, "ITEM_ID", m_id);
        fill(*row);
        setText(*row, "RULE", "manual");
        if (m_items.CreateFeature(row.get()) != OGRERR_NONE)
            fail("cannot add the idle-item row");
    }

    [[noreturn]] void fail(const std::string& what) const {
        throw Error(what + " for " + m_named + " (" + CPLGetLastErrorMsg() + "); nothing was saved",
                    {m_projectPath, table, {}, {}});
    }

private:
    OGRLayer& m_items;
    const char* m_category;
    std::string m_id, m_named;
    const std::string& m_projectPath;
    std::vector<GIntBig> m_fids;
};

} // namespace

std::string idleAssetItemName(const std::string& name, const std::string& type) {
    return name + " (" + type + ")";
}

void syncAssetIdleItem(OGRLayer& items, const AssetRecord& asset, bool idle,
                       const AssetPlace& place, const std::string& projectPath) {
    // Rows are found by the asset's code: an asset without one has no row to keep.
    if (asset.code.empty())
        return;
    ItemRows rows(items, "asset", asset.code, "asset " + asset.code, projectPath);
    if (!idle) {
        rows.removeAll();
        return;
    }
    for (GIntBig fid : rows.fids()) {
        OGRFeatureUniquePtr row(items.GetFeature(fid));
        if (!row)
            rows.fail("the idle-item row has gone");
        setText(*row, "STATUS", asset.status);
        if (items.SetFeature(row.get()) != OGRERR_NONE)
            rows.fail("cannot update the idle-item row");
    }
    if (!rows.fids().empty())
        return;
    // A new row as classification writes one.
    const bool placedInVillage = !place.villageCode.empty() || !place.villageName.empty();
    rows.add([&](OGRFeature& row) {
        setText(row, "ITEM_NAME", idleAssetItemName(asset.name, asset.type));
        setText(row, "VILLAGE_CODE", placedInVillage ? place.villageCode : asset.villageCode);
        setText(row, "VILLAGE_NAME", placedInVillage ? place.villageName : asset.villageName);
        setText(row, "ZONE", place.zoneName);
        setText(row, "SUGGESTED_USE", place.suggestedUse);
        setText(row, "STATUS", asset.status);
        setText(row, "SINCE", asset.idleSince);
    });
}

void syncParcelIdleItem(OGRLayer& items, const ParcelIdleItem& parcel, bool idle,
                        const std::string& projectPath) {
    if (parcel.bsm.empty())
        return;
    ItemRows rows(items, "resource", parcel.bsm, "parcel " + parcel.bsm, projectPath);
    if (!idle) {
        rows.removeAll();
        return;
    }
    if (!rows.fids().empty()) // already idle by its flag or its land use: the row stays
        return;
    // As classification writes a resource: the land-use code for a name, no since-day.
    rows.add([&](OGRFeature& row) {
        setText(row, "ITEM_NAME", parcel.landUse);
        setText(row, "VILLAGE_CODE", parcel.villageCode);
        setText(row, "VILLAGE_NAME", parcel.villageName);
        setText(row, "ZONE", parcel.zoneName);
        setText(row, "SUGGESTED_USE", parcel.suggestedUse);
        if (const int i = row.GetFieldIndex("AREA_MU"); i >= 0)
            row.SetField(i, parcel.areaMu);
        setText(row, "STATUS", "闲置");
    });
}

} // namespace geo
