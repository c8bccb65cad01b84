#include "app/render/category_style.h"

#include <algorithm>

#include "app/render/field_catalogue.h"
#include "app/render/style_reader.h"
#include "app/resource_paths.h"

namespace app {
namespace {

using nlohmann::json;

CategoryStyle::Category categoryOf(const StyleReader& r, const json& entry,
                                   const std::string& where, bool isDefault) {
    if (!entry.is_object())
        r.fail(where, "must be an object like {\"match\": \"0101\", \"fill\": \"#f8d072\", "
                      "\"label\": {\"zh\": \"水田\", \"en\": \"Paddy field\"}}");
    if (isDefault)
        r.checkKeys(entry, where, {"fill", "outline", "label"});
    else
        r.checkKeys(entry, where, {"match", "fill", "outline", "label"});
    CategoryStyle::Category c;
    if (!isDefault) {
        c.match = r.text(entry, "match", where);
        if (c.match.empty())
            r.fail(entryPath(where, "match"), "is empty; write a value, or a prefix ending in *");
        if (c.match.find('*') != std::string::npos && c.match.find('*') != c.match.size() - 1)
            r.fail(entryPath(where, "match"),
                   "'" + c.match + "' has '*' inside; only a trailing * (a prefix) is allowed",
                   "\"" + c.match + "\"");
    }
    c.fill = r.colour(entry, "fill", where);
    if (entry.contains("outline"))
        c.outline = r.colour(entry, "outline", where);
    std::tie(c.labelZh, c.labelEn) = r.label(entry, "label", where);
    return c;
}

// Where a category is in the file: its match value, for the line of an error.
std::string categoryEntry(std::size_t index, const json& entry) {
    std::string where = "categories[" + std::to_string(index) + "]";
    if (entry.is_object())
        if (const auto m = entry.find("match"); m != entry.end() && m->is_string())
            where += " (match \"" + m->get<std::string>() + "\")";
    return where;
}

} // namespace

CategoryStyle CategoryStyle::load(const std::string& path) {
    return load(path, FieldCatalogue::canonical(profilesDirectory()));
}

CategoryStyle CategoryStyle::load(const std::string& path, const FieldCatalogue& known) {
    const StyleReader r(path);
    const json& doc = r.document();
    r.checkKeys(doc, "",
                {"kind", "name", "title", "description", "layer", "table", "join", "view", "field",
                 "default", "categories"});
    if (const std::string kind = r.optionalText(doc, "kind", "", "theme"); kind != "theme")
        r.fail("kind", "is '" + kind + "'; a theme file has \"kind\": \"theme\"",
               "\"" + kind + "\"");

    CategoryStyle style;
    style.m_path = path;
    style.m_name = r.text(doc, "name", "");
    std::tie(style.m_titleZh, style.m_titleEn) = r.label(doc, "title", "");
    style.m_description = r.optionalText(doc, "description", "", "");

    style.m_layer = r.text(doc, "layer", "");
    if (!known.hasLayer(style.m_layer))
        r.fail("layer",
               "'" + style.m_layer + "' is not a layer tianmu knows; use one of " +
                   known.layerList(),
               "\"" + style.m_layer + "\"");
    style.m_table = r.optionalText(doc, "table", "", style.m_layer);
    if (!known.hasLayer(style.m_table))
        r.fail("table",
               "'" + style.m_table + "' is not a table tianmu knows; use one of " +
                   known.layerList(),
               "\"" + style.m_table + "\"");
    if (style.isJoined()) {
        const json* join = r.optionalObject(doc, "join", "");
        if (!join)
            r.fail("join", "is missing; a theme reading table '" + style.m_table + "' for layer '" +
                               style.m_layer +
                               "' needs {\"table_key\": \"fid\", \"layer_key\": \"fid\"}");
        r.checkKeys(*join, "join", {"table_key", "layer_key"});
        style.m_tableKey = r.text(*join, "table_key", "join");
        style.m_layerKey = r.text(*join, "layer_key", "join");
        if (!known.has(style.m_table, style.m_tableKey))
            r.fail("join.table_key",
                   "'" + style.m_tableKey + "' is not a field of " + style.m_table +
                       "; its fields are " + known.fieldList(style.m_table),
                   "\"" + style.m_tableKey + "\"");
        if (!known.has(style.m_layer, style.m_layerKey))
            r.fail("join.layer_key",
                   "'" + style.m_layerKey + "' is not a field of " + style.m_layer +
                       "; its fields are " + known.fieldList(style.m_layer),
                   "\"" + style.m_layerKey + "\"");
        style.m_view = r.text(doc, "view", "");
    } else if (doc.contains("join") || doc.contains("view")) {
        r.fail(doc.contains("join") ? "join" : "view",
               "is only for a theme whose table differs from its layer; remove it or add "
               "\"table\"");
    }

    style.m_field = r.text(doc, "field", "");
    if (!known.has(style.m_table, style.m_field))
        r.fail("field",
               "'" + style.m_field + "' is not a field of " + style.m_table + "; its fields are " +
                   known.fieldList(style.m_table),
               "\"" + style.m_field + "\"");

    style.m_default = categoryOf(r, r.object(doc, "default", ""), "default", true);
    const json& categories = r.array(doc, "categories", "");
    if (categories.size() > maxCategories)
        r.fail("categories", "has " + std::to_string(categories.size()) + " entries; at most " +
                                 std::to_string(maxCategories) + " are allowed");
    for (std::size_t i = 0; i < categories.size(); ++i) {
        const std::string where = categoryEntry(i, categories[i]);
        style.m_categories.push_back(categoryOf(r, categories[i], where, false));
        const std::string& match = style.m_categories.back().match;
        for (std::size_t j = 0; j < i; ++j)
            if (style.m_categories[j].match == match)
                r.fail(where, "repeats match \"" + match + "\" of categories[" + std::to_string(j) +
                                  "], so it can never be used");
    }
    style.buildIndex();
    return style;
}

void CategoryStyle::buildIndex() {
    for (std::size_t i = 0; i < m_categories.size(); ++i) {
        const Category& c = m_categories[i];
        const int index = static_cast<int>(i);
        if (c.isPrefix()) {
            const std::string prefix = c.match.substr(0, c.match.size() - 1);
            m_prefixes[prefix.size()].emplace(prefix, index); // keeps the first
        } else {
            m_exact.emplace(c.match, index);
        }
    }
}

int CategoryStyle::indexFor(std::string_view value) const noexcept {
    int best = -1;
    if (const auto it = m_exact.find(value); it != m_exact.end())
        best = it->second;
    for (const auto& [length, prefixes] : m_prefixes) {
        if (length > value.size())
            break;
        const auto it = prefixes.find(value.substr(0, length));
        if (it != prefixes.end() && (best < 0 || it->second < best))
            best = it->second;
    }
    return best;
}

const CategoryStyle::Category& CategoryStyle::category(int index) const noexcept {
    if (index < 0 || static_cast<std::size_t>(index) >= m_categories.size())
        return m_default;
    return m_categories[static_cast<std::size_t>(index)];
}

const CategoryStyle::Category& CategoryStyle::categoryFor(const std::string& value) const noexcept {
    return category(indexFor(value));
}

} // namespace app
