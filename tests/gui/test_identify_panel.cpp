// The identify panel shows a parcel's zone, rule and areas as the project stores them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include <QApplication>
#include <QClipboard>
#include <QTableWidget>
#include <QTest>

#include "app/gui/identify_panel.h"
#include "app/i18n/language_manager.h"
#include "geo/classifier.h"
#include "gui/gui_test_support.h"
#include "support/classified_project.h"
#include "support/project_value.h"
#include "support/result_rows.h"
#include "support/sample_fixture.h"

namespace {

// Opens `project` in `panel` with the field aliases of `language` ("zh" or "en").
bool openWithAliases(app::IdentifyPanel& panel, const std::string& project, const char* language) {
    panel.setAliases(geo::FieldAliases::load(testing::sourcePath("data/fields/field_aliases.json")),
                     language);
    return panel.setProject(QString::fromStdString(project));
}

} // namespace

TEST_CASE("the identify panel shows a parcel's zone, rule, areas and transfers",
          "[identify_panel]") {
    const std::string project = testing::classifiedSampleProject();
    // A transferred parcel, so that the ledger section has a record.
    const long long fid = std::stoll(testing::projectValue(
        project, "SELECT PARCEL_FID FROM parcel_classes WHERE TRANSFERRED = 1 ORDER BY "
                 "PARCEL_FID LIMIT 1"));
    const std::string where = " WHERE PARCEL_FID = " + std::to_string(fid);
    const QString zoneName = QString::fromStdString(
        testing::projectValue(project, "SELECT ZONE_NAME FROM parcel_classes" + where));
    const QString zoneRule = QString::fromStdString(
        testing::projectValue(project, "SELECT ZONE_RULE FROM parcel_classes" + where));
    const double areaMu =
        std::stod(testing::projectValue(project, "SELECT AREA_ELL FROM parcels WHERE fid = " +
                                                     std::to_string(fid))) /
        (10000.0 / 15.0);
    const QString contract = QString::fromStdString(
        testing::projectValue(project, "SELECT LZHTBM FROM parcel_classes" + where));

    app::IdentifyPanel panel;
    REQUIRE(openWithAliases(panel, project, "zh"));
    REQUIRE(panel.showParcel(fid));
    REQUIRE(panel.details());
    CHECK(QString::fromStdString(panel.details()->zoneName) == zoneName);
    CHECK(panel.details()->ellipsoidal->inMu() == Approx(areaMu).margin(1e-9));

    const QString text = panel.text();
    CHECK(text.contains(QString::fromUtf8("发展分区\t") + zoneName));
    // The rule's title from the rule file, read here as plain JSON, then its id.
    QString title;
    {
        std::ifstream in(testing::sourcePath("data/rules/lingling-five-zones.json"));
        const nlohmann::json doc = nlohmann::json::parse(in); // must outlive the loop
        for (const auto& rule : doc.at("rules"))
            if (QString::fromStdString(rule.at("id").get<std::string>()) == zoneRule)
                title = QString::fromStdString(rule.at("title").at("zh").get<std::string>());
    }
    INFO(zoneRule.toStdString());
    REQUIRE_FALSE(title.isEmpty());
    CHECK(text.contains(QString::fromUtf8("分区规则\t") + title + " (" + zoneRule + ")"));
    CHECK(text.contains(QString::number(areaMu, 'f', 2) + QString::fromUtf8(" 亩")));
    CHECK(text.contains(QString::fromUtf8("公顷")));
    CHECK(text.contains(contract));
    CHECK(text.contains(QString::fromUtf8("标识码\t")));

    panel.copyToClipboard();
    CHECK(QApplication::clipboard()->text() == text);

    panel.resize(560, 760);
    panel.show();
    REQUIRE(QTest::qWaitForWindowExposed(&panel));
    testing::saveScreenshot(panel, "identify_panel");

    CHECK_FALSE(panel.showParcel(99999999));
    CHECK_FALSE(panel.details());
}

TEST_CASE("the identify panel gives the classification's reasons in Chinese",
          "[identify_panel][language]") {
    const std::string project = testing::classifiedSampleProject();
    const std::string fid = testing::projectValue(
        project, "SELECT PARCEL_FID FROM parcel_classes WHERE TRANSFERRED = 1 ORDER BY "
                 "PARCEL_FID LIMIT 1");
    const std::string where = " WHERE PARCEL_FID = " + fid;
    const std::string contract =
        testing::projectValue(project, "SELECT LZHTBM FROM parcel_classes" + where);
    // The contract's own dates, read from the ledger rather than from the stored reason.
    const std::string start = testing::projectValue(
        project, "SELECT LZQXKSRQ FROM transfers WHERE LZHTBM = '" + contract + "' LIMIT 1");
    const std::string end = testing::projectValue(
        project, "SELECT LZQXJSRQ FROM transfers WHERE LZHTBM = '" + contract + "' LIMIT 1");

    app::LanguageManager languages;
    REQUIRE(languages.setLanguage("zh_CN", false));
    app::IdentifyPanel panel;
    REQUIRE(panel.setProject(QString::fromStdString(project)));
    REQUIRE(panel.showParcel(std::stoll(fid)));
    const QString text = panel.text();
    CHECK(text.contains(QString::fromStdString("合同 " + contract + " 有效期 " +
                                               start.substr(0, 10) + " 至 " + end.substr(0, 10))));
    CHECK(text.contains(QString::fromUtf8("按位置")));
    CHECK_FALSE(text.contains("covers"));
    CHECK_FALSE(text.contains("agrees with"));
    REQUIRE(languages.setLanguage("en", false));
}

namespace {

// The panel's rows under the chain's heading, up to the next section, as "name\tvalue".
QStringList chainRows(const app::IdentifyPanel& panel, const QString& heading) {
    const QStringList lines = panel.text().split('\n');
    QStringList rows;
    const auto start = lines.indexOf(heading);
    if (start < 0)
        return rows;
    for (auto i = start + 1; i < lines.size() && lines[i].contains('\t'); ++i)
        rows << lines[i];
    return rows;
}

// The rule ids of a rule file, in order.
std::vector<std::string> ruleIds(const std::string& file) {
    std::ifstream in(file);
    const nlohmann::json doc = nlohmann::json::parse(in);
    std::vector<std::string> ids;
    for (const auto& rule : doc.at("rules"))
        ids.push_back(rule.at("id").get<std::string>());
    return ids;
}

// A number as the rules print it (an ostream's default: six significant digits).
QString printed(const std::string& stored) {
    return QString::number(std::stod(stored), 'g', 6);
}

} // namespace

TEST_CASE("the identify panel shows every rule tried on a parcel and why, in Chinese",
          "[identify_panel][language]") {
    const std::string project = testing::classifiedSampleProject();
    // Cropland on the flat, far from a river: every rule before the one that decided it fails,
    // among them one with alternatives.
    const std::string fid = testing::projectValue(
        project, "SELECT PARCEL_FID FROM parcel_classes WHERE ZONE_RULE = 'lowland-cropland' "
                 "AND RIVER_DIST IS NOT NULL AND RIVER_HEIGHT IS NOT NULL ORDER BY PARCEL_FID "
                 "LIMIT 1");
    const std::string where = " FROM parcel_classes WHERE PARCEL_FID = " + fid;
    const std::string landUse = testing::projectValue(project, "SELECT DLBM" + where);
    const std::string distance = testing::projectValue(project, "SELECT RIVER_DIST" + where);
    const std::string slope = testing::projectValue(project, "SELECT MEAN_SLOPE" + where);
    const std::string height = testing::projectValue(project, "SELECT RIVER_HEIGHT" + where);
    // What makes each earlier rule fail, checked on the stored facts themselves.
    REQUIRE(landUse.rfind("01", 0) == 0);
    REQUIRE(std::stod(distance) > 120);
    REQUIRE(std::stod(slope) < 10);
    REQUIRE(std::stod(height) < 25);
    const std::vector<std::string> ids =
        ruleIds(testing::sourcePath("data/rules/lingling-five-zones.json"));
    const auto decided = std::find(ids.begin(), ids.end(), "lowland-cropland");
    REQUIRE(decided != ids.end());

    app::LanguageManager languages;
    REQUIRE(languages.setLanguage("zh_CN", false));
    app::IdentifyPanel panel;
    REQUIRE(openWithAliases(panel, project, "zh"));
    REQUIRE(panel.showParcel(std::stoll(fid)));
    const QStringList rows =
        chainRows(panel, QString::fromUtf8("逐条试用的规则（按顺序，第一条符合的规则决定）"));
    INFO(panel.text().toStdString());
    // One row per rule up to the deciding one, numbered, each naming its rule.
    REQUIRE(rows.size() == decided - ids.begin() + 1);
    for (int i = 0; i < rows.size(); ++i) {
        CHECK(rows[i].startsWith(QString::number(i + 1) + ". "));
        CHECK(rows[i]
                  .section('\t', 0, 0)
                  .contains(QString::fromStdString("(" + ids[std::size_t(i)] + ")")));
    }
    const QString notListed = QString::fromStdString("不符合：地类 " + landUse) +
                              QString::fromUtf8(" 不在本规则所列地类中");
    CHECK(rows[0].endsWith(notListed)); // water
    CHECK(rows[1].endsWith(QString::fromUtf8("不符合：距最近河流的距离为 ") + printed(distance) +
                           QString::fromUtf8(" m，要求不超过 120"))); // riverbank
    CHECK(rows[2].endsWith(notListed));                               // forest
    CHECK(rows[3].endsWith(notListed));                               // gardens
    CHECK(rows[4].endsWith(QString::fromUtf8("不符合：各备选条件均不满足：平均坡度为 ") +
                           printed(slope) +
                           QString::fromUtf8(" °，要求不低于 10；且高于最近河流的高度为 ") +
                           printed(height) + QString::fromUtf8(" m，要求不低于 25")));
    CHECK(rows.last().endsWith(QString::fromUtf8("\t符合：由它决定分区")));
    CHECK_FALSE(panel.text().contains(QString::fromUtf8("注意\t")));
    CHECK_FALSE(panel.text().contains("is not"));
    panel.resize(620, 760);
    panel.show();
    REQUIRE(QTest::qWaitForWindowExposed(&panel));
    testing::saveScreenshot(panel, "identify_rules_zh_CN");
    REQUIRE(languages.setLanguage("en", false));
}

TEST_CASE("the identify panel says when the rule file changed after the classification",
          "[identify_panel]") {
    // Classified with a copy of the default rules, which is then widened: the riverbank reaches
    // 400 m instead of 120 m.
    const std::string folder = testing::temporaryDirectory();
    const std::string project = folder + "/changed-rules.gpkg";
    std::filesystem::copy_file(testing::classifiedSampleProject(), project,
                               std::filesystem::copy_options::overwrite_existing);
    const std::string rules = folder + "/my-rules.json";
    std::filesystem::copy_file(testing::sourcePath("data/rules/lingling-five-zones.json"), rules,
                               std::filesystem::copy_options::overwrite_existing);
    geo::ClassifyOptions c;
    c.project = project;
    c.rules = rules;
    c.landUseCodes = testing::sourcePath("data/landuse/gbt21010-2017.json");
    c.asOf = "2026-06-30";
    geo::classifyProject(c);
    const std::string fid = testing::projectValue(
        project, "SELECT PARCEL_FID FROM parcel_classes WHERE ZONE_RULE = 'lowland-cropland' "
                 "AND RIVER_DIST > 120 AND RIVER_DIST <= 400 ORDER BY PARCEL_FID LIMIT 1");
    REQUIRE_FALSE(fid.empty());
    app::LanguageManager languages;
    REQUIRE(languages.setLanguage("en", false));
    app::IdentifyPanel panel;
    REQUIRE(openWithAliases(panel, project, "en"));
    const QString heading = "Rules tried, in order (the first that holds decides)";
    SECTION("unchanged: the chain ends at the stored rule, with no note") {
        REQUIRE(panel.showParcel(std::stoll(fid)));
        const QStringList rows = chainRows(panel, heading);
        REQUIRE_FALSE(rows.isEmpty());
        CHECK(rows.last().contains("(lowland-cropland)\tholds: it decides the zone"));
        CHECK_FALSE(panel.text().contains("Note\t"));
    }
    SECTION("widened: the chain follows the file and a note says the stored zone differs") {
        {
            std::ifstream in(rules);
            nlohmann::json doc = nlohmann::json::parse(in);
            for (auto& rule : doc.at("rules"))
                if (rule.at("id") == "riverbank-near-river")
                    rule["when"]["river_distance_m"]["max"] = 400;
            in.close();
            std::ofstream(rules) << doc.dump(2);
        }
        REQUIRE(panel.setProject(QString::fromStdString(project))); // reads the rules again
        REQUIRE(panel.showParcel(std::stoll(fid)));
        const QStringList rows = chainRows(panel, heading);
        INFO(panel.text().toStdString());
        REQUIRE(rows.size() == 3); // water, riverbank (holds), then the note
        CHECK(rows[1].contains("(riverbank-near-river)\tholds: it decides the zone"));
        CHECK(rows[2].startsWith("Note\tThe rule file changed after the classification"));
        CHECK(rows[2].contains("(riverbank-near-river) decides"));
        CHECK(
            rows[2].contains("stored zone came from Other cropland (class 01) (lowland-cropland)"));
    }
}

TEST_CASE("without the classification's rule file the identify panel says so instead of a chain",
          "[identify_panel]") {
    // Classified with a rule set of a name tianmu does not ship, whose file is then gone (the
    // project was brought from another computer).
    const std::string folder = testing::temporaryDirectory();
    const std::string project = folder + "/moved.gpkg";
    std::filesystem::copy_file(testing::classifiedSampleProject(), project,
                               std::filesystem::copy_options::overwrite_existing);
    const std::string rules = folder + "/office-rules.json";
    {
        std::ifstream in(testing::sourcePath("data/rules/lingling-five-zones.json"));
        nlohmann::json doc = nlohmann::json::parse(in);
        doc["name"] = "office-rules";
        std::ofstream(rules) << doc.dump(2);
    }
    geo::ClassifyOptions c;
    c.project = project;
    c.rules = rules;
    c.landUseCodes = testing::sourcePath("data/landuse/gbt21010-2017.json");
    c.asOf = "2026-06-30";
    geo::classifyProject(c);
    std::filesystem::remove(rules);

    app::LanguageManager languages;
    REQUIRE(languages.setLanguage("en", false));
    app::IdentifyPanel panel;
    REQUIRE(panel.setProject(QString::fromStdString(project)));
    REQUIRE(panel.showParcel(1));
    const QStringList rows =
        chainRows(panel, "Rules tried, in order (the first that holds decides)");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].startsWith("Rules\tThe rule file of the classification is not on this computer"));
    // The zone and its rule id are still shown, as stored.
    CHECK(panel.text().contains(QString::fromStdString(testing::projectValue(
        project, "SELECT ZONE_RULE FROM parcel_classes WHERE PARCEL_FID = 1"))));
}

TEST_CASE("the identify panel shows the parcel's village type, every type tried and why, in "
          "Chinese",
          "[identify_panel][language][village_types]") {
    const std::string project = testing::classifiedSampleProject();
    app::LanguageManager languages;
    REQUIRE(languages.setLanguage("zh_CN", false));
    app::IdentifyPanel panel;
    REQUIRE(openWithAliases(panel, project, "zh"));
    int villagesSeen = 0, typesHeld = 0;
    for (const std::string& code :
         testing::sqlColumn(project, "SELECT VILLAGE_CODE FROM village_stats ORDER BY fid", 0)) {
        const std::string where = " FROM village_stats WHERE VILLAGE_CODE = '" + code + "'";
        const std::string name = testing::projectValue(project, "SELECT VILLAGE_NAME" + where);
        const QStringList stored =
            QString::fromStdString(testing::projectValue(project, "SELECT TYPES" + where))
                .split(',', Qt::SkipEmptyParts);
        const std::string primary = testing::projectValue(project, "SELECT PRIMARY_TYPE" + where);
        // A parcel of the village.
        const std::string fid = testing::projectValue(
            project, "SELECT PARCEL_FID FROM parcel_classes WHERE VILLAGE_CODE = '" + code +
                         "' ORDER BY PARCEL_FID LIMIT 1");
        REQUIRE(panel.showParcel(std::stoll(fid)));
        INFO(panel.text().toStdString());
        const QStringList rows = chainRows(
            panel, QString::fromStdString(name) +
                       QString::fromUtf8("的村庄类型（逐类判定，第一个符合的为主要类型）"));
        // The primary type, then one row per type of the rule file, in order.
        REQUIRE(rows.size() == 4);
        CHECK(rows[0] == QString::fromUtf8("主要村庄类型\t") +
                             (primary.empty() ? QString::fromUtf8("无：没有符合的类型")
                                              : QString::fromStdString(primary)));
        const char* names[] = {"资源优势型", "区位优势型", "传统优势型"};
        const char* ids[] = {"resource", "location", "traditional"};
        for (int t = 0; t < 3; ++t) {
            const QString row = rows[t + 1];
            CHECK(row.startsWith(QString("%1. ").arg(t + 1) + QString::fromUtf8(names[t]) + "\t"));
            const bool held = stored.contains(ids[t]);
            CHECK(row.section('\t', 1).startsWith(QString::fromUtf8(held ? "符合：" : "不符合：")));
            typesHeld += held;
        }
        // The reasons in Chinese: the measures' names, metres as 米, no English left.
        CHECK(rows[2].contains(QString::fromUtf8("村中心到")));
        CHECK(rows[2].contains(QString::fromUtf8(" 米")));
        CHECK_FALSE(rows.join('\n').contains("is not"));
        CHECK_FALSE(rows.join('\n').contains("distance"));
        ++villagesSeen;
    }
    CHECK(villagesSeen == 4);
    CHECK(typesHeld > 0);
    panel.resize(620, 900);
    panel.show();
    REQUIRE(QTest::qWaitForWindowExposed(&panel));
    testing::saveScreenshot(panel, "identify_village_types_zh_CN");
    REQUIRE(languages.setLanguage("en", false));
}

TEST_CASE("a village of a project not yet classified shows its name and says to classify",
          "[identify_panel][village]") {
    const std::string project = testing::smallCounty().directory + "/county.gpkg";
    const std::string code =
        testing::projectValue(project, "SELECT ZLDWDM FROM villages ORDER BY fid LIMIT 1");
    const std::string name =
        testing::projectValue(project, "SELECT ZLDWMC FROM villages ORDER BY fid LIMIT 1");
    REQUIRE_FALSE(code.empty());
    app::IdentifyPanel panel;
    REQUIRE(openWithAliases(panel, project, "en"));
    panel.showVillage(QString::fromStdString(code), QString::fromStdString(name));
    REQUIRE(panel.village().has_value());
    CHECK(*panel.village() == QString::fromStdString(code));
    const QString text = panel.text();
    CHECK(text.contains(QString::fromStdString(name)));
    CHECK(text.contains("not classified yet: run Classify"));
    CHECK_FALSE(text.contains("Village figures"));
    // Clearing forgets the village: a refresh shows nothing again.
    panel.clear();
    CHECK_FALSE(panel.village().has_value());
    panel.refresh();
    CHECK(panel.table()->rowCount() == 0);
}
