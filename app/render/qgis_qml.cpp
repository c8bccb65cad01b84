#include "app/render/qgis_qml.h"

#include <algorithm>
#include <utility>
#include <vector>

#include <QXmlStreamWriter>

namespace app {
namespace {

using Properties = std::vector<std::pair<QString, QString>>;

// QGIS geometry types of <layerGeometryType>.
enum class Geometry { Point = 0, Line = 1, Polygon = 2 };

QString rgba(const QColor& c) {
    return QString("%1,%2,%3,%4").arg(c.red()).arg(c.green()).arg(c.blue()).arg(c.alpha());
}

QString number(double value) {
    return QString::number(value, 'g', 10);
}

QString quoteField(const std::string& field) {
    return "\"" + QString::fromStdString(field).replace("\"", "\"\"") + "\"";
}

QString quoteText(const QString& text) {
    return "'" + QString(text).replace("'", "''") + "'";
}

QString dashPattern(const LineStyle& line) {
    QStringList parts;
    for (double d : line.dashPx)
        parts << number(d);
    return parts.join(';');
}

// One data-defined property, e.g. outlineColor from an expression.
struct DataDefined {
    QString key;
    QString expression;
};

class QmlWriter {
public:
    QmlWriter(Geometry geometry, bool labelsEnabled)
        : m_xml(&m_text)
        , m_geometry(geometry) {
        m_xml.setAutoFormatting(true);
        m_xml.setAutoFormattingIndent(1);
        m_xml.writeDTD("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>");
        m_xml.writeStartElement("qgis");
        m_xml.writeAttribute("version", "3.22.0");
        m_xml.writeAttribute("styleCategories", "Symbology|Labeling|Rendering");
        m_xml.writeAttribute("labelsEnabled", labelsEnabled ? "1" : "0");
        m_xml.writeAttribute("hasScaleBasedVisibilityFlag", "0");
        m_xml.writeAttribute("minScale", "100000000");
        m_xml.writeAttribute("maxScale", "0");
        m_xml.writeAttribute("simplifyDrawingHints", "1");
        m_xml.writeAttribute("simplifyDrawingTol", "1");
        m_xml.writeAttribute("simplifyLocal", "1");
        m_xml.writeAttribute("simplifyAlgorithm", "0");
        m_xml.writeAttribute("simplifyMaxScale", "1");
        m_xml.writeAttribute("readOnly", "0");
    }

    QXmlStreamWriter& xml() { return m_xml; }

    void startRenderer(const QString& type, const QString& attr = {}) {
        m_xml.writeStartElement("renderer-v2");
        m_xml.writeAttribute("type", type);
        if (!attr.isEmpty())
            m_xml.writeAttribute("attr", attr);
        m_xml.writeAttribute("forceraster", "0");
        m_xml.writeAttribute("symbollevels", "0");
        m_xml.writeAttribute("enableorderby", "0");
        m_xml.writeAttribute("referencescale", "-1");
    }

    void startSymbol(const QString& name, const char* type) {
        m_xml.writeStartElement("symbol");
        m_xml.writeAttribute("name", name);
        m_xml.writeAttribute("type", type);
        m_xml.writeAttribute("alpha", "1");
        m_xml.writeAttribute("clip_to_extent", "1");
        m_xml.writeAttribute("force_rhr", "0");
    }

    // A symbol layer with its properties written both ways QGIS reads them (<Option> since
    // 3.20, <prop> before), and its data-defined properties.
    void symbolLayer(const char* cls, const Properties& properties,
                     const std::vector<DataDefined>& dataDefined = {}) {
        m_xml.writeStartElement("layer");
        m_xml.writeAttribute("class", cls);
        m_xml.writeAttribute("pass", "0");
        m_xml.writeAttribute("enabled", "1");
        m_xml.writeAttribute("locked", "0");
        m_xml.writeStartElement("Option");
        m_xml.writeAttribute("type", "Map");
        for (const auto& [k, v] : properties)
            option(k, "QString", v);
        m_xml.writeEndElement();
        for (const auto& [k, v] : properties) {
            m_xml.writeEmptyElement("prop");
            m_xml.writeAttribute("k", k);
            m_xml.writeAttribute("v", v);
        }
        m_xml.writeStartElement("data_defined_properties");
        m_xml.writeStartElement("Option");
        m_xml.writeAttribute("type", "Map");
        option("name", "QString", "");
        m_xml.writeStartElement("Option");
        m_xml.writeAttribute("name", "properties");
        if (!dataDefined.empty())
            m_xml.writeAttribute("type", "Map");
        for (const DataDefined& dd : dataDefined) {
            m_xml.writeStartElement("Option");
            m_xml.writeAttribute("name", dd.key);
            m_xml.writeAttribute("type", "Map");
            option("active", "bool", "true");
            option("expression", "QString", dd.expression);
            option("type", "int", "3"); // an expression-based property
            m_xml.writeEndElement();
        }
        m_xml.writeEndElement();
        option("type", "QString", "collection");
        m_xml.writeEndElement();
        m_xml.writeEndElement();
        m_xml.writeEndElement();
    }

    void option(const QString& name, const char* type, const QString& value) {
        m_xml.writeEmptyElement("Option");
        m_xml.writeAttribute("name", name);
        m_xml.writeAttribute("type", type);
        m_xml.writeAttribute("value", value);
    }

    void labeling(const LabelStyle& label) {
        m_xml.writeStartElement("labeling");
        m_xml.writeAttribute("type", "simple");
        m_xml.writeStartElement("settings");
        m_xml.writeAttribute("calloutType", "simple");
        m_xml.writeStartElement("text-style");
        m_xml.writeAttribute("fieldName", QString::fromStdString(label.field));
        m_xml.writeAttribute("isExpression", "0");
        m_xml.writeAttribute("fontFamily", label.fontFamily);
        m_xml.writeAttribute("namedStyle", label.bold ? "Bold" : "Regular");
        m_xml.writeAttribute("fontWeight", label.bold ? "75" : "50");
        m_xml.writeAttribute("fontItalic", "0");
        m_xml.writeAttribute("fontSize", number(label.sizePt));
        m_xml.writeAttribute("fontSizeUnit", "Point");
        m_xml.writeAttribute("textColor", rgba(label.colour));
        m_xml.writeAttribute("textOpacity", "1");
        m_xml.writeAttribute("blendMode", "0");
        m_xml.writeAttribute("multilineHeight", "1");
        m_xml.writeEmptyElement("text-buffer");
        m_xml.writeAttribute("bufferDraw", label.haloWidthPx > 0 ? "1" : "0");
        m_xml.writeAttribute("bufferSize", number(label.haloWidthPx));
        m_xml.writeAttribute("bufferSizeUnits", "Pixel");
        m_xml.writeAttribute(
            "bufferColor", rgba(label.haloColour.isValid() ? label.haloColour : QColor(Qt::white)));
        m_xml.writeAttribute("bufferOpacity", "1");
        m_xml.writeAttribute("bufferNoFill", "1");
        m_xml.writeAttribute("bufferJoinStyle", "128");
        m_xml.writeAttribute("bufferBlendMode", "0");
        m_xml.writeEndElement(); // text-style
        m_xml.writeEmptyElement("placement");
        // Polygons: over the centroid, kept inside the polygon.
        // Points: around the point, as a name by a symbol sits.
        m_xml.writeAttribute("placement", m_geometry == Geometry::Polygon ? "1"
                                          : m_geometry == Geometry::Line  ? "2"
                                                                          : "0");
        m_xml.writeAttribute("centroidInside", "1");
        m_xml.writeAttribute("centroidWhole", "0");
        m_xml.writeAttribute("fitInPolygonOnly", "0");
        m_xml.writeAttribute("priority", "5");
        m_xml.writeEmptyElement("rendering");
        const bool limited = label.minScale > 0 || label.maxScale > 0;
        m_xml.writeAttribute("scaleVisibility", limited ? "1" : "0");
        // QGIS's scaleMin is the most zoomed-in denominator, scaleMax the most zoomed-out.
        m_xml.writeAttribute("scaleMin", number(label.minScale));
        m_xml.writeAttribute("scaleMax", number(label.maxScale));
        m_xml.writeAttribute("obstacle", "1");
        m_xml.writeAttribute("obstacleFactor", "1");
        m_xml.writeAttribute("displayAll", "0");
        m_xml.writeAttribute("upsidedownLabels", "0");
        m_xml.writeAttribute("labelPerPart", "0");
        m_xml.writeAttribute("mergeLines", "0");
        m_xml.writeAttribute("drawLabels", "1");
        m_xml.writeAttribute("fontLimitPixelSize", "0");
        m_xml.writeAttribute("fontMinPixelSize", "0");
        m_xml.writeAttribute("fontMaxPixelSize", "10000");
        m_xml.writeAttribute("zIndex", "0");
        m_xml.writeEndElement(); // settings
        m_xml.writeEndElement(); // labeling
    }

    QString finish() {
        m_xml.writeTextElement("blendMode", "0");
        m_xml.writeTextElement("featureBlendMode", "0");
        m_xml.writeTextElement("layerOpacity", "1");
        m_xml.writeTextElement("layerGeometryType", QString::number(static_cast<int>(m_geometry)));
        m_xml.writeEndElement(); // qgis
        m_xml.writeEndDocument();
        return m_text;
    }

private:
    QString m_text;
    QXmlStreamWriter m_xml;
    Geometry m_geometry;
};

Properties simpleLine(const LineStyle& line) {
    const bool dashed = !line.dashPx.empty();
    return {{"line_color", rgba(line.colour)},
            {"line_width", number(line.widthPx)},
            {"line_width_unit", "Pixel"},
            {"line_style", "solid"},
            {"capstyle", dashed ? "flat" : "round"}, // round caps would blur the dashes
            {"joinstyle", "round"},
            {"offset", "0"},
            {"offset_unit", "Pixel"},
            {"use_custom_dash", dashed ? "1" : "0"},
            {"customdash", dashed ? dashPattern(line) : "5;2"},
            {"customdash_unit", "Pixel"}};
}

// The parcel outline, transparent where a parcel is under `fadeBelowPx` on screen. QGIS gives
// no pixel size to expressions, so it is taken as the OGC standard rendering pixel (0.28 mm):
// at 1:S one pixel is S × 0.00028 map units (metres, in the project's Gauss-Kruger CRS).
QString outlineExpression(const QColor& colour, double fadeBelowPx) {
    return QString("if(sqrt($area) / (@map_scale * 0.00028) >= %1, '%2', '0,0,0,0')")
        .arg(number(fadeBelowPx), rgba(colour));
}

void fillSymbol(QmlWriter& w, const QString& name, const QColor& fill, const QColor& outline,
                const ParcelOutlineStyle& style) {
    w.startSymbol(name, "fill");
    w.symbolLayer("SimpleFill",
                  {{"color", rgba(fill)},
                   {"style", fill.alpha() == 0 ? "no" : "solid"},
                   {"outline_color", rgba(outline)},
                   {"outline_style", outline.alpha() == 0 ? "no" : "solid"},
                   {"outline_width", number(style.line.widthPx)},
                   {"outline_width_unit", "Pixel"},
                   {"joinstyle", "bevel"},
                   {"offset", "0,0"},
                   {"offset_unit", "Pixel"}},
                  {{"outlineColor", outlineExpression(outline, style.fadeBelowPx)}});
    w.xml().writeEndElement();
}

} // namespace

QString themeExpression(const CategoryStyle& theme) {
    bool prefixes = false;
    for (const auto& c : theme.categories())
        prefixes = prefixes || c.isPrefix();
    const QString field = quoteField(theme.field());
    if (!prefixes)
        return QString::fromStdString(theme.field());
    QString expression = "CASE";
    for (const auto& c : theme.categories()) {
        const QString match = QString::fromStdString(c.match);
        if (c.isPrefix()) {
            const QString prefix = match.left(match.size() - 1);
            const QString test = prefix.isEmpty() ? QString("TRUE")
                                                  : QString("left(%1, %2) = %3")
                                                        .arg(field)
                                                        .arg(prefix.size())
                                                        .arg(quoteText(prefix));
            expression += QString(" WHEN %1 THEN %2").arg(test, quoteText(match));
        } else {
            expression += QString(" WHEN %1 = %2 THEN %2").arg(field, quoteText(match));
        }
    }
    return expression + " ELSE '' END";
}

QString themeQml(const CategoryStyle& theme, const ParcelOutlineStyle& outline,
                 const LabelStyle* labels) {
    QmlWriter w(Geometry::Polygon, labels != nullptr);
    w.startRenderer("categorizedSymbol", themeExpression(theme));
    QXmlStreamWriter& xml = w.xml();
    xml.writeStartElement("categories");
    const auto& categories = theme.categories();
    for (std::size_t i = 0; i <= categories.size(); ++i) {
        // The default last, as QGIS's "all other values": the category with an empty value.
        const bool isDefault = i == categories.size();
        const auto& c = isDefault ? theme.fallback() : categories[i];
        xml.writeEmptyElement("category");
        xml.writeAttribute("value", isDefault ? QString() : QString::fromStdString(c.match));
        xml.writeAttribute("label",
                           c.labelZh == c.labelEn ? c.labelZh : c.labelZh + " " + c.labelEn);
        xml.writeAttribute("symbol", QString::number(i));
        xml.writeAttribute("render", "true");
    }
    xml.writeEndElement();
    xml.writeStartElement("symbols");
    for (std::size_t i = 0; i <= categories.size(); ++i) {
        const auto& c = i == categories.size() ? theme.fallback() : categories[i];
        fillSymbol(w, QString::number(i), c.fill,
                   c.outline.isValid() ? c.outline : outline.line.colour, outline);
    }
    xml.writeEndElement();
    xml.writeEndElement(); // renderer-v2
    if (labels)
        w.labeling(*labels);
    return w.finish();
}

QString boundaryQml(const BoundaryStyle& boundary, const LabelStyle* labels) {
    QmlWriter w(Geometry::Polygon, labels != nullptr);
    w.startRenderer("singleSymbol");
    w.xml().writeStartElement("symbols");
    w.startSymbol("0", "fill");
    w.symbolLayer("SimpleLine", simpleLine(boundary.line));
    w.xml().writeEndElement(); // symbol
    w.xml().writeEndElement(); // symbols
    w.xml().writeEndElement(); // renderer-v2
    if (labels)
        w.labeling(*labels);
    return w.finish();
}

QString riverLinesQml(const RiverStyle& rivers) {
    QmlWriter w(Geometry::Line, false);
    w.startRenderer("singleSymbol");
    w.xml().writeStartElement("symbols");
    w.startSymbol("0", "line");
    std::vector<DataDefined> width;
    if (!rivers.orderField.empty() && rivers.widthPerOrderPx > 0)
        width.push_back(
            {"outlineWidth", QString("%1 + %2 * max(0, coalesce(%3, 1) - 1)")
                                 .arg(number(rivers.line.widthPx), number(rivers.widthPerOrderPx),
                                      quoteField(rivers.orderField))});
    w.symbolLayer("SimpleLine", simpleLine(rivers.line), width);
    w.xml().writeEndElement();
    w.xml().writeEndElement();
    w.xml().writeEndElement();
    return w.finish();
}

QString riverSurfacesQml(const RiverStyle& rivers) {
    QmlWriter w(Geometry::Polygon, false);
    w.startRenderer("singleSymbol");
    w.xml().writeStartElement("symbols");
    w.startSymbol("0", "fill");
    w.symbolLayer("SimpleFill", {{"color", rgba(rivers.surfaceFill)},
                                 {"style", "solid"},
                                 {"outline_style", "no"},
                                 {"outline_color", rgba(rivers.surfaceFill)},
                                 {"outline_width", "0"},
                                 {"outline_width_unit", "Pixel"}});
    w.xml().writeEndElement();
    w.xml().writeEndElement();
    w.xml().writeEndElement();
    return w.finish();
}

QString roadsQml(const RoadStyle& roads) {
    QmlWriter w(Geometry::Line, false);
    w.startRenderer("singleSymbol");
    w.xml().writeStartElement("symbols");
    w.startSymbol("0", "line");
    // The main roads' width and colour where DLDJ is a main grade, as the map draws them.
    const auto byGrade = [&](const LineStyle& other, const LineStyle& main) {
        std::vector<DataDefined> dataDefined;
        if (roads.mainGrades.empty())
            return dataDefined;
        QStringList grades;
        for (const std::string& g : roads.mainGrades)
            grades << quoteText(QString::fromStdString(g));
        const QString isMain = QString("\"DLDJ\" IN (%1)").arg(grades.join(", "));
        dataDefined.push_back(
            {"outlineWidth", QString("CASE WHEN %1 THEN %2 ELSE %3 END")
                                 .arg(isMain, number(main.widthPx), number(other.widthPx))});
        dataDefined.push_back(
            {"outlineColor", QString("CASE WHEN %1 THEN '%2' ELSE '%3' END")
                                 .arg(isMain, rgba(main.colour), rgba(other.colour))});
        return dataDefined;
    };
    w.symbolLayer("SimpleLine", simpleLine(roads.casing), byGrade(roads.casing, roads.mainCasing));
    w.symbolLayer("SimpleLine", simpleLine(roads.line), byGrade(roads.line, roads.mainLine));
    w.xml().writeEndElement();
    w.xml().writeEndElement();
    w.xml().writeEndElement();
    return w.finish();
}

QString seatsQml(const SeatStyle& seats, const LabelStyle* labels) {
    // The same proportions as the map's symbol (app/render/overlay_renderer.cpp).
    const auto marker = [](const QColor& fill, const QColor& outline, double outlineWidth,
                           double size) -> Properties {
        return {{"name", "circle"},
                {"color", rgba(fill)},
                {"outline_color", rgba(outline)},
                {"outline_style", outlineWidth > 0 ? "solid" : "no"},
                {"outline_width", number(outlineWidth)},
                {"outline_width_unit", "Pixel"},
                {"size", number(size)},
                {"size_unit", "Pixel"},
                {"angle", "0"},
                {"offset", "0,0"},
                {"offset_unit", "Pixel"},
                {"scale_method", "diameter"}};
    };
    const double ring = std::max(1.0, seats.sizePx / 6.0);
    QmlWriter w(Geometry::Point, labels != nullptr);
    w.startRenderer("singleSymbol");
    w.xml().writeStartElement("symbols");
    w.startSymbol("0", "marker");
    w.symbolLayer("SimpleMarker", marker(seats.fill, seats.colour, ring, seats.sizePx - ring));
    w.symbolLayer("SimpleMarker", marker(seats.colour, seats.colour, 0.0, seats.sizePx * 0.4));
    w.xml().writeEndElement(); // symbol
    w.xml().writeEndElement(); // symbols
    w.xml().writeEndElement(); // renderer-v2
    if (labels)
        w.labeling(*labels);
    return w.finish();
}

} // namespace app
