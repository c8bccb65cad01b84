#include "app/gui/identify_panel.h"

#include <algorithm>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

#include "app/gui/asset_status_editor.h"
#include "app/i18n/geo_text.h"
#include "app/resource_paths.h"
#include "geo/classifier.h"
#include "geo/error.h"
#include "geo/gdal_session.h"
#include "geo/rule_set.h"
#include "geo/village_types.h"

namespace app {
namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

QString number(double v, int decimals) {
    return QString::number(v, 'f', decimals);
}

} // namespace

IdentifyPanel::IdentifyPanel(QWidget* parent)
    : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copy = new QPushButton(this);
    connect(m_copy, &QPushButton::clicked, this, &IdentifyPanel::copyToClipboard);
    top->addWidget(m_title, 1);
    top->addWidget(m_copy);
    layout->addLayout(top);
    m_statusEditor = new AssetStatusEditor(this);
    m_statusEditor->hide(); // only for an asset of a project open for editing
    connect(m_statusEditor, &AssetStatusEditor::statusChosen, this, [this](const QString& status) {
        if (m_asset)
            emit assetStatusChosen(m_asset->record.fid, status);
    });
    layout->addWidget(m_statusEditor);
    m_table = new QTableWidget(0, 2, this);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setWordWrap(false);
    m_copySelected = new QAction(m_table);
    m_copySelected->setShortcut(QKeySequence::Copy);
    m_copySelected->setShortcutContext(Qt::WidgetShortcut);
    connect(m_copySelected, &QAction::triggered, this, &IdentifyPanel::copyToClipboard);
    m_table->addAction(m_copySelected);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    layout->addWidget(m_table, 1);
    retranslateUi();
}

void IdentifyPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

// The fixed texts; a shown parcel or asset is redrawn in the new language by refresh().
void IdentifyPanel::retranslateUi() {
    if (!m_details && !m_asset && !m_villageCode)
        m_title->setText(tr("Click a parcel, an asset or a village on the map to identify it."));
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy the table as tab-separated text (pastes into Excel or WPS)"));
    m_copySelected->setText(tr("Copy"));
    m_table->setHorizontalHeaderLabels({tr("Field"), tr("Value")});
}

IdentifyPanel::~IdentifyPanel() = default;

void IdentifyPanel::setAliases(const geo::FieldAliases& aliases, const QString& language) {
    m_aliases = aliases;
    m_language = language;
    refresh();
}

bool IdentifyPanel::setProject(const QString& path) {
    clear();
    geo::initialiseGdal();
    const char* drivers[] = {"GPKG", nullptr};
    m_ds.reset(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                 drivers, nullptr, nullptr));
    m_path = m_ds ? path : QString();
    if (!m_ds)
        m_title->setText(tr("%1 cannot be opened as a project.").arg(path));
    loadRules();
    return m_ds != nullptr;
}

void IdentifyPanel::loadRules() {
    m_rules.reset();
    m_ruleTitles.clear();
    if (!m_ds)
        return;
    // tianmu_project says "name (path)": the file classify read, or else the installed rule
    // set of that name (the project may come from another computer).
    std::string classifiedWith;
    if (OGRLayer* project = m_ds->GetLayerByName("tianmu_project")) {
        project->SetAttributeFilter("key = 'classified_with'");
        if (OGRFeatureUniquePtr row{project->GetNextFeature()})
            classifiedWith = row->GetFieldAsString("value");
        project->SetAttributeFilter(nullptr);
        project->ResetReading();
    }
    const auto open = classifiedWith.rfind(" ("), close = classifiedWith.rfind(')');
    if (open == std::string::npos || close == std::string::npos || close < open)
        return;
    const std::string name = classifiedWith.substr(0, open);
    std::string file = classifiedWith.substr(open + 2, close - open - 2);
    if (!QFileInfo::exists(QString::fromStdString(file)))
        file = dataDirectory() + "/rules/" + name + ".json";
    try {
        m_rules = geo::RuleSet::load(
            file, geo::loadLandUseCodes(dataDirectory() + "/landuse/gbt21010-2017.json"));
        for (const geo::ZoneRule& r : m_rules->rules())
            if (r.titleZh != r.id)
                m_ruleTitles[r.id] = {r.titleZh, r.titleEn};
    } catch (const std::exception&) {
        // Without the rule file the panel shows rule ids, as stored, and no chain.
    }
}

QString IdentifyPanel::ruleTitle(const std::string& id) const {
    const auto title = m_ruleTitles.find(id);
    if (title == m_ruleTitles.end())
        return q(id);
    return q(m_language == "zh" ? title->second.first : title->second.second) + " (" + q(id) + ")";
}

void IdentifyPanel::addRuleChain(const geo::ParcelDetails& d) {
    addSection(tr("Rules tried, in order (the first that holds decides)"));
    if (!m_rules) {
        addRow(tr("Rules"), tr("the rule file of the classification is not on this computer; "
                               "tianmu explain shows the chain with a rule file you name"));
        return;
    }
    // The rules tried again on the facts the classification stored: the same verdicts, unless
    // the rule file changed since (said below).
    const std::vector<geo::RuleTrace> trace = m_rules->explain(geo::storedParcelFacts(d, *m_rules));
    std::string decidedBy;
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const geo::RuleTrace& t = trace[i];
        QString verdict;
        switch (t.result) {
        case geo::RuleTrace::Result::Matched:
            decidedBy = t.ruleId;
            verdict = tr("holds: it decides the zone");
            break;
        case geo::RuleTrace::Result::NotMatched:
            verdict = tr("does not hold: %1").arg(geoText(t.why));
            break;
        case geo::RuleTrace::Result::Skipped:
            verdict = tr("skipped: %1").arg(geoText(t.why));
            break;
        }
        addRow(QString::number(i + 1) + ". " + ruleTitle(t.ruleId), verdict, q(t.ruleId));
    }
    if (decidedBy != d.zoneRule)
        addRow(tr("Note"),
               tr("the rule file changed after the classification: by the file as it is now, "
                  "%1 decides, but the stored zone came from %2; classify again")
                   .arg(decidedBy.empty() ? tr("no rule") : ruleTitle(decidedBy),
                        ruleTitle(d.zoneRule)));
}

std::optional<geo::StoredVillage> IdentifyPanel::storedVillage(const std::string& code) const {
    if (code.empty() || !m_ds)
        return std::nullopt;
    try {
        return geo::readStoredVillage(*m_ds, code);
    } catch (const std::exception&) {
        return std::nullopt; // not classified (no village_stats), or the village has no row
    }
}

void IdentifyPanel::addVillageTypes(const geo::StoredVillage& village) {
    addSection(tr("Village type of %1 (every type in order; the first that holds is the primary)")
                   .arg(q(village.name)));
    addRow(alias("PRIMARY_TYPE"),
           village.primaryTypeName.empty() ? tr("none: no type holds") : q(village.primaryTypeName),
           "PRIMARY_TYPE");
    if (!m_rules) {
        addRow(tr("Types"), tr("the rule file of the classification is not on this computer; "
                               "tianmu explain --village shows the types with a rule file you "
                               "name"));
        return;
    }
    const bool zh = m_language == "zh";
    std::vector<std::string> holding;
    int step = 0;
    for (const geo::VillageTypeTrace& t : geo::explainVillageTypes(*m_rules, village.measures)) {
        if (t.holds())
            holding.push_back(t.typeId);
        addRow(QString::number(++step) + ". " + q(zh ? t.nameZh : t.nameEn),
               (t.holds() ? tr("holds: %1") : tr("does not hold: %1")).arg(geoText(t.why)),
               q(t.typeId));
    }
    if (holding != village.types)
        addRow(tr("Note"), tr("the rule file changed after the classification: the stored types "
                              "differ from what it gives now; classify again"));
}

void IdentifyPanel::addVillageFigures(const geo::StoredVillage& village) {
    auto measure = [&](const char* name) {
        const auto it = village.measures.find(name);
        return it == village.measures.end() ? std::nullopt : it->second;
    };
    auto mu = [&](double v) {
        return tr("%1 亩").arg(number(v, 2));
    };
    auto metres = [&](const std::optional<double>& v) {
        return v ? tr("%1 m").arg(number(*v, 0)) : tr("unknown: the layer is missing");
    };
    addSection(tr("Village figures (from the classification)"));
    addRow(tr("Households"), QString::number(village.households), "HOUSEHOLDS");
    addRow(tr("Parcels"), QString::number(village.parcels), "PARCELS");
    addRow(tr("Area"), mu(village.areaMu), "AREA_MU");
    addRow(tr("Idle land"), mu(measure("idle_area_mu").value_or(0.0)), "IDLE_MU");
    addRow(tr("Transferred land"), mu(village.transferredMu), "TRANSFERRED_MU");
    addRow(tr("Orchards, tea and ponds"),
           number(100.0 * measure("cash_crop_share").value_or(0.0), 1) + " %", "CASH_CROP_SHARE");
    addRow(tr("Centre to the nearest river"), metres(measure("centre_river_distance_m")),
           "RIVER_DIST_M");
    addRow(tr("Centre to the nearest main road"), metres(measure("centre_road_distance_m")),
           "ROAD_DIST_M");
    addRow(tr("Centre to the township seat"), metres(measure("centre_seat_distance_m")),
           "SEAT_DIST_M");
    // Area per zone, named in the panel's language where the rules are at hand, else by the
    // zone id of the table's column.
    const bool zh = m_language == "zh";
    for (const auto& [zoneId, zoneMu] : village.zoneMu) {
        const geo::Zone* zone = m_rules ? m_rules->zone(zoneId) : nullptr;
        addRow(tr("Zone %1").arg(zone ? q(zh ? zone->nameZh : zone->nameEn) : q(zoneId)),
               mu(zoneMu), q("ZONE_" + zoneId + "_MU"));
    }
}

void IdentifyPanel::showVillage(const QString& code, const QString& name) {
    if (!m_ds)
        return;
    m_details.reset();
    m_asset.reset();
    m_statusEditor->hide();
    m_villageCode = code;
    m_villageName = name;
    m_table->setRowCount(0);
    m_table->clearSpans();
    m_title->setText(tr("Village %1 (%2)").arg(name, code));
    addSection(tr("Village"));
    addRow(alias("VILLAGE_NAME"), name, "ZLDWMC");
    addRow(alias("VILLAGE_CODE"), code, "ZLDWDM");
    if (const std::optional<geo::StoredVillage> village = storedVillage(code.toStdString())) {
        addVillageFigures(*village);
        addVillageTypes(*village);
    } else {
        addRow(tr("Figures"), tr("not classified yet: run Classify"));
    }
    fitNameColumn();
}

void IdentifyPanel::setEditSession(const geo::ProjectEditSession* session) {
    m_session = session;
    refresh();
}

void IdentifyPanel::refresh() {
    if (m_details)
        showParcel(m_details->fid);
    else if (m_asset)
        showAsset(m_asset->record.fid);
    else if (m_villageCode)
        showVillage(*m_villageCode, m_villageName.value_or(QString()));
}

void IdentifyPanel::clear() {
    m_details.reset();
    m_asset.reset();
    m_villageCode.reset();
    m_villageName.reset();
    m_statusEditor->hide();
    m_table->setRowCount(0);
    m_title->setText(tr("Click a parcel, an asset or a village on the map to identify it."));
}

bool IdentifyPanel::editingThisProject() const {
    return m_session && m_session->path() == m_path.toStdString();
}

QString IdentifyPanel::alias(const char* field) const {
    return q(m_aliases.alias(field, m_language.toStdString()));
}

void IdentifyPanel::addSection(const QString& title) {
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto* item = new QTableWidgetItem(title);
    QFont bold = item->font();
    bold.setBold(true);
    item->setFont(bold);
    item->setBackground(palette().alternateBase());
    m_table->setItem(row, 0, item);
    m_table->setSpan(row, 0, 1, 2);
}

void IdentifyPanel::fitNameColumn() {
    // To the longest field name, not to the section titles that span both columns (Qt's
    // resizeColumnToContents counts them, and one long title left no room for the values),
    // and to at most 55 % of the table, so that the values always show.
    int widest = 0;
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (const QTableWidgetItem* item = m_table->item(row, 0);
            item && m_table->columnSpan(row, 0) == 1)
            widest = std::max(widest, m_table->fontMetrics().horizontalAdvance(item->text()));
    const int padding = 2 * m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 12;
    const int room = m_table->viewport()->width() * 55 / 100;
    m_table->setColumnWidth(0, std::min(widest + padding, std::max(room, 80)));
}

void IdentifyPanel::addRow(const QString& name, const QString& value, const QString& tip) {
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto* nameItem = new QTableWidgetItem(name);
    nameItem->setToolTip(tip.isEmpty() ? name : tip);
    m_table->setItem(row, 0, nameItem);
    auto* valueItem = new QTableWidgetItem(value);
    valueItem->setToolTip(value); // long rules and records are cut in the cell
    m_table->setItem(row, 1, valueItem);
}

bool IdentifyPanel::showParcel(qint64 fid) {
    if (!m_ds)
        return false;
    try {
        m_details = geo::readParcelDetails(*m_ds, fid);
    } catch (const geo::Error& e) {
        clear();
        m_title->setText(tr("No parcel %1 in this project (%2).").arg(fid).arg(q(e.message())));
        return false;
    } catch (const std::exception& e) { // nothing may escape into Qt's event loop
        clear();
        m_title->setText(tr("Parcel %1 cannot be read: %2").arg(fid).arg(q(e.what())));
        return false;
    }
    m_asset.reset();
    m_villageCode.reset();
    m_villageName.reset();
    m_statusEditor->hide();
    // Pending edits of the session replace what the file says, and say so.
    bool idleUnsaved = false, transfersUnsaved = false;
    if (editingThisProject()) {
        geo::ParcelDetails& e = *m_details;
        if (const auto pending = m_session->pendingIdle().find(fid);
            pending != m_session->pendingIdle().end()) {
            idleUnsaved = pending->second != e.idle;
            e.idle = pending->second;
            if (idleUnsaved)
                e.idleRule = "manual";
        }
        std::vector<geo::TransferRecord> records = m_session->transfersOfParcel(e.bsm);
        auto byKey = [](const geo::TransferRecord& a, const geo::TransferRecord& b) {
            return geo::keyOf(a) < geo::keyOf(b);
        };
        std::sort(records.begin(), records.end(), byKey);
        std::vector<geo::TransferRecord> saved = e.transfers;
        std::sort(saved.begin(), saved.end(), byKey);
        transfersUnsaved = records != saved;
        e.transfers = std::move(records);
    }
    const geo::ParcelDetails& d = *m_details;
    m_table->setRowCount(0);
    m_table->clearSpans();
    m_title->setText(tr("Parcel %1 (FID %2)").arg(q(d.bsm)).arg(fid));

    addSection(tr("Areas"));
    auto area = [&](const QString& name, const std::optional<geo::Area>& a, const char* field) {
        if (a)
            addRow(name,
                   tr("%1 亩 = %2 公顷 = %3 m²")
                       .arg(number(a->inMu(), 2), number(a->inHectares(), 4),
                            number(a->inSquareMetres(), 1)),
                   QString::fromUtf8(field));
    };
    area(tr("Ellipsoidal area"), d.ellipsoidal, "AREA_ELL");
    area(tr("Planar (Gauss-Kruger) area"), d.planar, "AREA_PLN");
    area(tr("Surveyed area (TBMJ)"), d.surveyed, "TBMJ");

    addSection(tr("Classification"));
    if (!d.classified) {
        addRow(tr("Zone"), tr("not classified yet: run Classify"));
    } else {
        addRow(alias("ZONE_NAME"), q(d.zoneName) + " (" + q(d.zone) + ")", "ZONE_NAME");
        addRow(alias("ZONE_RULE"), ruleTitle(d.zoneRule), "ZONE_RULE");
        addRow(alias("SUGGESTED_USE"), q(d.suggestedUse), "SUGGESTED_USE");
        addRow(alias("VILLAGE_NAME"), q(d.villageName) + " " + q(d.villageCode), "VILLAGE_NAME");
        addRow(alias("VILLAGE_RULE"), geoText(d.villageRule), "VILLAGE_RULE");
        addRow(alias("IDLE"),
               (d.idle ? tr("idle") : tr("in use")) + (idleUnsaved ? tr(" (unsaved)") : ""),
               "IDLE");
        addRow(alias("IDLE_RULE"), geoText(d.idleRule), "IDLE_RULE");
        addRow(
            alias("TRANSFERRED"),
            d.transferred
                ? tr("transferred (%1, contract %2)").arg(q(d.transferMode), q(d.transferContract))
                : tr("not transferred"),
            "TRANSFERRED");
        addRow(alias("TRANSFER_RULE"), geoText(d.transferRule), "TRANSFER_RULE");
        addRuleChain(d);
        if (const std::optional<geo::StoredVillage> village = storedVillage(d.villageCode))
            addVillageTypes(*village);
    }

    addSection(tr("Transfer records (%1)").arg(d.transfers.size()) +
               (transfersUnsaved ? tr(" (unsaved edits)") : ""));
    for (const geo::TransferRecord& r : d.transfers)
        addRow(q(r.contract),
               tr("%1, %2 to %3, %4 亩, %5 → %6")
                   .arg(q(r.mode), q(r.start), q(r.end), number(r.areaMu, 2), q(r.transferor),
                        q(r.transferee)),
               "LZHTBM LZFS LZQXKSRQ LZQXJSRQ LZMJM CBFMC SRFMC");

    addSection(tr("Attributes"));
    for (const auto& [name, value] : d.attributes)
        addRow(q(m_aliases.alias(name, m_language.toStdString())), q(value), q(name));
    fitNameColumn();
    return true;
}

bool IdentifyPanel::showAsset(qint64 fid) {
    if (!m_ds)
        return false;
    try {
        m_asset = geo::readAssetDetails(*m_ds, fid);
    } catch (const geo::Error& e) {
        clear();
        m_title->setText(tr("No asset %1 in this project (%2).").arg(fid).arg(q(e.message())));
        return false;
    } catch (const std::exception& e) { // nothing may escape into Qt's event loop
        clear();
        m_title->setText(tr("Asset %1 cannot be read: %2").arg(fid).arg(q(e.what())));
        return false;
    }
    m_details.reset();
    m_villageCode.reset();
    m_villageName.reset();
    // A pending status replaces the saved one, and says so.
    bool statusUnsaved = false;
    const bool editing = editingThisProject();
    if (editing) {
        if (const auto pending = m_session->pendingAssetStatus().find(fid);
            pending != m_session->pendingAssetStatus().end()) {
            statusUnsaved = pending->second != m_asset->record.status;
            m_asset->record.status = pending->second;
        }
    }
    m_table->setRowCount(0);
    m_table->clearSpans();
    m_title->setText(tr("Asset %1 (FID %2)").arg(q(m_asset->record.code)).arg(fid));
    showAssetRows(*m_asset, statusUnsaved);
    if (editing) {
        QStringList statuses;
        for (const std::string& s : m_session->options().assetStatuses)
            statuses << q(s);
        m_statusEditor->setStatuses(statuses, q(m_asset->record.status));
    }
    m_statusEditor->setVisible(editing);
    return true;
}

void IdentifyPanel::showAssetRows(const geo::AssetDetails& asset, bool statusUnsaved) {
    const geo::AssetRecord& a = asset.record;
    const QString none = tr("not recorded");
    addSection(tr("Asset"));
    addRow(alias("ZCBM"), q(a.code), "ZCBM");
    addRow(alias("ZCMC"), q(a.name), "ZCMC");
    addRow(alias("ZCLX"), q(a.type), "ZCLX");
    addRow(alias("ZT"), q(a.status) + (statusUnsaved ? tr(" (unsaved)") : ""), "ZT");
    addRow(alias("XZRQ"), a.idleSince.empty() ? none : q(a.idleSince), "XZRQ");
    addRow(alias("ZMJZ"), a.bookValue ? tr("%1 元").arg(number(*a.bookValue, 2)) : none, "ZMJZ");
    addRow(alias("ZLDWMC"), (q(a.villageName) + " " + q(a.villageCode)).trimmed(), "ZLDWMC");

    // Saved changes only: a pending one shows in the status row above until it is saved.
    addSection(tr("Changes recorded (%1)").arg(asset.history.size()));
    for (const geo::AuditEntry& e : asset.history)
        addRow(q(e.time),
               tr("%1: %2 %3 → %4")
                   .arg(q(e.user), alias(e.field.c_str()),
                        e.oldValue.empty() ? tr("(empty)") : q(e.oldValue),
                        e.newValue.empty() ? tr("(empty)") : q(e.newValue)),
               "time user field old_value new_value");

    addSection(tr("Attributes"));
    for (const auto& [name, value] : asset.attributes)
        addRow(q(m_aliases.alias(name, m_language.toStdString())), q(value), q(name));
    fitNameColumn();
}

QString IdentifyPanel::text() const {
    QString out = m_title->text() + "\n";
    const QList<QTableWidgetItem*> selected = m_table->selectedItems();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QStringList cells;
        bool any = selected.isEmpty();
        for (int column = 0; column < 2; ++column) {
            const QTableWidgetItem* item = m_table->item(row, column);
            any = any || (item && item->isSelected());
            cells << (item ? item->text() : QString());
        }
        if (any)
            out += cells.join('\t').trimmed() + "\n";
    }
    return out;
}

void IdentifyPanel::copyToClipboard() const {
    QApplication::clipboard()->setText(text());
}

} // namespace app
