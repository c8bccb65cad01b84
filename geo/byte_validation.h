// Byte-level checks shared by encoding detection, decoding and mojibake detection: ASCII, and
// the length of each well-formed UTF-8 or GB18030 sequence.
#pragma once

#include <cstddef>
#include <string_view>

namespace geo::detail {

inline constexpr std::string_view replacementCharacter = "\xEF\xBF\xBD"; // U+FFFD

bool isAscii(std::string_view bytes) noexcept;

// Length of the well-formed UTF-8 sequence at the start of `s` (RFC 3629: no overlongs, no
// surrogates, nothing past U+10FFFF), or 0. `truncated` is set when `s` ends inside a sequence
// that was well-formed so far.
std::size_t utf8Length(std::string_view s, bool* truncated = nullptr) noexcept;

// Length of the GB18030 sequence at the start of `s` (1, 2 or 4 bytes), or 0; `truncated` as
// for utf8Length.
std::size_t gb18030Length(std::string_view s, bool* truncated = nullptr) noexcept;

// Whether every sequence in `s` is well-formed; `allowCutEnd` forgives a last character cut
// short, as happens when text was truncated to a DBF field's width in bytes.
template <typename Length>
bool wellFormed(std::string_view s, Length length, bool allowCutEnd) noexcept {
    while (!s.empty()) {
        bool truncated = false;
        const std::size_t n = length(s, &truncated);
        if (n == 0)
            return truncated && allowCutEnd;
        s.remove_prefix(n);
    }
    return true;
}

// Whether some character in `s` needs GB18030's four-byte codes, which CP936 lacks.
bool hasGb18030FourByte(std::string_view s) noexcept;

} // namespace geo::detail
