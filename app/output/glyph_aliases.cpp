#include "app/output/glyph_aliases.h"

#include <unordered_map>
#include <vector>

#include <QFont>
#include <QRawFont>

namespace app {
namespace {

// Glyph of every code unit from `first` to `last` (0 where the font has none), in one call.
std::vector<quint32> glyphsOf(const QRawFont& font, char16_t first, char16_t last) {
    QString chars;
    for (char32_t c = first; c <= last; ++c)
        chars.append(QChar(static_cast<char16_t>(c)));
    std::vector<quint32> glyphs(static_cast<std::size_t>(chars.size()), 0);
    int count = static_cast<int>(glyphs.size());
    if (!font.glyphIndexesForChars(chars.constData(), static_cast<int>(chars.size()), glyphs.data(),
                                   &count))
        return std::vector<quint32>(glyphs.size(), 0);
    return glyphs;
}

void addAliases(const QRawFont& font, GlyphAliases& out) {
    // Ideograph ranges in the order they are preferred: unified, extension A, compatibility.
    std::unordered_map<quint32, char16_t> ideographOf;
    for (const auto& [first, last] :
         {std::pair<char16_t, char16_t>{0x4E00, 0x9FFF}, {0x3400, 0x4DBF}, {0xF900, 0xFAFF}}) {
        const std::vector<quint32> glyphs = glyphsOf(font, first, last);
        for (std::size_t i = 0; i < glyphs.size(); ++i)
            if (glyphs[i] != 0) // the first (lowest, preferred range) keeps the glyph
                ideographOf.emplace(glyphs[i], static_cast<char16_t>(first + i));
    }
    const std::vector<quint32> radicals = glyphsOf(font, 0x2E80, 0x2FDF);
    for (std::size_t i = 0; i < radicals.size(); ++i) {
        const auto radical = static_cast<char16_t>(0x2E80 + i);
        if (radicals[i] == 0 || out.count(radical))
            continue;
        if (const auto it = ideographOf.find(radicals[i]); it != ideographOf.end()) {
            out.emplace(radical, it->second);
            continue;
        }
        // A glyph of its own: the text may still mean the ideograph, as Unicode says.
        const QString decomposed = QChar(radical).decomposition();
        if (QChar(radical).decompositionTag() == QChar::Compat && decomposed.size() == 1)
            out.emplace(radical, decomposed.front().unicode());
    }
    const std::vector<quint32> controls = glyphsOf(font, 0x01, 0x20);
    for (std::size_t i = 0; i + 1 < controls.size(); ++i)
        if (controls[i] != 0 && controls[i] == controls.back())
            out.emplace(static_cast<char16_t>(0x01 + i), u' ');
}

} // namespace

GlyphAliases glyphAliases(const QStringList& families) {
    GlyphAliases aliases;
    for (const QString& family : families)
        for (const bool bold : {false, true}) {
            QFont font(family);
            font.setBold(bold);
            const QRawFont raw = QRawFont::fromFont(font);
            if (raw.isValid())
                addAliases(raw, aliases);
        }
    return aliases;
}

} // namespace app
