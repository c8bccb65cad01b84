#include "app/render/style_reader.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "geo/error.h"

namespace app {
namespace {

using nlohmann::json;

int hexDigit(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::string typeName(const json& j) {
    return j.is_string()    ? "a string"
           : j.is_number()  ? "a number"
           : j.is_boolean() ? "true/false"
           : j.is_array()   ? "a list"
           : j.is_object()  ? "an object"
                            : "null";
}

} // namespace

std::optional<QColor> parseStyleColour(std::string_view text) {
    if (text == "transparent")
        return QColor(0, 0, 0, 0);
    if (text.empty() || text.front() != '#')
        return std::nullopt;
    text.remove_prefix(1);
    std::vector<int> digits;
    for (char c : text) {
        const int d = hexDigit(c);
        if (d < 0)
            return std::nullopt;
        digits.push_back(d);
    }
    if (digits.size() == 3)
        return QColor(digits[0] * 17, digits[1] * 17, digits[2] * 17);
    if (digits.size() != 6 && digits.size() != 8)
        return std::nullopt;
    auto byte = [&](std::size_t i) {
        return digits[i] * 16 + digits[i + 1];
    };
    return QColor(byte(0), byte(2), byte(4), digits.size() == 8 ? byte(6) : 255);
}

std::string styleColourName(const QColor& colour) {
    std::string name = colour.name(QColor::HexRgb).toStdString();
    if (colour.alpha() != 255) {
        static const char* hex = "0123456789abcdef";
        name += hex[colour.alpha() / 16];
        name += hex[colour.alpha() % 16];
    }
    return name;
}

std::string entryPath(const std::string& parent, const std::string& key) {
    return parent.empty() ? key : parent + "." + key;
}

StyleReader::StyleReader(std::string path)
    : m_path(std::move(path)) {
    std::ifstream in(m_path, std::ios::binary);
    if (!in)
        throw geo::InputError("style file cannot be read; check the path", {m_path, {}, {}, {}});
    std::stringstream buffer;
    buffer << in.rdbuf();
    m_text = buffer.str();
    try {
        m_document = json::parse(m_text);
    } catch (const json::parse_error& e) {
        const auto upTo = std::min(m_text.size(), e.byte == 0 ? 0 : e.byte - 1);
        const auto begin = m_text.begin();
        const auto end = begin + static_cast<std::ptrdiff_t>(upTo);
        const long long line = 1 + std::count(begin, end, '\n');
        const auto lastBreak = m_text.rfind('\n', upTo == 0 ? 0 : upTo - 1);
        const long long column = static_cast<long long>(
            upTo - (lastBreak == std::string::npos || upTo == 0 ? 0 : lastBreak + 1) + 1);
        std::string reason = e.what();
        if (const auto colon = reason.rfind(": "); colon != std::string::npos)
            reason = reason.substr(colon + 2);
        throw geo::InputError("not valid JSON at line " + std::to_string(line) + ", column " +
                                  std::to_string(column) + ": " + reason +
                                  "; check for a missing comma, quote or bracket there",
                              {m_path, {}, {}, line});
    }
    if (!m_document.is_object())
        fail("", "the file must hold one JSON object { … }, not " + typeName(m_document));
}

void StyleReader::fail(const std::string& entry, const std::string& message,
                       const std::string& hint) const {
    geo::ErrorContext where{m_path, {}, {}, {}};
    if (const int line = hint.empty() ? 0 : lineOf(hint); line > 0)
        where.line = line;
    throw geo::InputError(entry.empty() ? message : entry + ": " + message, where);
}

int StyleReader::lineOf(const std::string& needle) const {
    const auto at = m_text.find(needle);
    if (at == std::string::npos)
        return 0;
    return 1 + static_cast<int>(std::count(m_text.begin(),
                                           m_text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

void StyleReader::checkKeys(const json& object, const std::string& entry,
                            std::initializer_list<const char*> allowed) const {
    for (const auto& item : object.items()) {
        const std::string& key = item.key();
        if (std::find_if(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; }) !=
            allowed.end())
            continue;
        std::string known;
        for (const char* a : allowed)
            known += (known.empty() ? "" : ", ") + std::string(a);
        fail(entryPath(entry, key), "unknown key '" + key + "'; the keys allowed here are " + known,
             "\"" + key + "\"");
    }
}

const json& StyleReader::object(const json& parent, const char* key,
                                const std::string& entry) const {
    const json* found = optionalObject(parent, key, entry);
    if (!found)
        fail(entryPath(entry, key), "is missing; it is required here");
    return *found;
}

const json* StyleReader::optionalObject(const json& parent, const char* key,
                                        const std::string& entry) const {
    const auto it = parent.find(key);
    if (it == parent.end())
        return nullptr;
    if (!it->is_object())
        fail(entryPath(entry, key), "must be an object { … }, not " + typeName(*it),
             std::string("\"") + key + "\"");
    return &*it;
}

const json& StyleReader::array(const json& parent, const char* key,
                               const std::string& entry) const {
    const auto it = parent.find(key);
    if (it == parent.end())
        fail(entryPath(entry, key), "is missing; it is required here");
    if (!it->is_array())
        fail(entryPath(entry, key), "must be a list [ … ], not " + typeName(*it),
             std::string("\"") + key + "\"");
    return *it;
}

std::string StyleReader::text(const json& parent, const char* key, const std::string& entry) const {
    const auto it = parent.find(key);
    if (it == parent.end())
        fail(entryPath(entry, key), "is missing; it is required here");
    if (!it->is_string())
        fail(entryPath(entry, key), "must be a string, not " + typeName(*it),
             std::string("\"") + key + "\"");
    return it->get<std::string>();
}

std::string StyleReader::optionalText(const json& parent, const char* key, const std::string& entry,
                                      const std::string& fallback) const {
    return parent.contains(key) ? text(parent, key, entry) : fallback;
}

double StyleReader::number(const json& parent, const char* key, const std::string& entry,
                           double min, double max) const {
    const auto it = parent.find(key);
    if (it == parent.end())
        fail(entryPath(entry, key), "is missing; it is required here");
    if (!it->is_number())
        fail(entryPath(entry, key), "must be a number, not " + typeName(*it),
             std::string("\"") + key + "\"");
    const double value = it->get<double>();
    if (!std::isfinite(value) || value < min || value > max) {
        std::ostringstream range;
        range << "must be between " << min << " and " << max << ", not " << value;
        fail(entryPath(entry, key), range.str(), std::string("\"") + key + "\"");
    }
    return value;
}

double StyleReader::optionalNumber(const json& parent, const char* key, const std::string& entry,
                                   double min, double max, double fallback) const {
    return parent.contains(key) ? number(parent, key, entry, min, max) : fallback;
}

bool StyleReader::optionalBool(const json& parent, const char* key, const std::string& entry,
                               bool fallback) const {
    const auto it = parent.find(key);
    if (it == parent.end())
        return fallback;
    if (!it->is_boolean())
        fail(entryPath(entry, key), "must be true or false, not " + typeName(*it),
             std::string("\"") + key + "\"");
    return it->get<bool>();
}

QColor StyleReader::colour(const json& parent, const char* key, const std::string& entry) const {
    const std::string value = text(parent, key, entry);
    const std::optional<QColor> parsed = parseStyleColour(value);
    if (!parsed)
        fail(entryPath(entry, key),
             "'" + value +
                 "' is not a colour; write #rrggbb (e.g. #3d9a5a), #rrggbbaa with "
                 "alpha last, #rgb, or transparent",
             "\"" + value + "\"");
    return *parsed;
}

std::pair<QString, QString> StyleReader::label(const json& parent, const char* key,
                                               const std::string& entry) const {
    const std::string where = entryPath(entry, key);
    const json& l = object(parent, key, entry);
    checkKeys(l, where, {"zh", "en"});
    const std::string zh = text(l, "zh", where);
    const std::string en = optionalText(l, "en", where, zh);
    return {QString::fromStdString(zh), QString::fromStdString(en)};
}

} // namespace app
