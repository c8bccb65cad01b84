#include "geo/asset_details.h"

#include "geo/error.h"
#include "geo/feature_fields.h"
#include "geo/gdal_session.h"

namespace geo {
AssetRecord assetRecordOf(const OGRFeature& f) {
    AssetRecord a;
    a.fid = f.GetFID();
    a.code = fieldText(f, "ZCBM");
    a.name = fieldText(f, "ZCMC");
    a.type = fieldText(f, "ZCLX");
    a.status = fieldText(f, "ZT");
    a.idleSince = fieldText(f, "XZRQ");
    a.hasIdleSinceField = f.GetFieldIndex("XZRQ") >= 0;
    if (const int i = f.GetFieldIndex("ZMJZ"); i >= 0 && f.IsFieldSetAndNotNull(i))
        a.bookValue = f.GetFieldAsDouble(i);
    a.villageCode = fieldText(f, "ZLDWDM");
    a.villageName = fieldText(f, "ZLDWMC");
    return a;
}

std::optional<AssetRecord> readAssetRecord(OGRLayer& assets, long long fid) {
    GdalMessageCollector quiet; // a missing FID is an answer, not an error
    OGRFeatureUniquePtr row(assets.GetFeature(fid));
    if (!row)
        return std::nullopt;
    return assetRecordOf(*row);
}

AssetDetails readAssetDetails(GDALDataset& project, long long fid) {
    OGRLayer* assets = project.GetLayerByName("assets");
    if (!assets)
        throw InputError("has no assets layer", {project.GetDescription(), {}, {}, {}});
    OGRFeatureUniquePtr asset;
    {
        GdalMessageCollector quiet;
        asset.reset(assets->GetFeature(fid));
    }
    if (!asset)
        throw InputError("has no asset with this FID",
                         {project.GetDescription(), "assets", fid, {}});
    AssetDetails d;
    d.record = assetRecordOf(*asset);
    for (int i = 0; i < asset->GetFieldCount(); ++i)
        d.attributes.emplace_back(asset->GetFieldDefnRef(i)->GetNameRef(),
                                  asset->IsFieldSetAndNotNull(i) ? asset->GetFieldAsString(i) : "");
    d.history = readAuditHistory(project, "assets", fid);
    return d;
}

} // namespace geo
