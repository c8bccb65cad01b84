// Mends the text layer of a PDF written by Qt 6.4: what copying, searching and pdftotext
// read. Qt names each glyph after the lowest code point its font maps to it, and Noto Sans
// CJK draws about 200 common ideographs with the glyph of a Kangxi radical or a CJK radical
// supplement, so 土地流转 read as ⼟地流转. The fonts' ToUnicode CMaps are rewritten
// through glyphAliases and the cross-reference table rebuilt; what is drawn is untouched.
#pragma once

#include <string>

#include <QByteArray>

#include "app/output/glyph_aliases.h"

namespace app {

// The PDF with its ToUnicode CMaps corrected, or the PDF itself when none needs it. Throws
// std::runtime_error for a file whose cross-reference table it cannot read (Qt writes one
// table, no streams or updates).
QByteArray mendTextLayer(const QByteArray& pdf, const GlyphAliases& aliases);

// Mends the file at `path` in place for the fonts tianmu prints with (reportFontFamilies).
void mendPdfTextLayer(const std::string& path);

// DejaVu Sans for Latin letters and digits, Noto Sans CJK SC for Chinese: the families
// every PDF of tianmu is set in.
QStringList reportFontFamilies();

} // namespace app
