// Recoding through GDAL's CPLRecode (iconv) and what it can decode: shared by decodeToUtf8 and
// by encoding detection, which checks a stated encoding by decoding the bytes with it.
#pragma once

#include <optional>
#include <string>

namespace geo::detail {

// Upper case, in which encoding names (and file extensions) are compared.
std::string upper(std::string text);

bool isUtf8Name(const std::string& upperName);

// Encodings whose text holds NUL bytes cannot pass through CPLRecode's C strings.
bool isWideName(const std::string& upperName);

// Whether iconv can decode the encoding to UTF-8; remembered per name, thread-safe.
bool canRecode(const std::string& upperName);

// `bytes` in `encoding` as UTF-8, or nothing when iconv cannot decode all of them.
std::optional<std::string> recodeLosslessly(const std::string& bytes, const std::string& encoding);

} // namespace geo::detail
