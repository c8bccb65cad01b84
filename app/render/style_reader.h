// Reads one style file (styles/*.json) strictly: every error names the file, the entry (e.g.
// categories[3].fill) and, where it can be found, the line. Shared by the theme and map loaders.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <QColor>
#include <QString>

#include <nlohmann/json.hpp>

namespace app {

// Parses a style colour: #rgb, #rrggbb, #rrggbbaa (CSS order, alpha last) or "transparent".
// Named colours are refused on purpose: "bluish" must be an error, not black.
std::optional<QColor> parseStyleColour(std::string_view text);

// The colour as a style file writes it: #rrggbb, or #rrggbbaa when not opaque.
std::string styleColourName(const QColor& colour);

class StyleReader {
public:
    // Reads and parses the file; throws geo::InputError for a missing file or bad JSON
    // (with its line and column).
    explicit StyleReader(std::string path);

    const std::string& path() const noexcept { return m_path; }
    const nlohmann::json& document() const noexcept { return m_document; }

    [[noreturn]] void fail(const std::string& entry, const std::string& message,
                           const std::string& hint = {}) const;

    // Refuses keys outside `allowed` (a typo such as "colour" for "fill" must not be ignored).
    void checkKeys(const nlohmann::json& object, const std::string& entry,
                   std::initializer_list<const char*> allowed) const;
    const nlohmann::json& object(const nlohmann::json& parent, const char* key,
                                 const std::string& entry) const;
    const nlohmann::json* optionalObject(const nlohmann::json& parent, const char* key,
                                         const std::string& entry) const;
    const nlohmann::json& array(const nlohmann::json& parent, const char* key,
                                const std::string& entry) const;
    std::string text(const nlohmann::json& parent, const char* key, const std::string& entry) const;
    std::string optionalText(const nlohmann::json& parent, const char* key,
                             const std::string& entry, const std::string& fallback) const;
    double number(const nlohmann::json& parent, const char* key, const std::string& entry,
                  double min, double max) const;
    double optionalNumber(const nlohmann::json& parent, const char* key, const std::string& entry,
                          double min, double max, double fallback) const;
    bool optionalBool(const nlohmann::json& parent, const char* key, const std::string& entry,
                      bool fallback) const;
    QColor colour(const nlohmann::json& parent, const char* key, const std::string& entry) const;
    // {"zh": "…", "en": "…"}; en defaults to zh.
    std::pair<QString, QString> label(const nlohmann::json& parent, const char* key,
                                      const std::string& entry) const;

    // Line of the first occurrence of `needle` in the file, 0 when absent.
    int lineOf(const std::string& needle) const;

private:
    std::string m_path;
    std::string m_text;
    nlohmann::json m_document;
};

// "parent.key", or "key" at the top level.
std::string entryPath(const std::string& parent, const std::string& key);

} // namespace app
