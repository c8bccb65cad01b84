// The words of the reports in Chinese and English, from one data file
// (data/reports/labels.json): column headers, titles, notes, zone and transfer-mode names.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace geo::report {

class ReportLabels {
public:
    ReportLabels() = default;
    // Loads the `language` ("zh" or "en") table of the file. Throws InputError naming the
    // file when it cannot be read or lacks the language.
    static ReportLabels load(const std::string& path, const std::string& language);

    const std::string& language() const noexcept { return m_language; }
    // The text for `key`; the key itself when the file has none (so a gap shows, not a blank).
    std::string text(const std::string& key) const;
    // The text for `key` with {0}, {1}, … replaced by `args`.
    std::string format(const std::string& key, const std::vector<std::string>& args) const;
    // The text for "prefix.value" when the file has it, else `value` (zone and mode names).
    std::string name(const std::string& prefix, const std::string& value) const;

private:
    std::string m_language;
    std::map<std::string, std::string> m_texts;
};

} // namespace geo::report
