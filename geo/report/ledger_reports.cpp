#include "geo/report/ledger_reports.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <map>
#include <unordered_map>

#include "geo/area.h"
#include "geo/error.h"
#include "geo/transfer_status.h"

namespace geo::report {
namespace {

bool selected(const std::vector<std::string>& only, const ReportSource& source,
              const std::string& code) {
    if (only.empty())
        return true;
    const VillageInfo* v = source.village(code);
    const std::string canonical = v ? v->code : code;
    return std::find(only.begin(), only.end(), canonical) != only.end();
}

void addColumn(Table& t, const ReportLabels& labels, const char* key, ColumnType type,
               bool printed = true) {
    t.columns.push_back({key, labels.text(std::string("col.") + key), type, printed});
}

Cell text(const std::string& s) {
    return Cell::of(s);
}

// Days from `from` to `to` (YYYY-MM-DD), by the proleptic Gregorian calendar.
long long daysBetween(const std::string& from, const std::string& to) {
    auto days = [](const std::string& d) -> long long {
        int y = 0, m = 0, day = 0;
        if (std::sscanf(d.c_str(), "%d-%d-%d", &y, &m, &day) != 3)
            return 0;
        y -= m <= 2;
        const long long era = (y >= 0 ? y : y - 399) / 400;
        const long long yoe = y - era * 400;
        const long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe;
    };
    return days(to) - days(from);
}

// A one-column-per-kind summary: kind, count, and the area when it has one.
Table summary(const std::string& key, const ReportLabels& labels,
              const std::vector<std::pair<std::string, std::pair<long long, double>>>& rows,
              bool withArea) {
    Table s;
    s.key = key;
    s.title = labels.text(key + ".title");
    addColumn(s, labels, "kind", ColumnType::Text);
    addColumn(s, labels, "items", ColumnType::Count);
    if (withArea)
        addColumn(s, labels, "area_mu", ColumnType::Mu);
    long long n = 0;
    double mu = 0;
    for (const auto& [kind, value] : rows) {
        Row r{RowKind::Detail, 0, {text(kind), Cell::of(static_cast<double>(value.first))}};
        if (withArea)
            r.cells.push_back(Cell::of(value.second));
        s.rows.push_back(std::move(r));
        n += value.first;
        mu += value.second;
    }
    Row total{
        RowKind::Total, 3, {text(labels.text("row.total")), Cell::of(static_cast<double>(n))}};
    if (withArea)
        total.cells.push_back(Cell::of(mu));
    s.rows.push_back(std::move(total));
    return s;
}

} // namespace

std::vector<Table> idleTables(const ReportSource& source, const ReportLabels& labels,
                              const std::vector<std::string>& villages,
                              const std::string& assetsIdleOn) {
    OGRLayer& items = source.layer("idle_items");
    const std::vector<int> f =
        readOnly(items, {"CATEGORY", "ITEM_ID", "ITEM_NAME", "VILLAGE_CODE", "VILLAGE_NAME", "ZONE",
                         "SUGGESTED_USE", "AREA_MU", "STATUS", "SINCE"});
    struct Item {
        std::string category, id, name, village, villageName, zone, use, status, since;
        bool hasArea = false;
        double mu = 0;
    };
    static const std::vector<std::string> categories{"resource", "asset", "fund"};
    auto rank = [&](const std::string& c) {
        return std::find(categories.begin(), categories.end(), c) - categories.begin();
    };
    std::vector<Item> list;
    items.ResetReading();
    for (auto&& i : items) {
        Item it{textOf(*i, f[0]), textOf(*i, f[1]), textOf(*i, f[2]),
                textOf(*i, f[3]), textOf(*i, f[4]), textOf(*i, f[5]),
                textOf(*i, f[6]), textOf(*i, f[8]), textOf(*i, f[9])};
        it.hasArea = f[7] >= 0 && i->IsFieldSetAndNotNull(f[7]);
        it.mu = numberOf(*i, f[7]);
        // Only an asset's idle-since day is known: a parcel's or a fund's idleness has no
        // date, so those stay as classified.
        const bool idleLater =
            !assetsIdleOn.empty() && it.category == "asset" && it.since > assetsIdleOn;
        if (selected(villages, source, it.village) && !idleLater)
            list.push_back(std::move(it));
    }
    if (list.empty())
        throw InputError(villages.empty() ? "has no idle parcel, asset or fund; nothing to list"
                                          : "has no idle item in the selected villages; choose "
                                            "other --village codes",
                         {source.path(), "idle_items", {}, {}});
    std::stable_sort(list.begin(), list.end(), [&](const Item& a, const Item& b) {
        return std::make_tuple(a.village, rank(a.category), a.id) <
               std::make_tuple(b.village, rank(b.category), b.id);
    });

    Table t;
    t.key = "idle";
    t.title = labels.text("idle.title");
    for (const auto& [key, type, printed] : std::vector<std::tuple<const char*, ColumnType, bool>>{
             {"village_code", ColumnType::Text, false},
             {"village", ColumnType::Text, true},
             {"category_id", ColumnType::Text, false},
             {"category", ColumnType::Text, true},
             {"item_id", ColumnType::Text, true},
             {"item", ColumnType::Text, true},
             {"zone", ColumnType::Text, true},
             {"area_mu", ColumnType::Mu, true},
             {"suggested_use", ColumnType::Text, true},
             {"status", ColumnType::Text, true},
             {"since", ColumnType::Date, true}})
        addColumn(t, labels, key, type, printed);
    std::map<std::string, std::pair<long long, double>> perCategory;
    long long villageCount = 0;
    double villageMu = 0;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Item& it = list[i];
        const VillageInfo* v = source.village(it.village);
        const std::string villageName = v ? v->name : it.villageName;
        const std::string category = labels.name("category", it.category);
        const std::string item =
            it.category == "resource" ? labels.format("idle.parcel_item", {it.name}) : it.name;
        t.rows.push_back(
            {RowKind::Detail,
             0,
             {text(it.village), text(villageName), text(it.category), text(category), text(it.id),
              text(item), text(labels.name("zone_name", it.zone)),
              it.hasArea ? Cell::of(it.mu) : text(""), text(labels.name("use", it.use)),
              text(labels.name("status", it.status)), text(it.since)}});
        perCategory[it.category].first += 1;
        perCategory[it.category].second += it.mu;
        ++villageCount;
        villageMu += it.mu;
        if (i + 1 == list.size() || list[i + 1].village != it.village) {
            t.rows.push_back(
                {RowKind::Subtotal,
                 1,
                 {text(it.village), text(villageName), text(""),
                  text(labels.format("row.village_items", {std::to_string(villageCount)})),
                  text(""), text(""), text(""), Cell::of(villageMu), text(""), text(""),
                  text("")}});
            villageCount = 0;
            villageMu = 0;
        }
    }
    long long n = 0;
    double mu = 0;
    for (const std::string& c : categories) {
        const auto it = perCategory.find(c);
        if (it == perCategory.end())
            continue;
        t.rows.push_back(
            {RowKind::Total,
             2,
             {text(""), text(labels.text("row.total")), text(c), text(labels.name("category", c)),
              text(""),
              text(labels.format("row.village_items", {std::to_string(it->second.first)})),
              text(""), Cell::of(it->second.second), text(""), text(""), text("")}});
        n += it->second.first;
        mu += it->second.second;
    }
    t.rows.push_back({RowKind::Total,
                      3,
                      {text(""), text(labels.text("row.total")), text(""), text(""), text(""),
                       text(labels.format("row.village_items", {std::to_string(n)})), text(""),
                       Cell::of(mu), text(""), text(""), text("")}});
    t.notes.push_back(labels.text("note.idle_area"));
    t.notes.push_back(labels.text("note.rounding"));

    std::vector<std::pair<std::string, std::pair<long long, double>>> sums;
    for (const std::string& c : categories)
        if (perCategory.count(c))
            sums.emplace_back(labels.name("category", c), perCategory[c]);
    return {t, summary("idle_summary", labels, sums, true)};
}

std::vector<Table> discrepancyTables(const ReportSource& source, const ReportLabels& labels,
                                     const std::vector<std::string>& villages) {
    Table t;
    t.key = "discrepancy";
    t.title = labels.text("discrepancy.title");
    for (const auto& [key, type, printed] : std::vector<std::tuple<const char*, ColumnType, bool>>{
             {"kind_id", ColumnType::Text, false},
             {"kind", ColumnType::Text, true},
             {"village_code", ColumnType::Text, false},
             {"village", ColumnType::Text, true},
             {"contract", ColumnType::Text, true},
             {"item_id", ColumnType::Text, true},
             {"contract_mu", ColumnType::Mu, true},
             {"mapped_mu", ColumnType::Mu, true},
             {"difference_pct", ColumnType::Percent, true},
             {"detail", ColumnType::Text, true}})
        addColumn(t, labels, key, type, printed);
    std::map<std::string, long long> counts;
    auto add = [&](const std::string& kind, const std::string& village, const std::string& contract,
                   const std::string& id, Cell contractMu, Cell mappedMu, Cell difference,
                   const std::string& detail) {
        if (!village.empty() && !selected(villages, source, village))
            return;
        if (village.empty() && !villages.empty())
            return;
        const VillageInfo* v = source.village(village);
        t.rows.push_back(
            {RowKind::Detail,
             0,
             {text(kind), text(labels.name("kind", kind)), text(v ? v->code : village),
              text(v ? v->name : village), text(contract), text(id), std::move(contractMu),
              std::move(mappedMu), std::move(difference), text(detail)}});
        ++counts[kind];
    };

    // Contract rows by (contract, parcel), and the parcels' village and net mapped area.
    struct Contract {
        std::string village;
        double mu = 0;
    };
    std::map<std::pair<std::string, std::string>, Contract> contracts;
    if (OGRLayer* transfers = source.optionalLayer("transfers")) {
        const std::vector<int> f = readOnly(*transfers, {"LZHTBM", "DKBM", "LZMJM", "ZLDWDM"});
        transfers->ResetReading();
        for (auto&& row : *transfers)
            contracts[{textOf(*row, f[0]), textOf(*row, f[1])}] = {textOf(*row, f[3]),
                                                                   numberOf(*row, f[2])};
    }
    OGRLayer* flags = source.optionalLayer("transfer_flags");
    std::vector<std::tuple<std::string, std::string, std::string, std::string>> flagRows;
    std::unordered_map<std::string, std::pair<std::string, double>> mapped; // BSM → village, 亩
    if (flags) {
        const std::vector<int> f = readOnly(*flags, {"LZHTBM", "DKBM", "KIND", "DETAIL"});
        flags->ResetReading();
        for (auto&& row : *flags) {
            flagRows.emplace_back(textOf(*row, f[0]), textOf(*row, f[1]), textOf(*row, f[2]),
                                  textOf(*row, f[3]));
            if (std::get<2>(flagRows.back()) == "area_mismatch")
                mapped.emplace(std::get<1>(flagRows.back()), std::make_pair(std::string(), 0.0));
        }
    }
    if (!mapped.empty()) { // the net mapped area, as the classifier compared it
        OGRLayer& parcels = source.layer("parcels");
        const std::vector<int> f =
            readOnly(parcels, {"BSM", "AREA_ELL", "TBMJ", "TBDLMJ", "ZLDWDM"});
        parcels.ResetReading();
        for (auto&& p : parcels) {
            const auto it = mapped.find(textOf(*p, f[0]));
            if (it == mapped.end())
                continue;
            const double gross = numberOf(*p, f[2]), net = numberOf(*p, f[3]);
            const double area = f[1] >= 0 ? numberOf(*p, f[1]) : gross;
            const double share = gross > 0 && p->IsFieldSetAndNotNull(f[3]) ? net / gross : 1.0;
            it->second = {textOf(*p, f[4]), Area::squareMetres(area * share).inMu()};
        }
    }
    for (const auto& [contract, parcel, kind, detail] : flagRows) {
        if (kind == "expiring" || kind == "expired")
            continue; // the expiring report lists these
        const auto c = contracts.find({contract, parcel});
        const std::string village = c != contracts.end() ? c->second.village : "";
        if (kind == "area_mismatch" && c != contracts.end()) {
            const double m = mapped[parcel].second;
            add(kind, village, contract, parcel, Cell::of(c->second.mu), Cell::of(m),
                Cell::of(m > 0 ? 100.0 * (c->second.mu - m) / m : 0.0), detail);
        } else {
            add(kind, village, contract, parcel, text(""), text(""), text(""), detail);
        }
    }
    if (OGRLayer* mismatches = source.optionalLayer("village_mismatches")) {
        const std::vector<int> f = readOnly(*mismatches, {"BSM", "ZLDWDM", "LOCATED_IN"});
        mismatches->ResetReading();
        for (auto&& row : *mismatches) {
            const VillageInfo* in = source.village(textOf(*row, f[2]));
            add("village_mismatch", textOf(*row, f[2]), "", textOf(*row, f[0]), text(""), text(""),
                text(""),
                labels.format(
                    "discrepancy.village_mismatch",
                    {textOf(*row, f[1]), in ? in->name : std::string(textOf(*row, f[2]))}));
        }
    }
    if (OGRLayer* issues = source.optionalLayer("import_issues")) {
        const std::vector<int> f =
            readOnly(*issues, {"layer", "source_record", "source_id", "kind", "detail", "action"});
        issues->ResetReading();
        for (auto&& row : *issues) {
            const std::string action = textOf(*row, f[5]);
            if (action != "repaired" && action != "rejected")
                continue;
            const std::string id =
                *textOf(*row, f[2]) ? textOf(*row, f[2]) : "#" + std::string(textOf(*row, f[1]));
            add("import_" + action, "", "", std::string(textOf(*row, f[0])) + " " + id, text(""),
                text(""), text(""), std::string(textOf(*row, f[3])) + ": " + textOf(*row, f[4]));
        }
    }
    if (t.rows.empty())
        throw InputError(villages.empty()
                             ? "has no discrepancy to report: the ledgers match the map"
                             : "has no discrepancy in the selected villages",
                         {source.path(), {}, {}, {}});
    std::stable_sort(t.rows.begin(), t.rows.end(),
                     [](const Row& a, const Row& b) { return a.cells[0].text < b.cells[0].text; });
    t.rows.push_back({RowKind::Total,
                      3,
                      {text(""), text(labels.text("row.total")), text(""),
                       text(labels.format("row.village_items", {std::to_string(t.rows.size())})),
                       text(""), text(""), text(""), text(""), text(""), text("")}});
    t.notes.push_back(labels.text("note.discrepancy"));
    std::vector<std::pair<std::string, std::pair<long long, double>>> sums;
    for (const auto& [kind, n] : counts)
        sums.emplace_back(labels.name("kind", kind), std::make_pair(n, 0.0));
    return {t, summary("discrepancy_summary", labels, sums, false)};
}

std::vector<Table> expiringTables(const ReportSource& source, const ReportLabels& labels,
                                  const std::string& asOf, int months,
                                  const std::vector<std::string>& villages) {
    OGRLayer& transfers = source.layer("transfers");
    const std::vector<int> f = readOnly(
        transfers, {"LZHTBM", "DKBM", "LZFS", "LZMJM", "LZQXKSRQ", "LZQXJSRQ", "ZLDWDM", "SRFMC"});
    const std::string until = addMonths(asOf, months);
    Table t;
    t.key = "expiring";
    t.title = labels.format("expiring.title", {std::to_string(months)});
    for (const auto& [key, type, printed] : std::vector<std::tuple<const char*, ColumnType, bool>>{
             {"village_code", ColumnType::Text, false},
             {"village", ColumnType::Text, true},
             {"contract", ColumnType::Text, true},
             {"parcel_id", ColumnType::Text, true},
             {"transferee", ColumnType::Text, true},
             {"mode", ColumnType::Text, true},
             {"contract_mu", ColumnType::Mu, true},
             {"start", ColumnType::Date, true},
             {"end", ColumnType::Date, true},
             {"days_left", ColumnType::Count, true}})
        addColumn(t, labels, key, type, printed);
    transfers.ResetReading();
    double mu = 0;
    for (auto&& row : transfers) {
        const std::string start = textOf(*row, f[4]), end = textOf(*row, f[5]);
        if (start.empty() || end.empty() || start > asOf || end < asOf || end > until)
            continue;
        const std::string code = textOf(*row, f[6]);
        if (!selected(villages, source, code))
            continue;
        const VillageInfo* v = source.village(code);
        t.rows.push_back(
            {RowKind::Detail,
             0,
             {text(v ? v->code : code), text(v ? v->name : code), text(textOf(*row, f[0])),
              text(textOf(*row, f[1])), text(textOf(*row, f[7])),
              text(labels.name("mode", textOf(*row, f[2]))), Cell::of(numberOf(*row, f[3])),
              text(start), text(end), Cell::of(static_cast<double>(daysBetween(asOf, end)))}});
        mu += numberOf(*row, f[3]);
    }
    if (t.rows.empty())
        throw InputError("has no contract ending between " + asOf + " and " + until +
                             (villages.empty() ? "" : " in the selected villages") +
                             "; try a larger --months or another --as-of",
                         {source.path(), "transfers", {}, {}});
    std::stable_sort(t.rows.begin(), t.rows.end(), [](const Row& a, const Row& b) {
        return std::tie(a.cells[8].text, a.cells[0].text, a.cells[2].text) <
               std::tie(b.cells[8].text, b.cells[0].text, b.cells[2].text);
    });
    const long long n = static_cast<long long>(t.rows.size());
    t.rows.push_back({RowKind::Total,
                      3,
                      {text(""), text(labels.text("row.total")),
                       text(labels.format("row.village_items", {std::to_string(n)})), text(""),
                       text(""), text(""), Cell::of(mu), text(""), text(""), text("")}});
    t.notes.push_back(labels.format("note.expiring", {asOf, until}));
    return {t};
}

} // namespace geo::report
