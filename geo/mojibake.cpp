// Recognises text garbled before it reached tianmu: replacement characters, "锟斤拷" and its
// kin, and UTF-8 that was read as CP1252 and saved again.
#include "geo/text_encoding.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "geo/byte_validation.h"

namespace geo {

using detail::replacementCharacter;
using detail::utf8Length;

namespace {

// The code point at the start of well-formed UTF-8 `s` and its length.
std::pair<char32_t, std::size_t> codePointAt(std::string_view s) noexcept {
    const std::size_t n = utf8Length(s);
    if (n == 0)
        return {0xFFFD, 1};
    const auto byte = [&](std::size_t i) {
        return static_cast<char32_t>(static_cast<unsigned char>(s[i]));
    };
    if (n == 1)
        return {byte(0), 1};
    char32_t c = byte(0) & (0xFFu >> (n + 1));
    for (std::size_t i = 1; i < n; ++i)
        c = (c << 6) | (byte(i) & 0x3Fu);
    return {c, n};
}

// The byte that Windows code page 1252 (or Latin-1) shows as `c`, or -1.
int cp1252Byte(char32_t c) noexcept {
    if (c < 0x100)
        return static_cast<int>(c);
    static constexpr char32_t high[32] = {
        0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    for (int i = 0; i < 32; ++i)
        if (high[i] == c)
            return 0x80 + i;
    return -1;
}

// UTF-8 read as CP1252 and saved again: a run of characters whose CP1252 bytes form one
// multi-byte UTF-8 sequence ("Ã©" for "é", "ä¸­" for "中").
bool hasUtf8ReadAsCp1252(std::string_view s) noexcept {
    while (!s.empty()) {
        const auto [c, n] = codePointAt(s);
        const int lead = cp1252Byte(c);
        if (lead >= 0xC2 && lead <= 0xF4) {
            char bytes[4] = {static_cast<char>(lead), 0, 0, 0};
            const std::size_t length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
            std::string_view rest = s.substr(n);
            std::size_t k = 1;
            for (; k < length && !rest.empty(); ++k) {
                const auto [next, m] = codePointAt(rest);
                const int b = cp1252Byte(next);
                if (b < 0x80 || b > 0xBF)
                    break;
                bytes[k] = static_cast<char>(b);
                rest.remove_prefix(m);
            }
            if (k == length && utf8Length(std::string_view(bytes, length)) == length)
                return true;
        }
        s.remove_prefix(n);
    }
    return false;
}

} // namespace

bool looksLikeMojibake(const std::string& utf8) noexcept {
    for (std::string_view marker : {replacementCharacter, std::string_view("锟斤拷"),
                                    std::string_view("烫烫烫"), std::string_view("屯屯屯")})
        if (utf8.find(marker) != std::string::npos)
            return true;
    return !isValidUtf8(utf8) || hasUtf8ReadAsCp1252(utf8);
}

} // namespace geo
