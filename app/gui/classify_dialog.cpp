#include "app/gui/classify_dialog.h"

#include <array>
#include <functional>

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "app/i18n/geo_text.h"
#include "app/resource_paths.h"
#include "geo/error.h"

namespace app {
namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

std::string landUseCodesPath() {
    return dataDirectory() + "/landuse/gbt21010-2017.json";
}

QString joined(const std::vector<std::string>& items) {
    QStringList out;
    for (const std::string& s : items)
        out << q(s);
    return out.join(", ");
}

QString range(const geo::Range& r, const QString& unit) {
    if (r.min && r.max)
        return QStringLiteral("%1–%2 %3").arg(*r.min).arg(*r.max).arg(unit);
    if (r.min)
        return QStringLiteral("≥ %1 %2").arg(*r.min).arg(unit);
    if (r.max)
        return QStringLiteral("≤ %1 %2").arg(*r.max).arg(unit);
    return QStringLiteral("—");
}

} // namespace

ClassifyDialog::ClassifyDialog(const QString& projectPath, QWidget* parent)
    : QDialog(parent)
    , m_projectPath(projectPath)
    , m_task(new BackgroundTask(this))
    , m_projectLabel(new QLabel(this))
    , m_rulesLabel(new QLabel(this))
    , m_rulesEdit(new QLineEdit(this))
    , m_browse(new QPushButton(this))
    , m_ruleTabs(new QTabWidget(this))
    , m_ruleTree(new QTreeWidget(this))
    , m_ruleText(new QPlainTextEdit(this))
    , m_asOfLabel(new QLabel(this))
    , m_asOf(new QDateEdit(QDate::currentDate(), this))
    , m_run(new QPushButton(this))
    , m_cancel(new QPushButton(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_resultTabs(new QTabWidget(this))
    , m_zones(new QTableWidget(this))
    , m_totals(new QTableWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this)) {
    m_rulesEdit->setReadOnly(true);
    m_ruleTree->setColumnCount(4);
    m_ruleTree->setRootIsDecorated(false);
    m_ruleTree->setWordWrap(true);
    m_ruleTree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ruleTree->header()->setStretchLastSection(true);
    m_ruleText->setReadOnly(true);
    m_ruleText->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_ruleTabs->addTab(m_ruleTree, QString());
    m_ruleTabs->addTab(m_ruleText, QString());
    m_asOf->setCalendarPopup(true);
    m_asOf->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_cancel->setEnabled(false);
    m_status->setWordWrap(true);
    for (QTableWidget* table : {m_zones, m_totals}) {
        table->verticalHeader()->setVisible(false);
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        table->horizontalHeader()->setStretchLastSection(true);
    }
    m_zones->setColumnCount(4);
    m_totals->setColumnCount(3);
    // Names take the room; the figures stay next to them, where the eye compares them.
    for (QTableWidget* table : {m_zones, m_totals}) {
        table->horizontalHeader()->setStretchLastSection(false);
        table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    }
    // The warnings' sentences wrap; rows follow their text's height as the columns resize
    // (the table may be laid out while its tab is hidden, and narrow).
    m_totals->setWordWrap(true);
    m_totals->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_resultTabs->addTab(m_zones, QString());
    m_resultTabs->addTab(m_totals, QString());

    auto* rulesRow = new QHBoxLayout;
    rulesRow->addWidget(m_rulesLabel);
    rulesRow->addWidget(m_rulesEdit, 1);
    rulesRow->addWidget(m_browse);
    auto* runRow = new QHBoxLayout;
    runRow->addWidget(m_asOfLabel);
    runRow->addWidget(m_asOf);
    runRow->addSpacing(12);
    runRow->addWidget(m_run);
    runRow->addWidget(m_progress, 1);
    runRow->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_projectLabel);
    layout->addLayout(rulesRow);
    layout->addWidget(m_ruleTabs, 2);
    layout->addLayout(runRow);
    layout->addWidget(m_status);
    layout->addWidget(m_resultTabs, 3);
    layout->addWidget(m_buttons);

    connect(m_browse, &QPushButton::clicked, this, &ClassifyDialog::chooseRules);
    connect(m_run, &QPushButton::clicked, this, &ClassifyDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        cancel();
        m_cancel->setEnabled(false);
        m_status->setText(tr("Cancelling: the previous results stay as they were…"));
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ClassifyDialog::reject);
    connect(m_task, &BackgroundTask::progress, this, &ClassifyDialog::progressChanged,
            Qt::DirectConnection);
    connect(
        m_task, &BackgroundTask::progress, this,
        [this](const QString& step, double fraction) {
            if (!isRunning())
                return;
            m_progress->setValue(static_cast<int>(fraction * 1000));
            if (m_cancel->isEnabled())
                m_status->setText(tr("Classifying: %1").arg(geoText(step.toStdString())));
        },
        Qt::QueuedConnection);
    connect(m_task, &BackgroundTask::finished, this, &ClassifyDialog::finished);

    resize(900, 760);
    setRulesPath(QString::fromStdString(dataDirectory() + "/rules/lingling-five-zones.json"));
    retranslateUi();
}

ClassifyDialog::~ClassifyDialog() {
    m_task->cancel();
    m_task->wait();
}

void ClassifyDialog::setProjectPath(const QString& path) {
    m_projectPath = path;
    retranslateUi();
}

bool ClassifyDialog::setRulesPath(const QString& path) {
    m_rulesPath = path;
    m_rulesEdit->setText(QDir::toNativeSeparators(path));
    m_rules.reset();
    m_rulesError.clear();
    QFile file(path);
    m_ruleText->setPlainText(file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll())
                                                            : QString());
    try {
        m_rules = geo::RuleSet::load(path.toStdString(), geo::loadLandUseCodes(landUseCodesPath()));
    } catch (const std::exception& e) {
        m_rulesError = QString::fromStdString(e.what());
    }
    showRules();
    m_run->setEnabled(m_rules.has_value() && !isRunning());
    return m_rules.has_value();
}

void ClassifyDialog::setAsOf(const QDate& date) {
    m_asOf->setDate(date);
}

QDate ClassifyDialog::asOf() const {
    return m_asOf->date();
}

bool ClassifyDialog::chinese() const {
    return QLocale().language() == QLocale::Chinese;
}

void ClassifyDialog::chooseRules() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose a rule file"), QFileInfo(m_rulesPath).path(), tr("Rule files (*.json)"));
    if (!path.isEmpty())
        setRulesPath(path);
}

void ClassifyDialog::showRules() {
    m_ruleTree->clear();
    if (!m_rules) {
        auto* item = new QTreeWidgetItem(m_ruleTree);
        item->setText(1, tr("This rule file cannot be used: %1").arg(m_rulesError));
        return;
    }
    auto zoneName = [&](const std::string& id) {
        const geo::Zone* z = m_rules->zone(id);
        return z ? q(chinese() ? z->nameZh : z->nameEn) : q(id);
    };
    std::function<QString(const geo::Condition&)> describe = [&](const geo::Condition& c) {
        QStringList parts;
        if (!c.landUse.empty())
            parts << tr("land use %1").arg(joined(c.landUse));
        if (!c.landUseNot.empty())
            parts << tr("land use not %1").arg(joined(c.landUseNot));
        for (const geo::AttributeTest& t : c.attributes)
            parts << QStringLiteral("%1 %2 %3").arg(q(t.field), q(t.op), q(t.text));
        if (c.riverDistance)
            parts << tr("distance to a river %1").arg(range(*c.riverDistance, "m"));
        if (c.meanSlope)
            parts << tr("mean slope %1").arg(range(*c.meanSlope, "°"));
        if (c.meanElevation)
            parts << tr("mean elevation %1").arg(range(*c.meanElevation, "m"));
        if (c.relativeElevation)
            parts << tr("height above the village's lowest point %1")
                         .arg(range(*c.relativeElevation, "m"));
        if (c.riverHeight)
            parts << tr("height above the nearest river %1").arg(range(*c.riverHeight, "m"));
        if (c.area)
            parts << tr("area %1").arg(range(*c.area, "m²"));
        if (!c.any.empty()) {
            QStringList alternatives;
            for (const geo::Condition& a : c.any)
                alternatives << describe(a);
            parts << tr("any of: %1").arg(alternatives.join(tr(" or ")));
        }
        return parts.isEmpty() ? tr("always (every parcel left)") : parts.join(tr("; and "));
    };
    int n = 0;
    for (const geo::ZoneRule& rule : m_rules->rules()) {
        auto* item = new QTreeWidgetItem(m_ruleTree);
        item->setText(0, QString::number(++n));
        item->setText(1, q(rule.id));
        item->setText(2, zoneName(rule.zone));
        item->setText(3, describe(rule.when));
        item->setToolTip(3, item->text(3));
    }
    // The village types and the layers the rule file filters: the rest of what it decides.
    if (!m_rules->villageTypes.empty()) {
        auto* group = new QTreeWidgetItem(
            m_ruleTree, {tr("Village types (several may hold; the first that holds is the "
                            "primary)")});
        group->setFirstColumnSpanned(true);
        const auto measure = [&](const std::string& id, const geo::Range& r) {
            if (id == "idle_area_mu")
                return tr("idle resource area %1").arg(range(r, tr("mu")));
            if (id == "idle_area_mu_per_household")
                return tr("idle resource area per household %1").arg(range(r, tr("mu")));
            if (id == "centre_river_distance_m")
                return tr("village centre to the nearest river %1").arg(range(r, "m"));
            if (id == "centre_road_distance_m")
                return tr("village centre to the nearest main road %1").arg(range(r, "m"));
            if (id == "centre_seat_distance_m")
                return tr("village centre to the township seat %1").arg(range(r, "m"));
            if (id == "cash_crop_share")
                return tr("share of orchards, tea and ponds %1").arg(range(r, QString()).trimmed());
            return q(id) + " " + range(r, QString()).trimmed();
        };
        for (const geo::VillageType& type : m_rules->villageTypes) {
            QStringList alternatives;
            for (const auto& alternative : type.any) {
                QStringList tests;
                for (const auto& [id, r] : alternative)
                    tests << measure(id, r);
                alternatives << tests.join(tr("; and "));
            }
            auto* item = new QTreeWidgetItem(
                group,
                {QString(), q(type.id), q(chinese() ? type.nameZh : type.nameEn),
                 alternatives.size() > 1 ? tr("any of: %1").arg(alternatives.join(tr(" or ")))
                                         : alternatives.value(0)});
            item->setToolTip(3, item->text(3));
        }
        group->setExpanded(true);
    }
    auto* layers = new QTreeWidgetItem(m_ruleTree, {tr("Layers the rules read")});
    layers->setFirstColumnSpanned(true);
    new QTreeWidgetItem(layers,
                        {QString(), tr("rivers"), QString(),
                         m_rules->riverFilterField.empty() ? tr("every river")
                                                           : tr("rivers whose %1 is at least %2")
                                                                 .arg(q(m_rules->riverFilterField))
                                                                 .arg(m_rules->riverFilterMin)});
    new QTreeWidgetItem(
        layers, {QString(), tr("main roads"), QString(),
                 m_rules->mainRoadGrades.empty()
                     ? tr("every road")
                     : tr("roads whose %1 is %2")
                           .arg(q(m_rules->roadGradeField), joined(m_rules->mainRoadGrades))});
    layers->setExpanded(true);
}

bool ClassifyDialog::start() {
    if (isRunning() || !m_rules || m_projectPath.isEmpty())
        return false;
    geo::ClassifyOptions options;
    options.project = m_projectPath.toStdString();
    options.rules = m_rulesPath.toStdString();
    options.landUseCodes = landUseCodesPath();
    options.asOf = m_asOf->date().toString(Qt::ISODate).toStdString();
    m_running = std::make_shared<geo::ClassifySummary>();
    auto result = m_running;
    m_progress->setValue(0);
    m_status->setText(tr("Classifying…"));
    m_run->setEnabled(false);
    m_cancel->setEnabled(true);
    m_browse->setEnabled(false);
    return m_task->start([options, result](BackgroundTask& task) mutable {
        options.progress = [&](const std::string& step, double fraction) {
            task.reportProgress(QString::fromStdString(step), fraction);
        };
        options.cancelled = [&] {
            return task.isCancelled();
        };
        *result = geo::classifyProject(options);
    });
}

void ClassifyDialog::finished(BackgroundTask::Outcome outcome, const QString& error) {
    m_ran = true;
    m_lastOutcome = outcome;
    m_lastError = error;
    if (outcome == BackgroundTask::Outcome::Completed && m_running)
        m_summary = *m_running;
    m_running.reset();
    m_progress->setValue(outcome == BackgroundTask::Outcome::Completed ? 1000 : 0);
    m_run->setEnabled(m_rules.has_value());
    m_cancel->setEnabled(false);
    m_browse->setEnabled(true);
    showSummary();
    if (outcome == BackgroundTask::Outcome::Completed)
        emit projectChanged(m_projectPath);
    emit classificationFinished(outcome == BackgroundTask::Outcome::Completed);
}

void ClassifyDialog::showSummary() {
    if (m_ran) {
        switch (m_lastOutcome) {
        case BackgroundTask::Outcome::Completed: {
            QString text = tr("Classified %1 parcels. The results are saved in the project.")
                               .arg(m_summary ? m_summary->parcels : 0);
            // A warning (no DEM, a ledger field missing, …) changes what the results mean: the
            // line says so, and the tab listing them is brought forward.
            if (const int warnings = m_summary ? static_cast<int>(m_summary->warnings.size()) : 0;
                warnings > 0) {
                text +=
                    ' ' +
                    tr("%n warning(s): see %1.", nullptr, warnings).arg(m_resultTabs->tabText(1));
                m_resultTabs->setCurrentIndex(1);
            }
            m_status->setText(text);
            break;
        }
        case BackgroundTask::Outcome::Cancelled:
            m_status->setText(tr("Cancelled. The project keeps its previous results."));
            break;
        case BackgroundTask::Outcome::Failed:
            m_status->setText(
                tr("Classification failed, nothing was changed: %1").arg(m_lastError));
            break;
        }
    }
    m_zones->setRowCount(0);
    m_totals->setRowCount(0);
    if (!m_summary)
        return;
    const geo::ClassifySummary& s = *m_summary;
    const QLocale locale;
    auto zoneName = [&](const geo::ClassifySummary::ZoneTotal& z) {
        const geo::Zone* zone = m_rules ? m_rules->zone(z.zone) : nullptr;
        if (zone)
            return q(chinese() ? zone->nameZh : zone->nameEn);
        return z.zone == "unclassified" ? tr("Unclassified") : q(z.name);
    };
    m_zones->setRowCount(static_cast<int>(s.zones.size()) + 1);
    int row = 0;
    long long parcels = 0;
    double mu = 0.0;
    auto put = [](QTableWidget* table, int r, int c, const QString& text, bool number) {
        auto* item = new QTableWidgetItem(text);
        if (number)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table->setItem(r, c, item);
    };
    for (const auto& z : s.zones) {
        put(m_zones, row, 0, zoneName(z), false);
        put(m_zones, row, 1, q(z.zone), false);
        put(m_zones, row, 2, locale.toString(z.parcels), true);
        put(m_zones, row, 3, locale.toString(z.mu, 'f', 2), true);
        parcels += z.parcels;
        mu += z.mu;
        ++row;
    }
    put(m_zones, row, 0, tr("Total"), false);
    put(m_zones, row, 1, QString(), false);
    put(m_zones, row, 2, locale.toString(parcels), true);
    put(m_zones, row, 3, locale.toString(mu, 'f', 2), true);

    std::vector<std::array<QString, 3>> rows = {
        {tr("Idle parcels"), locale.toString(s.idleParcels), locale.toString(s.idleMu, 'f', 2)},
        {tr("Transferred parcels on %1").arg(m_asOf->date().toString(Qt::ISODate)),
         locale.toString(s.transferredParcels), locale.toString(s.transferredMu, 'f', 2)},
        {tr("Idle assets"), locale.toString(s.idleAssets), QString()},
        {tr("Villages with idle funds"), locale.toString(s.idleFunds), QString()},
        {tr("Transfer ledger flags"), locale.toString(s.transferFlags), QString()},
        {tr("Parcels whose village code disagrees with their location"),
         locale.toString(s.villageMismatches), QString()},
    };
    for (const auto& [type, count] : s.villagesByPrimaryType) {
        QString name = type == "none" ? tr("no type") : q(type);
        if (m_rules)
            for (const geo::VillageType& t : m_rules->villageTypes)
                if (t.id == type)
                    name = q(chinese() ? t.nameZh : t.nameEn);
        rows.push_back({tr("Villages: %1").arg(name), locale.toString(count), QString()});
    }
    const int figures = static_cast<int>(rows.size());
    m_totals->clearSpans();
    m_totals->setRowCount(figures + static_cast<int>(s.warnings.size()));
    for (int r = 0; r < figures; ++r)
        for (int c = 0; c < 3; ++c)
            put(m_totals, r, c, rows[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)],
                c > 0);
    // A warning is a sentence, not a figure: it spans the row and wraps, so that the names
    // above keep their column (a long one in the figures' column squeezed them to "…").
    for (std::size_t k = 0; k < s.warnings.size(); ++k) {
        const int r = figures + static_cast<int>(k);
        put(m_totals, r, 0, tr("Warning: %1").arg(geoText(s.warnings[k])), false);
        m_totals->setSpan(r, 0, 1, 3);
    }
}

void ClassifyDialog::reject() {
    if (isRunning()) {
        m_cancel->click();
        return;
    }
    QDialog::reject();
}

void ClassifyDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ClassifyDialog::retranslateUi() {
    setWindowTitle(tr("Classify parcels"));
    m_projectLabel->setText(tr("Project: %1")
                                .arg(m_projectPath.isEmpty()
                                         ? tr("none open")
                                         : QDir::toNativeSeparators(m_projectPath)));
    m_rulesLabel->setText(tr("Rule file:"));
    m_browse->setText(tr("Choose…"));
    m_ruleTabs->setTabText(0, tr("Rules in order (the first that matches decides)"));
    m_ruleTabs->setTabText(1, tr("Rule file"));
    m_ruleTree->setHeaderLabels({tr("#"), tr("Rule"), tr("Zone"), tr("Conditions")});
    m_asOfLabel->setText(tr("Judge transfers as of:"));
    m_run->setText(tr("Classify"));
    m_cancel->setText(tr("Cancel"));
    m_buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    m_resultTabs->setTabText(0, tr("Zones"));
    m_resultTabs->setTabText(1, tr("Idle, transfers and villages"));
    m_zones->setHorizontalHeaderLabels({tr("Zone"), tr("Id"), tr("Parcels"), tr("Area (mu)")});
    m_totals->setHorizontalHeaderLabels({tr("Item"), tr("Count"), tr("Area (mu)")});
    if (!isRunning() && !m_ran)
        m_status->setText(tr("Classification replaces the previous results of the project."));
    showRules();
    showSummary();
}

} // namespace app
