// The edit session: validation, one-transaction saves with audit rows, failure leaves the
// project unchanged, the editing lock.
#include <catch2/catch.hpp>

#include <cerrno>
#include <csignal>
#include <filesystem>
#include <fstream>

#include <sys/wait.h>
#include <unistd.h>

#include <ogrsf_frmts.h>

#include "geo/error.h"
#include "geo/gdal_session.h"
#include "geo/parcel_details.h"
#include "geo/project_edit_session.h"
#include "support/classified_project.h"
#include "support/dataset_digest.h"
#include "support/edit_options.h"
#include "support/field_issues.h"
#include "support/sample_fixture.h"

namespace {

using testing::hasIssue;

geo::EditSessionOptions options() {
    return testing::sampleEditOptions("tester");
}

// The first value of an SQL query on the project, read through GDAL on its own connection.
std::string queryValue(const std::string& path, const std::string& sql) {
    GDALDatasetUniquePtr ds = geo::openVector(path);
    OGRLayer* result = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    REQUIRE(result);
    OGRFeatureUniquePtr row(result->GetNextFeature());
    std::string value = row && row->IsFieldSetAndNotNull(0) ? row->GetFieldAsString(0) : "";
    row.reset();
    ds->ReleaseResultSet(result);
    return value;
}

long long count(const std::string& path, const std::string& table, const std::string& where) {
    return std::stoll(queryValue(path, "SELECT COUNT(*) FROM " + table +
                                           (where.empty() ? "" : " WHERE " + where)));
}

geo::TransferRecord validRecord(const geo::ProjectEditSession& session, long long parcelFid) {
    geo::TransferRecord r;
    r.contract = "LZTEST0001";
    r.parcel = session.parcelBsm(parcelFid);
    r.mode = "出租";
    r.start = "2025-01-01";
    r.end = "2035-12-31";
    r.areaMu = 0.5;
    r.transferee = "测试合作社";
    return r;
}

} // namespace

TEST_CASE("transfer records are validated field by field", "[edit][validation]") {
    const std::string project = testing::copyOfClassifiedProject();
    auto session = geo::ProjectEditSession::open(project, options());
    const geo::TransferRecord good = validRecord(*session, 1);
    CHECK(session->check(geo::AddTransfer{good}).empty());

    SECTION("mode from the allowed list") {
        geo::TransferRecord r = good;
        r.mode = "出借";
        const auto issues = session->check(geo::AddTransfer{r});
        REQUIRE(issues.size() == 1);
        CHECK(issues[0].field == "LZFS");
        CHECK(issues[0].message.find("出租") != std::string::npos);
        CHECK(issues[0].message.find("出借") != std::string::npos);
    }
    SECTION("start on or before end") {
        geo::TransferRecord r = good;
        r.end = "2024-12-31";
        CHECK(hasIssue(session->check(geo::AddTransfer{r}), "LZQXJSRQ", "dates_order"));
        r.end = "not a date";
        CHECK(hasIssue(session->check(geo::AddTransfer{r}), "LZQXJSRQ", "bad_date"));
    }
    SECTION("area not larger than the parcel") {
        geo::TransferRecord r = good;
        const double parcelMu = *session->parcelAreaMu(r.parcel);
        r.areaMu = parcelMu + 1.0;
        const auto issues = session->check(geo::AddTransfer{r});
        REQUIRE(hasIssue(issues, "LZMJM", "area_too_large"));
        CHECK(issues[0].message.find("亩") != std::string::npos);
        r.areaMu = parcelMu; // the whole parcel is fine
        CHECK(session->check(geo::AddTransfer{r}).empty());
        r.areaMu = 0;
        CHECK(hasIssue(session->check(geo::AddTransfer{r}), "LZMJM", "area_not_positive"));
    }
    SECTION("the parcel exists") {
        geo::TransferRecord r = good;
        r.parcel = "999999999999999999";
        CHECK(hasIssue(session->check(geo::AddTransfer{r}), "DKBM", "no_parcel"));
    }
    SECTION("contract and parcel are unique, pending edits included") {
        session->apply(geo::AddTransfer{good});
        CHECK(hasIssue(session->check(geo::AddTransfer{good}), "LZHTBM", "duplicate"));
        const std::string existing =
            queryValue(project, "SELECT LZHTBM FROM transfers WHERE DKBM IN (SELECT BSM FROM "
                                "parcels) LIMIT 1");
        const std::string existingParcel = queryValue(
            project, "SELECT DKBM FROM transfers WHERE LZHTBM = '" + existing + "' LIMIT 1");
        geo::TransferRecord r = good;
        r.contract = existing;
        r.parcel = existingParcel;
        r.areaMu = 0.01;
        CHECK(hasIssue(session->check(geo::AddTransfer{r}), "LZHTBM", "duplicate"));
        // Editing a record may keep its own key.
        CHECK(session->check(geo::EditTransfer{{existing, existingParcel}, r}).empty());
    }
    SECTION("an invalid edit is refused with every message and queues nothing") {
        geo::TransferRecord r = good;
        r.mode = "";
        r.areaMu = -1;
        try {
            session->apply(geo::AddTransfer{r});
            FAIL("apply accepted an invalid record");
        } catch (const geo::InputError& e) {
            CHECK(std::string(e.what()).find("LZFS") != std::string::npos);
            CHECK(std::string(e.what()).find("LZMJM") != std::string::npos);
        }
        CHECK_FALSE(session->dirty());
    }
}

TEST_CASE("save writes every edit in one transaction with one audit row per field",
          "[edit][save]") {
    const std::string project = testing::copyOfClassifiedProject();
    const long long idleBefore = count(project, "parcel_classes", "IDLE = 1");
    const long long auditBefore = count(project, "audit_log", "");
    const std::string inUse =
        queryValue(project, "SELECT PARCEL_FID FROM parcel_classes WHERE IDLE = 0 AND "
                            "TRANSFERRED = 0 ORDER BY PARCEL_FID LIMIT 3");
    const long long a = std::stoll(inUse);
    const long long b = std::stoll(queryValue(
        project, "SELECT PARCEL_FID FROM parcel_classes WHERE IDLE = 0 AND PARCEL_FID > " + inUse +
                     " ORDER BY PARCEL_FID LIMIT 1"));
    {
        auto session = geo::ProjectEditSession::open(project, options());
        session->apply(geo::MarkIdle{{a, b}, true});
        const geo::TransferRecord record = validRecord(*session, a);
        session->apply(geo::AddTransfer{record});
        CHECK(session->pending().size() == 2);
        CHECK(*session->idle(a));
        session->pop();
        CHECK(session->pending().size() == 1);
        session->apply(geo::AddTransfer{record});
        // Nothing is written before save().
        CHECK(count(project, "parcel_classes", "IDLE = 1") == idleBefore);

        const geo::SaveResult saved = session->save();
        CHECK(saved.edits == 2);
        CHECK_FALSE(session->dirty());
        // IDLE, IDLE_RULE and the survey's flag SFXZ of 2 parcels; the 7 ledger fields given
        // (no CBFMC, LZHTDYT); TRANSFERRED, LZFS, LZHTBM, TRANSFER_RULE of the parcel.
        CHECK(saved.auditRows == 6 + 7 + 4);
    }
    CHECK(count(project, "parcel_classes", "IDLE = 1") == idleBefore + 2);
    CHECK(queryValue(project, "SELECT IDLE_RULE FROM parcel_classes WHERE PARCEL_FID = " +
                                  std::to_string(a)) == "manual");
    CHECK(count(project, "transfers", "LZHTBM = 'LZTEST0001'") == 1);
    CHECK(queryValue(project, "SELECT LZFS FROM parcel_classes WHERE PARCEL_FID = " +
                                  std::to_string(a)) == "出租");
    CHECK(queryValue(project, "SELECT TRANSFERRED FROM parcel_classes WHERE PARCEL_FID = " +
                                  std::to_string(a)) == "1");
    CHECK(count(project, "audit_log", "") == auditBefore + 17);
    CHECK(count(project, "audit_log",
                "layer = 'parcel_classes' AND field = 'IDLE' AND old_value = '0' AND "
                "new_value = '1' AND action = 'mark_idle' AND user = 'tester' AND feature_id = '" +
                    std::to_string(a) + "'") == 1);
    CHECK(count(project, "audit_log",
                "layer = 'transfers' AND field = 'LZFS' AND new_value = '出租' AND action = "
                "'add_transfer'") == 1);
    CHECK(queryValue(project, "SELECT time FROM audit_log ORDER BY fid DESC LIMIT 1").size() == 20);

    SECTION("reopened, the edits are there and can be changed and ended") {
        auto session = geo::ProjectEditSession::open(project, options());
        const std::string bsm = session->parcelBsm(a);
        REQUIRE(session->transfer({"LZTEST0001", bsm}));
        CHECK(*session->idle(a));
        session->apply(geo::EndTransfer{{"LZTEST0001", bsm}, "2026-01-31"});
        session->save();
        CHECK(queryValue(project, "SELECT LZQXJSRQ FROM transfers WHERE LZHTBM = 'LZTEST0001'") ==
              "2026-01-31");
        CHECK(queryValue(project, "SELECT TRANSFERRED FROM parcel_classes WHERE PARCEL_FID = " +
                                      std::to_string(a)) == "0");
        CHECK(count(project, "audit_log",
                    "action = 'end_transfer' AND field = 'LZQXJSRQ' AND old_value = "
                    "'2035-12-31'") == 1);
    }
}

TEST_CASE("a save that fails midway leaves the project unchanged", "[edit][save]") {
    const std::string project = testing::copyOfClassifiedProject();
    {
        // A trigger refuses one ledger row: the idle edit before it is already written
        // inside the transaction when the save fails.
        GDALDatasetUniquePtr ds(
            GDALDataset::Open(project.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        ds->ExecuteSQL("CREATE TRIGGER refuse BEFORE INSERT ON transfers WHEN NEW.LZHTBM = "
                       "'REFUSED' BEGIN SELECT RAISE(ABORT, 'refused by test'); END",
                       nullptr, nullptr);
    }
    const std::uint64_t before = testing::datasetDigest(project);
    auto session = geo::ProjectEditSession::open(project, options());
    session->apply(geo::MarkIdle{{1, 2, 3}, true});
    geo::TransferRecord refused = validRecord(*session, 4);
    refused.contract = "REFUSED";
    session->apply(geo::AddTransfer{refused});
    CHECK_THROWS_AS(session->save(), geo::Error);
    CHECK(session->pending().size() == 2); // kept, to retry or discard
    CHECK(testing::datasetDigest(project) == before);

    // The same session can still save once the cause is gone.
    session->pop();
    CHECK(session->save().edits == 1);
    CHECK(testing::datasetDigest(project) != before);
}

TEST_CASE("a project being edited is locked for other editors, not for readers", "[edit][lock]") {
    const std::string project = testing::copyOfClassifiedProject();
    {
        auto first = geo::ProjectEditSession::open(project, options());
        try {
            geo::ProjectEditSession::open(project, options());
            FAIL("a second editing session was opened");
        } catch (const geo::InputError& e) {
            const std::string message = e.what();
            CHECK(message.find("is being edited by user " + geo::currentUserName()) !=
                  std::string::npos);
            CHECK(message.find("process " + std::to_string(getpid())) != std::string::npos);
            CHECK(message.find("read-only") != std::string::npos);
        }
        // Reading still works while it is locked.
        GDALDatasetUniquePtr reader = geo::openVector(project);
        CHECK(geo::readParcelDetails(*reader, 1).fid == 1);
        REQUIRE(geo::ProjectLock::holder(project));
        CHECK(geo::ProjectLock::holder(project)->pid == getpid());
    }
    CHECK_FALSE(geo::ProjectLock::holder(project)); // released with the session

    SECTION("a lock left by a process that is gone is taken over") {
        long long deadPid = 4000000;
        while (kill(static_cast<pid_t>(deadPid), 0) == 0 || errno != ESRCH)
            ++deadPid;
        char host[256] = {};
        gethostname(host, sizeof host - 1);
        std::ofstream(geo::ProjectLock::lockPathOf(project))
            << "pid=" << deadPid << "\nhost=" << host << "\nuser=ghost\nsince=x\n";
        CHECK_NOTHROW(geo::ProjectEditSession::open(project, options()));
    }
    SECTION("a lock held on another computer names it and the file to delete") {
        std::ofstream(geo::ProjectLock::lockPathOf(project))
            << "pid=123\nhost=village-office-pc\nuser=wang\nsince=2026-11-29T08:00:00Z\n";
        try {
            geo::ProjectEditSession::open(project, options());
            FAIL("opened a project locked on another computer");
        } catch (const geo::InputError& e) {
            const std::string message = e.what();
            CHECK(message.find("user wang on village-office-pc") != std::string::npos);
            CHECK(message.find(geo::ProjectLock::lockPathOf(project)) != std::string::npos);
        }
    }
}

TEST_CASE("a missing or unclassified project cannot be edited", "[edit]") {
    CHECK_THROWS_AS(geo::ProjectEditSession::open("/nonexistent/p.gpkg", options()),
                    geo::InputError);
    const std::string unclassified = testing::temporaryDirectory() + "/county.gpkg";
    std::filesystem::copy_file(testing::sourcePath("data/sample/county.gpkg"), unclassified);
    CHECK_THROWS_WITH(geo::ProjectEditSession::open(unclassified, options()),
                      Catch::Contains("classify"));
    CHECK_FALSE(geo::ProjectLock::holder(unclassified)); // a failed open leaves no lock
}

TEST_CASE("editing a transfer record moves the parcels' transfer status with it", "[edit][save]") {
    const std::string project = testing::copyOfClassifiedProject();
    const std::string where = "TRANSFERRED = 1 ORDER BY PARCEL_FID LIMIT 1";
    const long long from =
        std::stoll(queryValue(project, "SELECT PARCEL_FID FROM parcel_classes WHERE " + where));
    const std::string contract =
        queryValue(project, "SELECT LZHTBM FROM parcel_classes WHERE " + where);
    auto session = geo::ProjectEditSession::open(project, options());
    const geo::TransferKey key{contract, session->parcelBsm(from)};
    REQUIRE(session->transfer(key));
    // The record moves to an untransferred parcel, with another mode.
    const long long to = std::stoll(queryValue(
        project, "SELECT PARCEL_FID FROM parcel_classes WHERE TRANSFERRED = 0 AND AREA_MU > "
                 "20 ORDER BY PARCEL_FID LIMIT 1"));
    geo::TransferRecord moved = *session->transfer(key);
    moved.parcel = session->parcelBsm(to);
    moved.mode = "转包";
    moved.start = "2026/1/1"; // stored as YYYY-MM-DD
    moved.end = "2031-12-31";
    REQUIRE(session->check(geo::EditTransfer{key, moved}).empty());
    session->apply(geo::EditTransfer{key, moved});
    CHECK_FALSE(session->transfer(key));
    CHECK(session->transfer(geo::keyOf(moved))->start == "2026-01-01");
    session->save();

    auto classValue = [&](const char* field, long long fid) {
        return queryValue(project,
                          std::string("SELECT ") + field +
                              " FROM parcel_classes WHERE PARCEL_FID = " + std::to_string(fid));
    };
    CHECK(classValue("TRANSFERRED", to) == "1");
    CHECK(classValue("LZFS", to) == "转包");
    CHECK(classValue("LZHTBM", to) == contract);
    CHECK(classValue("TRANSFER_RULE", to).find("manual edit") != std::string::npos);
    // The old parcel keeps a transfer only if another record of the ledger covers it.
    const long long others = count(
        project, "transfers",
        "DKBM = '" + key.parcel + "' AND LZQXKSRQ <= '2026-06-30' AND LZQXJSRQ >= '2026-06-30'");
    CHECK(classValue("TRANSFERRED", from) == (others > 0 ? "1" : "0"));
    CHECK(count(project, "audit_log",
                "action = 'edit_transfer' AND layer = 'transfers' AND field = 'LZFS' AND "
                "new_value = '转包'") == 1);
    CHECK(count(project, "audit_log",
                "action = 'edit_transfer' AND layer = 'parcel_classes' AND feature_id = '" +
                    std::to_string(to) + "' AND field = 'TRANSFERRED'") == 1);
}

TEST_CASE("a lock held by another process is refused, and taken over once that process is gone",
          "[edit][lock]") {
    const std::string project = testing::copyOfClassifiedProject();
    int ready[2], release[2];
    REQUIRE(pipe(ready) == 0);
    REQUIRE(pipe(release) == 0);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The other tianmu: takes the lock, says so, and holds it until told to die.
        {
            geo::ProjectLock lock(project);
            char c = 1;
            (void)!write(ready[1], &c, 1);
            (void)!read(release[0], &c, 1);
        }
        _exit(0);
    }
    char c = 0;
    REQUIRE(read(ready[0], &c, 1) == 1);
    try {
        geo::ProjectEditSession::open(project, options());
        FAIL("opened a project another process is editing");
    } catch (const geo::InputError& e) {
        CHECK(std::string(e.what()).find("process " + std::to_string(child)) != std::string::npos);
    }
    // The other tianmu crashes: its lock file stays behind, stale.
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    REQUIRE(geo::ProjectLock::holder(project));
    CHECK(geo::ProjectLock::holder(project)->pid == child);
    CHECK_NOTHROW(geo::ProjectEditSession::open(project, options()));
    for (int fd : {ready[0], ready[1], release[0], release[1]})
        close(fd);
}

TEST_CASE("without a day given, edits judge the ledger on the classification's as-of day",
          "[edit_session]") {
    const std::string path = testing::copyOfClassifiedProject();
    geo::EditSessionOptions o = options();
    o.today.clear();
    const auto session = geo::ProjectEditSession::open(path, o);
    // The day classify stored, read independently through GDAL.
    CHECK(session->options().today ==
          queryValue(path, "SELECT value FROM tianmu_project WHERE key = 'classified_as_of'"));
    CHECK(session->options().today == "2026-06-30");
}

TEST_CASE("a parcel marked idle by hand is in the idle ledger at once and stays idle when the "
          "project is classified again",
          "[edit][save]") {
    const std::string project = testing::copyOfClassifiedProject();
    // Cropland: not idle by its land use, so only the flag can make it idle.
    const long long fid = std::stoll(
        queryValue(project, "SELECT PARCEL_FID FROM parcel_classes WHERE IDLE = 0 AND DLBM "
                            "LIKE '01%' ORDER BY PARCEL_FID LIMIT 1"));
    const std::string where = "PARCEL_FID = " + std::to_string(fid);
    const std::string bsm = queryValue(project, "SELECT BSM FROM parcel_classes WHERE " + where);
    const std::string item = "CATEGORY = 'resource' AND ITEM_ID = '" + bsm + "'";
    REQUIRE(count(project, "idle_items", item) == 0);
    auto mark = [&](bool idle) {
        auto session = geo::ProjectEditSession::open(project, options());
        session->apply(geo::MarkIdle{{fid}, idle});
        session->save();
    };

    mark(true);
    CHECK(queryValue(project, "SELECT SFXZ FROM parcels WHERE fid = " + std::to_string(fid)) ==
          "1");
    CHECK(count(project, "audit_log",
                "layer = 'parcels' AND field = 'SFXZ' AND new_value = '1' AND feature_id = '" +
                    std::to_string(fid) + "'") == 1);
    // In the ledger at once, as classification would list it.
    REQUIRE(count(project, "idle_items", item) == 1);
    CHECK(queryValue(project, "SELECT RULE FROM idle_items WHERE " + item) == "manual");
    CHECK(queryValue(project, "SELECT ZONE FROM idle_items WHERE " + item) ==
          queryValue(project, "SELECT ZONE_NAME FROM parcel_classes WHERE " + where));
    CHECK(queryValue(project, "SELECT AREA_MU FROM idle_items WHERE " + item) ==
          queryValue(project, "SELECT AREA_MU FROM parcel_classes WHERE " + where));

    testing::classifyAsOfSampleDay(project);
    CHECK(queryValue(project, "SELECT IDLE FROM parcel_classes WHERE " + where) == "1");
    CHECK(queryValue(project, "SELECT IDLE_RULE FROM parcel_classes WHERE " + where) ==
          "flag SFXZ=1");
    CHECK(count(project, "idle_items", item) == 1);

    mark(false);
    CHECK(count(project, "idle_items", item) == 0);
    testing::classifyAsOfSampleDay(project);
    CHECK(queryValue(project, "SELECT IDLE FROM parcel_classes WHERE " + where) == "0");
    CHECK(count(project, "idle_items", item) == 0);
}
