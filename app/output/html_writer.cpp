// The HTML writer: one self-contained file (inline style, the map as an embedded PNG).
#include <fstream>
#include <stdexcept>

#include <QBuffer>
#include <QByteArray>

#include "app/output/partial_file.h"
#include "app/output/report_format.h"
#include "app/output/report_writers.h"

namespace app {
namespace {

std::string escaped(const std::string& s) {
    std::string out;
    for (char c : s)
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    return out;
}

constexpr const char* style = R"(
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; margin-top: 1.6em; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.6em; }
th { background: #ddebf7; position: sticky; top: 0; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.subtotal1 td { background: #eaf1dd; font-weight: bold; }
tr.subtotal2 td, tr.total td { background: #d7e4bc; font-weight: bold; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
dl.facts dt { font-weight: bold; }
.notes li { margin: 0.2em 0; }
img.map { max-width: 100%; border: 1px solid #888; }
)";

} // namespace

void writeHtml(const geo::report::Report& report, const std::string& path, const QImage& map) {
    using geo::report::RowKind;
    auto caption = [&](const char* key) {
        const auto it = report.captions.find(key);
        return escaped(it == report.captions.end() ? std::string(key) : it->second);
    };
    std::string h = "<!DOCTYPE html>\n<html lang=\"" +
                    std::string(report.language == "en" ? "en" : "zh-CN") +
                    "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escaped(report.title) +
                    "</title>\n<style>" + style + "</style>\n</head>\n<body>\n";
    h += "<h1>" + escaped(report.title) + "</h1>\n<dl class=\"facts\">\n";
    h += "<dt>" + caption("district") + "</dt><dd>" + escaped(report.district) + "</dd>\n";
    h += "<dt>" + caption("as_of") + "</dt><dd>" + escaped(report.asOf) + "</dd>\n";
    h += "<dt>" + caption("basis") + "</dt><dd>" + escaped(report.basis) + "</dd>\n";
    h += "<dt>" + caption("sources") + "</dt><dd>";
    for (const auto& s : report.sources)
        h += escaped(s.layer) + ": " + escaped(s.file) + " (" + caption("imported") + " " +
             escaped(s.imported) + ")<br>";
    h += "</dd>\n<dt>" + caption("generated") + "</dt><dd>" + escaped(report.generated) +
         "</dd>\n</dl>\n";
    if (!map.isNull()) {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        map.save(&buffer, "PNG");
        h += "<img class=\"map\" alt=\"map\" src=\"data:image/png;base64," +
             png.toBase64().toStdString() + "\">\n";
    }
    for (const geo::report::Table& t : report.parts) {
        h += "<h2>" + escaped(t.title) + "</h2>\n<table>\n<thead><tr>";
        for (const auto& c : t.columns)
            if (c.printed)
                h += "<th>" + escaped(c.label) + "</th>";
        h += "</tr></thead>\n<tbody>\n";
        for (const auto& r : t.rows) {
            h += r.kind == RowKind::Detail ? "<tr>"
                 : r.kind == RowKind::Subtotal
                     ? "<tr class=\"subtotal" + std::to_string(std::min(r.level, 2)) + "\">"
                     : "<tr class=\"total\">";
            for (std::size_t i = 0; i < t.columns.size(); ++i) {
                if (!t.columns[i].printed)
                    continue;
                const bool number = i < r.cells.size() && r.cells[i].isNumber;
                h += number ? "<td class=\"n\">" : "<td>";
                if (i < r.cells.size())
                    h += escaped(displayText(r.cells[i], t.columns[i].type).toStdString());
                h += "</td>";
            }
            h += "</tr>\n";
        }
        h += "</tbody>\n</table>\n";
    }
    if (!report.notes.empty()) {
        h += "<h2>" + caption("notes") + "</h2>\n<ul class=\"notes\">\n";
        for (const auto& n : report.notes)
            h += "<li>" + escaped(n) + "</li>\n";
        h += "</ul>\n";
    }
    h += "</body>\n</html>\n";

    PartialFile file(path);
    {
        std::ofstream out(file.path(), std::ios::binary);
        out << h;
        out.flush();
        if (!out)
            throw std::runtime_error("cannot write " + file.path());
    }
    file.commit();
}

} // namespace app
