#include "geo/sql_quoting.h"

namespace geo {
namespace {

std::string quoted(std::string_view s, char quote) {
    std::string out(1, quote);
    out.reserve(s.size() + 2);
    for (char c : s) {
        out += c;
        if (c == quote)
            out += c;
    }
    return out + quote;
}

} // namespace

std::string sqlIdentifier(std::string_view name) {
    return quoted(name, '"');
}

std::string sqlText(std::string_view text) {
    return quoted(text, '\'');
}

std::string sqlMinMax(std::string_view table, std::string_view column) {
    const std::string t = sqlIdentifier(table), c = sqlIdentifier(column);
    return "SELECT (SELECT MIN(" + c + ") FROM " + t + "), (SELECT MAX(" + c + ") FROM " + t + ")";
}

} // namespace geo
