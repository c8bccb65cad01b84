#include "app/output/pdf_text_layer.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <vector>

#include <QFile>

#include "app/output/to_unicode_cmap.h"

namespace app {
namespace {

struct XrefEntry {
    long long offset = 0;
    int generation = 0;
    bool inUse = false;
};

// An object rewritten: the bytes [start, end) of the old file become `bytes`.
struct Replacement {
    qsizetype start = 0, end = 0;
    QByteArray bytes;
};

[[noreturn]] void unreadable(const char* why) {
    throw std::runtime_error(std::string("cannot mend the PDF's text layer: ") + why);
}

// The classic cross-reference table Qt writes ("xref", subsections, "trailer").
std::vector<XrefEntry> readXref(const QByteArray& pdf, qsizetype at, qsizetype& trailer) {
    if (!pdf.mid(at, 4).startsWith("xref"))
        unreadable("no xref table where startxref points");
    std::vector<XrefEntry> entries;
    const QList<QByteArray> lines = pdf.mid(at, pdf.indexOf("trailer", at) - at).split('\n');
    std::size_t next = 0, left = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> parts = lines[i].simplified().split(' ');
        if (parts.size() == 2 && left == 0) { // a subsection: first object, count
            next = parts[0].toULongLong();
            left = parts[1].toULongLong();
        } else if (parts.size() == 3 && left > 0) {
            if (entries.size() <= next)
                entries.resize(next + 1);
            entries[next] = {parts[0].toLongLong(), parts[1].toInt(), parts[2] == "n"};
            ++next;
            --left;
        }
    }
    trailer = pdf.indexOf("trailer", at);
    if (entries.empty() || trailer < 0)
        unreadable("an empty xref table");
    return entries;
}

// The stream of object `number` rewritten when its CMap needs it.
std::optional<Replacement> mendCMapObject(const QByteArray& pdf, int number, const XrefEntry& entry,
                                          const GlyphAliases& aliases) {
    const auto start = static_cast<qsizetype>(entry.offset);
    const qsizetype endobj = pdf.indexOf("endobj", start);
    const qsizetype stream = pdf.indexOf("stream", start);
    if (endobj < 0 || stream < 0 || stream > endobj)
        return std::nullopt;
    const QByteArray dictionary = pdf.mid(start, stream - start);
    if (dictionary.contains("/Filter") && !dictionary.contains("/FlateDecode"))
        return std::nullopt; // a filter we do not read: leave the object as it is
    qsizetype data = stream + 6;
    data += pdf.at(data) == '\r' ? 2 : 1;
    const qsizetype dataEnd = pdf.lastIndexOf("endstream", endobj);
    if (dataEnd < data)
        return std::nullopt;
    QByteArray body = pdf.mid(data, dataEnd - data);
    if (dictionary.contains("/FlateDecode")) {
        // qUncompress wants a big-endian length first; it only sizes the first buffer.
        const quint32 guess = static_cast<quint32>(body.size()) * 8 + 1024;
        QByteArray framed(4, '\0');
        for (int i = 0; i < 4; ++i)
            framed[i] = static_cast<char>((guess >> (24 - 8 * i)) & 0xFF);
        body = qUncompress(framed + body);
        if (body.isEmpty())
            return std::nullopt;
    }
    const std::optional<std::string> mended = rewriteToUnicode(body.toStdString(), aliases);
    if (!mended)
        return std::nullopt;
    qsizetype end = endobj + 6;
    while (end < pdf.size() && (pdf.at(end) == '\n' || pdf.at(end) == '\r'))
        ++end;
    // Written plain: a CMap is a few kilobytes of text.
    QByteArray bytes = QByteArray::number(number) + ' ' + QByteArray::number(entry.generation) +
                       " obj\n<< /Length " + QByteArray::number(mended->size()) + " >>\nstream\n" +
                       QByteArray::fromStdString(*mended) + "\nendstream\nendobj\n";
    return Replacement{start, end, std::move(bytes)};
}

} // namespace

QByteArray mendTextLayer(const QByteArray& pdf, const GlyphAliases& aliases) {
    const qsizetype startxref = pdf.lastIndexOf("startxref");
    if (!pdf.startsWith("%PDF-") || startxref < 0)
        unreadable("not a PDF");
    const qsizetype xrefAt =
        pdf.mid(startxref + 9, 32).simplified().split(' ').front().toLongLong();
    qsizetype trailer = 0;
    const std::vector<XrefEntry> entries = readXref(pdf, xrefAt, trailer);

    std::vector<int> cmaps; // object numbers of "/ToUnicode N 0 R"
    for (qsizetype at = pdf.indexOf("/ToUnicode"); at >= 0; at = pdf.indexOf("/ToUnicode", at)) {
        at += 10;
        const int number = pdf.mid(at, 16).simplified().split(' ').front().toInt();
        if (number > 0 && std::find(cmaps.begin(), cmaps.end(), number) == cmaps.end())
            cmaps.push_back(number);
    }
    std::vector<Replacement> replacements;
    for (const int number : cmaps) {
        const auto n = static_cast<std::size_t>(number);
        if (n < entries.size() && entries[n].inUse)
            if (auto r = mendCMapObject(pdf, number, entries[n], aliases))
                replacements.push_back(std::move(*r));
    }
    if (replacements.empty())
        return pdf;
    std::sort(replacements.begin(), replacements.end(),
              [](const Replacement& a, const Replacement& b) { return a.start < b.start; });

    // Everything before the old xref, with the objects swapped; every offset after a
    // swapped object moves by the difference in length.
    QByteArray out;
    out.reserve(pdf.size() + 4096);
    qsizetype copied = 0;
    for (const Replacement& r : replacements) {
        out += pdf.mid(copied, r.start - copied);
        out += r.bytes;
        copied = r.end;
    }
    out += pdf.mid(copied, xrefAt - copied);
    auto moved = [&](long long offset) {
        long long shift = 0;
        for (const Replacement& r : replacements)
            if (r.start < offset)
                shift += r.bytes.size() - (r.end - r.start);
        return offset + shift;
    };
    const qsizetype newXref = out.size();
    out += "xref\n0 " + QByteArray::number(entries.size()) + "\n";
    for (const XrefEntry& e : entries) {
        char line[32];
        std::snprintf(line, sizeof line, "%010lld %05d %c \n", e.inUse ? moved(e.offset) : e.offset,
                      e.generation, e.inUse ? 'n' : 'f');
        out += line;
    }
    out += pdf.mid(trailer, startxref - trailer);
    out += "startxref\n" + QByteArray::number(newXref) + "\n%%EOF\n";
    return out;
}

QStringList reportFontFamilies() {
    return {"DejaVu Sans", "Noto Sans CJK SC"};
}

void mendPdfTextLayer(const std::string& path) {
    static const GlyphAliases aliases = glyphAliases(reportFontFamilies());
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read " + path);
    const QByteArray pdf = file.readAll();
    file.close();
    const QByteArray mended = mendTextLayer(pdf, aliases);
    if (mended.size() == pdf.size() && mended == pdf)
        return;
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(mended) != mended.size() || !file.flush())
        throw std::runtime_error("cannot write " + path);
}

} // namespace app
