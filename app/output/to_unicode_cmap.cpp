#include "app/output/to_unicode_cmap.h"

#include <cstdio>
#include <map>
#include <vector>

namespace app {
namespace {

// A CMap section's tokens: <hex> strings and the brackets of bfrange arrays.
struct Token {
    enum Kind { Hex, Open, Close } kind = Hex;
    std::string hex;
};

std::vector<Token> tokens(const std::string& text) {
    std::vector<Token> out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '[') {
            out.push_back({Token::Open, {}});
        } else if (text[i] == ']') {
            out.push_back({Token::Close, {}});
        } else if (text[i] == '<') {
            const std::size_t end = text.find('>', i);
            if (end == std::string::npos)
                break;
            out.push_back({Token::Hex, text.substr(i + 1, end - i - 1)});
            i = end;
        }
    }
    return out;
}

unsigned long hexValue(const std::string& hex) {
    return std::stoul(hex.empty() ? std::string("0") : hex, nullptr, 16);
}

// UTF-16BE code units of a destination string.
std::u16string unitsOf(const std::string& hex) {
    std::u16string units;
    for (std::size_t i = 0; i + 4 <= hex.size(); i += 4)
        units.push_back(static_cast<char16_t>(hexValue(hex.substr(i, 4))));
    return units;
}

std::string hexOf(unsigned long value, int digits) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%0*lX", digits, value);
    return buf;
}

} // namespace

std::optional<std::string> rewriteToUnicode(const std::string& cmap, const GlyphAliases& aliases) {
    std::map<unsigned long, std::u16string> meaning; // source code → its text
    int codeDigits = 4;
    std::size_t sectionsBegin = std::string::npos, sectionsEnd = 0;
    for (std::size_t at = 0;;) {
        const std::size_t begin = cmap.find("beginbf", at);
        if (begin == std::string::npos)
            break;
        const bool range = cmap.compare(begin, 12, "beginbfrange") == 0;
        const std::string endWord = range ? "endbfrange" : "endbfchar";
        const std::size_t bodyStart = begin + (range ? 12 : 11);
        const std::size_t end = cmap.find(endWord, bodyStart);
        if (end == std::string::npos)
            return std::nullopt;
        // The section starts with its entry count, on the line of its keyword.
        const std::size_t lineStart = cmap.rfind('\n', begin);
        sectionsBegin = std::min(sectionsBegin, lineStart == std::string::npos ? 0 : lineStart + 1);
        sectionsEnd = end + endWord.size();
        at = sectionsEnd;

        const std::vector<Token> t = tokens(cmap.substr(bodyStart, end - bodyStart));
        for (std::size_t i = 0; i < t.size();) {
            if (t[i].kind != Token::Hex)
                return std::nullopt;
            codeDigits = static_cast<int>(t[i].hex.size());
            const unsigned long first = hexValue(t[i].hex);
            if (!range) {
                if (i + 1 >= t.size() || t[i + 1].kind != Token::Hex)
                    return std::nullopt;
                meaning[first] = unitsOf(t[i + 1].hex);
                i += 2;
                continue;
            }
            if (i + 2 >= t.size() || t[i + 1].kind != Token::Hex)
                return std::nullopt;
            const unsigned long last = hexValue(t[i + 1].hex);
            if (t[i + 2].kind == Token::Hex) { // consecutive codes, consecutive last units
                std::u16string text = unitsOf(t[i + 2].hex);
                for (unsigned long code = first; code <= last && !text.empty(); ++code) {
                    meaning[code] = text;
                    ++text.back();
                }
                i += 3;
                continue;
            }
            std::size_t j = i + 3; // an array: one destination per code
            for (unsigned long code = first; j < t.size() && t[j].kind == Token::Hex; ++j, ++code)
                meaning[code] = unitsOf(t[j].hex);
            if (j >= t.size())
                return std::nullopt;
            i = j + 1;
        }
    }
    if (sectionsBegin == std::string::npos)
        return std::nullopt;

    bool changed = false;
    for (auto& [code, text] : meaning)
        for (char16_t& unit : text)
            if (const auto it = aliases.find(unit); it != aliases.end()) {
                unit = it->second;
                changed = true;
            }
    if (!changed)
        return std::nullopt;

    // bfchar sections of at most 100 entries each, as the CMap format asks.
    std::string sections;
    auto entry = meaning.begin();
    while (entry != meaning.end()) {
        std::string body;
        int n = 0;
        for (; entry != meaning.end() && n < 100; ++entry, ++n) {
            body += "<" + hexOf(entry->first, codeDigits) + "> <";
            for (const char16_t unit : entry->second)
                body += hexOf(unit, 4);
            body += ">\n";
        }
        sections += std::to_string(n) + " beginbfchar\n" + body + "endbfchar\n";
    }
    std::string rest = cmap.substr(sectionsEnd);
    if (!rest.empty() && rest.front() == '\n')
        rest.erase(0, 1);
    return cmap.substr(0, sectionsBegin) + sections + rest;
}

} // namespace app
