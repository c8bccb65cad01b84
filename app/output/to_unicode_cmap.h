// A PDF font's ToUnicode CMap (what each glyph code means as text) read, corrected through
// the glyph aliases, and written again.
#pragma once

#include <optional>
#include <string>

#include "app/output/glyph_aliases.h"

namespace app {

// The CMap with every destination code unit that `aliases` names replaced by what the text
// means, written as bfchar entries; nullopt when no destination is an alias (or the text
// has no bfchar or bfrange section). Source codes keep their width.
std::optional<std::string> rewriteToUnicode(const std::string& cmap, const GlyphAliases& aliases);

} // namespace app
