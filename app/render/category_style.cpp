#include "app/render/category_style.h"

#include <fstream>

#include <nlohmann/json.hpp>

#include "geo/error.h"

namespace app {
namespace {

QColor colourOf(const nlohmann::json& entry, const std::string& path) {
    const std::string text = entry.at("fill").get<std::string>();
    const QColor colour = QColor::fromString(QString::fromStdString(text));
    if (!colour.isValid())
        throw geo::InputError("'" + text + "' is not a colour; use #rrggbb", {path, {}, {}, {}});
    return colour;
}

CategoryStyle::Category categoryOf(const nlohmann::json& entry, const std::string& path) {
    CategoryStyle::Category c;
    c.match = entry.value("match", std::string());
    c.fill = colourOf(entry, path);
    const nlohmann::json& label = entry.at("label");
    c.labelZh = QString::fromStdString(label.value("zh", c.match));
    c.labelEn = QString::fromStdString(label.value("en", c.match));
    return c;
}

} // namespace

CategoryStyle CategoryStyle::load(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        throw geo::InputError("style file cannot be read; check the path", {path, {}, {}, {}});
    CategoryStyle style;
    try {
        const nlohmann::json doc = nlohmann::json::parse(in);
        style.m_field = doc.at("field").get<std::string>();
        style.m_default = categoryOf(doc.at("default"), path);
        long long index = 0;
        for (const nlohmann::json& entry : doc.at("categories")) {
            try {
                style.m_categories.push_back(categoryOf(entry, path));
            } catch (const nlohmann::json::exception& e) {
                throw geo::InputError(std::string("category ") + std::to_string(index) +
                                          " is incomplete (" + e.what() +
                                          "); every category needs match, fill and label",
                                      {path, {}, {}, {}});
            }
            ++index;
        }
    } catch (const nlohmann::json::parse_error& e) {
        throw geo::InputError(std::string("not valid JSON: ") + e.what(), {path, {}, {}, {}});
    } catch (const nlohmann::json::exception& e) {
        throw geo::InputError(std::string("missing or mistyped entry: ") + e.what() +
                                  "; a style needs field, default and categories",
                              {path, {}, {}, {}});
    }
    return style;
}

const CategoryStyle::Category& CategoryStyle::categoryFor(const std::string& value) const noexcept {
    for (const Category& c : m_categories) {
        if (!c.match.empty() && c.match.back() == '*') {
            if (value.compare(0, c.match.size() - 1, c.match, 0, c.match.size() - 1) == 0)
                return c;
        } else if (value == c.match) {
            return c;
        }
    }
    return m_default;
}

} // namespace app
