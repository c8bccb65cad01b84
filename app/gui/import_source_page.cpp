#include "app/gui/import_source_page.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "app/gui/crs_picker.h"
#include "app/gui/import_wizard.h"
#include "app/i18n/geo_text.h"
#include "geo/text_encoding.h"

namespace app {
namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

// The encodings Chinese survey data comes in, and the usual suspects when it is garbled.
struct EncodingChoice {
    const char* iconv;
    const char* label;
};
constexpr EncodingChoice encodingChoices[] = {
    {"UTF-8", "UTF-8"},
    {"CP936", "GBK (CP936)"},
    {"GB18030", "GB18030"},
    {"CP950", "Big5 (CP950)"},
    {"CP1252", "Western European (CP1252)"},
};

// geo states who decided in a fixed vocabulary; show it in the user's language.
QString decidedByText(const std::string& by) {
    static const char* const names[][2] = {
        {"override", QT_TRANSLATE_NOOP("app::ImportSourcePage", "your choice")},
        {"cpg", QT_TRANSLATE_NOOP("app::ImportSourcePage", "the .cpg file")},
        {"language byte", QT_TRANSLATE_NOOP("app::ImportSourcePage", "the DBF language byte")},
        {"byte validation",
         QT_TRANSLATE_NOOP("app::ImportSourcePage", "checking the bytes of the text")},
        {"default", QT_TRANSLATE_NOOP("app::ImportSourcePage", "the default for Chinese data")},
        {"format", QT_TRANSLATE_NOOP("app::ImportSourcePage", "the file format")},
        {"prj", QT_TRANSLATE_NOOP("app::ImportSourcePage", "the .prj file")},
        {"coordinates", QT_TRANSLATE_NOOP("app::ImportSourcePage", "the coordinates")},
        {"reference layer",
         QT_TRANSLATE_NOOP("app::ImportSourcePage", "the layers already in the project")},
        {"unknown", QT_TRANSLATE_NOOP("app::ImportSourcePage", "nothing: it is unknown")},
    };
    for (const auto& n : names)
        if (by == n[0])
            return QCoreApplication::translate("app::ImportSourcePage", n[1]);
    return q(by);
}

} // namespace

ImportSourcePage::ImportSourcePage(ImportWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_fileLabel(new QLabel(this))
    , m_file(new QComboBox(this))
    , m_layerLabel(new QLabel(this))
    , m_layer(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_encodingTab(new QWidget(this))
    , m_encodingLabel(new QLabel(this))
    , m_encoding(new QComboBox(this))
    , m_encodingEvidence(new QLabel(this))
    , m_previewLabel(new QLabel(this))
    , m_preview(new QTableWidget(this))
    , m_crsTab(new QWidget(this))
    , m_crsDecision(new QLabel(this))
    , m_crsConfirm(new QCheckBox(this))
    , m_crsPickLabel(new QLabel(this))
    , m_crsPicker(new CrsPicker(this))
    , m_mappingTab(new QWidget(this))
    , m_profileLabel(new QLabel(this))
    , m_profile(new QComboBox(this))
    , m_mapping(new QTableWidget(this))
    , m_unmapped(new QLabel(this))
    , m_validationTab(new QWidget(this))
    , m_validation(new QLabel(this)) {
    setCommitPage(true); // the import cannot be taken back from the next page

    auto* top = new QHBoxLayout;
    top->addWidget(m_fileLabel);
    top->addWidget(m_file, 2);
    top->addSpacing(12);
    top->addWidget(m_layerLabel);
    top->addWidget(m_layer, 1);
    for (const QString& layer : importLayers())
        m_layer->addItem(layerTitle(layer), layer);

    m_encoding->addItem(QString(), QStringLiteral("auto"));
    for (const EncodingChoice& c : encodingChoices)
        m_encoding->addItem(QString::fromUtf8(c.label), QString::fromLatin1(c.iconv));
    m_encodingEvidence->setWordWrap(true);
    m_encodingEvidence->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->verticalHeader()->setVisible(false);
    auto* encodingRow = new QHBoxLayout;
    encodingRow->addWidget(m_encodingLabel);
    encodingRow->addWidget(m_encoding);
    encodingRow->addStretch(1);
    auto* encodingLayout = new QVBoxLayout(m_encodingTab);
    encodingLayout->addLayout(encodingRow);
    encodingLayout->addWidget(m_encodingEvidence);
    encodingLayout->addWidget(m_previewLabel);
    encodingLayout->addWidget(m_preview, 1);

    m_crsDecision->setWordWrap(true);
    m_crsDecision->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* crsLayout = new QVBoxLayout(m_crsTab);
    crsLayout->addWidget(m_crsDecision);
    crsLayout->addWidget(m_crsConfirm);
    crsLayout->addWidget(m_crsPickLabel);
    crsLayout->addWidget(m_crsPicker, 1);

    m_mapping->setColumnCount(3);
    m_mapping->verticalHeader()->setVisible(false);
    m_mapping->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_mapping->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_mapping->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_mapping->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* profileRow = new QHBoxLayout;
    profileRow->addWidget(m_profileLabel);
    profileRow->addWidget(m_profile, 1);
    auto* mappingLayout = new QVBoxLayout(m_mappingTab);
    mappingLayout->addLayout(profileRow);
    mappingLayout->addWidget(m_mapping, 1);
    m_unmapped->setWordWrap(true);
    mappingLayout->addWidget(m_unmapped);

    m_validation->setWordWrap(true);
    m_validation->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_validation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* validationLayout = new QVBoxLayout(m_validationTab);
    validationLayout->addWidget(m_validation, 1);

    m_tabs->addTab(m_encodingTab, QString());
    m_tabs->addTab(m_crsTab, QString());
    m_tabs->addTab(m_mappingTab, QString());
    m_tabs->addTab(m_validationTab, QString());
    m_status->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_tabs, 1);

    connect(m_file, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            refreshAll();
    });
    connect(m_layer, &QComboBox::currentIndexChanged, this, [this] {
        ImportPlan* p = plan();
        if (m_updating || !p)
            return;
        p->layer = m_layer->currentData().toString();
        p->profile.clear();
        p->mapping.reset();
        refreshAll();
    });
    connect(m_encoding, &QComboBox::currentIndexChanged, this, [this] {
        ImportPlan* p = plan();
        if (m_updating || !p)
            return;
        p->encoding = m_encoding->currentData().toString();
        refreshPreview();
        refreshMapping();
        refreshValidation();
    });
    connect(m_crsPicker, &CrsPicker::epsgChanged, this, [this](int epsg) {
        ImportPlan* p = plan();
        if (m_updating || !p || epsg == 0)
            return;
        const int detected = p->info.layers.empty() ? 0 : p->info.layers.front().crs.epsg;
        p->crsEpsg = epsg == detected ? 0 : epsg;
        p->crsConfirmed = true; // picking one, even the inferred one, is looking at it
        refreshAll();
        emit completeChanged();
    });
    connect(m_crsConfirm, &QCheckBox::toggled, this, [this](bool on) {
        ImportPlan* p = plan();
        if (m_updating || !p)
            return;
        p->crsConfirmed = on;
        refreshAll();
        emit completeChanged();
    });
    connect(m_profile, &QComboBox::currentIndexChanged, this, [this] {
        ImportPlan* p = plan();
        if (m_updating || !p)
            return;
        p->profile = m_profile->currentData().toString();
        p->mapping.reset();
        refreshMapping();
        refreshValidation();
    });
    connect(wizard, &ImportWizard::filesChanged, this, &ImportSourcePage::refreshFiles);
    retranslateUi();
}

void ImportSourcePage::initializePage() {
    refreshFiles();
}

bool ImportSourcePage::isComplete() const {
    return !m_wizard->isInspecting() && !m_wizard->plans().empty() && blocker().isEmpty();
}

QString ImportSourcePage::blocker() const {
    for (const ImportPlan& p : m_wizard->plans()) {
        const QString name = QFileInfo(p.path).fileName();
        if (!p.inspected)
            return tr("%1 is still being read.").arg(name);
        if (!p.inspectionError.isEmpty())
            return tr("%1 cannot be read: remove it on the previous page.").arg(name);
        if (p.lacksCrs())
            return tr("Pick the coordinate system of %1.").arg(name);
        if (p.awaitsCrsConfirmation())
            return tr("Confirm the coordinate system of %1, or pick the right one.").arg(name);
    }
    return {};
}

ImportPlan* ImportSourcePage::plan() {
    const int i = m_file->currentIndex();
    auto& plans = m_wizard->plans();
    return i >= 0 && i < static_cast<int>(plans.size()) ? &plans[static_cast<std::size_t>(i)]
                                                        : nullptr;
}

void ImportSourcePage::showFile(int index) {
    m_file->setCurrentIndex(index);
}

int ImportSourcePage::currentFile() const {
    return m_file->currentIndex();
}

void ImportSourcePage::refreshFiles() {
    m_updating = true;
    const int current = std::max(0, m_file->currentIndex());
    m_file->clear();
    for (const ImportPlan& p : m_wizard->plans())
        m_file->addItem(QFileInfo(p.path).fileName(), p.path);
    m_file->setCurrentIndex(std::min(current, m_file->count() - 1));
    m_updating = false;
    refreshAll();
    emit completeChanged();
}

void ImportSourcePage::refreshAll() {
    ImportPlan* p = plan();
    m_updating = true;
    if (p)
        m_layer->setCurrentIndex(m_layer->findData(p->layer));
    m_updating = false;
    if (!p) {
        m_status->setText(tr("No files chosen."));
    } else if (!p->inspected) {
        m_status->setText(tr("Reading %1…").arg(QFileInfo(p->path).fileName()));
    } else if (!p->inspectionError.isEmpty()) {
        m_status->setText(tr("This file cannot be read: %1").arg(p->inspectionError));
    } else if (p->isRaster()) {
        m_status->setText(tr("An elevation raster: its coordinate system is decided when it is "
                             "imported; it has no attributes to decode or map."));
    } else {
        const geo::LayerInfo* li = p->info.layers.empty() ? nullptr : &p->info.layers.front();
        m_status->setText(tr("%1: %2 features (%3), %4 fields.")
                              .arg(q(p->info.driver))
                              .arg(li ? li->features : 0)
                              .arg(li ? q(li->geometryType) : QString())
                              .arg(li ? li->fields.size() : 0));
    }
    if (const QString b = blocker(); !b.isEmpty() && !m_wizard->isInspecting())
        m_status->setText(m_status->text() + QStringLiteral("  ") + b);
    const bool vector = p && p->inspected && p->inspectionError.isEmpty() && !p->isRaster();
    m_tabs->setTabEnabled(0, vector);
    m_tabs->setTabEnabled(2, vector);
    m_tabs->setTabEnabled(3, vector);
    m_layer->setEnabled(p && p->inspected);
    refreshEncoding();
    refreshPreview();
    refreshCrs();
    refreshMapping();
    refreshValidation();
}

void ImportSourcePage::refreshEncoding() {
    const ImportPlan* p = plan();
    m_updating = true;
    QString detected = p ? q(p->info.encoding.encoding) : QString();
    for (const EncodingChoice& c : encodingChoices)
        if (detected == QLatin1String(c.iconv))
            detected = QString::fromUtf8(c.label);
    m_encoding->setItemText(0, detected.isEmpty() ? tr("Automatic")
                                                  : tr("Automatic (detected: %1)").arg(detected));
    m_encoding->setCurrentIndex(p ? std::max(0, m_encoding->findData(p->encoding)) : 0);
    m_updating = false;
    if (!p || detected.isEmpty()) {
        m_encodingEvidence->clear();
        return;
    }
    QStringList evidence;
    for (const std::string& e : p->info.encoding.evidence)
        evidence << geoText(e);
    m_encodingEvidence->setText(
        tr("Detected %1, decided by %2.").arg(detected, decidedByText(p->info.encoding.decidedBy)) +
        (evidence.isEmpty() ? QString() : QStringLiteral("\n• ") + evidence.join("\n• ")));
}

void ImportSourcePage::refreshPreview() {
    const ImportPlan* p = plan();
    m_preview->clear();
    m_preview->setRowCount(0);
    m_preview->setColumnCount(0);
    if (!p || !p->inspected || p->isRaster())
        return;
    const std::string enc = p->effectiveEncoding();
    auto decode = [&](const std::string& bytes) {
        return q(enc.empty() ? bytes : geo::decodeToUtf8(bytes, enc));
    };
    QStringList headers;
    for (const std::string& name : p->raw.fieldNames)
        headers << decode(name);
    m_preview->setColumnCount(static_cast<int>(headers.size()));
    m_preview->setHorizontalHeaderLabels(headers);
    m_preview->setRowCount(static_cast<int>(p->raw.records.size()));
    for (int r = 0; r < static_cast<int>(p->raw.records.size()); ++r) {
        const auto& record = p->raw.records[static_cast<std::size_t>(r)];
        for (int c = 0; c < static_cast<int>(record.size()); ++c)
            m_preview->setItem(r, c,
                               new QTableWidgetItem(decode(record[static_cast<std::size_t>(c)])));
    }
    m_preview->resizeColumnsToContents();
}

void ImportSourcePage::refreshCrs() {
    const ImportPlan* p = plan();
    if (!p || !p->inspected) {
        m_crsDecision->clear();
        m_crsConfirm->setVisible(false);
        return;
    }
    const geo::CrsDecision* crs = p->info.layers.empty() ? nullptr : &p->info.layers.front().crs;
    QString text;
    if (p->isRaster()) {
        text = tr("The raster's coordinate system is read when it is imported. Pick one below "
                  "only if the file has none or a wrong one.");
    } else if (!crs || crs->decidedBy.empty()) {
        text = tr("This file has no geometry: no coordinate system is needed.");
    } else if (crs->epsg == 0) {
        text = tr("The coordinate system could not be decided: %1\nPick it below.")
                   .arg(geoText(crs->reason));
    } else {
        text = tr("Detected EPSG:%1 %2, decided by %3: %4")
                   .arg(crs->epsg)
                   .arg(q(crs->name), decidedByText(crs->decidedBy), geoText(crs->reason));
        if (crs->needsConfirmation)
            text += QStringLiteral("\n") +
                    tr("This was inferred from the coordinates: please confirm it, or pick the "
                       "right one below.");
    }
    if (crs)
        for (const std::string& w : crs->warnings)
            text += QStringLiteral("\n⚠ ") + geoText(w);
    if (p->crsEpsg > 0)
        text += QStringLiteral("\n") +
                tr("You chose EPSG:%1; it replaces the detected one.").arg(p->crsEpsg);
    m_crsDecision->setText(text);
    const bool inferred = crs && crs->needsConfirmation && p->crsEpsg == 0;
    m_updating = true;
    m_crsConfirm->setVisible(inferred);
    m_crsConfirm->setChecked(p->crsConfirmed);
    m_updating = false;
    const int wanted = p->crsEpsg > 0 ? p->crsEpsg : (crs ? crs->epsg : 0);
    if (m_crsPicker->selectedEpsg() != wanted) {
        m_updating = true;
        if (wanted > 0)
            m_crsPicker->selectEpsg(wanted);
        else
            m_crsPicker->clearSelection();
        m_updating = false;
    }
}

void ImportSourcePage::refreshMapping() {
    ImportPlan* p = plan();
    m_updating = true;
    m_profile->clear();
    m_mapping->setRowCount(0);
    if (!p || !p->inspected || p->isRaster() || !p->inspectionError.isEmpty()) {
        m_updating = false;
        refreshUnmapped();
        return;
    }
    const std::vector<std::string> names = p->decodedFieldNames();
    const auto& profiles = m_wizard->profiles();
    const geo::MappingProfile* chosen = nullptr;
    for (const geo::MappingProfile& pr : profiles)
        if (q(pr.name) == p->profile && pr.layer == p->layer.toStdString())
            chosen = &pr;
    if (!chosen)
        chosen = geo::chooseProfile(profiles, p->layer.toStdString(), names);
    for (const geo::MappingProfile& pr : profiles)
        if (pr.layer == p->layer.toStdString())
            m_profile->addItem(QStringLiteral("%1 — %2").arg(q(pr.name), q(pr.title)), q(pr.name));
    if (!chosen) {
        m_updating = false;
        refreshUnmapped();
        return;
    }
    m_profile->setCurrentIndex(m_profile->findData(q(chosen->name)));
    const geo::FieldMapping matched = geo::matchProfile(*chosen, names);
    m_mapping->setRowCount(static_cast<int>(chosen->fields.size()));
    int row = 0;
    for (const geo::ProfileField& f : chosen->fields) {
        std::string source;
        if (p->mapping) {
            const auto it = p->mapping->find(f.target);
            source = it == p->mapping->end() ? std::string() : it->second;
        } else {
            for (const auto& c : matched.columns)
                if (c.target == f.target)
                    source = c.sourceName;
        }
        auto* target = new QTableWidgetItem(q(f.target) + (f.required ? " *" : ""));
        target->setData(Qt::UserRole, q(f.target));
        m_mapping->setItem(row, 0, target);
        auto* combo = new QComboBox(m_mapping);
        combo->addItem(tr("(none)"), QString());
        for (const std::string& n : names)
            combo->addItem(q(n), q(n));
        combo->setCurrentIndex(std::max(0, combo->findData(q(source))));
        connect(combo, &QComboBox::currentIndexChanged, this, &ImportSourcePage::mappingEdited);
        m_mapping->setCellWidget(row, 1, combo);
        static const char* const types[] = {QT_TR_NOOP("text"), QT_TR_NOOP("integer"),
                                            QT_TR_NOOP("number"), QT_TR_NOOP("date")};
        QString type = tr(types[static_cast<int>(f.type)]);
        if (f.unit == geo::AreaUnit::SquareMetres)
            type += tr(", m²");
        else if (f.unit == geo::AreaUnit::Mu)
            type += tr(", mu");
        else if (f.unit == geo::AreaUnit::Hectares)
            type += tr(", ha");
        m_mapping->setItem(row, 2, new QTableWidgetItem(type));
        ++row;
    }
    m_updating = false;
    refreshUnmapped();
}

void ImportSourcePage::refreshUnmapped() {
    const ImportPlan* p = plan();
    if (!p || m_mapping->rowCount() == 0) {
        m_unmapped->clear();
        return;
    }
    QStringList taken;
    for (int row = 0; row < m_mapping->rowCount(); ++row)
        if (const auto* combo = qobject_cast<QComboBox*>(m_mapping->cellWidget(row, 1)))
            taken << combo->currentData().toString();
    QStringList kept;
    for (const std::string& name : p->decodedFieldNames())
        if (!taken.contains(q(name)))
            kept << q(name);
    m_unmapped->setText(kept.isEmpty() ? tr("Every field of the file has a tianmu field.")
                                       : tr("Kept under their own names: %1").arg(kept.join(", ")));
}

void ImportSourcePage::mappingEdited() {
    ImportPlan* p = plan();
    if (m_updating || !p)
        return;
    std::map<std::string, std::string> mapping;
    for (int row = 0; row < m_mapping->rowCount(); ++row) {
        const auto* combo = qobject_cast<QComboBox*>(m_mapping->cellWidget(row, 1));
        mapping[m_mapping->item(row, 0)->data(Qt::UserRole).toString().toStdString()] =
            combo ? combo->currentData().toString().toStdString() : std::string();
    }
    p->mapping = mapping;
    p->profile = m_profile->currentData().toString();
    refreshUnmapped();
    refreshValidation();
}

void ImportSourcePage::refreshValidation() {
    const ImportPlan* p = plan();
    if (!p || !p->inspected || p->isRaster() || !p->inspectionError.isEmpty() ||
        p->info.layers.empty()) {
        m_validation->clear();
        return;
    }
    const geo::LayerInfo& li = p->info.layers.front();
    QStringList lines;
    if (li.geometryType != "None")
        lines << tr("%1 features: %2 with a valid geometry.").arg(li.features).arg(li.valid);
    else
        lines << tr("%1 rows, no geometry.").arg(li.features);
    for (const auto& [kind, count] : li.problems)
        lines << tr("• %1: %2 (repaired where possible, otherwise listed in the import report)")
                     .arg(issueKindTitle(kind))
                     .arg(count);
    // Garbled text in the preview, decoded as chosen now.
    int garbled = 0;
    const std::string enc = p->effectiveEncoding();
    for (const auto& record : p->raw.records)
        for (const std::string& v : record)
            if (geo::looksLikeMojibake(geo::decodeToUtf8(v, enc)))
                ++garbled;
    if (li.mojibakeValues > 0 && p->encoding == QLatin1String("auto"))
        lines << tr("%1 values of the file already look garbled with the detected encoding "
                    "(the surveyor's data may be damaged): they will be left empty and listed "
                    "in the import report.")
                     .arg(li.mojibakeValues);
    if (garbled > 0)
        lines << tr("%1 values of the preview look garbled with this encoding: try another.")
                     .arg(garbled);
    QStringList missing;
    for (int row = 0; row < m_mapping->rowCount(); ++row) {
        const auto* combo = qobject_cast<QComboBox*>(m_mapping->cellWidget(row, 1));
        if (m_mapping->item(row, 0)->text().endsWith(" *") && combo &&
            combo->currentData().toString().isEmpty())
            missing << m_mapping->item(row, 0)->data(Qt::UserRole).toString();
    }
    if (!missing.isEmpty())
        lines << tr("Required fields without a source: %1. The import will refuse this file.")
                     .arg(missing.join(", "));
    if (m_mapping->rowCount() == 0)
        lines << tr("No field-mapping profile fits this layer.");
    lines << tr("Nothing is dropped silently: every feature is imported, or listed in the "
                "import report with its reason.");
    m_validation->setText(lines.join("\n"));
}

void ImportSourcePage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizardPage::changeEvent(event);
}

void ImportSourcePage::retranslateUi() {
    setTitle(tr("Check each file"));
    setSubTitle(tr("tianmu has read each file and decided how to import it. Check the "
                   "decisions and correct them where they are wrong."));
    m_fileLabel->setText(tr("File:"));
    m_layerLabel->setText(tr("Import as:"));
    m_updating = true;
    for (int i = 0; i < m_layer->count(); ++i)
        m_layer->setItemText(i, layerTitle(m_layer->itemData(i).toString()));
    m_updating = false;
    m_tabs->setTabText(0, tr("Encoding"));
    m_tabs->setTabText(1, tr("Coordinate system"));
    m_tabs->setTabText(2, tr("Field mapping"));
    m_tabs->setTabText(3, tr("Checks"));
    m_encodingLabel->setText(tr("Attribute encoding:"));
    m_previewLabel->setText(tr("Preview of the first records, decoded with this encoding:"));
    m_crsPickLabel->setText(tr("Coordinate system of the file:"));
    m_crsConfirm->setText(tr("I have checked: this is the file's coordinate system"));
    m_profileLabel->setText(tr("Mapping profile:"));
    m_mapping->setHorizontalHeaderLabels(
        {tr("tianmu field (* required)"), tr("Field in the file"), tr("Type")});
    refreshAll();
}

} // namespace app
