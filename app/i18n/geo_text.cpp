#include "app/i18n/geo_text.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace app {
namespace {

struct Pattern {
    const char* english; // a regular expression matching geo's whole sentence
    const char* text;    // its translation template: %1… are the captured groups in order
    // The captured groups are sentences themselves (e.g. GEOS's reason before "; repaired with
    // MakeValid"), translated in turn; otherwise they are values, shown as they are.
    bool capturesSentences = false;
    // A part of sentences (e.g. "asset ZC0007"), matched only inside a captured group: a whole
    // sentence starting the same way is not it.
    bool partOnly = false;
};

// Keep in step with geo/text_encoding.cpp and geo/crs_detection.cpp; a sentence that no longer
// matches only falls back to English.
constexpr Pattern patterns[] = {
    {R"(no \.cpg file)", QT_TRANSLATE_NOOP("app::GeoText", "no .cpg file")},
    {R"(\.cpg says (\S+), i\.e\. (\S+))",
     QT_TRANSLATE_NOOP("app::GeoText", ".cpg says %1, i.e. %2")},
    {R"(\.cpg says (\S+))", QT_TRANSLATE_NOOP("app::GeoText", ".cpg says %1")},
    {R"(DBF language byte (0x[0-9A-Fa-f]{2}) means code page (\d+))",
     QT_TRANSLATE_NOOP("app::GeoText", "DBF language byte %1 means code page %2")},
    {R"(DBF language byte (0x[0-9A-Fa-f]{2}) means (.+))",
     QT_TRANSLATE_NOOP("app::GeoText", "DBF language byte %1 means %2")},
    {R"(DBF language byte is (0x[0-9A-Fa-f]{2}) \(not set\))",
     QT_TRANSLATE_NOOP("app::GeoText", "DBF language byte is %1 (not set)")},
    {R"(sampled ([\d,]+) of ([\d,]+) DBF records: ([\d,]+) of ([\d,]+) text values and ([\d,]+) of ([\d,]+) field names have non-ASCII bytes)",
     QT_TRANSLATE_NOOP("app::GeoText", "sampled %1 of %2 DBF records: %3 of %4 text values and "
                                       "%5 of %6 field names have non-ASCII bytes")},
    {R"(([\d,]+) of them are valid GB18030 but not UTF-8)",
     QT_TRANSLATE_NOOP("app::GeoText", "%1 of them are valid GB18030 but not UTF-8")},
    {R"(([\d,]+) of them are valid UTF-8 but not GB18030)",
     QT_TRANSLATE_NOOP("app::GeoText", "%1 of them are valid UTF-8 but not GB18030")},
    {R"(([\d,]+) of them are valid as both UTF-8 and GB18030)",
     QT_TRANSLATE_NOOP("app::GeoText", "%1 of them are valid as both UTF-8 and GB18030")},
    {R"(([\d,]+) of them are valid as neither UTF-8 nor GB18030)",
     QT_TRANSLATE_NOOP("app::GeoText", "%1 of them are valid as neither UTF-8 nor GB18030")},
    {R"(no byte-order mark)", QT_TRANSLATE_NOOP("app::GeoText", "no byte-order mark")},
    {R"(read all ([\d,]+) lines: ([\d,]+) have non-ASCII bytes)",
     QT_TRANSLATE_NOOP("app::GeoText", "read all %1 lines: %2 have non-ASCII bytes")},
    {R"(\.(\w+) files hold UTF-8 text by definition)",
     QT_TRANSLATE_NOOP("app::GeoText", ".%1 files hold UTF-8 text by definition")},
    {R"(ASCII text is valid UTF-8)",
     QT_TRANSLATE_NOOP("app::GeoText", "ASCII text is valid UTF-8")},
    {R"(The \.prj is (.+) in PROJ's database, and the coordinates lie in its area of use\.)",
     QT_TRANSLATE_NOOP("app::GeoText", "The .prj is %1 in PROJ's database, and the coordinates "
                                       "lie in its area of use.")},
    {R"(The eastings start with (\d+), the number of (3|6)-degree Gauss-Kruger zone \d+ \(3-degree zones are 25-45, 6-degree zones 13-23, so the prefix is unambiguous\): (.+)\. The datum is assumed to be CGCS2000\.)",
     QT_TRANSLATE_NOOP("app::GeoText",
                       "The eastings start with %1, the number of %2-degree Gauss-Kruger zone %1 "
                       "(3-degree zones are 25-45, 6-degree zones 13-23, so the prefix is "
                       "unambiguous): %3. The datum is assumed to be CGCS2000.")},
    {R"(The eastings start with (\d+), the number of (3|6)-degree Gauss-Kruger zone \d+ \(3-degree zones are 25-45, 6-degree zones 13-23, so the prefix is unambiguous\): (.+)\. The datum comes from the \.prj, which lacks the zone\.)",
     QT_TRANSLATE_NOOP("app::GeoText",
                       "The eastings start with %1, the number of %2-degree Gauss-Kruger zone %1 "
                       "(3-degree zones are 25-45, 6-degree zones 13-23, so the prefix is "
                       "unambiguous): %3. The datum comes from the .prj, which lacks the zone.")},
    {R"(The eastings have 6 digits, so the zone's central meridian is not in the coordinates; it is taken from the project's reference layer, (.+)\.)",
     QT_TRANSLATE_NOOP("app::GeoText",
                       "The eastings have 6 digits, so the zone's central meridian is not in the "
                       "coordinates; it is taken from the project's reference layer, %1.")},
    {R"((.+) is on the (.+) datum, and PROJ knows no datum shift from it to (.+): reprojected data may be off by tens of metres or more\. Ask the surveyor for the official conversion parameters if positions must be exact\.)",
     QT_TRANSLATE_NOOP("app::GeoText",
                       "%1 is on the %2 datum, and PROJ knows no datum shift from it to %3: "
                       "reprojected data may be off by tens of metres or more. Ask the surveyor "
                       "for the official conversion parameters if positions must be exact.")},
    // Classification and import warnings, with the window's way of fixing them.
    {R"(the project has no DEM, so rules on slope and elevation were skipped; import one with: tianmu import --as dem)",
     QT_TRANSLATE_NOOP("app::GeoText", "The project has no DEM, so rules on slope and elevation "
                                       "were skipped; import one with the import wizard.")},
    {R"(the project has no rivers, so rules on river distance were skipped; import them with: tianmu import --as rivers)",
     QT_TRANSLATE_NOOP("app::GeoText", "The project has no rivers, so rules on river distance "
                                       "were skipped; import them with the import wizard.")},
    {R"(no river has (\S+) of at least (\S+), so rules on river distance were skipped; lower the rule file's river grade or import the main rivers)",
     QT_TRANSLATE_NOOP("app::GeoText", "No river has %1 of at least %2, so rules on river "
                                       "distance were skipped; lower the rule file's river "
                                       "grade or import the main rivers.")},
    {R"(the rivers have no (\S+) field, so every river counts, not only those with (\S+) of at least (\S+))",
     QT_TRANSLATE_NOOP("app::GeoText", "The rivers have no %1 field, so every river counts, not "
                                       "only those with %2 of at least %3.")},
    {R"(the project has no roads, so village types on the distance to a main road were skipped; import them with: tianmu import --as roads)",
     QT_TRANSLATE_NOOP("app::GeoText", "The project has no roads, so village types on the "
                                       "distance to a main road were skipped; import them with "
                                       "the import wizard.")},
    {R"(no road has (\S+) (.+), so village types on the distance to a main road were skipped; name the main grades in the rule file's roads)",
     QT_TRANSLATE_NOOP("app::GeoText", "No road has %1 %2, so village types on the distance to "
                                       "a main road were skipped; name the main grades in the "
                                       "rule file's roads.")},
    {R"(the roads have no (\S+) field, so every road counts as a main road, not only (.+))",
     QT_TRANSLATE_NOOP("app::GeoText", "The roads have no %1 field, so every road counts as a "
                                       "main road, not only %2.")},
    {R"(the project has no township seats, so village types on the distance to the township seat were skipped; import them with: tianmu import --as seats)",
     QT_TRANSLATE_NOOP("app::GeoText", "The project has no township seats, so village types on "
                                       "the distance to the township seat were skipped; import "
                                       "them with the import wizard.")},
    {R"(the asset ledger has no field (\S+) \(the rule file's idle\.asset_status_field\), so no asset counts as idle; its fields are (.*))",
     QT_TRANSLATE_NOOP("app::GeoText",
                       "The asset ledger has no field %1 (the rule file's "
                       "idle.asset_status_field), so no asset counts as idle; its fields are %2.")},
    {R"(the funds table has no field (\S+) \(the rule file's idle\.fund_idle_field\), so no village has idle funds; its fields are (.*))",
     QT_TRANSLATE_NOOP("app::GeoText",
                       "The funds table has no field %1 (the rule file's idle.fund_idle_field), so "
                       "no village has idle funds; its fields are %2.")},
    {R"(the project has no parcels yet, so ledger parcel ids were not checked; import parcels first)",
     QT_TRANSLATE_NOOP("app::GeoText", "The project has no parcels yet, so the ledger's parcel "
                                       "ids were not checked; import the parcels first.")},
    {R"((\w+) had (\d+) features; this import replaces them)",
     QT_TRANSLATE_NOOP("app::GeoText", "%1 had %2 features; this import replaces them"), true},
    {R"(the classification \(rules (.*), as of (\S*)\) described the parcels this import replaces, so it was removed with its tables and QGIS views; run tianmu classify again)",
     QT_TRANSLATE_NOOP("app::GeoText",
                       "The classification (rules %1, as of %2) described the parcels this "
                       "import replaces, so it was removed with its tables and QGIS views; "
                       "classify the project again")},
    {R"(the classification \(rules (.*), as of (\S*)\) was made before this import of (\w+); run tianmu classify again to bring zones, idle items and transfers up to date)",
     QT_TRANSLATE_NOOP("app::GeoText",
                       "The classification (rules %1, as of %2) was made before this import of "
                       "%3; classify the project again to bring zones, idle items and transfers "
                       "up to date"),
     true},
    {R"(the project has no villages yet, so parcels outside every village were not checked)",
     QT_TRANSLATE_NOOP("app::GeoText", "The project has no villages yet, so parcels outside "
                                       "every village were not checked.")},
    // What the import found wrong with a feature (geo/feature_validation.cpp, geo/importer.cpp),
    // shown in the import report; GEOS's reasons for an invalid geometry among them.
    {R"((.+); repaired with MakeValid)",
     QT_TRANSLATE_NOOP("app::GeoText", "%1; repaired with MakeValid"), true},
    {R"((.+); MakeValid could not repair it)",
     QT_TRANSLATE_NOOP("app::GeoText", "%1; MakeValid could not repair it"), true},
    {R"((.+); its curves were replaced by straight segments)",
     QT_TRANSLATE_NOOP("app::GeoText", "%1; its curves were replaced by straight segments"), true},
    {R"(its curves were replaced by straight segments)",
     QT_TRANSLATE_NOOP("app::GeoText", "its curves were replaced by straight segments")},
    {R"(the feature has no geometry)",
     QT_TRANSLATE_NOOP("app::GeoText", "the feature has no geometry")},
    {R"(a (\S+) where polygons are expected)",
     QT_TRANSLATE_NOOP("app::GeoText", "a %1 where polygons are expected")},
    {R"(a (\S+) where lines are expected)",
     QT_TRANSLATE_NOOP("app::GeoText", "a %1 where lines are expected")},
    {R"(a (\S+) where points are expected)",
     QT_TRANSLATE_NOOP("app::GeoText", "a %1 where points are expected")},
    {R"(a (\S+) where lines or polygons are expected)",
     QT_TRANSLATE_NOOP("app::GeoText", "a %1 where lines or polygons are expected")},
    {R"(invalid geometry)", QT_TRANSLATE_NOOP("app::GeoText", "invalid geometry")},
    {R"(Self-intersection at or near point (\S+) (\S+))",
     QT_TRANSLATE_NOOP("app::GeoText", "Self-intersection at or near point %1 %2")},
    {R"(Ring Self-intersection at or near point (\S+) (\S+))",
     QT_TRANSLATE_NOOP("app::GeoText", "Ring self-intersection at or near point %1 %2")},
    {R"(Too few points in geometry component at or near point (\S+) (\S+))",
     QT_TRANSLATE_NOOP("app::GeoText",
                       "Too few points in a geometry component at or near point %1 %2")},
    {R"(Hole lies outside shell at or near point (\S+) (\S+))",
     QT_TRANSLATE_NOOP("app::GeoText", "A hole lies outside its shell at or near point %1 %2")},
    {R"(Interior is disconnected at or near point (\S+) (\S+))",
     QT_TRANSLATE_NOOP("app::GeoText", "The interior is disconnected at or near point %1 %2")},
    {R"(Nested shells at or near point (\S+) (\S+))",
     QT_TRANSLATE_NOOP("app::GeoText", "Nested shells at or near point %1 %2")},
    {R"(Duplicate Rings at or near point (\S+) (\S+))",
     QT_TRANSLATE_NOOP("app::GeoText", "Duplicate rings at or near point %1 %2")},
    {R"(its coordinates cannot be converted to the project CRS)",
     QT_TRANSLATE_NOOP("app::GeoText", "its coordinates cannot be converted to the project CRS")},
    {R"(same geometry and id as record (\d+))",
     QT_TRANSLATE_NOOP("app::GeoText", "same geometry and id as record %1")},
    {R"(a needle or crumb of under 1 m² or very thin)",
     QT_TRANSLATE_NOOP("app::GeoText", "a needle or crumb of under 1 m² or very thin")},
    {R"(the parcel lies in no village of the project)",
     QT_TRANSLATE_NOOP("app::GeoText", "the parcel lies in no village of the project")},
    {R"(overlaps record (\d+) \((.*)\) by (\d+) m²)",
     QT_TRANSLATE_NOOP("app::GeoText", "overlaps record %1 (%2) by %3 m²")},
    {R"re((\S+) is garbled text \("(.*)"\); left empty)re",
     QT_TRANSLATE_NOOP("app::GeoText", "%1 is garbled text (\"%2\"); left empty")},
    // The steps classifyProject reports its progress in (geo/classifier.cpp).
    {R"(reading the project)", QT_TRANSLATE_NOOP("app::GeoText", "reading the project")},
    {R"(terrain statistics)", QT_TRANSLATE_NOOP("app::GeoText", "terrain statistics")},
    {R"(villages)", QT_TRANSLATE_NOOP("app::GeoText", "villages")},
    {R"(zones)", QT_TRANSLATE_NOOP("app::GeoText", "zones")},
    {R"(idle three-assets and transfers)",
     QT_TRANSLATE_NOOP("app::GeoText", "idle three-assets and transfers")},
    {R"(saving)", QT_TRANSLATE_NOOP("app::GeoText", "saving the results")},
    {R"(done)", QT_TRANSLATE_NOOP("app::GeoText", "done")},
    // Why the classification decided a parcel's village, idle mark and transfer status (the
    // reasons geo/village_profile.cpp, geo/classifier.cpp, geo/transfer_status.cpp and
    // geo/project_edit_session.cpp store in parcel_classes).
    {R"(location, agrees with ZLDWDM)",
     QT_TRANSLATE_NOOP("app::GeoText", "by location, agrees with ZLDWDM")},
    {R"(location \(no ZLDWDM\))", QT_TRANSLATE_NOOP("app::GeoText", "by location (no ZLDWDM)")},
    {R"(location; ZLDWDM (\S+) disagrees)",
     QT_TRANSLATE_NOOP("app::GeoText", "by location; ZLDWDM %1 disagrees")},
    {R"(ZLDWDM; its location is in (\S+))",
     QT_TRANSLATE_NOOP("app::GeoText", "by ZLDWDM; its location is in %1")},
    {R"(ZLDWDM \(the parcel lies in no village\))",
     QT_TRANSLATE_NOOP("app::GeoText", "by ZLDWDM (the parcel lies in no village)")},
    {R"(no village: outside every village and no known ZLDWDM)",
     QT_TRANSLATE_NOOP("app::GeoText", "no village: outside every village and no known ZLDWDM")},
    {R"(flag (\S+)=(.*))", QT_TRANSLATE_NOOP("app::GeoText", "flag %1=%2")},
    {R"(land use (\S+))", QT_TRANSLATE_NOOP("app::GeoText", "land use %1")},
    {R"(manual)", QT_TRANSLATE_NOOP("app::GeoText", "marked by hand")},
    {R"(contract (\S+) covers (\S+)\.\.(\S+))",
     QT_TRANSLATE_NOOP("app::GeoText", "contract %1 covers %2 to %3")},
    {R"(contract (\S+) ended (\S+))", QT_TRANSLATE_NOOP("app::GeoText", "contract %1 ended %2")},
    {R"(contract (\S+) starts (\S+))", QT_TRANSLATE_NOOP("app::GeoText", "contract %1 starts %2")},
    {R"(manual edit: contract (\S+) covers (\S+)\.\.(\S+))",
     QT_TRANSLATE_NOOP("app::GeoText", "edited by hand: contract %1 covers %2 to %3")},
    {R"(manual edit: no contract covers (\S+))",
     QT_TRANSLATE_NOOP("app::GeoText", "edited by hand: no contract covers %1")},
    // Why a zone rule holds or not for a parcel (geo/rule_set.cpp's evaluate), as the identify
    // panel shows the chain of rules. The splitter of alternatives comes first: a part like
    // "A; and B" is two reasons, not one whose last value runs on.
    {R"((.+?); and (.+))", QT_TRANSLATE_NOOP("app::GeoText", "%1; and %2"), true, true},
    {R"(every test holds)", QT_TRANSLATE_NOOP("app::GeoText", "every test holds")},
    {R"(land use (\S*) is not in the rule's list)",
     QT_TRANSLATE_NOOP("app::GeoText", "land use %1 is not in the rule's list")},
    {R"(land use (\S*) is excluded \((\S+)\))",
     QT_TRANSLATE_NOOP("app::GeoText", "land use %1 is excluded (%2)")},
    {R"(no data for the (.+))", QT_TRANSLATE_NOOP("app::GeoText", "no data for the %1"), true},
    {R"((distance to the nearest river|mean slope|mean elevation|elevation above the village's lowest point|height above the nearest river) (\S+) (m|°) is not (.+))",
     QT_TRANSLATE_NOOP("app::GeoText", "%1 %2 %3 is not %4"), true},
    {R"(area (\S+) m² is not (.+))", QT_TRANSLATE_NOOP("app::GeoText", "area %1 m² is not %2"),
     true},
    {R"(none of the alternatives holds: (.+))",
     QT_TRANSLATE_NOOP("app::GeoText", "none of the alternatives holds: %1"), true},
    {R"re((\S+) is "(.*)", not (\S+) (.+))re",
     QT_TRANSLATE_NOOP("app::GeoText", "%1 is \"%2\", not %3 %4")},
    {R"(at least (\S+))", QT_TRANSLATE_NOOP("app::GeoText", "at least %1"), false, true},
    {R"(at most (\S+))", QT_TRANSLATE_NOOP("app::GeoText", "at most %1"), false, true},
    {R"(between (\S+) and (\S+))", QT_TRANSLATE_NOOP("app::GeoText", "between %1 and %2"), false,
     true},
    {R"(distance to the nearest river)",
     QT_TRANSLATE_NOOP("app::GeoText", "distance to the nearest river"), false, true},
    {R"(mean slope)", QT_TRANSLATE_NOOP("app::GeoText", "mean slope"), false, true},
    {R"(mean elevation)", QT_TRANSLATE_NOOP("app::GeoText", "mean elevation"), false, true},
    {R"(elevation above the village's lowest point)",
     QT_TRANSLATE_NOOP("app::GeoText", "elevation above the village's lowest point"), false, true},
    {R"(height above the nearest river)",
     QT_TRANSLATE_NOOP("app::GeoText", "height above the nearest river"), false, true},
    // Why a village type holds or not (geo/village_types.cpp), as the identify panel shows it.
    {R"((idle resource area per household|idle resource area) (\S+) 亩 is not (.+))",
     QT_TRANSLATE_NOOP("app::GeoText", "%1 %2 亩 is not %3"), true},
    {R"((idle resource area per household|idle resource area) (\S+) 亩 is (.+))",
     QT_TRANSLATE_NOOP("app::GeoText", "%1 %2 亩 is %3"), true},
    {R"((distance from the village centre to the nearest river|distance from the village centre to the nearest main road|distance from the village centre to the township seat) (\S+) m is not (.+))",
     QT_TRANSLATE_NOOP("app::GeoText", "%1 %2 m is not %3"), true},
    {R"((distance from the village centre to the nearest river|distance from the village centre to the nearest main road|distance from the village centre to the township seat) (\S+) m is (.+))",
     QT_TRANSLATE_NOOP("app::GeoText", "%1 %2 m is %3"), true},
    {R"((share of orchards, tea and ponds) (\S+) is not (.+))",
     QT_TRANSLATE_NOOP("app::GeoText", "%1 %2 is not %3"), true},
    {R"((share of orchards, tea and ponds) (\S+) is (.+))",
     QT_TRANSLATE_NOOP("app::GeoText", "%1 %2 is %3"), true},
    {R"(the type has no tests)", QT_TRANSLATE_NOOP("app::GeoText", "the type has no tests")},
    {R"(idle resource area per household)",
     QT_TRANSLATE_NOOP("app::GeoText", "idle resource area per household"), false, true},
    {R"(idle resource area)", QT_TRANSLATE_NOOP("app::GeoText", "idle resource area"), false, true},
    {R"(distance from the village centre to the nearest river)",
     QT_TRANSLATE_NOOP("app::GeoText", "distance from the village centre to the nearest river"),
     false, true},
    {R"(distance from the village centre to the nearest main road)",
     QT_TRANSLATE_NOOP("app::GeoText", "distance from the village centre to the nearest main road"),
     false, true},
    {R"(distance from the village centre to the township seat)",
     QT_TRANSLATE_NOOP("app::GeoText", "distance from the village centre to the township seat"),
     false, true},
    {R"(share of orchards, tea and ponds)",
     QT_TRANSLATE_NOOP("app::GeoText", "share of orchards, tea and ponds"), false, true},
    // Why an asset status edit is refused (geo/project_edit.cpp), shown when it is applied.
    {R"(the project was classified with asset statuses from (\S+) \(the rule file's idle\.asset_status_field\), and tianmu records a status in ZT: classify with a rule file that reads ZT first)",
     QT_TRANSLATE_NOOP("app::GeoText",
                       "The project was classified with asset statuses from %1 (the rule file's "
                       "idle.asset_status_field), and tianmu records a status in ZT: classify "
                       "with a rule file that reads ZT first.")},
    {R"(the status \(ZT\) of (.+) is required: one of (.+))",
     QT_TRANSLATE_NOOP("app::GeoText", "The status (ZT) of %1 is required: one of %2."), true},
    {R"(the status of (.+) must be one of (.+) \(not '(.*)'\))",
     QT_TRANSLATE_NOOP("app::GeoText", "The status of %1 must be one of %2 (not '%3')."), true},
    {R"(no asset is selected)", QT_TRANSLATE_NOOP("app::GeoText", "No asset is selected.")},
    {R"(no asset of the project has FID (\d+))",
     QT_TRANSLATE_NOOP("app::GeoText", "No asset of the project has FID %1.")},
    // Last: parts of the sentences above (the assets they name), never whole sentences.
    // The project's layers, as geo names them inside sentences.
    {R"(parcels)", QT_TRANSLATE_NOOP("app::GeoText", "parcels"), false, true},
    {R"(villages)", QT_TRANSLATE_NOOP("app::GeoText", "village boundaries"), false, true},
    {R"(rivers)", QT_TRANSLATE_NOOP("app::GeoText", "rivers"), false, true},
    {R"(dem)", QT_TRANSLATE_NOOP("app::GeoText", "the DEM"), false, true},
    {R"(assets)", QT_TRANSLATE_NOOP("app::GeoText", "the asset ledger"), false, true},
    {R"(transfers)", QT_TRANSLATE_NOOP("app::GeoText", "the transfer ledger"), false, true},
    {R"(funds)", QT_TRANSLATE_NOOP("app::GeoText", "the funds table"), false, true},
    {R"(roads)", QT_TRANSLATE_NOOP("app::GeoText", "the main roads"), false, true},
    {R"(seats)", QT_TRANSLATE_NOOP("app::GeoText", "the township seats"), false, true},
    {R"(assets (.+))", QT_TRANSLATE_NOOP("app::GeoText", "assets %1"), false, true},
    {R"(asset (.+))", QT_TRANSLATE_NOOP("app::GeoText", "asset %1"), false, true},
};

// `text` translated by the first pattern matching all of it; `part`: it is a captured group.
QString translated(const QString& text, bool part) {
    for (const Pattern& p : patterns) {
        if (p.partOnly && !part)
            continue;
        const QRegularExpression re(
            QRegularExpression::anchoredPattern(QString::fromUtf8(p.english)));
        const QRegularExpressionMatch m = re.match(text);
        if (!m.hasMatch())
            continue;
        QString out = QCoreApplication::translate("app::GeoText", p.text);
        for (int i = 1; i <= m.lastCapturedIndex(); ++i) {
            // A captured sentence is shorter than the whole, so this ends.
            const QString captured =
                p.capturesSentences ? translated(m.captured(i), true) : m.captured(i);
            out = out.replace(QStringLiteral("%") + QString::number(i), captured);
        }
        return out;
    }
    return text;
}

} // namespace

QString geoText(const std::string& english) {
    return translated(QString::fromStdString(english), false);
}

QString geoLayerName(const std::string& layer) {
    return translated(QString::fromStdString(layer), true);
}

} // namespace app
