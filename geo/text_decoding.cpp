// Decodes text to UTF-8 through GDAL's CPLRecode, turning each undecodable byte into U+FFFD.
#include "geo/text_decoding.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <string_view>

#include <cpl_error.h>
#include <cpl_string.h>

#include "geo/byte_validation.h"
#include "geo/error.h"
#include "geo/text_encoding.h"

namespace geo {

using detail::canRecode;
using detail::isAscii;
using detail::isUtf8Name;
using detail::isWideName;
using detail::recodeLosslessly;
using detail::replacementCharacter;
using detail::upper;
using detail::utf8Length;

namespace {

struct CplFree {
    void operator()(char* p) const noexcept { CPLFree(p); }
};

// CPLRecode warns, once per process, that it dropped bytes; callers see that in the result, so
// the warning is neither printed nor left as the thread's last error.
std::string recode(const std::string& text, const char* from, const char* to) {
    const CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
    const CPLErrorStateBackuper keepLastError;
    std::unique_ptr<char, CplFree> out(CPLRecode(text.c_str(), from, to));
    return out ? std::string(out.get()) : std::string();
}

// Stateful 7-bit encodings: plain ASCII bytes in them are not ASCII text.
bool isAsciiCompatible(const std::string& upperName) {
    for (const char* prefix : {"ISO-2022", "ISO2022", "UTF-7", "UTF7", "HZ"})
        if (upperName.rfind(prefix, 0) == 0)
            return false;
    return !isWideName(upperName);
}

std::string sanitizeUtf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    while (!bytes.empty()) {
        const std::size_t n = utf8Length(bytes);
        if (n == 0) {
            out += replacementCharacter;
            bytes.remove_prefix(1);
        } else {
            out.append(bytes.substr(0, n));
            bytes.remove_prefix(n);
        }
    }
    return out;
}

// Decodes text without NUL bytes: whole when it decodes cleanly, else character by character,
// each undecodable byte becoming U+FFFD.
std::string decodePiece(const std::string& piece, const std::string& encoding,
                        bool asciiCompatible) {
    if (auto whole = recodeLosslessly(piece, encoding))
        return *whole;
    std::string out;
    std::size_t i = 0;
    while (i < piece.size()) {
        if (asciiCompatible && static_cast<unsigned char>(piece[i]) < 0x80) {
            out += piece[i++];
            continue;
        }
        bool decoded = false;
        for (std::size_t k = 1; k <= 4 && i + k <= piece.size() && !decoded; ++k) {
            if (auto character = recodeLosslessly(piece.substr(i, k), encoding)) {
                out += *character;
                i += k;
                decoded = true;
            }
        }
        if (!decoded) {
            out += replacementCharacter;
            ++i;
        }
    }
    return out;
}

} // namespace

namespace detail {

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

bool isUtf8Name(const std::string& upperName) {
    return upperName == "UTF-8" || upperName == "UTF8";
}

bool isWideName(const std::string& upperName) {
    for (const char* prefix :
         {"UTF-16", "UTF16", "UTF-32", "UTF32", "UCS-2", "UCS2", "UCS-4", "UCS4", "UNICODE"})
        if (upperName.rfind(prefix, 0) == 0)
            return true;
    return false;
}

bool canRecode(const std::string& upperName) {
    if (isWideName(upperName))
        return false;
    static std::mutex mutex;
    static std::map<std::string, bool> known;
    const std::lock_guard lock(mutex);
    auto [entry, inserted] = known.try_emplace(upperName, false);
    if (inserted) {
        const CPLErrorStateBackuper keepLastError;
        entry->second = CPLCanRecode("tianmu", upperName.c_str(), CPL_ENC_UTF8) != 0;
    }
    return entry->second;
}

// CPLRecode silently drops the bytes iconv rejects; recoding back to the source and comparing
// shows whether anything was lost.
std::optional<std::string> recodeLosslessly(const std::string& bytes, const std::string& encoding) {
    std::string utf8 = recode(bytes, encoding.c_str(), CPL_ENC_UTF8);
    if (utf8.empty() || !isValidUtf8(utf8) || recode(utf8, CPL_ENC_UTF8, encoding.c_str()) != bytes)
        return std::nullopt;
    return utf8;
}

} // namespace detail

std::string decodeToUtf8(const std::string& bytes, const std::string& encoding) {
    const std::string up = upper(encoding);
    if (isUtf8Name(up))
        return sanitizeUtf8(bytes);
    const bool asciiCompatible = isAsciiCompatible(up);
    if (asciiCompatible && isAscii(bytes))
        return bytes;
    if (!canRecode(up))
        throw InputError("cannot decode text from the encoding '" + encoding +
                         "': iconv does not know it; give an iconv name such as CP936, GB18030, "
                         "UTF-8 or CP950");
    std::string out;
    std::size_t begin = 0;
    while (begin <= bytes.size()) {
        std::size_t end = bytes.find('\0', begin);
        end = end == std::string::npos ? bytes.size() : end;
        if (end > begin)
            out += decodePiece(bytes.substr(begin, end - begin), encoding, asciiCompatible);
        if (end < bytes.size())
            out += '\0';
        begin = end + 1;
    }
    return out;
}

} // namespace geo
