// Display names of project fields in Chinese and English, read from a data file
// (data/fields/field_aliases.json) so that a county can rename a column without a rebuild.
#pragma once

#include <map>
#include <string>

namespace geo {

class FieldAliases {
public:
    FieldAliases() = default;
    // Throws InputError when the file cannot be read or parsed.
    static FieldAliases load(const std::string& path);

    // The alias in `language` ("zh" or "en"); the field's own name when there is none.
    std::string alias(const std::string& field, const std::string& language) const;
    bool empty() const noexcept { return m_aliases.empty(); }

private:
    std::map<std::string, std::map<std::string, std::string>> m_aliases;
};

} // namespace geo
