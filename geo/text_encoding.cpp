// Decides the encoding of a layer's attribute bytes from the .cpg, the DBF language byte and the
// bytes themselves, stating the evidence for the decision.
#include "geo/text_encoding.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string_view>

#include <ogrsf_frmts.h>

#include "geo/byte_validation.h"
#include "geo/dbf_sampling.h"
#include "geo/error.h"
#include "geo/gdal_session.h"
#include "geo/text_decoding.h"
#include "geo/vsi_file.h"

namespace geo {

using detail::canRecode;
using detail::DbfSample;
using detail::exists;
using detail::gb18030Length;
using detail::hasGb18030FourByte;
using detail::isAscii;
using detail::isUtf8Name;
using detail::isWideName;
using detail::MemoryFolder;
using detail::openForReading;
using detail::readAt;
using detail::recodeLosslessly;
using detail::sampleDbf;
using detail::shapefileItem;
using detail::upper;
using detail::utf8Length;
using detail::VsiFile;
using detail::wellFormed;
using detail::writeFile;

namespace {

constexpr std::size_t csvSampleBytes = std::size_t{1} << 20; // read from the start of a CSV
constexpr const char* defaultEncoding = "CP936";

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

// The file beside `path` with extension `lowerExt`, in lower or upper case; empty when none.
std::string siblingWith(const std::string& path, const char* lowerExt) {
    const std::string stem = withoutExtension(path);
    for (const std::string& ext : {std::string(lowerExt), upper(lowerExt)})
        if (exists(stem + "." + ext))
            return stem + "." + ext;
    return {};
}

// "1234567" → "1,234,567", as evidence is read by people.
std::string formatCount(std::size_t n) {
    std::string digits = std::to_string(n);
    for (std::size_t i = digits.size(); i > 3; i -= 3)
        digits.insert(i - 3, ",");
    return digits;
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

// --- detection ------------------------------------------------------------------------------

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

} // namespace geo
