#include "geo/report/report_labels.h"

#include <fstream>

#include <nlohmann/json.hpp>

#include "geo/error.h"

namespace geo::report {

ReportLabels ReportLabels::load(const std::string& path, const std::string& language) {
    std::ifstream in(path);
    if (!in)
        throw InputError("cannot read the report labels; reinstall tianmu's data files",
                         {path, {}, {}, {}});
    nlohmann::json all;
    try {
        all = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw InputError(std::string("the report labels are not valid JSON: ") + e.what(),
                         {path, {}, {}, {}});
    }
    if (!all.contains(language) || !all.at(language).is_object())
        throw InputError("the report labels have no language '" + language + "' (zh or en)",
                         {path, {}, {}, {}});
    ReportLabels labels;
    labels.m_language = language;
    const nlohmann::json& table = all.at(language);
    for (const auto& [key, value] : table.items())
        if (value.is_string())
            labels.m_texts.emplace(key, value.get<std::string>());
    return labels;
}

std::string ReportLabels::text(const std::string& key) const {
    const auto it = m_texts.find(key);
    return it == m_texts.end() ? key : it->second;
}

std::string ReportLabels::format(const std::string& key,
                                 const std::vector<std::string>& args) const {
    std::string s = text(key);
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string marker = "{" + std::to_string(i) + "}";
        for (std::size_t at = s.find(marker); at != std::string::npos;
             at = s.find(marker, at + args[i].size()))
            s.replace(at, marker.size(), args[i]);
    }
    return s;
}

std::string ReportLabels::name(const std::string& prefix, const std::string& value) const {
    const auto it = m_texts.find(prefix + "." + value);
    return it == m_texts.end() ? value : it->second;
}

} // namespace geo::report
