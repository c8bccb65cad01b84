#include "geo/field_aliases.h"

#include <fstream>

#include <nlohmann/json.hpp>

#include "geo/error.h"

namespace geo {

FieldAliases FieldAliases::load(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        throw InputError("cannot read the field alias file", {path, {}, {}, {}});
    FieldAliases out;
    try {
        const nlohmann::json doc = nlohmann::json::parse(in);
        for (const auto& [field, names] : doc.items()) {
            if (!names.is_object())
                continue; // comments
            for (const auto& [language, name] : names.items())
                out.m_aliases[field][language] = name.get<std::string>();
        }
    } catch (const nlohmann::json::exception& e) {
        throw InputError(std::string("is not a valid field alias file (") + e.what() + ")",
                         {path, {}, {}, {}});
    }
    return out;
}

std::string FieldAliases::alias(const std::string& field, const std::string& language) const {
    const auto f = m_aliases.find(field);
    if (f == m_aliases.end())
        return field;
    const auto name = f->second.find(language);
    return name == f->second.end() ? field : name->second;
}

} // namespace geo
