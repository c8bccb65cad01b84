// Decides the encoding of a layer's attribute bytes from the .cpg, the DBF language byte and the
// bytes themselves, and decodes text to UTF-8 through GDAL's CPLRecode.
#include "geo/text_encoding.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>

#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <ogrsf_frmts.h>

#include "geo/error.h"
#include "geo/gdal_session.h"

namespace geo {
namespace {

// A bounded, evenly spaced sample decides: enough for any real layer, fast on a million records.
constexpr std::size_t sampleRecords = 2000;
constexpr std::size_t sampleBytes = std::size_t{16} << 20;        // of DBF records, at most
constexpr std::size_t csvSampleBytes = std::size_t{1} << 20;      // read from the start of a CSV
constexpr std::string_view replacementCharacter = "\xEF\xBF\xBD"; // U+FFFD
constexpr const char* defaultEncoding = "CP936";

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

std::string lowerExtension(const std::string& path) {
    const std::size_t dot = path.find_last_of('.');
    const std::size_t slash = path.find_last_of("/\\");
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
        return {};
    std::string ext = path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

std::string withoutExtension(const std::string& path) {
    return lowerExtension(path).empty() ? path : path.substr(0, path.find_last_of('.'));
}

// "1234567" → "1,234,567", as evidence is read by people.
std::string formatCount(std::size_t n) {
    std::string digits = std::to_string(n);
    for (std::size_t i = digits.size(); i > 3; i -= 3)
        digits.insert(i - 3, ",");
    return digits;
}

bool isAscii(std::string_view bytes) noexcept {
    return std::all_of(bytes.begin(), bytes.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Length of the well-formed UTF-8 sequence at the start of `s` (RFC 3629: no overlongs, no
// surrogates, nothing past U+10FFFF), or 0. `truncated` is set when `s` ends inside a sequence
// that was well-formed so far.
std::size_t utf8Length(std::string_view s, bool* truncated = nullptr) noexcept {
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

// Length of the GB18030 sequence at the start of `s` (1, 2 or 4 bytes), or 0; `truncated` as
// for utf8Length.
std::size_t gb18030Length(std::string_view s, bool* truncated = nullptr) noexcept {
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

bool hasGb18030FourByte(std::string_view s) noexcept {
    while (!s.empty()) {
        const std::size_t n = gb18030Length(s);
        if (n == 4)
            return true;
        s.remove_prefix(std::max<std::size_t>(n, 1));
    }
    return false;
}

// --- decoding -------------------------------------------------------------------------------

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

bool isUtf8Name(const std::string& upperName) {
    return upperName == "UTF-8" || upperName == "UTF8";
}

// Encodings whose text holds NUL bytes cannot pass through CPLRecode's C strings.
bool isWideName(const std::string& upperName) {
    for (const char* prefix :
         {"UTF-16", "UTF16", "UTF-32", "UTF32", "UCS-2", "UCS2", "UCS-4", "UCS4", "UNICODE"})
        if (upperName.rfind(prefix, 0) == 0)
            return true;
    return false;
}

// Stateful 7-bit encodings: plain ASCII bytes in them are not ASCII text.
bool isAsciiCompatible(const std::string& upperName) {
    for (const char* prefix : {"ISO-2022", "ISO2022", "UTF-7", "UTF7", "HZ"})
        if (upperName.rfind(prefix, 0) == 0)
            return false;
    return !isWideName(upperName);
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

// CPLRecode silently drops the bytes iconv rejects; recoding back to the source and comparing
// shows whether anything was lost.
std::optional<std::string> recodeLosslessly(const std::string& bytes, const std::string& encoding) {
    std::string utf8 = recode(bytes, encoding.c_str(), CPL_ENC_UTF8);
    if (utf8.empty() || !isValidUtf8(utf8) || recode(utf8, CPL_ENC_UTF8, encoding.c_str()) != bytes)
        return std::nullopt;
    return utf8;
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

// --- mojibake -------------------------------------------------------------------------------

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

// --- evidence -------------------------------------------------------------------------------

// A sampled non-ASCII value or field name. `mayBeCut` when it fills its DBF field (or ends the
// sample): a writer that truncated it to the width in bytes may have cut its last character.
struct SampledText {
    std::string bytes;
    bool mayBeCut = false;
};

// What the sampled bytes say: each non-ASCII text is well-formed UTF-8, GB18030, both or neither.
struct ByteCounts {
    std::size_t texts = 0;
    std::size_t utf8Only = 0, gbOnly = 0, both = 0, neither = 0;
    std::size_t cut = 0;           // texts that fill their field and end in a cut character
    std::size_t utf8Sequences = 0; // multi-byte sequences in the texts that are valid UTF-8
    bool gbFourByte = false;       // some text needs GB18030's four-byte codes, which CP936 lacks

    std::size_t utf8() const { return utf8Only + both; }
    std::size_t gb() const { return gbOnly + both; }
};

ByteCounts countBytes(const std::vector<SampledText>& texts) {
    ByteCounts counts;
    for (const auto& [text, mayBeCut] : texts) {
        bool utf8 = wellFormed(text, utf8Length, false);
        bool gb = wellFormed(text, gb18030Length, false);
        // Only a text that fits neither is judged without a cut last character: writers size
        // fields to their longest value, so filling the field alone proves nothing.
        if (!utf8 && !gb && mayBeCut) {
            utf8 = wellFormed(text, utf8Length, true);
            gb = wellFormed(text, gb18030Length, true);
            counts.cut += utf8 || gb ? 1 : 0;
        }
        ++counts.texts;
        (utf8 && gb ? counts.both : utf8 ? counts.utf8Only : gb ? counts.gbOnly : counts.neither)++;
        counts.gbFourByte = counts.gbFourByte || (gb && !utf8 && hasGb18030FourByte(text));
        if (utf8)
            counts.utf8Sequences += static_cast<std::size_t>(
                std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) == 0xC0; }));
    }
    return counts;
}

std::string ofThem(std::size_t n, const std::string& what) {
    return formatCount(n) + (n == 1 ? " of them is " : " of them are ") + what;
}

std::string ofTheSampledTexts(std::size_t n, const std::string& what) {
    return formatCount(n) + (n == 1 ? " of the sampled texts is " : " of the sampled texts are ") +
           what;
}

void describeBytes(const ByteCounts& c, std::vector<std::string>& evidence) {
    if (c.utf8Only)
        evidence.push_back(ofThem(c.utf8Only, "valid UTF-8 but not GB18030"));
    if (c.gbOnly)
        evidence.push_back(ofThem(c.gbOnly, "valid GB18030 but not UTF-8"));
    if (c.both)
        evidence.push_back(ofThem(c.both, "valid as both UTF-8 and GB18030"));
    if (c.neither)
        evidence.push_back(ofThem(c.neither, "valid as neither UTF-8 nor GB18030"));
    if (c.cut)
        evidence.push_back(ofThem(c.cut, "judged without its last character, cut to the field's "
                                         "width"));
}

// The GB family is read as CP936 (GBK), the superset real files need, or GB18030 when the
// bytes use its four-byte codes.
bool isGbFamily(const std::string& upperName) {
    for (const char* name : {"CP936", "GBK", "GB2312", "GB18030", "EUC-CN", "EUCCN", "MS936",
                             "WINDOWS-936", "936", "CSGB2312"})
        if (upperName == name)
            return true;
    return false;
}

bool isGbk(const std::string& upperName) {
    for (const char* name : {"CP936", "GBK", "MS936", "WINDOWS-936", "936"})
        if (upperName == name)
            return true;
    return false;
}

bool isSingleByteName(const std::string& upperName) {
    for (const char* prefix :
         {"ISO-8859", "ISO8859", "LATIN", "CP125", "WINDOWS-125", "CP437", "CP8", "KOI8"})
        if (upperName.rfind(prefix, 0) == 0)
            return true;
    return false;
}

// iconv's name for a few spellings found in real .cpg files that iconv does not accept.
std::string iconvName(const std::string& name) {
    const std::string up = upper(name);
    if (up == "SHIFTJIS")
        return "SHIFT_JIS";
    return name;
}

// An encoding stated by a .cpg or a language byte, checked against the bytes: returns the
// encoding to use, or nothing (with the reason in `evidence`) when the bytes contradict it.
std::optional<std::string> checkStated(const std::string& source, const std::string& stated,
                                       const std::vector<SampledText>& texts,
                                       const ByteCounts& counts,
                                       std::vector<std::string>& evidence) {
    const std::string name = iconvName(stated);
    const std::string up = upper(name);
    const std::string says = source + " says " + stated;
    std::size_t bad = 0;
    std::string use = name;
    if (isUtf8Name(up)) {
        use = "UTF-8";
        bad = counts.texts - counts.utf8();
    } else if (isGbFamily(up)) {
        use = (up == "GB18030" || counts.gbFourByte) ? "GB18030" : defaultEncoding;
        bad = counts.texts - counts.gb();
    } else if (isWideName(up)) {
        evidence.push_back(source + " names " + stated +
                           ", which a DBF cannot hold (its text is single bytes): ignored");
        return std::nullopt;
    } else if (!canRecode(up)) {
        evidence.push_back(source + " names " + stated + ", which iconv cannot decode: ignored");
        return std::nullopt;
    } else {
        bad = static_cast<std::size_t>(
            std::count_if(texts.begin(), texts.end(), [&](const SampledText& t) {
                // A text cut to its field's width may end in part of a character.
                for (std::size_t cut = 0; cut <= (t.mayBeCut ? 3u : 0u) && cut < t.bytes.size();
                     ++cut)
                    if (recodeLosslessly(t.bytes.substr(0, t.bytes.size() - cut), name))
                        return false;
                return true;
            }));
    }
    if (bad > 0) {
        evidence.push_back(says + " but " + ofTheSampledTexts(bad, "not valid " + use) +
                           ": not trusted");
        return std::nullopt;
    }
    // Text in another encoding is almost never well-formed UTF-8 by chance (none of the thousands
    // of GBK values in the test data is), so UTF-8 throughout outweighs a statement: at once for
    // a single-byte code page, after a few characters for a multi-byte one, which short UTF-8
    // texts can pass for.
    const std::size_t enough = isSingleByteName(up) ? 1 : 4;
    if (!isUtf8Name(up) && counts.texts > 0 && counts.utf8() == counts.texts &&
        counts.utf8Sequences >= enough) {
        evidence.push_back(says + " but all " + formatCount(counts.texts) +
                           " non-ASCII texts are well-formed UTF-8 (" +
                           formatCount(counts.utf8Sequences) +
                           " multi-byte characters): not trusted");
        return std::nullopt;
    }
    const bool sameCodePage = upper(use) == up || (isGbk(up) && use == defaultEncoding);
    if (!sameCodePage)
        evidence.push_back(stated + " is read as " + use +
                           (isGbFamily(up) ? ", its superset" : ""));
    return use;
}

EncodingDecision decideByBytes(const ByteCounts& c, std::vector<std::string> evidence) {
    const std::string gbName = c.gbFourByte ? "GB18030" : defaultEncoding;
    if (c.texts == 0)
        evidence.push_back("ASCII text is valid UTF-8");
    else if (c.utf8() == c.texts && c.both > 0)
        evidence.push_back("every text is valid UTF-8, and its multi-byte sequences make UTF-8 the "
                           "likelier reading");
    if (c.utf8() == c.texts)
        return {"UTF-8", "byte validation", std::move(evidence)};
    if (c.gb() == c.texts)
        return {gbName, "byte validation", std::move(evidence)};
    if (c.utf8() == 0 && c.gb() == 0) {
        evidence.push_back("no reading fits the bytes: using the default " +
                           std::string(defaultEncoding));
        return {defaultEncoding, "default", std::move(evidence)};
    }
    evidence.push_back("no one reading fits every text: using the one most of them fit");
    if (c.utf8() > c.gb())
        return {"UTF-8", "byte validation", std::move(evidence)};
    return {gbName, "byte validation", std::move(evidence)};
}

// --- files ----------------------------------------------------------------------------------

struct VsiClose {
    void operator()(VSILFILE* f) const noexcept { VSIFCloseL(f); }
};
using VsiFile = std::unique_ptr<VSILFILE, VsiClose>;

bool exists(const std::string& path) {
    VSIStatBufL stat;
    return VSIStatL(path.c_str(), &stat) == 0;
}

VsiFile openForReading(const std::string& path) {
    VsiFile file(VSIFOpenL(path.c_str(), "rb"));
    if (!file)
        throw InputError("cannot be read; check that it exists and that you may read it",
                         {path, {}, {}, {}});
    return file;
}

std::string readAt(VSILFILE* file, vsi_l_offset offset, std::size_t size) {
    std::string bytes(size, '\0');
    if (VSIFSeekL(file, offset, SEEK_SET) != 0)
        return {};
    bytes.resize(VSIFReadL(bytes.data(), 1, size, file));
    return bytes;
}

std::string siblingWith(const std::string& path, const char* lowerExt) {
    const std::string stem = withoutExtension(path);
    for (const std::string& ext : {std::string(lowerExt), upper(lowerExt)})
        if (exists(stem + "." + ext))
            return stem + "." + ext;
    return {};
}

// A folder in /vsimem/ that is removed when it goes out of scope.
class MemoryFolder {
public:
    MemoryFolder() {
        static std::atomic<unsigned> counter{0};
        m_path = "/vsimem/tianmu_text_encoding_" + std::to_string(++counter);
    }
    ~MemoryFolder() { VSIRmdirRecursive(m_path.c_str()); }
    MemoryFolder(const MemoryFolder&) = delete;
    MemoryFolder& operator=(const MemoryFolder&) = delete;
    const std::string& path() const noexcept { return m_path; }

private:
    std::string m_path;
};

void writeFile(const std::string& path, const std::string& bytes) {
    VsiFile file(VSIFOpenL(path.c_str(), "wb"));
    if (!file || VSIFWriteL(bytes.data(), 1, bytes.size(), file.get()) != bytes.size())
        throw Error("cannot write the in-memory sample " + path);
}

unsigned little(const std::string& bytes, std::size_t at, std::size_t size) {
    unsigned value = 0;
    for (std::size_t i = size; i-- > 0;)
        value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
    return value;
}

struct DbfSample {
    std::string dbf; // a small DBF: the header and evenly spaced records of the real one
    std::size_t total = 0, sampled = 0;
    unsigned languageByte = 0;
};

// GDAL wants the .shp and .shx beside a .dbf and reads every record it is asked for; the
// encoding lives in the .dbf alone, so GDAL is handed a bounded sample of it.
DbfSample sampleDbf(const std::string& path) {
    const VsiFile file = openForReading(path);
    const std::string start = readAt(file.get(), 0, 32);
    const auto damaged = [&] {
        return InputError("is not a valid DBF file (its header is damaged); export the layer "
                          "again from the GIS that made it",
                          {path, {}, {}, {}});
    };
    if (start.size() < 32)
        throw damaged();
    const std::size_t headerLength = little(start, 8, 2), recordLength = little(start, 10, 2);
    if (headerLength < 33 || recordLength < 1)
        throw damaged();
    VSIFSeekL(file.get(), 0, SEEK_END);
    const auto size = static_cast<std::size_t>(VSIFTellL(file.get()));
    const std::size_t available = size > headerLength ? (size - headerLength) / recordLength : 0;
    DbfSample sample;
    sample.total = std::min<std::size_t>(little(start, 4, 4), available);
    sample.sampled = std::min(
        {sample.total, sampleRecords, std::max<std::size_t>(1, sampleBytes / recordLength)});
    sample.languageByte = static_cast<unsigned char>(start[29]);
    sample.dbf = readAt(file.get(), 0, headerLength);
    if (sample.dbf.size() < headerLength)
        throw damaged();
    if (sample.sampled == sample.total) {
        sample.dbf += readAt(file.get(), headerLength, sample.total * recordLength);
    } else {
        for (std::size_t i = 0; i < sample.sampled; ++i) {
            const std::size_t record = i * sample.total / sample.sampled;
            sample.dbf += readAt(file.get(), headerLength + record * recordLength, recordLength);
        }
    }
    for (std::size_t i = 0; i < 4; ++i)
        sample.dbf[4 + i] = static_cast<char>((sample.sampled >> (8 * i)) & 0xFF);
    sample.dbf += '\x1A';
    return sample;
}

const char* shapefileItem(OGRLayer& layer, const char* name) {
    const char* value = layer.GetMetadataItem(name, "SHAPEFILE");
    return value && *value ? value : nullptr;
}

std::string describeCodePage(const std::string& encoding) {
    if (encoding.size() > 2 && upper(encoding.substr(0, 2)) == "CP" &&
        std::all_of(encoding.begin() + 2, encoding.end(),
                    [](unsigned char c) { return std::isdigit(c) != 0; }))
        return "code page " + encoding.substr(2);
    return encoding;
}

std::string hexByte(unsigned value) {
    static constexpr char digits[] = "0123456789ABCDEF";
    return std::string("0x") + digits[(value >> 4) & 0xF] + digits[value & 0xF];
}

// What decoding the sample will show: bytes the decision cannot decode, and text that was
// garbled before it reached us (no encoding repairs those).
void addDecodingEvidence(const std::vector<SampledText>& texts, EncodingDecision& decision) {
    const bool utf8 = isUtf8Name(upper(decision.encoding));
    if (!utf8 && !canRecode(upper(decision.encoding)))
        return;
    std::size_t undecodable = 0, garbled = 0;
    for (const SampledText& text : texts) {
        const std::optional<std::string> decoded =
            utf8 ? (isValidUtf8(text.bytes) ? std::optional(text.bytes) : std::nullopt)
                 : recodeLosslessly(text.bytes, decision.encoding);
        if (!decoded)
            ++undecodable;
        else if (looksLikeMojibake(*decoded))
            ++garbled;
    }
    if (undecodable > 0)
        decision.evidence.push_back(
            ofTheSampledTexts(undecodable, "not fully valid " + decision.encoding +
                                               "; undecodable bytes will show as U+FFFD"));
    if (garbled > 0)
        decision.evidence.push_back(ofTheSampledTexts(
            garbled, "garbled already (U+FFFD, \"锟斤拷\" or similar): no encoding repairs them"));
}

EncodingDecision detectShapefile(const std::string& path) {
    const std::string dbfPath = lowerExtension(path) == "dbf" ? path : siblingWith(path, "dbf");
    if (dbfPath.empty())
        return {defaultEncoding, "default", {"no .dbf file, so there are no attribute bytes"}};

    DbfSample sample = sampleDbf(dbfPath);
    const MemoryFolder folder;
    const std::string memoryDbf = folder.path() + "/sample.dbf";
    writeFile(memoryDbf, sample.dbf);
    sample.dbf.clear();
    std::vector<std::string> evidence;
    const std::string cpgPath = siblingWith(dbfPath, "cpg");
    if (cpgPath.empty()) {
        evidence.emplace_back("no .cpg file");
    } else {
        const VsiFile cpg = openForReading(cpgPath);
        const std::string text = readAt(cpg.get(), 0, 256);
        // An empty .cpg would hide the language byte from GDAL.
        if (text.find_first_not_of(" \t\r\n") == std::string::npos)
            evidence.emplace_back("the .cpg file is empty");
        else
            writeFile(folder.path() + "/sample.cpg", text);
    }

    GdalMessageCollector quiet;
    const char* const drivers[] = {"ESRI Shapefile", nullptr};
    const char* const options[] = {"ENCODING=", nullptr}; // raw bytes: tianmu decides
    GDALDatasetUniquePtr dataset(
        GDALDataset::Open(memoryDbf.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, options));
    OGRLayer* layer = dataset ? dataset->GetLayer(0) : nullptr;
    if (!layer)
        throw InputError("GDAL cannot read its DBF (" +
                             (quiet.messages().empty() ? std::string("no reason given")
                                                       : quiet.messages().back()) +
                             "); export the layer again from the GIS that made it",
                         {dbfPath, {}, {}, {}});

    std::vector<SampledText> texts;
    std::size_t values = 0, names = 0;
    const OGRFeatureDefn& definition = *layer->GetLayerDefn();
    for (int i = 0; i < definition.GetFieldCount(); ++i) {
        const char* name = definition.GetFieldDefn(i)->GetNameRef();
        if (!isAscii(name)) {
            texts.push_back({name, false});
            ++names;
        }
    }
    for (const auto& feature : *layer) {
        for (int i = 0; i < definition.GetFieldCount(); ++i) {
            if (definition.GetFieldDefn(i)->GetType() != OFTString ||
                !feature->IsFieldSetAndNotNull(i))
                continue;
            const char* value = feature->GetFieldAsString(i);
            if (*value == '\0')
                continue;
            ++values;
            if (!isAscii(value)) {
                const int width = definition.GetFieldDefn(i)->GetWidth();
                texts.push_back({value, std::strlen(value) >= static_cast<std::size_t>(width)});
            }
        }
    }
    const ByteCounts counts = countBytes(texts);

    std::vector<std::string> facts;
    facts.push_back("sampled " + formatCount(sample.sampled) + " of " + formatCount(sample.total) +
                    " DBF records: " + formatCount(texts.size() - names) + " of " +
                    formatCount(values) + " text values and " + formatCount(names) + " of " +
                    formatCount(static_cast<std::size_t>(definition.GetFieldCount())) +
                    " field names have non-ASCII bytes");
    describeBytes(counts, facts);

    std::optional<EncodingDecision> decision;
    if (const char* cpgValue = shapefileItem(*layer, "CPG_VALUE")) {
        const char* fromCpg = shapefileItem(*layer, "ENCODING_FROM_CPG");
        evidence.push_back(std::string(".cpg says ") + cpgValue +
                           (fromCpg && upper(fromCpg) != upper(cpgValue)
                                ? std::string(", i.e. ") + fromCpg
                                : std::string()));
        if (!fromCpg)
            evidence.emplace_back("GDAL does not recognise the .cpg: ignored");
        else if (auto use = checkStated(".cpg", fromCpg, texts, counts, evidence))
            decision = EncodingDecision{*use, "cpg", {}};
    }
    if (const char* ldid = shapefileItem(*layer, "LDID_VALUE")) {
        const std::string byte = hexByte(static_cast<unsigned>(std::atoi(ldid)));
        if (const char* fromLdid = shapefileItem(*layer, "ENCODING_FROM_LDID")) {
            evidence.push_back("DBF language byte " + byte + " means " +
                               describeCodePage(fromLdid));
            if (!decision)
                if (auto use = checkStated("the language byte", fromLdid, texts, counts, evidence))
                    decision = EncodingDecision{*use, "language byte", {}};
        } else {
            evidence.push_back("DBF language byte " + byte + " names no code page GDAL knows");
        }
    } else {
        evidence.push_back("DBF language byte is " + hexByte(sample.languageByte) +
                           (sample.languageByte == 0 ? " (not set)" : ""));
    }
    evidence.insert(evidence.end(), facts.begin(), facts.end());
    if (decision)
        decision->evidence = std::move(evidence);
    else
        decision = decideByBytes(counts, std::move(evidence));
    addDecodingEvidence(texts, *decision);
    return *decision;
}

EncodingDecision detectCsv(const std::string& path) {
    const VsiFile file = openForReading(path);
    std::string bytes = readAt(file.get(), 0, csvSampleBytes + 1);
    const bool whole = bytes.size() <= csvSampleBytes;
    if (bytes.rfind("\xEF\xBB\xBF", 0) == 0)
        return {"UTF-8", "byte validation", {"the file starts with a UTF-8 byte-order mark"}};
    if (bytes.rfind("\xFF\xFE", 0) == 0 || bytes.rfind("\xFE\xFF", 0) == 0)
        throw InputError("is UTF-16 text, which tianmu does not read; save it again as "
                         "\"CSV UTF-8\"",
                         {path, {}, {}, {}});

    std::vector<SampledText> texts;
    std::size_t lines = 0;
    for (std::size_t begin = 0; begin < bytes.size();) {
        std::size_t end = bytes.find('\n', begin);
        end = end == std::string::npos ? bytes.size() : end;
        ++lines;
        if (!isAscii(std::string_view(bytes).substr(begin, end - begin)))
            texts.push_back({bytes.substr(begin, end - begin), !whole && end == bytes.size()});
        begin = end + 1;
    }
    const ByteCounts counts = countBytes(texts);
    std::vector<std::string> evidence{
        "no byte-order mark", std::string(whole ? "read all " : "sampled the first ") +
                                  formatCount(lines) + " lines: " + formatCount(texts.size()) +
                                  " have non-ASCII bytes"};
    describeBytes(counts, evidence);
    EncodingDecision decision = decideByBytes(counts, std::move(evidence));
    addDecodingEvidence(texts, decision);
    return decision;
}

bool hasFixedEncoding(const std::string& ext) {
    for (const char* fixed : {"gpkg", "geojson", "json", "geojsonl", "geojsons", "fgb", "xlsx"})
        if (ext == fixed)
            return true;
    return false;
}

} // namespace

EncodingDecision detectEncoding(const std::string& path, const std::string& override) {
    initialiseGdal();
    if (!exists(path))
        throw InputError("file not found; check the path", {path, {}, {}, {}});

    const std::string chosen = upper(override);
    if (!override.empty() && chosen != "AUTO") {
        if (!canRecode(chosen) && !isUtf8Name(chosen))
            throw InputError("cannot use the encoding '" + override +
                                 "': iconv does not know it; give an iconv name such as "
                                 "CP936, GB18030, UTF-8 or CP950",
                             {path, {}, {}, {}});
        return {
            isUtf8Name(chosen) ? "UTF-8" : override, "override", {"the user chose " + override}};
    }

    const std::string ext = lowerExtension(path);
    if (ext == "shp" || ext == "dbf")
        return detectShapefile(path);
    if (ext == "csv" || ext == "tsv")
        return detectCsv(path);
    if (hasFixedEncoding(ext))
        return {"UTF-8", "format", {"." + ext + " files hold UTF-8 text by definition"}};

    const GDALDatasetUniquePtr dataset = openVector(path);
    const std::string driver = dataset->GetDriver() ? dataset->GetDriver()->GetDescription() : "";
    if (driver == "ESRI Shapefile")
        return detectShapefile(path);
    if (driver == "CSV")
        return detectCsv(path);
    OGRLayer* layer = dataset->GetLayerCount() > 0 ? dataset->GetLayer(0) : nullptr;
    if (layer && layer->TestCapability(OLCStringsAsUTF8))
        return {"UTF-8", "format", {"GDAL's " + driver + " driver delivers UTF-8 text"}};
    return {defaultEncoding,
            "default",
            {"GDAL's " + driver + " driver does not say which encoding its text is in"}};
}

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

bool isValidUtf8(const std::string& bytes) noexcept {
    return wellFormed(bytes, utf8Length, false);
}

bool isValidGb18030(const std::string& bytes) noexcept {
    return wellFormed(bytes, gb18030Length, false);
}

bool looksLikeMojibake(const std::string& utf8) noexcept {
    for (std::string_view marker : {replacementCharacter, std::string_view("锟斤拷"),
                                    std::string_view("烫烫烫"), std::string_view("屯屯屯")})
        if (utf8.find(marker) != std::string::npos)
            return true;
    return !isValidUtf8(utf8) || hasUtf8ReadAsCp1252(utf8);
}

} // namespace geo
