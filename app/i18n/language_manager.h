// The language of the user interface: English or Simplified Chinese, chosen from the system
// locale at first, switched at run time from a menu, remembered between sessions.
// Widgets follow by retranslating their texts on QEvent::LanguageChange (retranslateUi()).
#pragma once

#include <memory>

#include <QObject>
#include <QString>
#include <QStringList>

class QMenu;
class QTranslator;
class QWidget;

namespace app {

class LanguageManager : public QObject {
    Q_OBJECT
public:
    explicit LanguageManager(QObject* parent = nullptr);
    ~LanguageManager() override;

    // The codes of the languages tianmu is translated into: "en", "zh_CN".
    static QStringList availableLanguages();
    // A language's name in that language ("English", "简体中文"), as a menu shows it.
    static QString languageName(const QString& code);
    // The language for a locale name: zh_* → zh_CN, anything else → en.
    static QString languageForLocale(const QString& localeName);

    // The remembered choice, else the system locale's language.
    QString preferredLanguage() const;
    // Installs the preferred language; call once, after the QApplication exists.
    void applyPreferredLanguage();

    // Switches the interface now (every widget receives QEvent::LanguageChange) and, with
    // `remember`, stores the choice in QSettings. False for an unknown code.
    bool setLanguage(const QString& code, bool remember = true);
    // The language installed now (empty before the first setLanguage()).
    QString language() const { return m_language; }

    // A "Language / 语言" menu, its checked entry following the language; owned by `parent`.
    // Its title stays bilingual, so a user stuck in a language they cannot read finds it.
    QMenu* createMenu(QWidget* parent);

signals:
    void languageChanged(const QString& code);

private:
    QString m_language;
    std::unique_ptr<QTranslator> m_tianmu; // our .qm, embedded as a resource
    std::unique_ptr<QTranslator> m_qt;     // Qt's own dialogs and buttons, when installed
};

} // namespace app
