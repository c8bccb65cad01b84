#include "app/i18n/language_manager.h"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QSettings>
#include <QTranslator>

namespace app {
namespace {

const char* const settingsKey = "ui/language";

} // namespace

LanguageManager::LanguageManager(QObject* parent)
    : QObject(parent) {}

LanguageManager::~LanguageManager() {
    if (m_tianmu)
        QCoreApplication::removeTranslator(m_tianmu.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
}

QStringList LanguageManager::availableLanguages() {
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString LanguageManager::languageName(const QString& code) {
    if (code == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    return code;
}

QString LanguageManager::languageForLocale(const QString& localeName) {
    return localeName.startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN")
                                                      : QStringLiteral("en");
}

QString LanguageManager::preferredLanguage() const {
    const QString saved = QSettings().value(settingsKey).toString();
    if (availableLanguages().contains(saved))
        return saved;
    return languageForLocale(QLocale::system().name());
}

void LanguageManager::applyPreferredLanguage() {
    setLanguage(preferredLanguage(), false);
}

bool LanguageManager::setLanguage(const QString& code, bool remember) {
    if (!availableLanguages().contains(code))
        return false;
    if (remember)
        QSettings().setValue(settingsKey, code);
    if (code == m_language)
        return true;
    if (m_tianmu)
        QCoreApplication::removeTranslator(m_tianmu.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    m_tianmu.reset();
    m_qt.reset();

    // Numbers and dates follow the language too (QLocale() in widgets).
    QLocale::setDefault(QLocale(code));
    // English too: the source strings are English, but their plural forms ("%n warning(s)")
    // come from the translation.
    auto tianmu = std::make_unique<QTranslator>();
    if (tianmu->load(QStringLiteral(":/i18n/tianmu_") + code))
        m_tianmu = std::move(tianmu);
    if (code != QLatin1String("en")) { // Qt's own strings are English already
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(QStringLiteral("qtbase_") + code,
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            m_qt = std::move(qt);
    }
    // installTranslator() sends LanguageChange to every widget; with none installed (back to
    // English) it must be sent by hand.
    if (m_qt)
        QCoreApplication::installTranslator(m_qt.get());
    if (m_tianmu)
        QCoreApplication::installTranslator(m_tianmu.get());
    if (!m_qt && !m_tianmu) {
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
    }
    m_language = code;
    emit languageChanged(code);
    return true;
}

QMenu* LanguageManager::createMenu(QWidget* parent) {
    auto* menu = new QMenu(QStringLiteral("Language / 语言"), parent);
    auto* group = new QActionGroup(menu);
    group->setExclusive(true);
    for (const QString& code : availableLanguages()) {
        QAction* action = menu->addAction(languageName(code));
        action->setCheckable(true);
        action->setChecked(code == m_language);
        action->setData(code);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] { setLanguage(code); });
    }
    connect(this, &LanguageManager::languageChanged, menu, [group](const QString& code) {
        for (QAction* action : group->actions())
            action->setChecked(action->data().toString() == code);
    });
    return menu;
}

} // namespace app
