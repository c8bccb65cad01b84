// Setting the status of 三资 assets in an edit session: validation, the saved ZT and idle-since
// day with their audit rows, the idle-item ledger kept in step, a failed save changing nothing.
#include <catch2/catch.hpp>

#include <fstream>

#include <gdal_priv.h>
#include <nlohmann/json.hpp>

#include "geo/classifier.h"
#include "geo/error.h"
#include "geo/gdal_session.h"
#include "geo/project_edit_session.h"
#include "support/classified_project.h"
#include "support/dataset_digest.h"
#include "support/field_issues.h"
#include "support/project_value.h"
#include "support/sample_fixture.h"

namespace {

using testing::hasIssue;

using testing::projectValue;

geo::EditSessionOptions options() {
    geo::EditSessionOptions o;
    o.transferModes = geo::loadTransferModes(testing::sourcePath("data/profiles/transfers.json"));
    o.assetStatuses = geo::loadAssetStatuses(testing::sourcePath("data/profiles/assets.json"));
    o.user = "tester";
    o.today = "2026-06-30";
    return o;
}

long long count(const std::string& path, const std::string& table, const std::string& where) {
    return std::stoll(projectValue(path, "SELECT COUNT(*) FROM " + table + " WHERE " + where));
}

// The first asset (by FID) with status `status`.
long long assetWithStatus(const std::string& path, const std::string& status) {
    const std::string fid = projectValue(path, "SELECT fid FROM assets WHERE ZT = '" + status +
                                                   "' ORDER BY fid LIMIT 1");
    REQUIRE_FALSE(fid.empty());
    return std::stoll(fid);
}

std::string assetValue(const std::string& path, long long fid, const std::string& field) {
    return projectValue(path,
                        "SELECT " + field + " FROM assets WHERE fid = " + std::to_string(fid));
}

std::string idleItemValue(const std::string& path, const std::string& code,
                          const std::string& field) {
    return projectValue(path, "SELECT " + field +
                                  " FROM idle_items WHERE CATEGORY = 'asset' AND ITEM_ID = '" +
                                  code + "'");
}

} // namespace

TEST_CASE("asset statuses come from the ledger profile's list", "[edit][asset]") {
    // In the profile's order, which the identify panel's list follows.
    const std::vector<std::string> statuses =
        geo::loadAssetStatuses(testing::sourcePath("data/profiles/assets.json"));
    CHECK(statuses == std::vector<std::string>{"在用", "闲置", "出租", "流转"});
    // A profile without the list is refused, naming the field to give one.
    CHECK_THROWS_WITH(geo::loadAssetStatuses(testing::sourcePath("data/profiles/transfers.json")),
                      Catch::Contains("give the ZT field a \"values\" list"));
}

TEST_CASE("an asset status edit is validated and an invalid one queues nothing",
          "[edit][asset][validation]") {
    const std::string project = testing::copyOfClassifiedSampleCounty();
    auto session = geo::ProjectEditSession::open(project, options());
    const long long fid = assetWithStatus(project, "在用");
    const std::string code = assetValue(project, fid, "ZCBM");
    CHECK(session->check(geo::SetAssetStatus{{fid}, "闲置"}).empty());

    SECTION("a status outside the profile's list") {
        const auto issues = session->check(geo::SetAssetStatus{{fid}, "报废"});
        REQUIRE(issues.size() == 1);
        CHECK(issues[0].field == "ZT");
        CHECK(issues[0].code == "not_in_list");
        CHECK(issues[0].message.find(code) != std::string::npos); // names the asset by ZCBM
        CHECK(issues[0].message.find("报废") != std::string::npos);
        CHECK(issues[0].message.find("流转") != std::string::npos);
    }
    SECTION("no status") {
        const auto issues = session->check(geo::SetAssetStatus{{fid}, ""});
        CHECK(hasIssue(issues, "ZT", "required"));
        CHECK(issues.at(0).message.find(code) != std::string::npos);
    }
    SECTION("an asset the project does not have") {
        CHECK(hasIssue(session->check(geo::SetAssetStatus{{99999}, "闲置"}), "ASSET_FID",
                       "no_record"));
        CHECK(hasIssue(session->check(geo::SetAssetStatus{{}, "闲置"}), "ASSET_FID", "required"));
    }
    SECTION("apply refuses it with the message and queues nothing") {
        CHECK_THROWS_WITH(session->apply(geo::SetAssetStatus{{fid, 99999}, "报废"}),
                          Catch::Contains("ZT") && Catch::Contains("99999"));
        CHECK_FALSE(session->dirty());
        CHECK(session->pendingAssetStatus().empty());
        CHECK(*session->assetStatus(fid) == "在用");
    }
}

TEST_CASE("a status saved with its idle-since day, audit rows and idle-item row",
          "[edit][asset][save]") {
    const std::string project = testing::copyOfClassifiedSampleCounty();
    const long long inUse = assetWithStatus(project, "在用");
    const long long leased = assetWithStatus(project, "出租");
    REQUIRE(assetValue(project, inUse, "XZRQ").empty());
    const std::string code = assetValue(project, inUse, "ZCBM");
    const std::string leasedCode = assetValue(project, leased, "ZCBM");
    const std::uint64_t before = testing::datasetDigest(project);
    const long long idleRows = count(project, "idle_items", "CATEGORY = 'asset'");
    REQUIRE(idleRows == count(project, "assets", "ZT = '闲置'"));
    {
        auto session = geo::ProjectEditSession::open(project, options());
        // The statuses the classification counted idle, stored with its results.
        CHECK(projectValue(project, "SELECT value FROM tianmu_project WHERE key = "
                                    "'asset_idle_values'") == "[\"闲置\"]");
        CHECK(session->options().assetIdleValues == std::set<std::string>{"闲置"});

        session->apply(geo::SetAssetStatus{{inUse}, "闲置"});
        CHECK(*session->assetStatus(inUse) == "闲置");
        CHECK(session->asset(inUse)->status == "在用"); // saved, until save()
        CHECK(session->pendingAssetStatus().at(inUse) == "闲置");
        // Undone before a save: nothing is written.
        session->pop();
        CHECK(*session->assetStatus(inUse) == "在用");
        CHECK_FALSE(session->dirty());
        CHECK(session->save().edits == 0);
        CHECK(testing::datasetDigest(project) == before);

        session->apply(geo::SetAssetStatus{{inUse}, "闲置"});
        session->apply(geo::SetAssetStatus{{leased}, "流转"});
        CHECK(testing::datasetDigest(project) == before); // nothing before save()
        const geo::SaveResult saved = session->save();
        CHECK(saved.edits == 2);
        CHECK(saved.auditRows == 3); // ZT and XZRQ of the one, ZT of the other
        CHECK_FALSE(session->dirty());
        CHECK(session->asset(inUse)->status == "闲置"); // read again from the saved project
    }
    // The ledger, read back through GDAL.
    CHECK(assetValue(project, inUse, "ZT") == "闲置");
    CHECK(assetValue(project, inUse, "XZRQ") == "2026-06-30"); // the session's day
    CHECK(assetValue(project, leased, "ZT") == "流转");
    CHECK(assetValue(project, leased, "XZRQ").empty()); // not idle: no idle-since day

    const std::string ofInUse =
        "layer = 'assets' AND feature_id = '" + std::to_string(inUse) +
        "' AND user = 'tester' AND action = 'set_asset_status' AND time LIKE '20%Z'";
    CHECK(count(project, "audit_log",
                ofInUse + " AND field = 'ZT' AND old_value = '在用' AND new_value = '闲置'") == 1);
    CHECK(count(project, "audit_log",
                ofInUse + " AND field = 'XZRQ' AND old_value = '' AND new_value = '2026-06-30'") ==
          1);
    CHECK(count(project, "audit_log",
                "layer = 'assets' AND feature_id = '" + std::to_string(leased) +
                    "' AND field = 'ZT' AND old_value = '出租' AND new_value = '流转'") == 1);
    CHECK(count(project, "audit_log", "layer = 'assets'") == 3);

    // The idle-item ledger gained the asset now idle, as classification would list it.
    CHECK(count(project, "idle_items", "CATEGORY = 'asset'") == idleRows + 1);
    CHECK(idleItemValue(project, code, "ITEM_NAME") ==
          assetValue(project, inUse, "ZCMC") + " (" + assetValue(project, inUse, "ZCLX") + ")");
    CHECK(idleItemValue(project, code, "VILLAGE_CODE") == assetValue(project, inUse, "ZLDWDM"));
    CHECK(idleItemValue(project, code, "VILLAGE_NAME") == assetValue(project, inUse, "ZLDWMC"));
    CHECK(idleItemValue(project, code, "STATUS") == "闲置");
    CHECK(idleItemValue(project, code, "SINCE") == "2026-06-30");
    CHECK(idleItemValue(project, code, "RULE") == "manual");
    CHECK(count(project, "idle_items", "ITEM_ID = '" + leasedCode + "'") == 0);
}

TEST_CASE("an asset made idle is in the idle ledger at once with the zone and village the next "
          "classification gives it",
          "[edit][asset][save]") {
    const std::string project = testing::copyOfClassifiedSampleCounty();
    // Every asset not idle yet: in use, leased or transferred.
    std::vector<long long> assets;
    std::vector<std::string> codes;
    for (const std::string status : {"在用", "出租"})
        while (count(project, "assets", "ZT = '" + status + "'") > 0) {
            const long long fid = assetWithStatus(project, status);
            assets.push_back(fid);
            codes.push_back(assetValue(project, fid, "ZCBM"));
            auto session = geo::ProjectEditSession::open(project, options());
            session->apply(geo::SetAssetStatus{{fid}, "闲置"});
            REQUIRE(session->save().edits == 1);
        }
    REQUIRE(assets.size() >= 10);

    const std::vector<std::string> fields = {"ITEM_NAME", "VILLAGE_CODE",  "VILLAGE_NAME",
                                             "ZONE",      "SUGGESTED_USE", "STATUS",
                                             "SINCE",     "AREA_MU"};
    auto rowsOf = [&] {
        std::vector<std::vector<std::string>> rows;
        for (const std::string& code : codes) {
            REQUIRE(count(project, "idle_items",
                          "CATEGORY = 'asset' AND ITEM_ID = '" + code + "'") == 1);
            std::vector<std::string>& row = rows.emplace_back();
            for (const std::string& field : fields)
                row.push_back(idleItemValue(project, code, field));
        }
        return rows;
    };
    const auto edited = rowsOf();
    int zoned = 0;
    for (std::size_t k = 0; k < edited.size(); ++k) {
        INFO("asset " << codes[k]);
        CHECK(idleItemValue(project, codes[k], "RULE") == "manual");
        zoned += !edited[k][3].empty();
    }
    CHECK(zoned >= 5); // most assets stand on a parcel

    testing::classifyAsOfSampleDay(project);
    const auto classified = rowsOf();
    for (std::size_t k = 0; k < edited.size(); ++k) {
        INFO("asset " << codes[k]);
        CHECK(idleItemValue(project, codes[k], "RULE").rfind("ZT = 闲置", 0) == 0);
        for (std::size_t f = 0; f < fields.size(); ++f) {
            INFO(fields[f]);
            CHECK(edited[k][f] == classified[k][f]);
        }
    }
}

TEST_CASE("an asset leaving idle leaves the idle-item ledger and keeps its idle-since day",
          "[edit][asset][save]") {
    const std::string project = testing::copyOfClassifiedSampleCounty();
    const long long idle = assetWithStatus(project, "闲置");
    const std::string code = assetValue(project, idle, "ZCBM");
    const std::string since = assetValue(project, idle, "XZRQ");
    REQUIRE_FALSE(since.empty());
    REQUIRE(count(project, "idle_items", "CATEGORY = 'asset' AND ITEM_ID = '" + code + "'") == 1);
    const long long idleRows = count(project, "idle_items", "CATEGORY = 'asset'");

    auto session = geo::ProjectEditSession::open(project, options());
    session->apply(geo::SetAssetStatus{{idle}, "出租"});
    CHECK(session->save().auditRows == 1); // ZT only: the idle-since day stays
    CHECK(assetValue(project, idle, "ZT") == "出租");
    CHECK(assetValue(project, idle, "XZRQ") == since);
    CHECK(count(project, "idle_items", "CATEGORY = 'asset'") == idleRows - 1);
    CHECK(count(project, "idle_items", "ITEM_ID = '" + code + "'") == 0);

    SECTION("idle again: a row comes back, with the day the ledger already had") {
        session->apply(geo::SetAssetStatus{{idle}, "闲置"});
        CHECK(session->save().auditRows == 1);
        CHECK(count(project, "idle_items", "CATEGORY = 'asset'") == idleRows);
        CHECK(idleItemValue(project, code, "SINCE") == since);
        CHECK(idleItemValue(project, code, "RULE") == "manual");
    }
}

TEST_CASE("an asset moving between two idle statuses keeps its idle-item row, with the new "
          "status",
          "[edit][asset][save]") {
    const std::string project = testing::copyOfClassifiedSampleCounty();
    const long long idle = assetWithStatus(project, "闲置");
    const std::string code = assetValue(project, idle, "ZCBM");
    const std::string rule = idleItemValue(project, code, "RULE");
    const long long idleRows = count(project, "idle_items", "CATEGORY = 'asset'");
    geo::EditSessionOptions o = options();
    o.assetIdleValues = {"闲置", "流转"}; // a county that counts transferred assets idle too
    auto session = geo::ProjectEditSession::open(project, o);
    session->apply(geo::SetAssetStatus{{idle}, "流转"});
    session->save();
    CHECK(count(project, "idle_items", "CATEGORY = 'asset'") == idleRows);
    CHECK(idleItemValue(project, code, "STATUS") == "流转");
    CHECK(idleItemValue(project, code, "RULE") == rule); // the row classification wrote
}

TEST_CASE("a failed save of asset statuses leaves the project unchanged and the edits pending",
          "[edit][asset][save]") {
    const std::string project = testing::copyOfClassifiedSampleCounty();
    {
        // A trigger refuses the asset's idle-item row: the parcels (with their own idle-item
        // rows) and the asset are already written inside the transaction when the save fails.
        GDALDatasetUniquePtr ds(
            GDALDataset::Open(project.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        ds->ExecuteSQL("CREATE TRIGGER refuse BEFORE INSERT ON idle_items WHEN NEW.CATEGORY = "
                       "'asset' AND NEW.RULE = 'manual' BEGIN SELECT RAISE(ABORT, 'refused by "
                       "test'); END",
                       nullptr, nullptr);
    }
    const long long inUse = assetWithStatus(project, "在用");
    const std::uint64_t before = testing::datasetDigest(project);
    auto session = geo::ProjectEditSession::open(project, options());
    session->apply(geo::MarkIdle{{1, 2}, true});
    session->apply(geo::SetAssetStatus{{inUse}, "闲置"});
    CHECK_THROWS_AS(session->save(), geo::Error);
    CHECK(session->pending().size() == 2); // kept, to retry or discard
    CHECK(*session->assetStatus(inUse) == "闲置");
    CHECK(session->asset(inUse)->status == "在用"); // not the rolled-back write
    CHECK(testing::datasetDigest(project) == before);

    // A status that needs no idle-item row goes through.
    session->pop();
    session->apply(geo::SetAssetStatus{{inUse}, "出租"});
    CHECK(session->save().edits == 2);
    CHECK(assetValue(project, inUse, "ZT") == "出租");
}

TEST_CASE("a project classified from another status field than ZT refuses status edits",
          "[edit][asset][validation]") {
    const std::string project = testing::copyOfClassifiedSampleCounty();
    CHECK(projectValue(project, "SELECT value FROM tianmu_project WHERE key = "
                                "'asset_status_field'") == "ZT");
    // Reclassified with a rule file reading the statuses from another field of the ledger.
    std::ifstream in(testing::sourcePath("data/rules/lingling-five-zones.json"));
    nlohmann::json rules = nlohmann::json::parse(in);
    rules["idle"]["asset_status_field"] = "ZCLX";
    geo::ClassifyOptions c;
    c.project = project;
    c.rules = testing::temporaryDirectory() + "/status-from-zclx.json";
    std::ofstream(c.rules) << rules.dump(2);
    c.landUseCodes = testing::sourcePath("data/landuse/gbt21010-2017.json");
    c.asOf = "2026-06-30";
    geo::classifyProject(c);
    CHECK(projectValue(project, "SELECT value FROM tianmu_project WHERE key = "
                                "'asset_status_field'") == "ZCLX");

    const long long fid = assetWithStatus(project, "在用");
    const std::uint64_t before = testing::datasetDigest(project);
    auto session = geo::ProjectEditSession::open(project, options());
    const auto issues = session->check(geo::SetAssetStatus{{fid}, "闲置"});
    REQUIRE(hasIssue(issues, "ZT", "other_status_field"));
    CHECK(issues.at(0).message.find("ZCLX") != std::string::npos);
    CHECK_THROWS_WITH(session->apply(geo::SetAssetStatus{{fid}, "闲置"}),
                      Catch::Contains("classify with a rule file that reads ZT"));
    CHECK_FALSE(session->dirty());
    CHECK(session->save().edits == 0);
    CHECK(testing::datasetDigest(project) == before);
}
