// The interface language: switching at run time, the menu, the saved choice, and translations
// that leave nothing in English on a Chinese screen.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <set>

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QXmlStreamReader>
#include <nlohmann/json.hpp>

#include "app/gui/classify_dialog.h"
#include "app/i18n/geo_text.h"
#include "app/i18n/language_manager.h"
#include "app/resource_paths.h"
#include "geo/classifier.h"
#include "geo/importer.h"
#include "geo/project_edit.h"
#include "geo/source_inspection.h"
#include "support/classified_project.h"
#include "support/sample_fixture.h"

namespace {

// A CJK unified ideograph (the common block and its extension A).
bool isHan(QChar c) {
    return c.unicode() >= 0x3400 && c.unicode() < 0xA000;
}

// Some Chinese in it: what a translated sentence has and an English one has not.
bool hasChinese(const QString& text) {
    return std::any_of(text.begin(), text.end(), isHan);
}

// The tests' settings, never the user's.
void useTestSettings() {
    QCoreApplication::setOrganizationName("tianmu-tests");
    QCoreApplication::setApplicationName("tianmu-gui-tests");
}

} // namespace

TEST_CASE("switching the language retranslates open widgets and back", "[language]") {
    useTestSettings();
    app::LanguageManager languages;
    REQUIRE(languages.setLanguage("en", false));
    // English plurals come from the English translation: never "2 edit(s) saved".
    CHECK(QCoreApplication::translate("app::MainWindow", "%n edit(s) saved", "", 2) ==
          "2 edits saved");
    CHECK(QCoreApplication::translate("app::MainWindow", "%n edit(s) saved", "", 1) ==
          "1 edit saved");
    app::ClassifyDialog dialog{QString()};
    CHECK(dialog.runButton()->text() == "Classify");
    CHECK(dialog.windowTitle() == "Classify parcels");

    REQUIRE(languages.setLanguage("zh_CN", false));
    QCoreApplication::processEvents(); // LanguageChange is posted to top-level widgets
    CHECK(languages.language() == "zh_CN");
    CHECK(dialog.runButton()->text() == QString::fromUtf8("开始分类"));
    CHECK(dialog.windowTitle() == QString::fromUtf8("地块分类"));

    REQUIRE(languages.setLanguage("en", false));
    QCoreApplication::processEvents();
    CHECK(dialog.runButton()->text() == "Classify");
    CHECK_FALSE(languages.setLanguage("fr", false));
}

TEST_CASE("the language menu switches and the choice is remembered", "[language]") {
    useTestSettings();
    QSettings().remove("ui/language");
    app::LanguageManager languages;
    CHECK(app::LanguageManager::languageForLocale("zh_TW") == "zh_CN");
    CHECK(app::LanguageManager::languageForLocale("de_DE") == "en");
    languages.setLanguage("en", false);
    QMenu* menu = languages.createMenu(nullptr);
    std::unique_ptr<QMenu> owner(menu);
    CHECK(menu->title() == QString::fromUtf8("Language / 语言"));
    REQUIRE(menu->actions().size() == 2);
    QAction* chinese = menu->actions().at(1);
    CHECK(chinese->text() == QString::fromUtf8("简体中文"));
    CHECK(menu->actions().at(0)->isChecked());
    chinese->trigger();
    CHECK(languages.language() == "zh_CN");
    CHECK(chinese->isChecked());
    CHECK_FALSE(menu->actions().at(0)->isChecked());
    CHECK(app::LanguageManager().preferredLanguage() == "zh_CN");
    languages.setLanguage("en");
    CHECK(app::LanguageManager().preferredLanguage() == "en");
    QSettings().remove("ui/language");
}

TEST_CASE("every string of every translation is translated", "[language]") {
    // An unfinished entry shows English on a Chinese screen: lupdate marks new strings so.
    const QDir dir(QString::fromStdString(testing::sourcePath("app/i18n/translations")));
    const QStringList files = dir.entryList({"*.ts"});
    REQUIRE(files.contains("tianmu_zh_CN.ts"));
    REQUIRE(files.contains("tianmu_en.ts"));
    for (const QString& name : files) {
        QFile file(dir.filePath(name));
        REQUIRE(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        int messages = 0;
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                const QString type = xml.attributes().value("type").toString();
                // Plural (%n) translations hold <numerusform> elements: their text counts.
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                INFO(name.toStdString() << ": " << source.toStdString());
                CHECK(type != "unfinished");
                if (type != "vanished" && type != "obsolete")
                    CHECK_FALSE(text.trimmed().isEmpty());
                ++messages;
            }
        }
        CHECK_FALSE(xml.hasError());
        CHECK(messages > 100);
    }
    // The compiled translations are embedded, so installs and tests find them.
    CHECK(QFile::exists(":/i18n/tianmu_zh_CN.qm"));
}

TEST_CASE("geo's explanations of a survey delivery are shown in Chinese", "[language]") {
    // When geo's wording changes, this fails instead of a Chinese screen quietly showing English.
    app::LanguageManager languages;
    REQUIRE(languages.setLanguage("zh_CN", false));
    for (const char* file : {"cgcs2000/DLTB.shp", "noprj/DLTB.shp", "xian80/DLTB.shp",
                             "cgcs2000/HL.shp", "transfers.csv", "assets.xlsx"}) {
        INFO(file);
        const geo::SourceInfo info =
            geo::inspectSource(testing::sourcePath("data/sample/surveyor/") + file);
        std::vector<std::string> sentences = info.encoding.evidence;
        for (const geo::LayerInfo& layer : info.layers) {
            if (!layer.crs.reason.empty())
                sentences.push_back(layer.crs.reason);
            sentences.insert(sentences.end(), layer.crs.warnings.begin(), layer.crs.warnings.end());
        }
        REQUIRE_FALSE(sentences.empty());
        for (const std::string& sentence : sentences) {
            INFO(sentence);
            const QString shown = app::geoText(sentence);
            CHECK(shown != QString::fromStdString(sentence));
            CHECK(hasChinese(shown));
        }
    }
    CHECK(app::geoText("something geo never said") == "something geo never said");
    languages.setLanguage("en", false);
    CHECK(app::geoText("no .cpg file") == "no .cpg file");
}

TEST_CASE("geo's warnings and classify steps on a half-imported project are shown in Chinese",
          "[language]") {
    const std::string project = testing::temporaryDirectory() + "/half.gpkg";
    const std::string surveyor = testing::sourcePath("data/sample/surveyor/");
    std::vector<std::string> warnings;
    for (const auto& [layer, file] :
         {std::pair{"parcels", "cgcs2000/DLTB.shp"}, std::pair{"transfers", "transfers.csv"}}) {
        geo::ImportOptions o;
        o.project = project;
        o.layer = layer;
        o.source = surveyor + file;
        o.profilesDirectory = app::profilesDirectory();
        const auto s = geo::importIntoProject(o);
        warnings.insert(warnings.end(), s.warnings.begin(), s.warnings.end());
    }
    geo::ClassifyOptions c;
    c.project = project;
    c.rules = app::dataDirectory() + "/rules/lingling-five-zones.json";
    c.landUseCodes = app::dataDirectory() + "/landuse/gbt21010-2017.json";
    c.asOf = "2026-06-30";
    std::vector<std::string> steps; // the classify dialog shows them as they come
    c.progress = [&](const std::string& step, double) {
        if (steps.empty() || steps.back() != step)
            steps.push_back(step);
    };
    const auto summary = geo::classifyProject(c);
    warnings.insert(warnings.end(), summary.warnings.begin(), summary.warnings.end());
    REQUIRE(warnings.size() >= 3); // no villages; no DEM; no rivers
    REQUIRE(steps.size() >= 5);

    app::LanguageManager languages;
    REQUIRE(languages.setLanguage("zh_CN", false));
    for (const std::string& w : warnings) {
        INFO(w);
        const QString shown = app::geoText(w);
        CHECK(hasChinese(shown));
    }
    for (const std::string& step : steps) {
        INFO(step);
        const QString shown = app::geoText(step);
        CHECK(std::all_of(shown.begin(), shown.end(), isHan));
    }
    languages.setLanguage("en", false);
}

TEST_CASE("classify's warning about a ledger field the rules name is shown in Chinese",
          "[language]") {
    geo::ClassifyOptions c;
    c.project = testing::copyOfClassifiedSampleCounty();
    c.landUseCodes = app::dataDirectory() + "/landuse/gbt21010-2017.json";
    c.asOf = "2026-06-30";
    std::ifstream in(app::dataDirectory() + "/rules/lingling-five-zones.json");
    nlohmann::json rules = nlohmann::json::parse(in);
    rules["idle"]["asset_status_field"] = "STATUS";
    rules["idle"]["fund_idle_field"] = "IDLE_FUNDS";
    c.rules = testing::temporaryDirectory() + "/other-fields.json";
    std::ofstream(c.rules) << rules.dump();
    const auto summary = geo::classifyProject(c);
    REQUIRE(summary.warnings.size() == 2);

    app::LanguageManager languages;
    REQUIRE(languages.setLanguage("zh_CN", false));
    CHECK(app::geoText(summary.warnings[0]).startsWith("资产台账没有字段 STATUS"));
    CHECK(app::geoText(summary.warnings[0]).contains("ZT"));
    CHECK(app::geoText(summary.warnings[1]).startsWith("资金表没有字段 IDLE_FUNDS"));
    CHECK(app::geoText(summary.warnings[1]).contains("XZZJ"));
    languages.setLanguage("en", false);
    CHECK(app::geoText(summary.warnings[0]).startsWith("The asset ledger has no field STATUS"));
}

TEST_CASE("what the import found wrong with each feature is shown in Chinese", "[language]") {
    const std::string project = testing::temporaryDirectory() + "/issues.gpkg";
    const std::string surveyor = testing::sourcePath("data/sample/surveyor/");
    struct Found {
        std::string kind, action, detail;
    };
    std::vector<Found> issues;
    for (const auto& [layer, file] :
         {std::pair{"villages", "cgcs2000/CJDCQ.shp"}, std::pair{"parcels", "cgcs2000/DLTB.shp"}}) {
        geo::ImportOptions o;
        o.project = project;
        o.layer = layer;
        o.source = surveyor + file;
        o.profilesDirectory = app::profilesDirectory();
        for (const geo::ImportIssue& i : geo::importIntoProject(o).issues)
            issues.push_back({i.kind, i.action, i.detail});
    }
    // The sample's planted problems: a duplicate, an empty geometry, a self-intersection, a
    // parcel outside every village, a sliver.
    std::set<std::string> kinds;
    for (const Found& i : issues)
        kinds.insert(i.kind);
    CHECK(kinds.size() >= 5);

    app::LanguageManager languages;
    REQUIRE(languages.setLanguage("zh_CN", false));
    bool repairedSeen = false;
    for (const Found& i : issues) {
        INFO(i.kind << ": " << i.detail);
        const QString shown = app::geoText(i.detail);
        CHECK(shown != QString::fromStdString(i.detail));
        CHECK(hasChinese(shown));
        if (i.action == "repaired" && i.kind == "invalid_geometry") {
            repairedSeen = true;
            // GEOS's reason and the repair, both translated; the point's coordinates kept.
            CHECK(shown.startsWith("在点 "));
            CHECK(shown.endsWith("；已用 MakeValid 修复"));
        }
    }
    CHECK(repairedSeen);
    languages.setLanguage("en", false);
}

TEST_CASE("why an asset status edit is refused is shown in Chinese", "[language]") {
    geo::AssetContext context;
    context.statuses = {"在用", "闲置", "出租", "流转"};
    context.assetCode = [](long long fid) -> std::optional<std::string> {
        if (fid == 7)
            return "ZC0007";
        return std::nullopt;
    };
    std::vector<geo::FieldIssue> issues = geo::validateAssetStatus({{7}, "报废"}, context);
    for (const geo::FieldIssue& i : geo::validateAssetStatus({{7, 99}, ""}, context))
        issues.push_back(i);
    for (const geo::FieldIssue& i : geo::validateAssetStatus({{}, "闲置"}, context))
        issues.push_back(i);
    context.classifiedStatusField = "ZCLX";
    for (const geo::FieldIssue& i : geo::validateAssetStatus({{7}, "闲置"}, context))
        issues.push_back(i);
    REQUIRE(issues.size() == 5); // not in the list; no such asset, required; none; other field

    app::LanguageManager languages;
    REQUIRE(languages.setLanguage("zh_CN", false));
    for (const geo::FieldIssue& i : issues) {
        INFO(i.code << ": " << i.message);
        const QString shown = app::geoText(i.message);
        CHECK(hasChinese(shown));
        CHECK(shown != QString::fromStdString(i.message));
        CHECK_FALSE(shown.contains("asset ZC"));
    }
    const QString notInList = app::geoText(issues[0].message);
    INFO(notInList.toStdString());
    CHECK(notInList.startsWith("资产 ZC0007 的状态必须是 "));
    CHECK(notInList.endsWith(" 之一（不能是“报废”）。"));
    languages.setLanguage("en", false);
}

TEST_CASE("a part of geo's sentences is translated inside them only", "[language]") {
    app::LanguageManager languages;
    REQUIRE(languages.setLanguage("zh_CN", false));
    // "asset …" names the assets inside a sentence; a whole sentence beginning so is not one.
    CHECK(app::geoText("asset 5 has gone; nothing was saved") ==
          "asset 5 has gone; nothing was saved");
    CHECK(app::geoText("no asset of the project has FID 5") == "项目中没有 FID 为 5 的资产。");
    languages.setLanguage("en", false);
}
