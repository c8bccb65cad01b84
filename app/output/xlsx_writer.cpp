// The XLSX writer, on libxlsxwriter (Debian's libxlsxwriter-dev): it writes real number cells
// with number formats, which GDAL's XLSX driver cannot style.
#include <algorithm>
#include <stdexcept>

#include <xlsxwriter.h>

#include "app/output/partial_file.h"
#include "app/output/report_format.h"
#include "app/output/report_writers.h"

namespace app {
namespace {

using geo::report::ColumnType;
using geo::report::RowKind;

struct Formats {
    lxw_format *header, *text[3], *mu[3], *hectare[3], *percent[3], *count[3], *title;
};

lxw_format* styled(lxw_workbook* book, const char* number, int level) {
    lxw_format* f = workbook_add_format(book);
    if (number)
        format_set_num_format(f, number);
    if (level == 1) { // village subtotal
        format_set_bold(f);
        format_set_bg_color(f, 0xEAF1DD);
    } else if (level >= 2) { // township subtotal and totals
        format_set_bold(f);
        format_set_bg_color(f, 0xD7E4BC);
        format_set_top(f, LXW_BORDER_THIN);
    }
    return f;
}

void check(lxw_error e, const std::string& what) {
    if (e != LXW_NO_ERROR)
        throw std::runtime_error(what + ": " + lxw_strerror(e));
}

// Excel sheet names: at most 31 characters, none of []:*?/\ , unique.
std::string sheetName(const std::string& title, std::vector<std::string>& used) {
    std::string name;
    for (char c : title)
        if (std::string("[]:*?/\\").find(c) == std::string::npos)
            name += c;
    // Cut on a UTF-8 boundary: 31 characters is about 93 bytes of Chinese, Excel counts chars.
    std::size_t chars = 0, at = 0;
    while (at < name.size() && chars < 28) {
        const auto c = static_cast<unsigned char>(name[at]);
        at += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        ++chars;
    }
    name = name.substr(0, at);
    std::string unique = name;
    for (int i = 2; std::find(used.begin(), used.end(), unique) != used.end(); ++i)
        unique = name + " " + std::to_string(i);
    used.push_back(unique);
    return unique;
}

} // namespace

void writeXlsx(const geo::report::Report& report, const std::string& path) {
    PartialFile file(path);
    lxw_workbook* book = workbook_new(file.path().c_str());
    if (!book)
        throw std::runtime_error("cannot create " + file.path());
    Formats f{};
    f.header = workbook_add_format(book);
    format_set_bold(f.header);
    format_set_text_wrap(f.header);
    format_set_bg_color(f.header, 0xDDEBF7);
    format_set_bottom(f.header, LXW_BORDER_THIN);
    f.title = workbook_add_format(book);
    format_set_bold(f.title);
    format_set_font_size(f.title, 14);
    for (int level = 0; level < 3; ++level) {
        f.text[level] = styled(book, nullptr, level);
        f.mu[level] = styled(book, "#,##0.00\" 亩\"", level);
        f.hectare[level] = styled(book, "#,##0.00\" 公顷\"", level);
        f.percent[level] = styled(book, "0.00\"%\"", level);
        f.count[level] = styled(book, "#,##0", level);
    }
    std::vector<std::string> used;
    for (const geo::report::Table& t : report.parts) {
        lxw_worksheet* sheet = workbook_add_worksheet(book, sheetName(t.title, used).c_str());
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            worksheet_write_string(sheet, 0, col, t.columns[c].label.c_str(), f.header);
            const bool number = isNumeric(t.columns[c].type);
            worksheet_set_column(sheet, col, col, number ? 16 : 18, nullptr);
        }
        worksheet_set_row(sheet, 0, 32, nullptr);
        worksheet_freeze_panes(sheet, 1, 0);
        lxw_row_t row = 1;
        for (const geo::report::Row& r : t.rows) {
            const int level = r.kind == RowKind::Detail  ? 0
                              : r.kind == RowKind::Total ? 2
                                                         : std::min(r.level, 2);
            for (std::size_t c = 0; c < t.columns.size(); ++c) {
                const auto col = static_cast<lxw_col_t>(c);
                const geo::report::Cell& cell =
                    c < r.cells.size() ? r.cells[c] : geo::report::Cell{};
                const ColumnType type = t.columns[c].type;
                lxw_format* fmt = type == ColumnType::Mu        ? f.mu[level]
                                  : type == ColumnType::Hectare ? f.hectare[level]
                                  : type == ColumnType::Percent ? f.percent[level]
                                  : type == ColumnType::Count   ? f.count[level]
                                                                : f.text[level];
                if (cell.isNumber)
                    worksheet_write_number(sheet, row, col, cell.number, fmt);
                else if (!cell.text.empty())
                    worksheet_write_string(sheet, row, col, cell.text.c_str(), fmt);
                else
                    worksheet_write_blank(sheet, row, col, fmt);
            }
            ++row;
        }
        worksheet_autofilter(sheet, 0, 0, row - 1, static_cast<lxw_col_t>(t.columns.size() - 1));
    }
    // The facts every report states, on their own sheet.
    lxw_worksheet* about = workbook_add_worksheet(
        book,
        sheetName(report.captions.count("notes") ? report.captions.at("notes") : "notes", used)
            .c_str());
    worksheet_set_column(about, 0, 0, 18, nullptr);
    worksheet_set_column(about, 1, 1, 90, nullptr);
    lxw_row_t row = 0;
    auto line = [&](const std::string& a, const std::string& b) {
        worksheet_write_string(about, row, 0, a.c_str(), f.header);
        worksheet_write_string(about, row, 1, b.c_str(), nullptr);
        ++row;
    };
    auto caption = [&](const char* key) {
        const auto it = report.captions.find(key);
        return it == report.captions.end() ? std::string(key) : it->second;
    };
    worksheet_write_string(about, row++, 0, report.title.c_str(), f.title);
    line(caption("district"), report.district);
    line(caption("as_of"), report.asOf);
    line(caption("basis"), report.basis);
    line(caption("generated"), report.generated);
    for (const geo::report::Source& s : report.sources)
        line(caption("sources"),
             s.layer + ": " + s.file + " (" + caption("imported") + " " + s.imported + ")");
    for (const std::string& n : report.notes)
        line(caption("notes"), n);
    check(workbook_close(book), "cannot write " + file.path());
    file.commit();
}

} // namespace app
