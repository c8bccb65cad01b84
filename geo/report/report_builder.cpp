#include "geo/report/report_builder.h"

#include <algorithm>
#include <ctime>
#include <optional>

#include "geo/error.h"
#include "geo/project_store.h"
#include "geo/report/ledger_reports.h"
#include "geo/report/report_source.h"
#include "geo/report/transfers_on_day.h"

namespace geo::report {

const std::vector<std::string>& reportKinds() {
    static const std::vector<std::string> kinds{"transfer", "idle", "discrepancy", "expiring",
                                                "atlas"};
    return kinds;
}

namespace {

std::string today() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

// Canonical village codes for the request; InputError for one the project does not have.
std::vector<std::string> checkVillages(const ReportSource& source,
                                       const std::vector<std::string>& codes) {
    std::vector<std::string> out;
    for (const std::string& code : codes) {
        const VillageInfo* v = source.village(code);
        if (!v) {
            std::string known;
            for (std::size_t i = 0; i < source.villages().size() && i < 5; ++i)
                known +=
                    (i ? ", " : "") + source.villages()[i].code + " " + source.villages()[i].name;
            if (source.villages().size() > 5)
                known += ", …";
            throw InputError(
                "has no village with code " + code +
                    "; give a village's ZLDWDM or 12-digit code (" +
                    (known.empty() ? std::string("the project has no villages") : "e.g. " + known) +
                    ")",
                {source.path(), "villages", {}, {}});
        }
        out.push_back(v->code);
    }
    return out;
}

} // namespace

Report buildReport(const ReportOptions& o) {
    if (std::find(reportKinds().begin(), reportKinds().end(), o.kind) == reportKinds().end())
        throw InputError("unknown report kind " + o.kind +
                         "; use transfer, idle, discrepancy, expiring or atlas");
    const ReportLabels labels = ReportLabels::load(o.labelsFile, o.language);
    const ReportSource source(o.project);
    const std::vector<std::string> villages = checkVillages(source, o.villages);

    Report r;
    r.kind = o.kind;
    r.language = o.language;
    r.title = labels.text(o.kind + ".report_title");
    const std::string classifiedAsOf = source.property("classified_as_of");
    const bool usesClassification = o.kind != "expiring" && o.kind != "discrepancy";
    r.asOf = o.asOf.empty() ? (classifiedAsOf.empty() ? today() : classifiedAsOf) : o.asOf;
    // Another day than the classification's: recompute what the ledgers date, say so.
    const bool otherDay = usesClassification && !o.asOf.empty() && o.asOf != classifiedAsOf;
    std::optional<TransfersOnDay> onDay;
    if (otherDay && o.kind != "idle") {
        onDay = transfersOnDay(source, o.asOf);
        r.transfersRecomputed = true;
        r.transferredParcels = onDay->parcelIds;
    }
    const std::string idleOn = otherDay ? o.asOf : std::string();
    auto noteDay = [&](Table& t, const char* key) {
        if (otherDay)
            t.notes.insert(t.notes.begin(), labels.format(key, {o.asOf, classifiedAsOf}));
    };
    r.district = !o.district.empty() ? o.district : source.property("district");
    if (r.district.empty() && !source.villages().empty())
        r.district = labels.format("district.code", {source.villages().front().code.substr(0, 6)});
    r.basis =
        labels.text(o.basis == AreaBasis::Ellipsoidal ? "basis.ellipsoidal" : "basis.surveyed");
    r.generated = utcTimestamp();
    r.sources = source.sources();
    for (const char* caption :
         {"district", "as_of", "basis", "sources", "imported", "generated", "page", "notes",
          "legend", "villages", "township", "contents", "first_page"})
        r.captions[caption] = labels.text(std::string("caption.") + caption);

    TransferReportOptions transfer;
    transfer.groupBy = o.groupBy;
    transfer.basis = o.basis;
    transfer.villages = villages;
    transfer.onDay = onDay ? &*onDay : nullptr;
    if (o.kind == "transfer") {
        r.parts.push_back(transferTable(source, labels, transfer));
        noteDay(r.parts.front(), "note.as_of_transfers");
    } else if (o.kind == "idle") {
        r.parts = idleTables(source, labels, villages, idleOn);
        noteDay(r.parts.front(), "note.as_of_idle");
    } else if (o.kind == "discrepancy") {
        r.parts = discrepancyTables(source, labels, villages);
    } else if (o.kind == "expiring") {
        r.parts = expiringTables(source, labels, r.asOf, o.months, villages);
    } else { // atlas: every selected village's own rows of the transfer and idle tables
        transfer.groupBy = {"village", "zone", "mode"};
        std::vector<Table> tables;
        try {
            tables.push_back(transferTable(source, labels, transfer));
            noteDay(tables.back(), "note.as_of_transfers");
        } catch (const InputError&) { // a village may have no transfer: its page says so
        }
        try {
            tables.push_back(idleTables(source, labels, villages, idleOn).front());
            noteDay(tables.back(), "note.as_of_idle");
        } catch (const InputError&) {
        }
        const std::vector<std::string> codes = [&] {
            std::vector<std::string> all;
            for (const VillageInfo& v : source.villages())
                all.push_back(v.code);
            return villages.empty() ? all : villages;
        }();
        if (codes.empty())
            throw InputError("has no villages layer, so there is no page to make; import the "
                             "villages first",
                             {o.project, "villages", {}, {}});
        for (const std::string& code : codes) {
            const VillageInfo* v = source.village(code);
            VillageSection s{code, v->name, v->townshipName, {}};
            for (const Table& t : tables) {
                Table mine = filterRows(t, "village_code", code);
                if (mine.key == "transfer" && !mine.rows.empty()) {
                    // The village's subtotal closes its rows; the township's does not belong.
                    Table kept = mine;
                    kept.rows.clear();
                    for (const Row& row : mine.rows)
                        if (row.kind != RowKind::Subtotal || row.level == 1)
                            kept.rows.push_back(row);
                    mine = kept;
                }
                s.tables.push_back(std::move(mine));
            }
            r.villages.push_back(std::move(s));
        }
        r.parts = tables;
    }
    for (const Table& t : r.parts)
        for (const std::string& n : t.notes)
            if (std::find(r.notes.begin(), r.notes.end(), n) == r.notes.end())
                r.notes.push_back(n);
    return r;
}

} // namespace geo::report
