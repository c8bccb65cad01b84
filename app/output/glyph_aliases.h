// Which code points a font draws with another one's glyph, and which of the two a text
// means. Qt 6.4's PDF writer names each glyph after the lowest code point that reaches it,
// so a font that draws the Kangxi radical ⼟ (U+2F1F) and the ideograph 土 (U+571F) alike
// makes the PDF's text say ⼟; pdf_text_layer turns the names back with this map.
#pragma once

#include <map>

#include <QStringList>

namespace app {

// Code unit Qt would name a glyph after → the code unit the text means.
using GlyphAliases = std::map<char16_t, char16_t>;

// For the regular and bold faces of `families`: a CJK radical (U+2E80–U+2FDF) → the CJK
// ideograph the font draws with the same glyph (the lowest unified one, else an extension A
// or compatibility one), else its Unicode compatibility decomposition; a C0 control
// character drawn with the space's glyph → the space.
GlyphAliases glyphAliases(const QStringList& families);

} // namespace app
