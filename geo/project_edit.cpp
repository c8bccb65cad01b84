#include "geo/project_edit.h"

#include <algorithm>
#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

#include "geo/error.h"
#include "geo/mapping_profile.h"

namespace geo {
namespace {

std::string joined(const std::set<std::string>& values) {
    std::string out;
    for (const std::string& v : values)
        out += (out.empty() ? "" : ", ") + v;
    return out;
}

std::string twoDecimals(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

} // namespace

std::vector<FieldIssue> validateTransfer(const TransferRecord& r, const TransferContext& context,
                                         const TransferKey* replacing) {
    std::vector<FieldIssue> issues;
    auto issue = [&](const char* field, const char* code, std::string message) {
        issues.push_back({field, code, std::move(message)});
    };
    if (r.contract.empty())
        issue("LZHTBM", "required", "the contract number (LZHTBM) is required");
    std::optional<double> parcelMu;
    if (r.parcel.empty())
        issue("DKBM", "required", "the parcel id (DKBM) is required");
    else if (context.parcelAreaMu) {
        parcelMu = context.parcelAreaMu(r.parcel);
        if (!parcelMu)
            issue("DKBM", "no_parcel",
                  "no parcel of the project has the id (BSM) " + r.parcel +
                      "; check the number, or import the parcel first");
    }
    if (!r.contract.empty() && !r.parcel.empty() && context.recordExists) {
        const TransferKey key = keyOf(r);
        if ((!replacing || !(*replacing == key)) && context.recordExists(key))
            issue("LZHTBM", "duplicate",
                  "contract " + r.contract + " already has a record for parcel " + r.parcel +
                      "; edit that record instead, or give another contract number");
    }
    if (r.mode.empty())
        issue("LZFS", "required",
              "the transfer mode (LZFS) is required: one of " + joined(context.modes));
    else if (!context.modes.empty() && !context.modes.count(r.mode))
        issue("LZFS", "not_in_list",
              "the transfer mode must be one of " + joined(context.modes) + " (not '" + r.mode +
                  "')");
    const std::optional<std::string> start = r.start.empty() ? std::nullopt : parseDate(r.start);
    const std::optional<std::string> end = r.end.empty() ? std::nullopt : parseDate(r.end);
    if (r.start.empty())
        issue("LZQXKSRQ", "required", "the start date (LZQXKSRQ) is required");
    else if (!start)
        issue("LZQXKSRQ", "bad_date",
              "the start date '" + r.start + "' is not a date; write it as YYYY-MM-DD");
    if (r.end.empty())
        issue("LZQXJSRQ", "required", "the end date (LZQXJSRQ) is required");
    else if (!end)
        issue("LZQXJSRQ", "bad_date",
              "the end date '" + r.end + "' is not a date; write it as YYYY-MM-DD");
    if (start && end && *end < *start)
        issue("LZQXJSRQ", "dates_order",
              "the end date " + *end + " is before the start date " + *start);
    if (!(r.areaMu > 0.0))
        issue("LZMJM", "area_not_positive", "the transfer area (LZMJM, 亩) must be more than 0");
    else if (parcelMu && r.areaMu > *parcelMu + contractAreaToleranceMu)
        issue("LZMJM", "area_too_large",
              "the transfer area " + twoDecimals(r.areaMu) + " 亩 is larger than parcel " +
                  r.parcel + " (" + twoDecimals(*parcelMu) + " 亩)");
    return issues;
}

std::vector<FieldIssue> validateAssetStatus(const SetAssetStatus& edit,
                                            const AssetContext& context) {
    std::vector<FieldIssue> issues;
    // The next classification would not read what the edit writes: refused, not left to
    // disagree silently.
    if (context.classifiedStatusField != "ZT")
        issues.push_back({"ZT", "other_status_field",
                          "the project was classified with asset statuses from " +
                              context.classifiedStatusField +
                              " (the rule file's idle.asset_status_field), and tianmu records a "
                              "status in ZT: classify with a rule file that reads ZT first"});
    if (edit.assets.empty())
        issues.push_back({"ASSET_FID", "required", "no asset is selected"});
    std::string named; // "asset ZC…" or "assets ZC…, ZC…"
    std::size_t known = 0;
    for (long long fid : edit.assets) {
        const std::optional<std::string> code =
            context.assetCode ? context.assetCode(fid) : std::nullopt;
        if (!code) {
            issues.push_back({"ASSET_FID", "no_record",
                              "no asset of the project has FID " + std::to_string(fid)});
            continue;
        }
        named +=
            (named.empty() ? "" : ", ") + (code->empty() ? "FID " + std::to_string(fid) : *code);
        ++known;
    }
    if (known == 0)
        return issues; // no asset whose status could be judged
    named = (known == 1 ? "asset " : "assets ") + named;
    if (edit.status.empty())
        issues.push_back(
            {"ZT", "required",
             "the status (ZT) of " + named + " is required: one of " + joined(context.statuses)});
    else if (!context.statuses.empty() && !context.statuses.count(edit.status))
        issues.push_back({"ZT", "not_in_list",
                          "the status of " + named + " must be one of " + joined(context.statuses) +
                              " (not '" + edit.status + "')"});
    return issues;
}

std::vector<std::string> loadAllowedValues(const std::string& profilePath, const std::string& field,
                                           const std::string& what) {
    const MappingProfile profile = MappingProfile::load(profilePath);
    const ProfileField* f = profile.field(field);
    if (!f || f->values.empty())
        throw InputError("has no allowed " + what + ": give the " + field +
                             " field a \"values\" list",
                         {profilePath, {}, {}, {}});
    std::vector<std::string> values;
    for (const std::string& v : f->values)
        if (std::find(values.begin(), values.end(), v) == values.end())
            values.push_back(v);
    return values;
}

std::vector<std::string> loadTransferModes(const std::string& profilePath) {
    return loadAllowedValues(profilePath, "LZFS", "transfer modes");
}

std::vector<std::string> loadAssetStatuses(const std::string& profilePath) {
    return loadAllowedValues(profilePath, "ZT", "asset statuses");
}

} // namespace geo
