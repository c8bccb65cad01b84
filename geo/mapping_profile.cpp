#include "geo/mapping_profile.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "geo/area.h"
#include "geo/error.h"

namespace geo {
namespace {

AreaUnit unitOf(const std::string& text, const std::string& path) {
    if (text.empty())
        return AreaUnit::None;
    if (text == "m2")
        return AreaUnit::SquareMetres;
    if (text == "mu")
        return AreaUnit::Mu;
    if (text == "ha")
        return AreaUnit::Hectares;
    throw InputError("unknown unit '" + text + "'; use m2, mu or ha", {path, {}, {}, {}});
}

FieldType typeOf(const std::string& text, const std::string& path) {
    if (text == "string")
        return FieldType::String;
    if (text == "integer")
        return FieldType::Integer;
    if (text == "real")
        return FieldType::Real;
    if (text == "date")
        return FieldType::Date;
    throw InputError("unknown type '" + text + "'; use string, integer, real or date",
                     {path, {}, {}, {}});
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

double squareMetresIn(AreaUnit unit) {
    switch (unit) {
    case AreaUnit::Mu:
        return Area::squareMetresPerMu;
    case AreaUnit::Hectares:
        return Area::squareMetresPerHectare;
    default:
        return 1.0;
    }
}

// Replaces full-width digits, separators and the ideographic space with ASCII.
std::string asciiDigits(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0xEF && i + 2 < text.size()) { // U+FF01..U+FF5E: EF BC 81 .. EF BD 9E
            const auto b1 = static_cast<unsigned char>(text[i + 1]);
            const auto b2 = static_cast<unsigned char>(text[i + 2]);
            const int code = ((b1 & 0x3F) << 6) | (b2 & 0x3F); // low 12 bits of U+FFxx
            if (b1 >= 0xBC && b1 <= 0xBD && code >= 0xF01 && code <= 0xF5E) {
                out += static_cast<char>(code - 0xF01 + 0x21);
                i += 2;
                continue;
            }
        }
        if (c == 0xE3 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            static_cast<unsigned char>(text[i + 2]) == 0x80) {
            out += ' ';
            i += 2;
            continue;
        }
        out += static_cast<char>(c);
    }
    return out;
}

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

bool validDate(int y, int m, int d) {
    static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return false;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

std::string isoDate(int y, int m, int d) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

} // namespace

double unitFactor(AreaUnit from, AreaUnit to) noexcept {
    if (from == AreaUnit::None || to == AreaUnit::None)
        return 1.0;
    return squareMetresIn(from) / squareMetresIn(to);
}

const ProfileField* MappingProfile::field(const std::string& target) const noexcept {
    for (const ProfileField& f : fields)
        if (f.target == target)
            return &f;
    return nullptr;
}

MappingProfile MappingProfile::load(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        throw InputError("profile cannot be read; check the path", {path, {}, {}, {}});
    MappingProfile profile;
    try {
        const nlohmann::json doc = nlohmann::json::parse(in);
        profile.name = doc.at("name").get<std::string>();
        profile.title = doc.value("title", profile.name);
        profile.layer = doc.at("layer").get<std::string>();
        for (const nlohmann::json& f : doc.at("fields")) {
            ProfileField field;
            field.target = f.at("target").get<std::string>();
            field.type = typeOf(f.value("type", std::string("string")), path);
            field.unit = unitOf(f.value("unit", std::string()), path);
            field.required = f.value("required", false);
            for (const nlohmann::json& s : f.at("sources")) {
                if (s.is_string())
                    field.sources.push_back({s.get<std::string>(), AreaUnit::None});
                else
                    field.sources.push_back({s.at("name").get<std::string>(),
                                             unitOf(s.value("unit", std::string()), path)});
            }
            for (const nlohmann::json& v : f.value("values", nlohmann::json::array()))
                field.values.push_back(v.get<std::string>());
            profile.fields.push_back(std::move(field));
        }
    } catch (const nlohmann::json::exception& e) {
        throw InputError(std::string("not a valid mapping profile (") + e.what() +
                             "); see data/profiles/README.md for the format",
                         {path, {}, {}, {}});
    }
    return profile;
}

std::vector<MappingProfile> MappingProfile::loadDirectory(const std::string& directory) {
    std::vector<std::string> paths;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(directory, ec))
        if (entry.path().extension() == ".json")
            paths.push_back(entry.path().string());
    if (ec)
        throw InputError("profile folder cannot be read", {directory, {}, {}, {}});
    std::sort(paths.begin(), paths.end());
    std::vector<MappingProfile> profiles;
    for (const std::string& p : paths)
        profiles.push_back(load(p));
    return profiles;
}

FieldMapping matchProfile(const MappingProfile& profile,
                          const std::vector<std::string>& sourceFields) {
    FieldMapping mapping;
    mapping.profile = profile.name;
    std::vector<bool> used(sourceFields.size(), false);
    std::vector<std::string> lowered;
    for (const std::string& s : sourceFields)
        lowered.push_back(lower(trim(s)));
    for (const ProfileField& field : profile.fields) {
        bool found = false;
        for (const ProfileField::Source& source : field.sources) {
            const std::string wanted = lower(source.name);
            for (std::size_t i = 0; i < sourceFields.size() && !found; ++i) {
                if (used[i] || lowered[i] != wanted)
                    continue;
                used[i] = true;
                found = true;
                const AreaUnit from = source.unit == AreaUnit::None ? field.unit : source.unit;
                mapping.columns.push_back({field.target, static_cast<int>(i), sourceFields[i],
                                           field.type, unitFactor(from, field.unit),
                                           field.required});
            }
            if (found)
                break;
        }
        if (found)
            mapping.score += field.required ? 3.0 : 1.0;
        else if (field.required) {
            mapping.missingRequired.push_back(field.target);
            mapping.score -= 3.0;
        }
    }
    for (std::size_t i = 0; i < sourceFields.size(); ++i)
        if (!used[i])
            mapping.unmapped.push_back(static_cast<int>(i));
    return mapping;
}

const MappingProfile* chooseProfile(const std::vector<MappingProfile>& profiles,
                                    const std::string& layer,
                                    const std::vector<std::string>& sourceFields) {
    const MappingProfile* best = nullptr;
    double bestScore = -1e9;
    for (const MappingProfile& p : profiles) {
        if (p.layer != layer)
            continue;
        const double score = matchProfile(p, sourceFields).score;
        if (score > bestScore) {
            bestScore = score;
            best = &p;
        }
    }
    return best;
}

std::optional<std::string> parseDate(const std::string& raw) {
    const std::string text = trim(asciiDigits(raw));
    if (text.empty())
        return std::nullopt;
    int y = 0, m = 0, d = 0;
    char tail = 0;
    // 2023-05-01, 2023/5/1, 2023.05.01 (a time of day after a space is ignored)
    for (const char* format : {"%d-%d-%d%c", "%d/%d/%d%c", "%d.%d.%d%c"}) {
        const int n = std::sscanf(text.c_str(), format, &y, &m, &d, &tail);
        if ((n == 3 || (n == 4 && tail == ' ')) && validDate(y, m, d))
            return isoDate(y, m, d);
    }
    // 2023年5月1日
    if (std::sscanf(text.c_str(), "%d\xE5\xB9\xB4%d\xE6\x9C\x88%d", &y, &m, &d) == 3 &&
        validDate(y, m, d))
        return isoDate(y, m, d);
    if (std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); })) {
        if (text.size() == 8) { // 20230501
            y = std::stoi(text.substr(0, 4));
            m = std::stoi(text.substr(4, 2));
            d = std::stoi(text.substr(6, 2));
            if (validDate(y, m, d))
                return isoDate(y, m, d);
        } else if (text.size() <= 5) { // Excel serial day (1900 system): 45047 = 2023-05-01
            const long serial = std::stol(text);
            if (serial > 60 && serial < 120000) {
                // Days since 1899-12-30 (Excel's 1900 leap-year bug makes that the epoch).
                long z = serial - 25569 + 719468; // to days since 0000-03-01 (civil algorithm)
                const long era = z / 146097;
                const long doe = z - era * 146097;
                const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
                const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
                const long mp = (5 * doy + 2) / 153;
                d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
                m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
                y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
                if (validDate(y, m, d))
                    return isoDate(y, m, d);
            }
        }
    }
    return std::nullopt;
}

std::optional<double> parseNumber(const std::string& raw) {
    std::string text = trim(asciiDigits(raw));
    text.erase(std::remove(text.begin(), text.end(), ','), text.end());
    if (text.empty())
        return std::nullopt;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

} // namespace geo
