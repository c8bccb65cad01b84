// Validity of bytes as UTF-8 (RFC 3629) and as GB18030, one sequence at a time.
#include "geo/byte_validation.h"

#include <algorithm>
#include <string>

#include "geo/text_encoding.h"

namespace geo {
namespace detail {

bool isAscii(std::string_view bytes) noexcept {
    return std::all_of(bytes.begin(), bytes.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::size_t utf8Length(std::string_view s, bool* truncated) noexcept {
    const auto byte = [&](std::size_t i) {
        return static_cast<unsigned char>(s[i]);
    };
    const unsigned lead = byte(0);
    if (lead < 0x80)
        return 1;
    std::size_t length = 0;
    unsigned low = 0x80, high = 0xBF; // range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF)
        length = 2;
    else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else
        return 0;
    for (std::size_t i = 1; i < length; ++i) {
        if (i >= s.size()) {
            if (truncated)
                *truncated = true;
            return 0;
        }
        const unsigned lo = i == 1 ? low : 0x80, hi = i == 1 ? high : 0xBF;
        if (byte(i) < lo || byte(i) > hi)
            return 0;
    }
    return length;
}

std::size_t gb18030Length(std::string_view s, bool* truncated) noexcept {
    const auto byte = [&](std::size_t i) {
        return static_cast<unsigned char>(s[i]);
    };
    const unsigned lead = byte(0);
    if (lead < 0x80)
        return 1;
    if (lead == 0x80 || lead == 0xFF)
        return 0;
    const auto incomplete = [&] {
        if (truncated)
            *truncated = true;
        return std::size_t{0};
    };
    if (s.size() < 2)
        return incomplete();
    const unsigned second = byte(1);
    if ((second >= 0x40 && second <= 0x7E) || (second >= 0x80 && second <= 0xFE))
        return 2;
    if (second < 0x30 || second > 0x39)
        return 0;
    // Four-byte codes exist for the rest of the BMP (leads 0x81–0x84) and beyond it (0x90–0xE3).
    if (lead > 0x84 && (lead < 0x90 || lead > 0xE3))
        return 0;
    if (s.size() < 3)
        return incomplete();
    if (byte(2) < 0x81 || byte(2) > 0xFE)
        return 0;
    if (s.size() < 4)
        return incomplete();
    return byte(3) >= 0x30 && byte(3) <= 0x39 ? 4 : 0;
}

bool hasGb18030FourByte(std::string_view s) noexcept {
    while (!s.empty()) {
        const std::size_t n = gb18030Length(s);
        if (n == 4)
            return true;
        s.remove_prefix(std::max<std::size_t>(n, 1));
    }
    return false;
}

} // namespace detail

bool isValidUtf8(const std::string& bytes) noexcept {
    return detail::wellFormed(bytes, detail::utf8Length, false);
}

bool isValidGb18030(const std::string& bytes) noexcept {
    return detail::wellFormed(bytes, detail::gb18030Length, false);
}

} // namespace geo
