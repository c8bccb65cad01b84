#include "geo/project_edit_session.h"

#include <filesystem>

#include "geo/asset_idle_values.h"
#include "geo/error.h"
#include "geo/gdal_session.h"
#include "geo/idle_flag_field.h"
#include "geo/idle_item_sync.h"
#include "geo/mapping_profile.h"
#include "geo/parcel_classes_view.h"
#include "geo/parcel_filter.h"
#include "geo/point_placement.h"
#include "geo/report/report_source.h"

namespace geo {
namespace {

constexpr const char* classesLayer = "parcel_classes";
constexpr const char* ledgerLayer = "transfers";
constexpr const char* auditLayer = "audit_log";
constexpr const char* assetsLayer = "assets";
constexpr const char* idleItemsLayer = "idle_items";
constexpr const char* parcelsLayer = "parcels";
constexpr const char* villagesLayer = "villages";

std::string fieldText(const OGRFeature& f, const char* name) {
    const int i = f.GetFieldIndex(name);
    return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsString(i) : std::string();
}

TransferRecord recordOf(const OGRFeature& f) {
    TransferRecord r;
    r.contract = fieldText(f, "LZHTBM");
    r.parcel = fieldText(f, "DKBM");
    r.mode = fieldText(f, "LZFS");
    r.start = fieldText(f, "LZQXKSRQ");
    r.end = fieldText(f, "LZQXJSRQ");
    const int area = f.GetFieldIndex("LZMJM");
    r.areaMu = area >= 0 ? f.GetFieldAsDouble(area) : 0.0;
    r.transferor = fieldText(f, "CBFMC");
    r.transferee = fieldText(f, "SRFMC");
    r.use = fieldText(f, "LZHTDYT");
    return r;
}

std::string normalisedDate(const std::string& text) {
    return parseDate(text).value_or(text);
}

TransferRecord normalised(TransferRecord r) {
    r.start = normalisedDate(r.start);
    r.end = normalisedDate(r.end);
    return r;
}

std::string actionOf(const ProjectEdit& edit) {
    if (const auto* m = std::get_if<MarkIdle>(&edit))
        return m->idle ? "mark_idle" : "mark_in_use";
    if (std::holds_alternative<AddTransfer>(edit))
        return "add_transfer";
    if (std::holds_alternative<EditTransfer>(edit))
        return "edit_transfer";
    if (std::holds_alternative<SetAssetStatus>(edit))
        return "set_asset_status";
    return "end_transfer";
}

} // namespace

// Writes the pending edits inside the caller's transaction, one audit row per changed field.
class ProjectEditSession::Writer {
public:
    Writer(ProjectEditSession& session, std::string time, std::string user)
        : m_session(session)
        , m_time(std::move(time))
        , m_user(std::move(user)) {
        ProjectStore& store = *session.m_store;
        m_classes = store.layer(classesLayer);
        m_classWrites = store.layer(writableParcelClassesTable(store));
        m_audit = store.layer(auditLayer);
        m_ledger = store.layer(ledgerLayer);
        m_assets = store.layer(assetsLayer);
        m_idleItems = store.layer(idleItemsLayer); // absent until the project is classified
        m_parcels = store.layer(parcelsLayer);
        m_flagField = storedIdleFlagField(store);
        if (!m_classes || !m_classWrites || !m_audit)
            throw Error("the project lost its parcel_classes or audit_log table",
                        {session.m_path, {}, {}, {}});
    }

    // Reads go through the same connection as the writes, so each edit sees the ones before
    // it in this transaction.
    void write(const ProjectEdit& edit) {
        m_action = actionOf(edit);
        if (const auto* mark = std::get_if<MarkIdle>(&edit)) {
            for (long long fid : mark->parcels)
                writeParcelIdle(fid, mark->idle);
            return;
        }
        if (const auto* change = std::get_if<SetAssetStatus>(&edit)) {
            for (long long fid : change->assets)
                writeAssetStatus(fid, change->status);
            return;
        }
        ensureLedger();
        if (const auto* add = std::get_if<AddTransfer>(&edit)) {
            OGRFeatureUniquePtr row(OGRFeature::CreateFeature(m_ledger->GetLayerDefn()));
            fillRecord(*row, add->record, -1); // audited below, once the row has its FID
            if (m_ledger->CreateFeature(row.get()) != OGRERR_NONE)
                fail("cannot add the transfer record of contract " + add->record.contract,
                     ledgerLayer);
            for (const auto& [field, value] : fieldsOf(add->record))
                if (!value.empty())
                    audit(ledgerLayer, row->GetFID(), field, "", value);
            updateParcelTransfer(add->record.parcel);
            return;
        }
        const TransferKey key = std::holds_alternative<EditTransfer>(edit)
                                    ? std::get<EditTransfer>(edit).key
                                    : std::get<EndTransfer>(edit).key;
        m_ledger->SetAttributeFilter(
            ("LZHTBM = " + sqlQuoted(key.contract) + " AND DKBM = " + sqlQuoted(key.parcel))
                .c_str());
        m_ledger->ResetReading();
        OGRFeatureUniquePtr row(m_ledger->GetNextFeature());
        m_ledger->SetAttributeFilter(nullptr);
        m_ledger->ResetReading();
        if (!row)
            fail("the transfer record of contract " + key.contract + " for parcel " + key.parcel +
                     " has gone",
                 ledgerLayer);
        TransferRecord next = recordOf(*row);
        if (const auto* change = std::get_if<EditTransfer>(&edit))
            next = change->record;
        else
            next.end = std::get<EndTransfer>(edit).date;
        fillRecord(*row, next, row->GetFID());
        store(*m_ledger, *row, ledgerLayer);
        updateParcelTransfer(key.parcel);
        if (next.parcel != key.parcel)
            updateParcelTransfer(next.parcel);
    }

    std::size_t auditRows() const noexcept { return m_auditRows; }

private:
    static std::vector<std::pair<const char*, std::string>> fieldsOf(const TransferRecord& r) {
        char area[32];
        std::snprintf(area, sizeof area, "%.15g", r.areaMu);
        return {{"LZHTBM", r.contract},  {"DKBM", r.parcel},      {"LZFS", r.mode},
                {"LZMJM", area},         {"LZQXKSRQ", r.start},   {"LZQXJSRQ", r.end},
                {"CBFMC", r.transferor}, {"SRFMC", r.transferee}, {"LZHTDYT", r.use}};
    }

    // Sets every ledger field of `row`; audits changes when the row exists (fid >= 0).
    void fillRecord(OGRFeature& row, const TransferRecord& r, long long fid) {
        for (const auto& [field, value] : fieldsOf(r)) {
            if (fid >= 0)
                set(row, ledgerLayer, fid, field, value);
            else if (row.GetFieldIndex(field) >= 0 && !value.empty())
                row.SetField(field, value.c_str());
        }
    }

    // parcel_classes is the classification's, rewritten by the next classify: the mark also
    // goes into the survey's own idle flag (added to the parcels when they have none), where
    // that classification finds it. idle_items follows at once, as for assets.
    void writeParcelIdle(long long fid, bool idle) {
        OGRFeatureUniquePtr written = classRow(fid, *m_classWrites);
        set(*written, classesLayer, fid, "IDLE", idle ? "1" : "0");
        set(*written, classesLayer, fid, "IDLE_RULE", "manual");
        store(*m_classWrites, *written, classesLayer);
        const OGRFeatureUniquePtr row = classRow(fid, *m_classes); // with the names

        if (!m_parcels)
            fail("the project lost its parcels", parcelsLayer);
        if (m_parcels->GetLayerDefn()->GetFieldIndex(m_flagField.c_str()) < 0) {
            OGRFieldDefn field(m_flagField.c_str(), OFTInteger);
            if (m_parcels->CreateField(&field) != OGRERR_NONE)
                fail("cannot add the idle flag field " + m_flagField, parcelsLayer);
        }
        OGRFeatureUniquePtr parcel(m_parcels->GetFeature(fid));
        if (!parcel)
            fail("parcel " + std::to_string(fid) + " has gone", parcelsLayer);
        set(*parcel, parcelsLayer, fid, m_flagField.c_str(), idle ? "1" : "0");
        store(*m_parcels, *parcel, parcelsLayer);

        if (m_idleItems) {
            auto text = [&](const char* field) {
                return fieldText(*row, field);
            };
            ParcelIdleItem item{text("BSM"),          text("DLBM"),      text("VILLAGE_CODE"),
                                text("VILLAGE_NAME"), text("ZONE_NAME"), text("SUGGESTED_USE")};
            if (const int i = row->GetFieldIndex("AREA_MU"); i >= 0)
                item.areaMu = row->GetFieldAsDouble(i);
            syncParcelIdleItem(*m_idleItems, item, idle, m_session.m_path);
        }
    }

    void writeAssetStatus(long long fid, const std::string& status) {
        OGRFeatureUniquePtr row;
        if (m_assets) {
            GdalMessageCollector quiet;
            row.reset(m_assets->GetFeature(fid));
        }
        if (!row)
            fail("asset " + std::to_string(fid) + " has gone", assetsLayer);
        if (row->GetFieldIndex("ZT") < 0) // set() would skip it as an optional column
            fail("the asset ledger has no status field ZT", assetsLayer);
        const AssetRecord before = assetRecordOf(*row);
        const bool wasIdle = m_session.isIdleStatus(before.status);
        const bool idle = m_session.isIdleStatus(status);
        set(*row, assetsLayer, fid, "ZT", status);
        // The day it went idle, where the ledger keeps one and has none yet. A date already
        // there (an earlier idle spell, or the surveyor's) is the ledger's and stays.
        if (idle && !wasIdle && before.hasIdleSinceField && before.idleSince.empty())
            set(*row, assetsLayer, fid, "XZRQ", m_session.m_options.today);
        store(*m_assets, *row, assetsLayer);
        // idle_items is derived from the asset ledger (classify rewrites it), so its rows are
        // kept in step but not audited: the audit rows of ZT and XZRQ say what changed.
        if (m_idleItems && status != before.status && (idle || wasIdle))
            syncAssetIdleItem(*m_idleItems, assetRecordOf(*row), idle,
                              idle ? placeOf(*row) : AssetPlace{}, m_session.m_path);
    }

    // Where classification would place an asset in the idle-item ledger: the parcel under its
    // point gives the zone, the suggested use and the village (the parcel's, as its
    // classification row has it); with no parcel under it, the village boundary around it.
    AssetPlace placeOf(const OGRFeature& asset) {
        AssetPlace place;
        const OGRGeometry* g = asset.GetGeometryRef();
        if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint || g->IsEmpty())
            return place;
        const double x = g->toPoint()->getX(), y = g->toPoint()->getY();
        const long long parcel = m_parcels ? featureHoldingPoint(*m_parcels, x, y) : -1;
        if (parcel >= 0 && m_session.parcelRow(parcel)) {
            const OGRFeatureUniquePtr row = classRow(parcel, *m_classes);
            place.zoneName = fieldText(*row, "ZONE_NAME");
            place.suggestedUse = fieldText(*row, "SUGGESTED_USE");
            // A parcel in no village (its code matched none, and no boundary holds it) has no
            // name: classification then looks for the boundary around the asset itself.
            if (!fieldText(*row, "VILLAGE_NAME").empty()) {
                place.villageCode = fieldText(*row, "VILLAGE_CODE");
                place.villageName = fieldText(*row, "VILLAGE_NAME");
                return place;
            }
        }
        if (OGRLayer* villages = m_session.m_store->layer(villagesLayer)) {
            const long long village = featureHoldingPoint(*villages, x, y);
            GdalMessageCollector quiet;
            if (const OGRFeatureUniquePtr v(village >= 0 ? villages->GetFeature(village) : nullptr);
                v) {
                place.villageCode = fieldText(*v, "ZLDWDM");
                place.villageName = fieldText(*v, "ZLDWMC");
            }
        }
        return place;
    }

    // The parcel's row in parcel_classes (`from` m_classes), or the row its edits are written
    // to (m_classWrites): both have the same FID.
    OGRFeatureUniquePtr classRow(long long parcelFid, OGRLayer& from) {
        const ParcelRow* p = m_session.parcelRow(parcelFid);
        OGRFeatureUniquePtr row(p ? from.GetFeature(p->classFid) : nullptr);
        if (!row)
            fail("the classification row of parcel " + std::to_string(parcelFid) + " has gone",
                 classesLayer);
        return row;
    }

    // Sets a field from its text form; an audit row when the value changed.
    void set(OGRFeature& row, const char* layer, long long fid, const char* field,
             const std::string& value) {
        const int i = row.GetFieldIndex(field);
        if (i < 0)
            return; // a ledger without the optional column
        const std::string before = fieldText(row, field);
        if (value.empty())
            row.SetFieldNull(i);
        else
            row.SetField(i, value.c_str());
        const std::string after = fieldText(row, field);
        if (after != before)
            audit(layer, fid, field, before, after);
    }

    void audit(const char* layer, long long fid, const char* field, const std::string& before,
               const std::string& after) {
        OGRFeatureUniquePtr row(OGRFeature::CreateFeature(m_audit->GetLayerDefn()));
        row->SetField("time", m_time.c_str());
        row->SetField("user", m_user.c_str());
        row->SetField("layer", layer);
        row->SetField("feature_id", std::to_string(fid).c_str());
        row->SetField("field", field);
        row->SetField("old_value", before.c_str());
        row->SetField("new_value", after.c_str());
        row->SetField("action", m_action.c_str());
        if (m_audit->CreateFeature(row.get()) != OGRERR_NONE)
            fail("cannot append to the audit log", auditLayer);
        ++m_auditRows;
    }

    void store(OGRLayer& layer, OGRFeature& row, const char* name) {
        if (layer.SetFeature(&row) != OGRERR_NONE)
            fail("cannot write feature " + std::to_string(row.GetFID()), name);
    }

    // A parcel's TRANSFERRED/LZFS/LZHTBM follow the ledger: the record covering today, the
    // latest-starting one when several do.
    void updateParcelTransfer(const std::string& bsm) {
        const std::optional<long long> fid = m_session.parcelFid(bsm);
        if (!fid)
            return;
        const std::string& today = m_session.m_options.today;
        const std::vector<TransferRecord> records =
            m_session.savedTransfers("DKBM = " + sqlQuoted(bsm));
        const TransferRecord* active = nullptr;
        for (const TransferRecord& r : records)
            if (r.start <= today && today <= r.end && (!active || r.start > active->start))
                active = &r;
        OGRFeatureUniquePtr row = classRow(*fid, *m_classWrites);
        set(*row, classesLayer, *fid, "TRANSFERRED", active ? "1" : "0");
        set(*row, classesLayer, *fid, "LZFS", active ? active->mode : "");
        set(*row, classesLayer, *fid, "LZHTBM", active ? active->contract : "");
        set(*row, classesLayer, *fid, "TRANSFER_RULE",
            active ? "manual edit: contract " + active->contract + " covers " + active->start +
                         ".." + active->end
                   : "manual edit: no contract covers " + today);
        store(*m_classWrites, *row, classesLayer);
    }

    void ensureLedger() {
        if (m_ledger)
            return;
        m_ledger = &m_session.m_store->recreateLayer(ledgerLayer, wkbNone, 0,
                                                     {{"LZHTBM", OFTString},
                                                      {"DKBM", OFTString},
                                                      {"CBFMC", OFTString},
                                                      {"SRFMC", OFTString},
                                                      {"LZFS", OFTString},
                                                      {"LZMJM", OFTReal},
                                                      {"LZQXKSRQ", OFTString},
                                                      {"LZQXJSRQ", OFTString},
                                                      {"LZHTDYT", OFTString}});
    }

    [[noreturn]] void fail(const std::string& what, const char* layer) {
        throw Error(what + " (" + CPLGetLastErrorMsg() + "); nothing was saved",
                    {m_session.m_path, layer, {}, {}});
    }

    ProjectEditSession& m_session;
    std::string m_time, m_user, m_action;
    OGRLayer* m_classes = nullptr;     // parcel_classes, as read
    OGRLayer* m_classWrites = nullptr; // where its editable columns are written
    OGRLayer* m_audit = nullptr;
    OGRLayer* m_ledger = nullptr;
    OGRLayer* m_assets = nullptr;
    OGRLayer* m_idleItems = nullptr;
    OGRLayer* m_parcels = nullptr;
    std::string m_flagField; // the survey's idle flag on the parcels, e.g. SFXZ
    std::size_t m_auditRows = 0;
};

std::unique_ptr<ProjectEditSession> ProjectEditSession::open(const std::string& path,
                                                             EditSessionOptions options) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw InputError("project not found; check the path", {path, {}, {}, {}});
    if (options.user.empty())
        options.user = currentUserName();
    if (options.today.empty()) {
        // The day the classification judged the ledger on: an edited parcel must be judged on
        // the same day as its neighbours, or one edit would shift the report's totals.
        options.today = openGeoPackageProject(path)->property("classified_as_of");
        if (options.today.empty())
            options.today = utcTimestamp().substr(0, 10);
    }
    return std::unique_ptr<ProjectEditSession>(new ProjectEditSession(path, std::move(options)));
}

ProjectEditSession::ProjectEditSession(const std::string& path, EditSessionOptions options)
    : m_path(path)
    , m_options(std::move(options))
    , m_lock(path)
    , m_store(openGeoPackageProject(path)) {
    if (!m_store->hasLayer("parcels") || !m_store->hasLayer(classesLayer))
        throw InputError("has no classified parcels to edit; import parcels and run classify "
                         "first",
                         {path, {}, {}, {}});
    if (m_options.assetIdleValues.empty())
        m_options.assetIdleValues = storedAssetIdleValues(*m_store);
    loadLedgerKeys();
}

ProjectEditSession::~ProjectEditSession() = default;

// The classifier writes classification rows in parcel order, so the row whose FID is the
// parcel's is tried first (a primary-key lookup); otherwise a search by PARCEL_FID.
const ProjectEditSession::ParcelRow* ProjectEditSession::parcelRow(long long parcelFid) const {
    if (const auto cached = m_parcels.find(parcelFid); cached != m_parcels.end())
        return cached->second ? &*cached->second : nullptr;
    OGRLayer* classes = m_store->layer(classesLayer);
    GdalMessageCollector quiet; // a missing FID is an answer, not an error
    OGRFeatureUniquePtr row(classes->GetFeature(parcelFid));
    if (!row || row->GetFieldAsInteger64("PARCEL_FID") != parcelFid) {
        classes->SetAttributeFilter(("PARCEL_FID = " + std::to_string(parcelFid)).c_str());
        classes->ResetReading();
        row.reset(classes->GetNextFeature());
        classes->SetAttributeFilter(nullptr);
        classes->ResetReading(); // finishes the read statement, which would block other writers
    }
    std::optional<ParcelRow> found;
    if (row)
        found = ParcelRow{row->GetFID(), fieldText(*row, "BSM"), row->GetFieldAsDouble("AREA_MU"),
                          row->GetFieldAsInteger("IDLE") != 0};
    const auto& stored = m_parcels.emplace(parcelFid, std::move(found)).first->second;
    return stored ? &*stored : nullptr;
}

// Assets are read when an edit or a view names them, like parcels, and kept for the session.
const AssetRecord* ProjectEditSession::assetRow(long long assetFid) const {
    if (const auto cached = m_assets.find(assetFid); cached != m_assets.end())
        return cached->second ? &*cached->second : nullptr;
    OGRLayer* assets = m_store->layer(assetsLayer);
    std::optional<AssetRecord> found = assets ? readAssetRecord(*assets, assetFid) : std::nullopt;
    const auto& stored = m_assets.emplace(assetFid, std::move(found)).first->second;
    return stored ? &*stored : nullptr;
}

// Only the keys of the saved ledger are held (a county's ledger has ~10^5 rows; whole
// records cost about 1 KB each); records are read from the project when asked for.
void ProjectEditSession::loadLedgerKeys() {
    m_savedKeys.clear();
    OGRLayer* ledger = m_store->layer(ledgerLayer);
    if (!ledger)
        return;
    ledger->ResetReading();
    for (auto&& row : *ledger)
        m_savedKeys.insert({fieldText(*row, "LZHTBM"), fieldText(*row, "DKBM")});
    ledger->ResetReading();
}

std::vector<TransferRecord> ProjectEditSession::savedTransfers(const std::string& filter) const {
    std::vector<TransferRecord> out;
    OGRLayer* ledger = m_store->layer(ledgerLayer);
    if (!ledger)
        return out;
    ledger->SetAttributeFilter(filter.c_str());
    ledger->ResetReading();
    for (auto&& row : *ledger)
        out.push_back(recordOf(*row));
    ledger->SetAttributeFilter(nullptr);
    ledger->ResetReading(); // finishes the read statement, which would block other writers
    return out;
}

std::optional<TransferRecord> ProjectEditSession::savedTransfer(const TransferKey& key) const {
    if (!m_savedKeys.count(key))
        return std::nullopt;
    std::vector<TransferRecord> found = savedTransfers("LZHTBM = " + sqlQuoted(key.contract) +
                                                       " AND DKBM = " + sqlQuoted(key.parcel));
    if (found.empty())
        return std::nullopt;
    return std::move(found.front());
}

void ProjectEditSession::applyTo(Overlay& overlay, const ProjectEdit& edit) const {
    if (const auto* mark = std::get_if<MarkIdle>(&edit)) {
        for (long long fid : mark->parcels)
            overlay.idle[fid] = mark->idle;
    } else if (const auto* status = std::get_if<SetAssetStatus>(&edit)) {
        for (long long fid : status->assets)
            overlay.assetStatus[fid] = status->status;
    } else if (const auto* add = std::get_if<AddTransfer>(&edit)) {
        overlay.ledger[keyOf(add->record)] = add->record;
    } else if (const auto* change = std::get_if<EditTransfer>(&edit)) {
        overlay.ledger[change->key] = std::nullopt;
        overlay.ledger[keyOf(change->record)] = change->record;
    } else {
        const auto& end = std::get<EndTransfer>(edit);
        std::optional<TransferRecord> current = transfer(end.key);
        if (current) {
            current->end = end.date;
            overlay.ledger[end.key] = std::move(current);
        }
    }
}

void ProjectEditSession::rebuildEffective() {
    m_effective = {};
    for (const ProjectEdit& e : m_pending)
        applyTo(m_effective, e);
}

TransferContext ProjectEditSession::transferContext() const {
    TransferContext c;
    c.modes = {m_options.transferModes.begin(), m_options.transferModes.end()};
    c.parcelAreaMu = [this](const std::string& bsm) {
        return parcelAreaMu(bsm);
    };
    c.recordExists = [this](const TransferKey& key) {
        const auto edited = m_effective.ledger.find(key);
        return edited != m_effective.ledger.end() ? edited->second.has_value()
                                                  : m_savedKeys.count(key) > 0;
    };
    return c;
}

std::vector<FieldIssue> ProjectEditSession::check(const ProjectEdit& edit) const {
    std::vector<FieldIssue> issues;
    if (const auto* mark = std::get_if<MarkIdle>(&edit)) {
        if (mark->parcels.empty())
            issues.push_back({"PARCEL_FID", "required", "no parcel is selected"});
        for (long long fid : mark->parcels)
            if (!parcelRow(fid))
                issues.push_back({"PARCEL_FID", "no_parcel",
                                  "no parcel of the project has FID " + std::to_string(fid)});
        return issues;
    }
    if (const auto* status = std::get_if<SetAssetStatus>(&edit))
        return validateAssetStatus(*status, assetContext());
    if (const auto* add = std::get_if<AddTransfer>(&edit))
        return validateTransfer(normalised(add->record), transferContext());
    const TransferKey& key = std::holds_alternative<EditTransfer>(edit)
                                 ? std::get<EditTransfer>(edit).key
                                 : std::get<EndTransfer>(edit).key;
    const std::optional<TransferRecord> existing = transfer(key);
    if (!existing) {
        issues.push_back(
            {"LZHTBM", "no_record",
             "the ledger has no record of contract " + key.contract + " for parcel " + key.parcel});
        return issues;
    }
    if (const auto* change = std::get_if<EditTransfer>(&edit))
        return validateTransfer(normalised(change->record), transferContext(), &key);
    TransferRecord ended = *existing;
    ended.end = std::get<EndTransfer>(edit).date;
    for (FieldIssue& i : validateTransfer(normalised(ended), transferContext(), &key))
        if (i.field == "LZQXJSRQ")
            issues.push_back(std::move(i)); // only the new end date is this edit's doing
    return issues;
}

void ProjectEditSession::apply(const ProjectEdit& edit) {
    const std::vector<FieldIssue> issues = check(edit);
    if (!issues.empty()) {
        std::string message = "the edit is not valid:";
        for (const FieldIssue& i : issues)
            message += " " + i.field + ": " + i.message + ";";
        message.pop_back();
        throw InputError(message, {m_path, {}, {}, {}});
    }
    ProjectEdit stored = edit;
    if (auto* add = std::get_if<AddTransfer>(&stored))
        add->record = normalised(add->record);
    else if (auto* change = std::get_if<EditTransfer>(&stored))
        change->record = normalised(change->record);
    else if (auto* end = std::get_if<EndTransfer>(&stored))
        end->date = normalisedDate(end->date);
    applyTo(m_effective, stored);
    m_pending.push_back(std::move(stored));
}

void ProjectEditSession::pop() {
    if (m_pending.empty())
        return;
    m_pending.pop_back();
    rebuildEffective();
}

void ProjectEditSession::discard() {
    m_pending.clear();
    rebuildEffective();
}

SaveResult ProjectEditSession::save() {
    if (m_pending.empty())
        return {};
    GdalMessageCollector quiet; // failures are reported through the exception
    Writer writer(*this, utcTimestamp(), m_options.user);
    try {
        Transaction transaction(*m_store);
        for (const ProjectEdit& edit : m_pending)
            writer.write(edit);
        transaction.commit();
    } catch (...) {
        m_parcels.clear(); // rows read inside the rolled-back transaction may show its writes
        m_assets.clear();
        throw;
    }
    m_parcels.clear(); // read again from the saved project when asked
    m_assets.clear();
    const SaveResult result{m_pending.size(), writer.auditRows()};
    m_pending.clear();
    loadLedgerKeys();
    rebuildEffective();
    return result;
}

std::optional<TransferRecord> ProjectEditSession::transfer(const TransferKey& key) const {
    const auto edited = m_effective.ledger.find(key);
    if (edited != m_effective.ledger.end())
        return edited->second;
    return savedTransfer(key);
}

std::vector<TransferRecord> ProjectEditSession::transfersOfParcel(const std::string& bsm) const {
    std::vector<TransferRecord> out;
    for (TransferRecord& r : savedTransfers("DKBM = " + sqlQuoted(bsm)))
        if (!m_effective.ledger.count(keyOf(r)))
            out.push_back(std::move(r));
    for (const auto& [key, record] : m_effective.ledger)
        if (key.parcel == bsm && record)
            out.push_back(*record);
    return out;
}

std::optional<bool> ProjectEditSession::idle(long long parcelFid) const {
    const ParcelRow* p = parcelRow(parcelFid);
    if (!p)
        return std::nullopt;
    const auto edited = m_effective.idle.find(parcelFid);
    return edited != m_effective.idle.end() ? edited->second : p->idle;
}

std::optional<double> ProjectEditSession::parcelAreaMu(const std::string& bsm) const {
    const auto fid = parcelFid(bsm);
    if (!fid)
        return std::nullopt;
    return parcelRow(*fid)->areaMu;
}

// BSM has no index in the project: a search of the parcels (about 0.4 s for a million; through
// parcel_classes, a view that looks each parcel's BSM up there, twice that), remembered for the
// session. The parcel counts once it has a classification row.
std::optional<long long> ProjectEditSession::parcelFid(const std::string& bsm) const {
    if (const auto cached = m_parcelByBsm.find(bsm); cached != m_parcelByBsm.end())
        return cached->second;
    std::optional<long long> fid;
    if (OGRLayer* parcels = m_store->layer(parcelsLayer); parcels && !bsm.empty()) {
        std::vector<long long> found;
        report::readOnly(*parcels, {"BSM"}); // not their geometries
        parcels->SetAttributeFilter(("BSM = " + sqlQuoted(bsm)).c_str());
        parcels->ResetReading();
        for (auto&& row : *parcels)
            found.push_back(row->GetFID());
        parcels->SetAttributeFilter(nullptr);
        parcels->SetIgnoredFields(nullptr);
        parcels->ResetReading(); // finishes the read, which would block other writers
        for (long long candidate : found)
            if (parcelRow(candidate)) {
                fid = candidate;
                break;
            }
    }
    m_parcelByBsm.emplace(bsm, fid);
    return fid;
}

std::string ProjectEditSession::parcelBsm(long long parcelFid) const {
    const ParcelRow* p = parcelRow(parcelFid);
    return p ? p->bsm : std::string();
}

AssetContext ProjectEditSession::assetContext() const {
    AssetContext c;
    c.statuses = {m_options.assetStatuses.begin(), m_options.assetStatuses.end()};
    c.classifiedStatusField = storedAssetStatusField(*m_store);
    c.assetCode = [this](long long fid) -> std::optional<std::string> {
        const AssetRecord* a = assetRow(fid);
        return a ? std::optional<std::string>(a->code) : std::nullopt;
    };
    return c;
}

std::optional<AssetRecord> ProjectEditSession::asset(long long assetFid) const {
    const AssetRecord* a = assetRow(assetFid);
    return a ? std::optional<AssetRecord>(*a) : std::nullopt;
}

std::optional<std::string> ProjectEditSession::assetStatus(long long assetFid) const {
    const AssetRecord* a = assetRow(assetFid);
    if (!a)
        return std::nullopt;
    const auto edited = m_effective.assetStatus.find(assetFid);
    return edited != m_effective.assetStatus.end() ? edited->second : a->status;
}

} // namespace geo
