// A categorised fill style read from a JSON file in styles/: value or prefix → colour and
// label. The preview uses it for land use; the full style schema grows with the renderer.
#pragma once

#include <string>
#include <vector>

#include <QColor>
#include <QString>

namespace app {

class CategoryStyle {
public:
    struct Category {
        std::string match; // exact value, or a prefix when it ends in '*'
        QColor fill;
        QString labelZh;
        QString labelEn;
    };

    // Throws geo::InputError naming the file and the entry at fault.
    static CategoryStyle load(const std::string& path);

    const std::string& field() const noexcept { return m_field; }
    const std::vector<Category>& categories() const noexcept { return m_categories; }
    const Category& fallback() const noexcept { return m_default; }

    // The first category matching `value`, or the default.
    const Category& categoryFor(const std::string& value) const noexcept;

private:
    std::string m_field;
    std::vector<Category> m_categories;
    Category m_default;
};

} // namespace app
