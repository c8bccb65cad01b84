// The CSV writer: one header row, machine-readable rows.
#include <fstream>
#include <stdexcept>

#include "app/output/partial_file.h"
#include "app/output/report_format.h"
#include "app/output/report_writers.h"

namespace app {
namespace {

std::string quoted(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

} // namespace

void writeCsv(const geo::report::Report& report, const std::string& path, bool withTotals) {
    using geo::report::RowKind;
    const geo::report::Table& t = report.parts.at(0);
    PartialFile file(path);
    {
        std::ofstream out(file.path(), std::ios::binary);
        if (!out)
            throw std::runtime_error("cannot create " + file.path());
        out << "\xEF\xBB\xBF";
        std::string line;
        if (withTotals)
            line = "row";
        for (const auto& c : t.columns)
            line += (line.empty() && !withTotals ? "" : ",") + quoted(c.label);
        out << line << "\r\n";
        for (const auto& r : t.rows) {
            if (r.kind != RowKind::Detail && !withTotals)
                continue;
            line.clear();
            if (withTotals)
                line = r.kind == RowKind::Detail     ? "detail"
                       : r.kind == RowKind::Subtotal ? "subtotal" + std::to_string(r.level)
                                                     : "total";
            for (std::size_t i = 0; i < t.columns.size(); ++i) {
                if (i > 0 || withTotals)
                    line += ',';
                if (i < r.cells.size())
                    line += quoted(machineText(r.cells[i], t.columns[i].type));
            }
            out << line << "\r\n";
        }
        out.flush();
        if (!out)
            throw std::runtime_error("cannot write " + file.path() + " (disk full?)");
    }
    file.commit();
}

std::string reportFormatOf(const std::string& path) {
    const auto dot = path.find_last_of('.');
    if (dot == std::string::npos || path.find('/', dot) != std::string::npos)
        return {};
    std::string ext = path.substr(dot + 1);
    for (char& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == "csv" || ext == "xlsx" || ext == "html" || ext == "pdf" ? ext
           : ext == "htm"                                                 ? "html"
                                                                          : std::string();
}

} // namespace app
