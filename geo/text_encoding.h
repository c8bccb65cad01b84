// Which character encoding a layer's attribute bytes are in, and why; and decoding them.
// Chinese survey data arrives as GBK or UTF-8, with or without a .cpg, with a DBF language
// byte that may or may not be set: tianmu reads raw bytes and decides, stating its evidence.
#pragma once

#include <string>
#include <vector>

namespace geo {

struct EncodingDecision {
    std::string encoding;  // an iconv name: "UTF-8", "CP936", "CP950", "CP1252", …
    std::string decidedBy; // "override", "cpg", "language byte", "byte validation", "default"
    std::vector<std::string>
        evidence; // human-readable facts, e.g. ".cpg says 936", "LDID 0x4D = code page 936"
    bool operator==(const EncodingDecision&) const = default;
};

// Decides the attribute encoding of a vector file. For a shapefile (path to .shp or .dbf):
// .cpg → DBF language byte → validation of the attribute and field-name bytes (valid UTF-8?
// valid GB18030?) → default GBK (CP936), the commonest encoding of Chinese survey data.
// For formats whose encoding is fixed (GeoPackage, GeoJSON, FlatGeobuf, XLSX) it is UTF-8,
// decided by "format". A CSV is decided by byte validation. `override` (an iconv name, or
// "auto"/empty) wins when given and is recorded as such.
// Throws InputError naming the file when it cannot be read.
EncodingDecision detectEncoding(const std::string& path, const std::string& override = {});

// Converts bytes in `encoding` to UTF-8 (via GDAL's CPLRecode / iconv). Bytes that do not
// decode become U+FFFD, so the result is always valid UTF-8.
std::string decodeToUtf8(const std::string& bytes, const std::string& encoding);

bool isValidUtf8(const std::string& bytes) noexcept;
bool isValidGb18030(const std::string& bytes) noexcept;

// True when UTF-8 text is already garbled: it contains U+FFFD, "锟斤拷" (UTF-8 replacement
// bytes read as GBK), "烫烫烫"/"屯屯屯" (uninitialised memory read as GBK), or Latin-1
// sequences typical of UTF-8 read as CP1252 ("Ã", "Â" followed by a continuation symbol).
bool looksLikeMojibake(const std::string& utf8) noexcept;

} // namespace geo
