// A theme: a categorised fill read from a JSON file in styles/ (schema in styles/README.md).
// It names the layer whose features it fills, the table and field it reads (parcels.DLBM, or
// parcel_classes.ZONE joined to parcels by PARCEL_FID), and value or prefix → colour, label.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <QColor>
#include <QString>

namespace app {

class FieldCatalogue;

class CategoryStyle {
public:
    struct Category {
        std::string match; // exact value, or a prefix when it ends in '*' ("*" matches all)
        QColor fill;       // may be transparent
        QString labelZh;
        QString labelEn;
        QColor outline; // invalid: the map's parcel outline

        bool isPrefix() const noexcept { return !match.empty() && match.back() == '*'; }
        bool operator==(const Category&) const = default;
    };

    // Most categories a theme may have, so that an index (and the default) fits in one byte.
    static constexpr std::size_t maxCategories = 254;

    // Throws geo::InputError naming the file and the entry at fault (unknown key, bad colour,
    // missing key, bad JSON with its line and column). The first form checks the layer, table
    // and field against FieldCatalogue::canonical(profilesDirectory()).
    static CategoryStyle load(const std::string& path);
    static CategoryStyle load(const std::string& path, const FieldCatalogue& known);

    const std::string& name() const noexcept { return m_name; } // e.g. "zones"
    const QString& titleZh() const noexcept { return m_titleZh; }
    const QString& titleEn() const noexcept { return m_titleEn; }
    const std::string& description() const noexcept { return m_description; }
    const std::string& path() const noexcept { return m_path; }

    // The layer whose geometries are filled (parcels, villages).
    const std::string& layer() const noexcept { return m_layer; }
    // Where field() is: layer() itself, or a table joined to it (parcel_classes) where
    // table().tableKey (fid: a parcel_classes row has its parcel's FID) equals
    // layer().layerKey (fid).
    const std::string& table() const noexcept { return m_table; }
    bool isJoined() const noexcept { return m_table != m_layer; }
    const std::string& tableKey() const noexcept { return m_tableKey; }
    const std::string& layerKey() const noexcept { return m_layerKey; }
    // The GeoPackage view joining layer and table, written for QGIS (empty when not joined).
    const std::string& view() const noexcept { return m_view; }
    const std::string& field() const noexcept { return m_field; }

    const std::vector<Category>& categories() const noexcept { return m_categories; }
    const Category& fallback() const noexcept { return m_default; }
    std::size_t size() const noexcept { return m_categories.size(); }

    // The first category matching `value`, or the default.
    const Category& categoryFor(const std::string& value) const noexcept;
    // Index of the first category matching `value` in categories(), or -1 for the default.
    // A hash lookup per distinct prefix length: cheap enough for every feature of a layer, so
    // a renderer can keep one byte per feature (index + 1, 0 for the default).
    int indexFor(std::string_view value) const noexcept;
    // categories()[index], or the default for -1 (or any index out of range).
    const Category& category(int index) const noexcept;

    bool operator==(const CategoryStyle& other) const {
        return m_name == other.m_name && m_layer == other.m_layer && m_table == other.m_table &&
               m_field == other.m_field && m_categories == other.m_categories &&
               m_default == other.m_default;
    }

private:
    void buildIndex();

    std::string m_name, m_description, m_path;
    QString m_titleZh, m_titleEn;
    std::string m_layer, m_table, m_tableKey, m_layerKey, m_view, m_field;
    std::vector<Category> m_categories;
    Category m_default;
    // exact value → first index; prefix (without '*') → first index, by prefix length.
    std::map<std::string, int, std::less<>> m_exact;
    std::map<std::size_t, std::map<std::string, int, std::less<>>> m_prefixes;
};

} // namespace app
