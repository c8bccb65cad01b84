#include "app/render/qgis_style_export.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <set>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "app/render/qgis_qml.h"
#include "geo/error.h"
#include "geo/gdal_session.h"
#include "geo/project_store.h"
#include "geo/read_only_view.h"
#include "geo/sql_quoting.h"

namespace app {
namespace {

constexpr const char* stylesTable = "layer_styles";

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// The project open for update, with the SQL this export needs. GeoPackage-specific by nature
// (views are registered in gpkg_contents); PostGIS has the same layer_styles convention.
class Project {
public:
    explicit Project(const std::string& path)
        : m_path(path) {
        geo::initialiseGdal();
        m_ds.reset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr,
                                     nullptr, nullptr));
        if (!m_ds)
            throw geo::InputError("cannot be opened for writing styles; check that it exists, "
                                  "is a project GeoPackage and is writable",
                                  {path, {}, {}, {}});
        if (std::string(m_ds->GetDriver()->GetDescription()) != "GPKG")
            throw geo::InputError("QGIS styles can only be written into a GeoPackage project",
                                  {path, {}, {}, {}});
        for (const auto& row : query("SELECT table_name FROM gpkg_contents"))
            m_tables.insert(row.at(0));
    }

    GDALDataset& dataset() { return *m_ds; }
    const std::string& path() const { return m_path; }
    bool has(const std::string& table) const { return m_tables.count(table) > 0; }

    void exec(const std::string& sql) {
        CPLErrorReset();
        OGRLayer* result = m_ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
        if (result)
            m_ds->ReleaseResultSet(result);
        if (CPLGetLastErrorType() == CE_Failure)
            throw geo::Error("cannot write QGIS styles: " + std::string(CPLGetLastErrorMsg()) +
                                 " (in: " + sql.substr(0, 200) + ")",
                             {m_path, {}, {}, {}});
    }

    // Every row as text; the result set is released before returning (an open statement
    // would block the commit).
    std::vector<std::vector<std::string>> query(const std::string& sql) {
        std::vector<std::vector<std::string>> rows;
        OGRLayer* result = m_ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
        if (!result)
            return rows;
        for (auto&& feature : *result) {
            std::vector<std::string> row;
            for (int i = 0; i < feature->GetFieldCount(); ++i)
                row.emplace_back(feature->IsFieldSetAndNotNull(i) ? feature->GetFieldAsString(i)
                                                                  : "");
            rows.push_back(std::move(row));
        }
        m_ds->ReleaseResultSet(result);
        return rows;
    }

    std::string geometryColumn(const std::string& table) {
        const auto rows =
            query("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = " +
                  geo::sqlText(table));
        return rows.empty() ? std::string() : rows.front().at(0);
    }

private:
    std::string m_path;
    GDALDatasetUniquePtr m_ds;
    std::set<std::string> m_tables;
};

// Rolls back unless committed.
class Transaction {
public:
    explicit Transaction(Project& project)
        : m_project(project) {
        if (m_project.dataset().StartTransaction(FALSE) != OGRERR_NONE)
            throw geo::Error("cannot start a transaction to write QGIS styles",
                             {m_project.path(), {}, {}, {}});
    }
    ~Transaction() {
        if (!m_committed)
            m_project.dataset().RollbackTransaction();
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit() {
        // GDAL's deferred work on layer_styles (row-count triggers, its count) goes into this
        // transaction rather than into one transaction per statement when the file closes.
        {
            const geo::GdalMessageCollector messages; // GDAL's reason goes into the error
            CPLErrorReset();
            m_project.dataset().FlushCache();
            if (CPLGetLastErrorType() == CE_Failure) // nothing committed: rolled back below
                throw geo::Error("cannot write the QGIS styles (" +
                                     std::string(CPLGetLastErrorMsg()) + ")",
                                 {m_project.path(), {}, {}, {}});
        }
        if (m_project.dataset().CommitTransaction() != OGRERR_NONE)
            throw geo::Error("cannot commit the QGIS styles", {m_project.path(), {}, {}, {}});
        m_committed = true;
    }

private:
    Project& m_project;
    bool m_committed = false;
};

// layer_styles as QGIS creates it (through OGR, so GDAL registers it as an attribute table).
OGRLayer& stylesLayer(Project& project) {
    if (OGRLayer* existing = project.dataset().GetLayerByName(stylesTable))
        return *existing;
    char** options = CSLSetNameValue(nullptr, "FID", "id");
    OGRLayer* layer = project.dataset().CreateLayer(stylesTable, nullptr, wkbNone, options);
    CSLDestroy(options);
    if (!layer)
        throw geo::Error("cannot create the layer_styles table", {project.path(), {}, {}, {}});
    auto add = [&](const char* name, OGRFieldType type, int width = 0) {
        OGRFieldDefn field(name, type);
        field.SetWidth(width);
        if (type == OFTInteger)
            field.SetSubType(OFSTBoolean);
        if (type == OFTDateTime)
            field.SetDefault("CURRENT_TIMESTAMP");
        if (layer->CreateField(&field) != OGRERR_NONE)
            throw geo::Error(std::string("cannot create layer_styles.") + name,
                             {project.path(), stylesTable, {}, {}});
    };
    add("f_table_catalog", OFTString, 256);
    add("f_table_schema", OFTString, 256);
    add("f_table_name", OFTString, 256);
    add("f_geometry_column", OFTString, 256);
    add("styleName", OFTString, 30);
    add("styleQML", OFTString);
    add("styleSLD", OFTString);
    add("useAsDefault", OFTInteger);
    add("description", OFTString);
    add("owner", OFTString, 30);
    add("ui", OFTString, 30);
    add("update_time", OFTDateTime);
    return *layer;
}

struct StyleRow {
    std::string table, geometryColumn, name, description;
    QString qml;
    bool preferDefault = false;
};

// parcels ⋈ parcel_classes: the layer's geometry and fields, then the table's other fields.
// Selecting named columns (not t.*) keeps the table's own fid out of the view.
void createView(Project& project, const CategoryStyle& theme) {
    const std::string& view = theme.view();
    project.exec("DROP VIEW IF EXISTS " + geo::sqlIdentifier(view));
    OGRLayer* layer = project.dataset().GetLayerByName(theme.layer().c_str());
    OGRLayer* table = project.dataset().GetLayerByName(theme.table().c_str());
    if (!layer || !table)
        throw geo::Error("cannot read " + theme.layer() + " or " + theme.table(),
                         {project.path(), {}, {}, {}});
    const std::string geometry = project.geometryColumn(theme.layer());
    const std::string layerFid = layer->GetFIDColumn();
    const std::string layerKey = theme.layerKey() == "fid" ? layerFid : theme.layerKey();
    // A table keyed by the layer's FID (parcel_classes: each row has its parcel's FID) joins
    // through its primary key; any other key column needs an index.
    const std::string tableFid = table->GetFIDColumn();
    const bool byTableFid = theme.tableKey() == "fid" || theme.tableKey() == tableFid;
    const std::string tableKey = byTableFid ? tableFid : theme.tableKey();
    std::string columns = "l." + geo::sqlIdentifier(layerFid) + " AS \"OGC_FID\", l." +
                          geo::sqlIdentifier(geometry) + " AS " + geo::sqlIdentifier(geometry);
    std::set<std::string> taken = {lower(layerFid), lower(geometry), "ogc_fid"};
    for (OGRLayer* source : {layer, table}) {
        const char* alias = source == layer ? "l." : "t.";
        const OGRFeatureDefn* defn = source->GetLayerDefn();
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            const std::string name = defn->GetFieldDefn(i)->GetNameRef();
            if (!taken.insert(lower(name)).second)
                continue;
            columns += std::string(", ") + alias + geo::sqlIdentifier(name);
        }
    }
    // Without an index on the key every drawn parcel would scan the table: the view is
    // queried per map extent (GDAL uses the layer's R-tree through OGC_FID).
    if (!byTableFid)
        project.exec("CREATE INDEX IF NOT EXISTS " +
                     geo::sqlIdentifier(theme.table() + "_" + tableKey + "_idx") + " ON " +
                     geo::sqlIdentifier(theme.table()) + " (" + geo::sqlIdentifier(tableKey) + ")");
    project.exec("CREATE VIEW " + geo::sqlIdentifier(view) + " AS SELECT " + columns + " FROM " +
                 geo::sqlIdentifier(theme.layer()) + " AS l LEFT JOIN " +
                 geo::sqlIdentifier(theme.table()) + " AS t ON t." + geo::sqlIdentifier(tableKey) +
                 " = l." + geo::sqlIdentifier(layerKey));
    // QGIS offers to edit it; the edit would fail on saving with GDAL's "failed to prepare".
    for (const std::string& trigger : geo::readOnlyViewTriggers(
             view, view + " 是田亩为 QGIS 样式生成的视图，不能在这里修改：请修改 " + theme.layer() +
                       " 图层，分类结果请在田亩中编辑（编辑 › 编辑本项目）。 " + view +
                       " is a view tianmu made for QGIS styles and cannot be edited "
                       "here: edit the " +
                       theme.layer() +
                       " layer, and the classification in tianmu (Edit › Edit this project)."))
        project.exec(trigger);
    project.exec("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
                 "last_change, min_x, min_y, max_x, max_y, srs_id) SELECT " +
                 geo::sqlText(view) + ", 'features', " + geo::sqlText(view) + ", " +
                 geo::sqlText(theme.layer() + " joined with " + theme.table() +
                              " by tianmu, for QGIS styles") +
                 ", strftime('%Y-%m-%dT%H:%M:%fZ','now'), min_x, min_y, max_x, max_y, srs_id "
                 "FROM gpkg_contents WHERE table_name = " +
                 geo::sqlText(theme.layer()));
    project.exec("INSERT INTO gpkg_geometry_columns (table_name, column_name, "
                 "geometry_type_name, srs_id, z, m) SELECT " +
                 geo::sqlText(view) +
                 ", column_name, geometry_type_name, srs_id, z, m FROM gpkg_geometry_columns "
                 "WHERE table_name = " +
                 geo::sqlText(theme.layer()));
}

void dropView(Project& project, const std::string& view) {
    project.exec("DROP VIEW IF EXISTS " + geo::sqlIdentifier(view));
    project.exec("DELETE FROM gpkg_geometry_columns WHERE table_name = " + geo::sqlText(view));
    project.exec("DELETE FROM gpkg_contents WHERE table_name = " + geo::sqlText(view));
}

std::string describe(const CategoryStyle& theme) {
    return theme.titleZh().toStdString() + " / " + theme.titleEn().toStdString() +
           ". Written by tianmu from " + theme.path() +
           "; tianmu classify rewrites it, so save your own changes under another name.";
}

} // namespace

QgisStyleSummary writeQgisStyles(const std::string& projectPath, const MapStyle& style) {
    geo::GdalMessageCollector messages; // GDAL's notices stay out of the command's output
    Project project(projectPath);
    QgisStyleSummary summary;
    std::vector<StyleRow> rows;

    auto labelsFor = [&](const std::string& layer) -> const LabelStyle* {
        if (style.villageLabels.layer == layer)
            return &style.villageLabels;
        if (style.parcelLabels.layer == layer)
            return &style.parcelLabels;
        if (!style.seatLabels.field.empty() && style.seatLabels.layer == layer)
            return &style.seatLabels;
        return nullptr;
    };

    OGRLayer& styles = stylesLayer(project);
    Transaction transaction(project);

    // Themes: on their layer, or on the view joining it to its table.
    std::set<std::string> viewsDone;
    for (const CategoryStyle& theme : style.themes) {
        std::string target = theme.layer();
        if (!project.has(theme.layer())) {
            if (theme.isJoined() && viewsDone.insert(theme.view()).second)
                dropView(project, theme.view());
            summary.skipped.push_back(theme.name() + ": the project has no " + theme.layer());
            continue;
        }
        if (theme.isJoined()) {
            target = theme.view();
            if (!project.has(theme.table())) {
                if (viewsDone.insert(target).second)
                    dropView(project, target);
                summary.skipped.push_back(theme.name() + ": the project has no " + theme.table() +
                                          " (run tianmu classify)");
                continue;
            }
            if (viewsDone.insert(target).second) {
                dropView(project, target);
                createView(project, theme);
                summary.views.push_back(target);
            }
        }
        rows.push_back({target, project.geometryColumn(theme.layer()), "tianmu " + theme.name(),
                        describe(theme),
                        themeQml(theme, style.parcelOutlines, labelsFor(theme.layer())),
                        theme.name() == style.defaultTheme});
    }

    // Boundaries, water, roads and seats, on whichever of them the project has.
    auto add = [&](const std::string& layer, const std::string& name, const QString& qml,
                   const std::string& what) {
        if (!project.has(layer)) {
            summary.skipped.push_back(name + ": the project has no " + layer);
            return;
        }
        rows.push_back(
            {layer, project.geometryColumn(layer), "tianmu " + name,
             what + ". Written by tianmu from " + style.path + "; tianmu classify rewrites it.",
             qml, false});
    };
    add(style.villages.layer, "villages",
        boundaryQml(style.villages, labelsFor(style.villages.layer)),
        "Village boundaries and names / 村界与村名");
    add(style.townships.layer, "townships",
        boundaryQml(style.townships, labelsFor(style.townships.layer)),
        "Township boundaries / 乡镇界");
    add(style.rivers.layer, "rivers", riverLinesQml(style.rivers), "Rivers by order / 河流");
    add(style.rivers.surfaceLayer, "river surfaces", riverSurfacesQml(style.rivers),
        "River surfaces / 河流水面");
    add(style.roads.layer, "roads", roadsQml(style.roads), "Roads / 道路");
    add(style.seats.layer, "seats", seatsQml(style.seats, labelsFor(style.seats.layer)),
        "Township seats and names / 乡镇驻地");

    // Replace tianmu's rows; note the layers whose default a user chose.
    std::vector<GIntBig> ours;
    std::set<std::string> userDefaults;
    styles.SetAttributeFilter(nullptr);
    styles.ResetReading();
    for (auto&& row : styles) {
        const std::string owner = row->GetFieldAsString("owner");
        if (owner == qgisStyleOwner)
            ours.push_back(row->GetFID());
        else if (row->GetFieldAsInteger("useAsDefault") != 0)
            userDefaults.insert(row->GetFieldAsString("f_table_name"));
    }
    styles.ResetReading();
    for (GIntBig fid : ours)
        if (styles.DeleteFeature(fid) != OGRERR_NONE)
            throw geo::Error("cannot replace tianmu's rows of layer_styles",
                             {projectPath, stylesTable, fid, {}});

    // One default per table: the map's default theme if it is there, else the first row.
    std::map<std::string, std::size_t> defaultRow;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        auto [it, inserted] = defaultRow.emplace(rows[i].table, i);
        if (!inserted && rows[i].preferDefault && !rows[it->second].preferDefault)
            it->second = i;
    }
    const std::string now = geo::utcTimestamp();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const StyleRow& r = rows[i];
        const bool isDefault = defaultRow[r.table] == i && userDefaults.count(r.table) == 0;
        OGRFeatureUniquePtr row(OGRFeature::CreateFeature(styles.GetLayerDefn()));
        row->SetField("f_table_catalog", "");
        row->SetField("f_table_schema", "");
        row->SetField("f_table_name", r.table.c_str());
        row->SetField("f_geometry_column", r.geometryColumn.c_str());
        row->SetField("styleName", r.name.c_str());
        row->SetField("styleQML", r.qml.toStdString().c_str());
        row->SetField("useAsDefault", isDefault ? 1 : 0);
        row->SetField("description", r.description.c_str());
        row->SetField("owner", qgisStyleOwner);
        row->SetField("update_time", now.c_str());
        if (styles.CreateFeature(row.get()) != OGRERR_NONE)
            throw geo::Error("cannot write the style of " + r.table + " into layer_styles",
                             {projectPath, stylesTable, {}, {}});
        summary.styled.push_back(r.table + ": " + r.name + (isDefault ? " (default)" : ""));
    }
    transaction.commit();
    return summary;
}

} // namespace app
