#include "geo/parcel_classes_view.h"

#include "geo/error.h"
#include "geo/sql_quoting.h"

namespace geo {

void writeZones(ProjectStore& store, const RuleSet& rules) {
    // Indexed: the view finds a zone's names by its id, once per parcel read.
    const auto table = store.replaceTable(zonesTable, {{"ZONE", OFTString, true},
                                                       {"ZONE_NAME", OFTString},
                                                       {"SUGGESTED_USE", OFTString},
                                                       {"ZONE_NAME_EN", OFTString},
                                                       {"SUGGESTED_USE_EN", OFTString}});
    for (const Zone& z : rules.zones()) {
        table->setText(0, z.id);
        table->setText(1, z.nameZh);
        table->setText(2, z.useZh);
        table->setText(3, z.nameEn);
        table->setText(4, z.useEn);
        table->addRow();
    }
    table->finish();
}

void writeVillageReasons(ProjectStore& store, const std::vector<std::string>& reasons) {
    // REASON is also the row's FID (its place in `reasons` plus one, given rather than left to
    // the table), so the view finds it through the primary key.
    const auto table = store.replaceTable(
        villageReasonsTable, {{"REASON", OFTInteger64, false, true}, {"VILLAGE_RULE", OFTString}});
    for (std::size_t i = 0; i < reasons.size(); ++i) {
        table->setInteger(0, static_cast<std::int64_t>(i + 1));
        table->setText(1, reasons[i]);
        table->addRow();
    }
    table->finish();
}

std::string parcelClassesSelect(const std::string& parcelsFid, bool parcelsHaveBsm,
                                bool parcelsHaveDlbm) {
    // Scalar subqueries rather than joins: SQLite works one out only when a reader asks for
    // its column, and a view without joins folds into the queries that read it (parcel_zones
    // joins it to the parcels, QGIS reads that by map extent).
    const std::string byParcel =
        " FROM parcels p WHERE p." + sqlIdentifier(parcelsFid) + " = c.PARCEL_FID)";
    auto parcelColumn = [&](bool present, const char* name) {
        return present ? "(SELECT p." + std::string(name) + byParcel + " AS " + name
                       : "NULL AS " + std::string(name);
    };
    auto zoneColumn = [](const char* name) {
        return "(SELECT z." + std::string(name) + " FROM zones z WHERE z.ZONE = c.ZONE) AS " + name;
    };
    return "SELECT c.fid AS fid, c.PARCEL_FID AS PARCEL_FID, " +
           parcelColumn(parcelsHaveBsm, "BSM") + ", " + parcelColumn(parcelsHaveDlbm, "DLBM") +
           ", c.ZONE AS ZONE, " + zoneColumn("ZONE_NAME") + ", " + zoneColumn("SUGGESTED_USE") +
           ", c.ZONE_RULE AS ZONE_RULE, c.VILLAGE_CODE AS VILLAGE_CODE, "
           "(SELECT v.VILLAGE_NAME FROM village_stats v WHERE v.fid = c.VILLAGE_STATS_FID) AS "
           "VILLAGE_NAME, "
           "(SELECT r.VILLAGE_RULE FROM village_reasons r WHERE r.fid = c.VILLAGE_REASON) AS "
           "VILLAGE_RULE, "
           "c.IDLE AS IDLE, c.IDLE_RULE AS IDLE_RULE, c.TRANSFERRED AS TRANSFERRED, "
           "c.LZFS AS LZFS, c.LZHTBM AS LZHTBM, c.TRANSFER_RULE AS TRANSFER_RULE, "
           "c.AREA_MU AS AREA_MU, c.MEAN_ELEV AS MEAN_ELEV, c.MEAN_SLOPE AS MEAN_SLOPE, "
           "c.REL_ELEV AS REL_ELEV, c.RIVER_DIST AS RIVER_DIST, c.RIVER_HEIGHT AS RIVER_HEIGHT "
           "FROM parcel_class_codes c";
}

void createParcelClassesView(ProjectStore& store) {
    OGRLayer* parcels = store.layer("parcels");
    if (!parcels)
        throw Error("the project lost its parcels", {store.path(), "parcels", {}, {}});
    const OGRFeatureDefn* defn = parcels->GetLayerDefn();
    const char* fid = parcels->GetFIDColumn();
    store.replaceView(parcelClassesView,
                      parcelClassesSelect(fid && *fid ? fid : "fid",
                                          defn->GetFieldIndex("BSM") >= 0,
                                          defn->GetFieldIndex("DLBM") >= 0),
                      "The classification of each parcel, written by tianmu classify: "
                      "parcel_class_codes with the names of its codes",
                      "parcel_classes 是田亩的分类结果，不能在这里修改：请在田亩中用“编辑 › "
                      "编辑本项目”标记闲置或添加流转记录（修改记入审计日志），分区由规则文件在"
                      "分类时决定。 parcel_classes is tianmu's classification and cannot be "
                      "edited here: mark parcels idle or add transfer records in tianmu (Edit › "
                      "Edit this project), which keeps the audit log; zones come from the rule "
                      "file when tianmu classifies.");
}

std::string writableParcelClassesTable(ProjectStore& store) {
    if (store.hasLayer(parcelClassCodesTable))
        return parcelClassCodesTable;
    return store.hasLayer(parcelClassesView) ? parcelClassesView : "";
}

} // namespace geo
