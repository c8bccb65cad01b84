#include "app/gui/import_plan.h"

#include <algorithm>
#include <fstream>

#include <QCoreApplication>
#include <QFileInfo>

#include <nlohmann/json.hpp>

#include "geo/error.h"
#include "geo/text_encoding.h"

namespace app {
namespace {

const char* unitName(geo::AreaUnit unit) {
    switch (unit) {
    case geo::AreaUnit::SquareMetres:
        return "m2";
    case geo::AreaUnit::Mu:
        return "mu";
    case geo::AreaUnit::Hectares:
        return "ha";
    case geo::AreaUnit::None:
        break;
    }
    return "";
}

const char* typeName(geo::FieldType type) {
    switch (type) {
    case geo::FieldType::Integer:
        return "integer";
    case geo::FieldType::Real:
        return "real";
    case geo::FieldType::Date:
        return "date";
    case geo::FieldType::String:
        break;
    }
    return "string";
}

} // namespace

std::string ImportPlan::effectiveEncoding() const {
    return encoding == QLatin1String("auto") ? info.encoding.encoding : encoding.toStdString();
}

bool ImportPlan::awaitsCrsConfirmation() const {
    return inspected && !isRaster() && !info.layers.empty() &&
           info.layers.front().crs.needsConfirmation && !crsConfirmed && crsEpsg == 0;
}

bool ImportPlan::lacksCrs() const {
    if (!inspected || isRaster() || info.layers.empty())
        return false;
    const geo::CrsDecision& crs = info.layers.front().crs;
    const bool spatial = !crs.decidedBy.empty();
    return spatial && crs.epsg == 0 && crsEpsg == 0;
}

std::vector<std::string> ImportPlan::decodedFieldNames() const {
    std::vector<std::string> names;
    const std::string enc = effectiveEncoding();
    for (const std::string& bytes : raw.fieldNames)
        names.push_back(enc.empty() ? bytes : geo::decodeToUtf8(bytes, enc));
    return names;
}

const QStringList& importLayers() {
    static const QStringList layers = {"villages",  "parcels", "rivers", "dem",  "assets",
                                       "transfers", "funds",   "roads",  "seats"};
    return layers;
}

QString layerTitle(const QString& layer) {
    static const char* const titles[][2] = {
        {"villages", QT_TRANSLATE_NOOP("app::ImportPlan", "Villages")},
        {"parcels", QT_TRANSLATE_NOOP("app::ImportPlan", "Parcels")},
        {"rivers", QT_TRANSLATE_NOOP("app::ImportPlan", "Rivers")},
        {"dem", QT_TRANSLATE_NOOP("app::ImportPlan", "Elevation (DEM)")},
        {"assets", QT_TRANSLATE_NOOP("app::ImportPlan", "Assets ledger")},
        {"transfers", QT_TRANSLATE_NOOP("app::ImportPlan", "Land transfer ledger")},
        {"funds", QT_TRANSLATE_NOOP("app::ImportPlan", "Funds ledger")},
        {"roads", QT_TRANSLATE_NOOP("app::ImportPlan", "Main roads")},
        {"seats", QT_TRANSLATE_NOOP("app::ImportPlan", "Township seats")},
    };
    for (const auto& t : titles)
        if (layer == QLatin1String(t[0]))
            return QCoreApplication::translate("app::ImportPlan", t[1]);
    return layer;
}

QString issueKindTitle(const std::string& kind) {
    static const char* const titles[][2] = {
        {"empty_geometry", QT_TRANSLATE_NOOP("app::ImportPlan", "empty geometry")},
        {"invalid_geometry", QT_TRANSLATE_NOOP("app::ImportPlan", "invalid geometry")},
        {"wrong_geometry_type", QT_TRANSLATE_NOOP("app::ImportPlan", "wrong geometry type")},
        {"curved_geometry", QT_TRANSLATE_NOOP("app::ImportPlan", "curves made straight")},
        {"duplicate", QT_TRANSLATE_NOOP("app::ImportPlan", "duplicate")},
        {"sliver", QT_TRANSLATE_NOOP("app::ImportPlan", "sliver")},
        {"overlap", QT_TRANSLATE_NOOP("app::ImportPlan", "overlap with a neighbour")},
        {"outside_villages", QT_TRANSLATE_NOOP("app::ImportPlan", "outside every village")},
        {"bad_coordinates", QT_TRANSLATE_NOOP("app::ImportPlan", "bad coordinates")},
        {"bad_date", QT_TRANSLATE_NOOP("app::ImportPlan", "bad date")},
        {"bad_dates", QT_TRANSLATE_NOOP("app::ImportPlan", "bad dates")},
        {"bad_number", QT_TRANSLATE_NOOP("app::ImportPlan", "bad number")},
        {"missing_value", QT_TRANSLATE_NOOP("app::ImportPlan", "missing value")},
        {"mojibake", QT_TRANSLATE_NOOP("app::ImportPlan", "garbled text")},
        {"no_parcel", QT_TRANSLATE_NOOP("app::ImportPlan", "no such parcel")},
        {"unknown_transfer_mode", QT_TRANSLATE_NOOP("app::ImportPlan", "unknown transfer mode")},
    };
    for (const auto& t : titles)
        if (kind == t[0])
            return QCoreApplication::translate("app::ImportPlan", t[1]);
    return QString::fromStdString(kind);
}

QString issueActionTitle(const std::string& action) {
    static const char* const titles[][2] = {
        {"repaired", QT_TRANSLATE_NOOP("app::ImportPlan", "repaired")},
        {"rejected", QT_TRANSLATE_NOOP("app::ImportPlan", "rejected")},
        {"flagged", QT_TRANSLATE_NOOP("app::ImportPlan", "flagged")},
    };
    for (const auto& t : titles)
        if (action == t[0])
            return QCoreApplication::translate("app::ImportPlan", t[1]);
    return QString::fromStdString(action);
}

bool isRasterPath(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == "tif" || suffix == "tiff" || suffix == "img" || suffix == "asc" ||
           suffix == "dem" || suffix == "vrt";
}

QString guessLayer(const QString& path, const std::vector<std::string>& fieldNames,
                   const std::vector<geo::MappingProfile>& profiles) {
    if (isRasterPath(path))
        return "dem";
    // The national standards name their layers; surveyors keep those names.
    const QString base = QFileInfo(path).completeBaseName().toUpper();
    static const char* const byName[][2] = {
        {"DLTB", "parcels"},       {"CBDK", "parcels"},   {"DKXX", "parcels"},
        {"地块", "parcels"},       {"图斑", "parcels"},   {"CJDCQ", "villages"},
        {"XZQ", "villages"},       {"村", "villages"},    {"VILLAGE", "villages"},
        {"HL", "rivers"},          {"HLMX", "rivers"},    {"RIVER", "rivers"},
        {"河", "rivers"},          {"ASSET", "assets"},   {"资产", "assets"},
        {"TRANSFER", "transfers"}, {"流转", "transfers"}, {"LZ", "transfers"},
        {"FUND", "funds"},         {"资金", "funds"},     {"PARCEL", "parcels"},
        {"XZZD", "seats"},         {"驻地", "seats"},     {"SEAT", "seats"},
        {"LRDL", "roads"},         {"ROAD", "roads"},     {"道路", "roads"},
        {"DL", "roads"}, // after DLTB, which is parcels
    };
    for (const auto& [key, layer] : byName)
        if (base.startsWith(QString::fromUtf8(key)))
            return layer;
    double best = -1.0;
    QString layer = "parcels";
    for (const geo::MappingProfile& p : profiles) {
        const geo::FieldMapping m = geo::matchProfile(p, fieldNames);
        if (m.missingRequired.empty() && m.score > best) {
            best = m.score;
            layer = QString::fromStdString(p.layer);
        }
    }
    return layer;
}

std::string writeEditedProfile(const geo::MappingProfile& profile,
                               const std::map<std::string, std::string>& mapping,
                               const std::string& directory) {
    nlohmann::json fields = nlohmann::json::array();
    for (const geo::ProfileField& f : profile.fields) {
        nlohmann::json field = {{"target", f.target}, {"type", typeName(f.type)}};
        if (f.unit != geo::AreaUnit::None)
            field["unit"] = unitName(f.unit);
        if (f.required)
            field["required"] = true;
        nlohmann::json sources = nlohmann::json::array();
        const auto chosen = mapping.find(f.target);
        if (chosen != mapping.end() && !chosen->second.empty()) {
            // Keep the unit the profile gives that source name (TBMJ in m², a ledger in 亩).
            nlohmann::json source = {{"name", chosen->second}};
            for (const auto& s : f.sources)
                if (s.name == chosen->second && s.unit != geo::AreaUnit::None)
                    source["unit"] = unitName(s.unit);
            sources.push_back(source);
        }
        field["sources"] = sources;
        fields.push_back(field);
    }
    const nlohmann::json doc = {{"name", profile.name + "-edited"},
                                {"title", profile.title + " (edited)"},
                                {"layer", profile.layer},
                                {"fields", fields}};
    const std::string path = directory + "/" + profile.name + "-edited.json";
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << doc.dump(2) << "\n";
    if (!out)
        throw geo::Error("cannot write the edited mapping profile", {path, {}, {}, {}});
    return path;
}

} // namespace app
