// The VFS that gathers a database's page writes: what is written reads back, from the same
// file handle before the gathered bytes reach the file, from another connection, and through
// SQLite's own VFS; a write that fails when flushed fails the transaction and loses nothing
// that was committed; GDAL's GeoPackage connections go through it.
#include <catch2/catch.hpp>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <sys/resource.h>

#include <ogrsf_frmts.h>
#include <sqlite3.h>

#include "geo/gdal_session.h"
#include "geo/sqlite_write_combining.h"
#include "support/sample_fixture.h"

namespace {

struct Connection {
    sqlite3* db = nullptr;
    explicit Connection(const std::string& path, const char* vfs = nullptr,
                        int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) {
        REQUIRE(sqlite3_open_v2(path.c_str(), &db, flags, vfs) == SQLITE_OK);
    }
    ~Connection() { sqlite3_close(db); }
    int exec(const std::string& sql) const {
        return sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    }
    std::string text(const std::string& sql) const {
        sqlite3_stmt* statement = nullptr;
        REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK);
        std::string out;
        if (sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0))
            out = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
        sqlite3_finalize(statement);
        return out;
    }
};

// Rows i = first..last of about 200 bytes, with values that can be checked independently:
// row i holds i, its square and (i % 150) + 50 zeros.
std::string insertRows(int first, int last) {
    return "WITH RECURSIVE n(i) AS (SELECT " + std::to_string(first) +
           " UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(last) +
           ") INSERT INTO t SELECT i, i * i, substr(hex(zeroblob(100)), 1, (i % 150) + 50) FROM n";
}

std::string expectedLengthSum(int first, int last) {
    long long sum = 0;
    for (int i = first; i <= last; ++i)
        sum += (i % 150) + 50;
    return std::to_string(sum);
}

std::vector<char> pattern(char c) {
    return std::vector<char>(4096, c);
}

} // namespace

TEST_CASE("pages written through the gathering VFS read back, in fewer writes", "[sqlite-vfs]") {
    geo::installSqliteWriteCombining();
    REQUIRE(std::string(sqlite3_vfs_find(nullptr)->zName) == "tianmu-gathering");
    const std::string path = testing::temporaryDirectory() + "/gathered.sqlite";
    const geo::SqliteWriteCounts before = geo::sqliteWriteCounts();
    constexpr int rows = 40000; // about 5.7 MB: 1,400 pages
    {
        const Connection writer(path);
        REQUIRE(writer.exec("CREATE TABLE t (i INTEGER PRIMARY KEY, square INTEGER, word TEXT)") ==
                SQLITE_OK);
        REQUIRE(writer.exec("BEGIN") == SQLITE_OK);
        REQUIRE(writer.exec(insertRows(1, rows)) == SQLITE_OK);
        REQUIRE(writer.exec("COMMIT") == SQLITE_OK);

        // Another connection, open meanwhile, sees the commit.
        const Connection reader(path);
        CHECK(reader.text("SELECT COUNT(*) FROM t") == std::to_string(rows));
        CHECK(reader.text("SELECT square FROM t WHERE i = 31337") ==
              std::to_string(31337LL * 31337LL));
    }
    const geo::SqliteWriteCounts after = geo::sqliteWriteCounts();
    const auto pages = after.pagesGathered - before.pagesGathered;
    const auto writes = after.writesIssued - before.writesIssued;
    CHECK(pages > 1000);
    CHECK(writes * 10 < pages); // 64 KiB is 16 pages; a few writes are of single pages

    // SQLite's own VFS, which gathers nothing, reads the same file whole.
    const Connection plain(path, "unix");
    CHECK(plain.text("PRAGMA integrity_check") == "ok");
    CHECK(plain.text("SELECT COUNT(*) FROM t") == std::to_string(rows));
    CHECK(plain.text("SELECT SUM(length(word)) FROM t") == expectedLengthSum(1, rows));
}

TEST_CASE("a gathered page reads back before it reaches the file, and reaches it in order",
          "[sqlite-vfs]") {
    geo::installSqliteWriteCombining();
    sqlite3_vfs* vfs = sqlite3_vfs_find(nullptr);
    const std::string path = testing::temporaryDirectory() + "/pages.bin";
    std::vector<char> space(static_cast<std::size_t>(vfs->szOsFile));
    auto* file = reinterpret_cast<sqlite3_file*>(space.data());
    int flags = 0;
    REQUIRE(vfs->xOpen(vfs, path.c_str(), file,
                       SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                       &flags) == SQLITE_OK);
    const sqlite3_io_methods* io = file->pMethods;
    const geo::SqliteWriteCounts before = geo::sqliteWriteCounts();
    // Three consecutive pages, then one further on, then the second page again.
    REQUIRE(io->xWrite(file, pattern('a').data(), 4096, 0) == SQLITE_OK);
    REQUIRE(io->xWrite(file, pattern('b').data(), 4096, 4096) == SQLITE_OK);
    REQUIRE(io->xWrite(file, pattern('c').data(), 4096, 8192) == SQLITE_OK);
    CHECK(std::filesystem::file_size(path) == 0); // all three still gathered
    std::vector<char> page(4096);
    REQUIRE(io->xRead(file, page.data(), 4096, 4096) == SQLITE_OK);
    CHECK(page == pattern('b'));
    REQUIRE(io->xWrite(file, pattern('d').data(), 4096, 5 * 4096) == SQLITE_OK);
    REQUIRE(io->xWrite(file, pattern('e').data(), 4096, 4096) == SQLITE_OK);
    sqlite3_int64 size = 0;
    REQUIRE(io->xFileSize(file, &size) == SQLITE_OK);
    CHECK(size == 6 * 4096);
    REQUIRE(io->xSync(file, SQLITE_SYNC_NORMAL) == SQLITE_OK);
    const geo::SqliteWriteCounts after = geo::sqliteWriteCounts();
    CHECK(after.pagesGathered - before.pagesGathered == 5);
    // The three pages in one write; the page further on and the rewrite each in their own.
    CHECK(after.writesIssued - before.writesIssued == 3);
    REQUIRE(io->xClose(file) == SQLITE_OK);

    std::ifstream in(path, std::ios::binary);
    const std::vector<char> bytes{std::istreambuf_iterator<char>(in), {}};
    REQUIRE(bytes.size() == 6 * 4096);
    auto pageOf = [&](int n) {
        return std::vector<char>(bytes.begin() + n * 4096, bytes.begin() + (n + 1) * 4096);
    };
    CHECK(pageOf(0) == pattern('a'));
    CHECK(pageOf(1) == pattern('e')); // the rewrite came after the first write of the page
    CHECK(pageOf(2) == pattern('c'));
    CHECK(pageOf(3) == std::vector<char>(4096, 0)); // a hole
    CHECK(pageOf(5) == pattern('d'));
}

TEST_CASE("a gathered write that fails when flushed fails its transaction and loses nothing "
          "committed",
          "[sqlite-vfs]") {
    geo::installSqliteWriteCombining();
    const std::string path = testing::temporaryDirectory() + "/full.sqlite";
    {
        const Connection writer(path);
        REQUIRE(writer.exec("CREATE TABLE t (i INTEGER PRIMARY KEY, square INTEGER, word TEXT)") ==
                SQLITE_OK);
        REQUIRE(writer.exec(insertRows(1, 500)) == SQLITE_OK);
    }
    const auto committedSize = std::filesystem::file_size(path);
    // A file may grow by no more than 256 KiB from here: a disk that fills up. The kernel
    // then refuses the write (EFBIG) rather than stop the process, as SIGXFSZ is ignored.
    rlimit limit{};
    REQUIRE(getrlimit(RLIMIT_FSIZE, &limit) == 0);
    const rlimit unlimited = limit;
    limit.rlim_cur = committedSize + 256 * 1024;
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    REQUIRE(setrlimit(RLIMIT_FSIZE, &limit) == 0);
    int failed = SQLITE_OK;
    {
        const Connection writer(path);
        REQUIRE(writer.exec("BEGIN") == SQLITE_OK);
        REQUIRE(writer.exec("DELETE FROM t WHERE i <= 100") == SQLITE_OK);
        // 20 MB: more than SQLite's page cache holds, so pages are written before the commit.
        failed = writer.exec(insertRows(1001, 101000));
        if (failed == SQLITE_OK)
            failed = writer.exec("COMMIT");
        writer.exec("ROLLBACK"); // when the failure left the transaction open
    }
    REQUIRE(setrlimit(RLIMIT_FSIZE, &unlimited) == 0);
    std::signal(SIGXFSZ, previousHandler);
    CHECK(((failed & 0xff) == SQLITE_IOERR || failed == SQLITE_FULL));

    // What was committed is there, whole; the deletion went with the failed transaction.
    const Connection reader(path, "unix");
    CHECK(reader.text("PRAGMA integrity_check") == "ok");
    CHECK(reader.text("SELECT COUNT(*) FROM t") == "500");
    CHECK(reader.text("SELECT SUM(length(word)) FROM t") == expectedLengthSum(1, 500));
}

TEST_CASE("GDAL's GeoPackage connections write through the gathering VFS", "[sqlite-vfs]") {
    geo::initialiseGdal();
    const std::string project = testing::temporaryDirectory() + "/county.gpkg";
    std::filesystem::copy_file(testing::sourcePath("data/sample/county.gpkg"), project);
    const geo::SqliteWriteCounts before = geo::sqliteWriteCounts();
    {
        GDALDatasetUniquePtr ds(
            GDALDataset::Open(project.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        OGRLayer* notes = ds->CreateLayer("notes", nullptr, wkbNone, nullptr);
        REQUIRE(notes);
        OGRFieldDefn text("TEXT", OFTString);
        REQUIRE(notes->CreateField(&text) == OGRERR_NONE);
        REQUIRE(ds->StartTransaction() == OGRERR_NONE);
        for (int i = 0; i < 5000; ++i) {
            OGRFeatureUniquePtr row(OGRFeature::CreateFeature(notes->GetLayerDefn()));
            row->SetField("TEXT", ("note " + std::to_string(i) + std::string(100, '.')).c_str());
            REQUIRE(notes->CreateFeature(row.get()) == OGRERR_NONE);
        }
        REQUIRE(ds->CommitTransaction() == OGRERR_NONE);
    }
    CHECK(geo::sqliteWriteCounts().pagesGathered - before.pagesGathered > 100);
    const Connection plain(project, "unix");
    CHECK(plain.text("PRAGMA integrity_check") == "ok");
    CHECK(plain.text("SELECT COUNT(*) FROM notes") == "5000");
    CHECK(plain.text("SELECT TEXT FROM notes WHERE fid = 4000") ==
          "note 3999" + std::string(100, '.'));
}

TEST_CASE("a read-only connection reads pages from blocks read ahead, and never a stale one",
          "[sqlite-vfs]") {
    geo::installSqliteWriteCombining();
    for (const std::string journal : {"delete", "wal"}) {
        INFO("journal mode " << journal);
        const std::string path =
            testing::temporaryDirectory() + "/read-ahead-" + journal + ".sqlite";
        constexpr int rows = 40000; // about 1,400 pages
        const Connection writer(path);
        REQUIRE(writer.text("PRAGMA journal_mode = " + journal) == journal);
        // A small table first, in the file's first block with its header; then a long one.
        REQUIRE(writer.exec("CREATE TABLE small (k INTEGER PRIMARY KEY, v INTEGER)") == SQLITE_OK);
        REQUIRE(writer.exec("INSERT INTO small VALUES (1, 0)") == SQLITE_OK);
        REQUIRE(writer.exec("CREATE TABLE t (i INTEGER PRIMARY KEY, square INTEGER, word TEXT)") ==
                SQLITE_OK);
        REQUIRE(writer.exec(insertRows(1, rows)) == SQLITE_OK);
        // The pages in the file itself, where the reader reads them, not in the log.
        const auto settle = [&] {
            if (journal == "wal")
                REQUIRE(writer.exec("PRAGMA wal_checkpoint(TRUNCATE)") == SQLITE_OK);
        };
        settle();

        const geo::SqliteWriteCounts before = geo::sqliteWriteCounts();
        const Connection reader(path, nullptr, SQLITE_OPEN_READONLY);
        // A small cache, so that the scans read every page from the file.
        REQUIRE(reader.exec("PRAGMA cache_size = 10") == SQLITE_OK);
        CHECK(reader.text("SELECT COUNT(*) FROM t") == std::to_string(rows));
        CHECK(reader.text("SELECT SUM(length(word)) FROM t") == expectedLengthSum(1, rows));
        CHECK(reader.text("SELECT square FROM t WHERE i = 31337") ==
              std::to_string(31337LL * 31337LL));
        const geo::SqliteWriteCounts after = geo::sqliteWriteCounts();
        const auto served = after.readsServed - before.readsServed;
        const auto blocks = after.blocksRead - before.blocksRead;
        INFO(served << " page reads served from " << blocks << " blocks");
        CHECK(served > 2000);       // two scans of 1,400 pages, and the lookup
        CHECK(blocks * 8 < served); // a block of 64 KiB holds 16 pages

        // The writer changes the small table between the reader's transactions, each of which
        // reads only the first block (the header and that table): the reader sees each change,
        // never the block it read before.
        for (int round = 1; round <= 3; ++round) {
            REQUIRE(writer.exec("UPDATE small SET v = " + std::to_string(round)) == SQLITE_OK);
            settle();
            CHECK(reader.text("SELECT v FROM small WHERE k = 1") == std::to_string(round));
        }
        // Rows added at the end of the file (its last block was read short before).
        REQUIRE(writer.exec(insertRows(rows + 1, rows + 500)) == SQLITE_OK);
        settle();
        CHECK(reader.text("SELECT COUNT(*) FROM t") == std::to_string(rows + 500));
        CHECK(reader.text("SELECT MAX(i) FROM t") == std::to_string(rows + 500));
        CHECK(reader.text("PRAGMA integrity_check") == "ok");
    }
}

TEST_CASE("a read-only connection reads a file shorter than a block", "[sqlite-vfs]") {
    geo::installSqliteWriteCombining();
    const std::string path = testing::temporaryDirectory() + "/small.sqlite";
    {
        const Connection writer(path);
        REQUIRE(writer.exec("CREATE TABLE t (i INTEGER PRIMARY KEY, word TEXT)") == SQLITE_OK);
        REQUIRE(writer.exec("INSERT INTO t VALUES (1, 'one'), (2, 'two')") == SQLITE_OK);
    }
    REQUIRE(std::filesystem::file_size(path) < 64 * 1024);
    const Connection reader(path, nullptr, SQLITE_OPEN_READONLY);
    CHECK(reader.text("SELECT group_concat(word, ',') FROM t") == "one,two");
    CHECK(reader.text("PRAGMA integrity_check") == "ok");
}
