// layer_styles written into a classified copy of the small generated county, read back with
// GDAL, its QML parsed: the categories and colours are those of the style files.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

#include <QFileInfo>
#include <QProcess>
#include <QXmlStreamReader>

#include <nlohmann/json.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "app/render/field_catalogue.h"
#include "app/render/map_style.h"
#include "app/render/qgis_qml.h"
#include "app/render/qgis_style_export.h"
#include "geo/classifier.h"
#include "geo/gdal_session.h"
#include "support/project_value.h"
#include "support/result_rows.h"
#include "support/sample_fixture.h"

namespace {

const app::MapStyle& shipped() {
    static const app::MapStyle style =
        app::loadMapStyle(testing::sourcePath("styles"),
                          app::FieldCatalogue::canonical(testing::sourcePath("data/profiles")));
    return style;
}

// A classified copy of the small county, made once; each test copies it again.
const std::string& classifiedProject() {
    static const std::string path = [] {
        const std::string project = testing::temporaryDirectory() + "/classified.gpkg";
        std::filesystem::copy_file(testing::smallCounty().directory + "/county.gpkg", project);
        geo::ClassifyOptions options;
        options.project = project;
        options.rules = testing::sourcePath("data/rules/lingling-five-zones.json");
        options.landUseCodes = testing::sourcePath("data/landuse/gbt21010-2017.json");
        options.asOf = "2026-06-30";
        options.progress = [](const std::string&, double) {
        };
        geo::classifyProject(options);
        return project;
    }();
    return path;
}

std::string copyOfClassified() {
    const std::string copy = testing::temporaryDirectory() + "/project.gpkg";
    std::filesystem::copy_file(classifiedProject(), copy);
    return copy;
}

struct StyleRow {
    std::string table, geometryColumn, name, owner, qml;
    bool isDefault = false;
};

std::vector<StyleRow> readStyles(const std::string& project) {
    GDALDatasetUniquePtr ds = geo::openVector(project);
    OGRLayer* layer = ds->GetLayerByName("layer_styles");
    REQUIRE(layer != nullptr);
    std::vector<StyleRow> rows;
    for (auto&& f : *layer)
        rows.push_back({f->GetFieldAsString("f_table_name"),
                        f->GetFieldAsString("f_geometry_column"), f->GetFieldAsString("styleName"),
                        f->GetFieldAsString("owner"), f->GetFieldAsString("styleQML"),
                        f->GetFieldAsInteger("useAsDefault") != 0});
    return rows;
}

const StyleRow* find(const std::vector<StyleRow>& rows, const std::string& table,
                     const std::string& name) {
    for (const StyleRow& r : rows)
        if (r.table == table && r.name == name)
            return &r;
    return nullptr;
}

long long featureCount(const std::string& project, const std::string& layer) {
    GDALDatasetUniquePtr ds = geo::openVector(project);
    OGRLayer* l = ds->GetLayerByName(layer.c_str());
    return l ? l->GetFeatureCount(TRUE) : -1;
}

// What a categorised QML says: the attribute, and each category's value, label and fill.
struct ParsedQml {
    QString rendererType, attr;
    struct Category {
        QString value, label;
        QColor fill;
    };
    std::vector<Category> categories;
    QString labelField;
    bool labelsEnabled = false;
};

QColor qgisColour(const QString& rgba) {
    const QStringList p = rgba.split(',');
    return p.size() == 4 ? QColor(p[0].toInt(), p[1].toInt(), p[2].toInt(), p[3].toInt())
                         : QColor();
}

ParsedQml parseQml(const std::string& qml) {
    ParsedQml parsed;
    std::map<QString, QColor> symbolFill;
    std::vector<std::pair<QString, QString>> categorySymbol;
    QXmlStreamReader xml(QString::fromStdString(qml));
    QString symbol;
    bool inOption = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto a = xml.attributes();
        if (xml.name() == QLatin1String("qgis"))
            parsed.labelsEnabled = a.value("labelsEnabled") == QLatin1String("1");
        else if (xml.name() == QLatin1String("renderer-v2")) {
            parsed.rendererType = a.value("type").toString();
            parsed.attr = a.value("attr").toString();
        } else if (xml.name() == QLatin1String("category")) {
            parsed.categories.push_back(
                {a.value("value").toString(), a.value("label").toString(), QColor()});
            categorySymbol.emplace_back(a.value("value").toString(), a.value("symbol").toString());
        } else if (xml.name() == QLatin1String("symbol"))
            symbol = a.value("name").toString();
        else if (xml.name() == QLatin1String("layer"))
            inOption = a.value("class") == QLatin1String("SimpleFill");
        else if (xml.name() == QLatin1String("Option") && inOption &&
                 a.value("name") == QLatin1String("color") && !symbolFill.count(symbol))
            symbolFill[symbol] = qgisColour(a.value("value").toString());
        else if (xml.name() == QLatin1String("text-style"))
            parsed.labelField = a.value("fieldName").toString();
    }
    REQUIRE_FALSE(xml.hasError());
    for (std::size_t i = 0; i < parsed.categories.size(); ++i)
        parsed.categories[i].fill = symbolFill[categorySymbol[i].second];
    return parsed;
}

// The QML's categories are the theme's, in order, then the default as "all other values".
void checkCategoriesMatch(const ParsedQml& qml, const app::CategoryStyle& theme) {
    CHECK(qml.rendererType == "categorizedSymbol");
    REQUIRE(qml.categories.size() == theme.categories().size() + 1);
    for (std::size_t i = 0; i < theme.categories().size(); ++i) {
        const auto& c = theme.categories()[i];
        INFO(c.match);
        CHECK(qml.categories[i].value.toStdString() == c.match);
        CHECK(qml.categories[i].fill == c.fill);
        CHECK(qml.categories[i].label.startsWith(c.labelZh));
    }
    CHECK(qml.categories.back().value.isEmpty());
    CHECK(qml.categories.back().fill == theme.fallback().fill);
}

} // namespace

TEST_CASE("layer_styles holds the zones, land-use and boundary styles of the style files",
          "[qgis]") {
    const std::string project = copyOfClassified();
    const app::QgisStyleSummary summary = app::writeQgisStyles(project, shipped());
    CHECK(summary.views == std::vector<std::string>{"parcel_zones", "village_types"});

    const auto rows = readStyles(project);
    for (const StyleRow& r : rows) {
        CHECK(r.owner == "tianmu");
        CHECK(r.geometryColumn == "geom");
    }

    const StyleRow* zones = find(rows, "parcel_zones", "tianmu zones");
    REQUIRE(zones);
    CHECK(zones->isDefault);
    const ParsedQml zonesQml = parseQml(zones->qml);
    CHECK(zonesQml.attr == "ZONE"); // exact values only: the field itself
    checkCategoriesMatch(zonesQml, *shipped().theme("zones"));
    CHECK(zonesQml.labelField == "BSM"); // parcel ids, when zoomed in

    const StyleRow* transfer = find(rows, "parcel_zones", "tianmu transfer");
    REQUIRE(transfer);
    CHECK_FALSE(transfer->isDefault); // one default per layer
    checkCategoriesMatch(parseQml(transfer->qml), *shipped().theme("transfer"));

    const StyleRow* landUse = find(rows, "parcels", "tianmu landuse");
    REQUIRE(landUse);
    CHECK(landUse->isDefault);
    const ParsedQml landUseQml = parseQml(landUse->qml);
    // Prefix categories: a first-match CASE on DLBM whose values are the match strings.
    CHECK(landUseQml.attr.startsWith("CASE WHEN \"DLBM\" = '0101' THEN '0101'"));
    CHECK(landUseQml.attr.contains("WHEN left(\"DLBM\", 2) = '02' THEN '02*'"));
    checkCategoriesMatch(landUseQml, *shipped().theme("landuse"));

    const StyleRow* villageTypes = find(rows, "village_types", "tianmu village-type");
    REQUIRE(villageTypes);
    const ParsedQml villageTypesQml = parseQml(villageTypes->qml);
    checkCategoriesMatch(villageTypesQml, *shipped().theme("village-type"));
    CHECK(villageTypesQml.labelField == "ZLDWMC");

    const StyleRow* villages = find(rows, "villages", "tianmu villages");
    REQUIRE(villages);
    const ParsedQml villagesQml = parseQml(villages->qml);
    CHECK(villagesQml.rendererType == "singleSymbol");
    CHECK(villagesQml.labelsEnabled);
    CHECK(villagesQml.labelField == "ZLDWMC");
    CHECK(QString::fromStdString(villages->qml).contains("Noto Sans CJK SC"));
    const StyleRow* seats = find(rows, "seats", "tianmu seats");
    REQUIRE(seats);
    const ParsedQml seatsQml = parseQml(seats->qml);
    CHECK(seatsQml.rendererType == "singleSymbol");
    CHECK(seatsQml.labelsEnabled);
    CHECK(seatsQml.labelField == "XZMC");
    CHECK(QString::fromStdString(seats->qml).count("class=\"SimpleMarker\"") == 2);
    CHECK(QString::fromStdString(seats->qml)
              .contains("179,0,27,255")); // the ring and dot in the style's red
    // Main roads wider and in their own colours, by grade, as the map draws them.
    const StyleRow* roads = find(rows, "roads", "tianmu roads");
    REQUIRE(roads);
    CHECK(QString::fromStdString(roads->qml)
              .contains(QString::fromUtf8("&quot;DLDJ&quot; IN ('国道', '省道', '县道')")));
    CHECK(QString::fromStdString(roads->qml).contains("outlineColor"));
    for (const char* table : {"rivers", "river_surfaces", "roads", "townships", "seats"})
        CHECK(std::count_if(rows.begin(), rows.end(),
                            [&](const StyleRow& r) { return r.table == table; }) == 1);

    // The views join every parcel (and village) to its result row.
    CHECK(featureCount(project, "parcel_zones") == featureCount(project, "parcels"));
    CHECK(featureCount(project, "village_types") == featureCount(project, "villages"));
    GDALDatasetUniquePtr ds = geo::openVector(project);
    OGRLayer* view = ds->GetLayerByName("parcel_zones");
    REQUIRE(view);
    CHECK(view->GetGeomType() != wkbNone);
    CHECK(view->GetLayerDefn()->GetFieldIndex("ZONE") >= 0);
    CHECK(view->GetLayerDefn()->GetFieldIndex("DLBM") >= 0);
    // A parcel's class row is found through parcel_classes' primary key (each row has its
    // parcel's FID), so drawing the view is not a scan per parcel.
    std::string steps;
    for (const std::string& step : testing::sqlColumn(
             project, "EXPLAIN QUERY PLAN SELECT ZONE FROM parcel_zones WHERE OGC_FID = 7", 3))
        steps += step + "\n";
    INFO(steps);
    // (parcel_classes is itself a view over parcel_class_codes, folded into this one.)
    CHECK(steps.find("SEARCH c USING INTEGER PRIMARY KEY") != std::string::npos);
    CHECK(steps.find("SCAN") == std::string::npos);
    // And it is the parcel's own row, for every parcel.
    CHECK(testing::projectValue(project,
                                "SELECT COUNT(*) FROM parcel_zones v JOIN "
                                "parcel_classes c ON c.PARCEL_FID = v.OGC_FID WHERE "
                                "v.ZONE IS NOT c.ZONE OR v.ZONE_RULE IS NOT c.ZONE_RULE") == "0");
    OGRFeatureUniquePtr first(view->GetNextFeature());
    REQUIRE(first);
    CHECK(shipped().theme("zones")->indexFor(first->GetFieldAsString("ZONE")) >= 0);
}

TEST_CASE("writing styles again replaces tianmu's rows and keeps the user's", "[qgis]") {
    const std::string project = copyOfClassified();
    app::writeQgisStyles(project, shipped());
    const std::size_t ours = readStyles(project).size();
    {
        // A user saves their own default style for villages in QGIS.
        GDALDatasetUniquePtr ds(
            GDALDataset::Open(project.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        OGRLayer* styles = ds->GetLayerByName("layer_styles");
        OGRFeatureUniquePtr row(OGRFeature::CreateFeature(styles->GetLayerDefn()));
        row->SetField("f_table_catalog", "");
        row->SetField("f_table_schema", "");
        row->SetField("f_table_name", "villages");
        row->SetField("f_geometry_column", "geom");
        row->SetField("styleName", "my villages");
        row->SetField("styleQML", "<qgis/>");
        row->SetField("useAsDefault", 1);
        row->SetField("owner", "");
        REQUIRE(styles->CreateFeature(row.get()) == OGRERR_NONE);
    }
    app::writeQgisStyles(project, shipped());
    app::writeQgisStyles(project, shipped());
    const auto rows = readStyles(project);
    CHECK(rows.size() == ours + 1);
    const StyleRow* mine = find(rows, "villages", "my villages");
    REQUIRE(mine);
    CHECK(mine->isDefault);
    const StyleRow* tianmu = find(rows, "villages", "tianmu villages");
    REQUIRE(tianmu);
    CHECK_FALSE(tianmu->isDefault); // the user's choice of default stands
    CHECK(featureCount(project, "parcel_zones") == featureCount(project, "parcels"));
}

TEST_CASE("styles are written for the layers a project has", "[qgis]") {
    const std::string project = copyOfClassified();
    {
        GDALDatasetUniquePtr ds(
            GDALDataset::Open(project.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        for (const char* name : {"rivers", "river_surfaces", "townships"})
            for (int i = 0; i < ds->GetLayerCount(); ++i)
                if (std::string(ds->GetLayer(i)->GetName()) == name)
                    REQUIRE(ds->DeleteLayer(i) == OGRERR_NONE);
        // parcel_classes is a view, which GDAL cannot delete as a layer
        ds->ExecuteSQL("DROP VIEW parcel_classes", nullptr, nullptr);
        ds->ExecuteSQL("DELETE FROM gpkg_contents WHERE table_name = 'parcel_classes'", nullptr,
                       nullptr);
    }
    REQUIRE(testing::projectValue(project, "SELECT COUNT(*) FROM sqlite_master WHERE name = "
                                           "'parcel_classes'") == "0");
    const app::QgisStyleSummary summary = app::writeQgisStyles(project, shipped());
    CHECK(summary.views == std::vector<std::string>{"village_types"});
    const auto rows = readStyles(project);
    CHECK(find(rows, "parcels", "tianmu landuse"));
    CHECK(find(rows, "villages", "tianmu villages"));
    CHECK_FALSE(find(rows, "parcel_zones", "tianmu zones"));
    CHECK_FALSE(find(rows, "rivers", "tianmu rivers"));
    CHECK(featureCount(project, "parcel_zones") == -1); // no stale view left behind
    bool mentionsRivers = false;
    for (const std::string& s : summary.skipped)
        mentionsRivers = mentionsRivers || s.find("rivers") != std::string::npos;
    CHECK(mentionsRivers);
}

TEST_CASE("a project that cannot be opened for writing is refused with its path", "[qgis]") {
    CHECK_THROWS_WITH(app::writeQgisStyles("/nonexistent/p.gpkg", shipped()),
                      Catch::Contains("/nonexistent/p.gpkg"));
}

// QGIS itself, when installed: never a dependency, so the check is skipped without it.
TEST_CASE("QGIS opens the project with its default styles and draws the zones", "[qgis][pyqgis]") {
    const QString python =
        QFileInfo::exists("/usr/bin/python3") ? "/usr/bin/python3" : QString("python3");
    QProcess probe;
    probe.start(python, {"-c", "import qgis.core"});
    if (!probe.waitForFinished(60000) || probe.exitStatus() != QProcess::NormalExit ||
        probe.exitCode() != 0) {
        WARN("PyQGIS is not installed: QGIS check skipped");
        return;
    }
    const std::string project = copyOfClassified();
    app::writeQgisStyles(project, shipped());
    QProcess qgis;
    qgis.start(python,
               {QString::fromStdString(testing::sourcePath("tests/render/qgis_open_project.py")),
                QString::fromStdString(project),
                QString::fromStdString(testing::temporaryDirectory() + "/qgis.png")});
    REQUIRE(qgis.waitForFinished(180000));
    INFO(qgis.readAllStandardError().toStdString());
    REQUIRE(qgis.exitCode() == 0);
    const nlohmann::json report = nlohmann::json::parse(qgis.readAllStandardOutput().toStdString());

    const nlohmann::json& zones = report.at("layers").at("parcel_zones");
    CHECK(zones.at("renderer") == "categorizedSymbol"); // loaded from layer_styles
    CHECK(zones.at("attr") == "ZONE");
    CHECK(zones.at("categories").size() == shipped().theme("zones")->size() + 1);
    CHECK(zones.at("features") == featureCount(project, "parcels"));
    CHECK(report.at("layers").at("parcels").at("renderer") == "categorizedSymbol");
    CHECK(report.at("layers").at("villages").at("labels") == true);
    // The township seats: a ring and a dot, named.
    const nlohmann::json& seats = report.at("layers").at("seats");
    CHECK(seats.at("renderer") == "singleSymbol");
    CHECK(seats.at("symbol_layers") == 2);
    CHECK(seats.at("labels") == true);
    CHECK(seats.at("features") == featureCount(project, "seats"));

    // Each zone colour covers a visible part of QGIS's drawing.
    const double pixels = report.at("pixels").get<double>();
    int zonesSeen = 0;
    for (const auto& c : shipped().theme("zones")->categories()) {
        const auto it = report.at("colours").find(c.fill.name().toStdString());
        if (it != report.at("colours").end() && it->get<double>() / pixels > 0.005)
            ++zonesSeen;
    }
    CHECK(zonesSeen >= 6);
}

namespace {

// What GDAL (and so QGIS) says when asked to change the first feature of `layer` (the update
// must fail), and the layer's features afterwards, to check that nothing changed.
std::string refusedUpdate(const std::string& project, const std::string& layerName) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(project.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayerByName(layerName.c_str());
    REQUIRE(layer);
    const OGRFeatureUniquePtr first(layer->GetNextFeature());
    REQUIRE(first);
    for (int i = 0; i < first->GetFieldCount(); ++i)
        if (first->GetFieldDefnRef(i)->GetType() == OFTString)
            first->SetField(i, "changed in QGIS");
    const geo::GdalMessageCollector quiet;
    CPLErrorReset();
    CHECK(layer->SetFeature(first.get()) != OGRERR_NONE);
    return CPLGetLastErrorMsg();
}

std::string everyRow(const std::string& project, const std::string& view) {
    return testing::projectValue(project, "SELECT group_concat(r, '|') FROM (SELECT quote(" +
                                              std::string(view == "parcel_zones" ? "ZONE" : "fid") +
                                              ") || quote(geom) AS r FROM " + view + ")");
}

} // namespace

TEST_CASE("QGIS cannot change tianmu's views and is told which layer to edit instead", "[qgis]") {
    const std::string project = copyOfClassified();
    app::writeQgisStyles(project, shipped());
    for (const auto& [view, source] :
         {std::pair{"parcel_zones", "parcels"}, std::pair{"village_types", "villages"}}) {
        INFO(view);
        const std::string before = everyRow(project, view);
        const std::string message = refusedUpdate(project, view);
        CHECK_THAT(message, Catch::Contains(std::string(view) + " is a view tianmu made for QGIS "
                                                                "styles and cannot be edited") &&
                                Catch::Contains(std::string("edit the ") + source + " layer") &&
                                Catch::Contains(std::string("请修改 ") + source + " 图层"));
        CHECK(everyRow(project, view) == before);
    }
}

TEST_CASE("classifying again from the window keeps the QGIS views and their styles", "[qgis]") {
    // The window classifies without writing the styles: the views that read the results must
    // read the new ones, by name, and keep what QGIS stored for them.
    const std::string project = copyOfClassified();
    app::writeQgisStyles(project, shipped());
    const auto before = readStyles(project);
    REQUIRE(find(before, "parcel_zones", "tianmu zones"));
    const std::string zonesBefore = testing::projectValue(
        project, "SELECT group_concat(ZONE, ',') FROM (SELECT ZONE FROM parcel_zones ORDER BY "
                 "OGC_FID)");

    geo::ClassifyOptions options;
    options.project = project;
    options.rules = testing::sourcePath("data/rules/lingling-five-zones.json");
    options.landUseCodes = testing::sourcePath("data/landuse/gbt21010-2017.json");
    options.asOf = "2026-06-30";
    geo::classifyProject(options);

    CHECK(readStyles(project).size() == before.size());
    CHECK(find(readStyles(project), "parcel_zones", "tianmu zones"));
    CHECK(featureCount(project, "parcel_zones") == featureCount(project, "parcels"));
    CHECK(testing::projectValue(project, "SELECT group_concat(ZONE, ',') FROM (SELECT ZONE FROM "
                                         "parcel_zones ORDER BY OGC_FID)") == zonesBefore);
    CHECK(testing::projectValue(project, "SELECT COUNT(*) FROM gpkg_contents WHERE table_name IN "
                                         "('parcel_zones', 'parcel_classes')") == "2");
    // Both views still refuse edits, each with its own message.
    CHECK_THAT(refusedUpdate(project, "parcel_zones"), Catch::Contains("edit the parcels layer"));
    CHECK_THAT(refusedUpdate(project, "parcel_classes"),
               Catch::Contains("parcel_classes is tianmu's classification"));
}
