#include "geo/classification_inputs.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "geo/error.h"
#include "geo/mapping_profile.h"

namespace geo {
namespace {

void appendPart(FlatLayer& out, const OGRSimpleCurve& curve, bool isRing) {
    out.partStart.push_back(static_cast<std::uint32_t>(out.xy.size() / 2));
    out.partIsRing.push_back(isRing ? 1 : 0);
    const int n = curve.getNumPoints();
    for (int i = 0; i < n; ++i) {
        const double x = curve.getX(i), y = curve.getY(i);
        out.xy.push_back(x);
        out.xy.push_back(y);
        out.extent.include(x, y);
    }
}

void appendParts(FlatLayer& out, const OGRGeometry& geom) {
    switch (wkbFlatten(geom.getGeometryType())) {
    case wkbPolygon:
        for (const OGRLinearRing* r : *geom.toPolygon())
            appendPart(out, *r, true);
        break;
    case wkbLineString:
        appendPart(out, *geom.toLineString(), false);
        break;
    case wkbMultiPolygon:
    case wkbMultiLineString:
    case wkbGeometryCollection:
        for (const OGRGeometry* part : *geom.toGeometryCollection())
            appendParts(out, *part);
        break;
    default:
        break;
    }
}

void appendRings(FlatLayer& out, const OGRGeometry* g) {
    out.featurePart.push_back(static_cast<std::uint32_t>(out.partStart.size()));
    if (g)
        appendParts(out, *g);
}

void closeLayer(FlatLayer& layer) {
    layer.featurePart.push_back(static_cast<std::uint32_t>(layer.partStart.size()));
    layer.partStart.push_back(static_cast<std::uint32_t>(layer.xy.size() / 2));
}

std::string field(const OGRFeature& f, const char* name) {
    const int i = f.GetFieldIndex(name);
    return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsString(i) : "";
}

std::string field(const OGRFeature& f, int i) {
    return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsString(i) : "";
}

// !field(f, i).empty(), printing nothing: only a string can be set and print empty.
bool hasText(const OGRFeature& f, int i) {
    return i >= 0 && f.IsFieldSetAndNotNull(i) &&
           (f.GetFieldDefnRef(i)->GetType() != OFTString || *f.GetFieldAsString(i) != '\0');
}

// parseNumber(field(f, i)), the way classification has always read numbers, without printing
// and parsing most reals: GDAL prints a real with 15 significant digits ("%.15g"), which
// gives back the same double whenever it is the nearest double to a decimal of at most two
// places and 15 digits (as surveyed areas are: the nearest 15-digit decimal is then that
// one). Other reals are printed and parsed as before, so the result is the same to the bit.
std::optional<double> number(const OGRFeature& f, int i) {
    if (i < 0 || !f.IsFieldSetAndNotNull(i))
        return std::nullopt;
    if (f.GetFieldDefnRef(i)->GetType() != OFTReal || f.GetFieldDefnRef(i)->GetWidth() != 0)
        return parseNumber(f.GetFieldAsString(i));
    const double v = f.GetFieldAsDouble(i);
    const double hundredths = std::nearbyint(v * 100.0);
    if (std::abs(hundredths) < 1e15 && hundredths / 100.0 == v)
        return v;
    return parseNumber(f.GetFieldAsString(i));
}

// Reads only `keep` of the layer's fields until destroyed: a parcel has many more fields than
// classification needs, and GDAL decodes every field it is not told to skip.
class OnlyFields {
public:
    OnlyFields(OGRLayer& layer, const std::vector<std::string>& keep)
        : m_layer(layer) {
        std::vector<std::string> ignored;
        const OGRFeatureDefn* defn = layer.GetLayerDefn();
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            const char* name = defn->GetFieldDefn(i)->GetNameRef();
            if (std::none_of(keep.begin(), keep.end(),
                             [&](const std::string& k) { return EQUAL(k.c_str(), name); }))
                ignored.emplace_back(name);
        }
        std::vector<const char*> list;
        for (const std::string& name : ignored)
            list.push_back(name.c_str());
        list.push_back(nullptr);
        layer.SetIgnoredFields(list.data());
    }
    ~OnlyFields() { m_layer.SetIgnoredFields(nullptr); }
    OnlyFields(const OnlyFields&) = delete;
    OnlyFields& operator=(const OnlyFields&) = delete;

private:
    OGRLayer& m_layer;
};

} // namespace

ClassificationInputs
readClassificationInputs(ProjectStore& store, const std::vector<std::string>& attributeFields,
                         const std::string& assetStatusField, const std::string& fundIdleField,
                         const std::string& riverFilterField, double riverFilterMin) {
    ClassificationInputs in;
    in.assetStatusField = assetStatusField;
    OGRLayer* parcels = store.layer("parcels");
    if (!parcels)
        throw InputError(
            "has no parcels to classify; import them first with: tianmu import --as parcels",
            {store.path(), {}, {}, {}});
    std::vector<std::string> used = {"BSM", "DLBM", "ZLDWDM", "AREA_ELL", "TBMJ", "TBDLMJ"};
    used.insert(used.end(), attributeFields.begin(), attributeFields.end());
    const OnlyFields only(*parcels, used);
    // Field positions once, not a name lookup per parcel and field.
    const OGRFeatureDefn* defn = parcels->GetLayerDefn();
    const int bsm = defn->GetFieldIndex("BSM"), dlbm = defn->GetFieldIndex("DLBM"),
              zldwdm = defn->GetFieldIndex("ZLDWDM"), areaEll = defn->GetFieldIndex("AREA_ELL"),
              tbmj = defn->GetFieldIndex("TBMJ"), tbdlmj = defn->GetFieldIndex("TBDLMJ");
    std::vector<int> attributeIndex;
    for (const std::string& name : attributeFields)
        attributeIndex.push_back(defn->GetFieldIndex(name.c_str()));
    in.parcels.reserve(static_cast<std::size_t>(std::max<GIntBig>(0, parcels->GetFeatureCount())));
    parcels->ResetReading();
    for (const auto& f : *parcels) {
        ParcelRecord r;
        r.fid = f->GetFID();
        r.id = field(*f, bsm);
        r.landUse = field(*f, dlbm);
        r.villageCode = field(*f, zldwdm);
        const auto gross = number(*f, tbmj);
        // AREA_ELL when it is set, even to something that is no number (then 0), else TBMJ.
        r.areaM2 = (hasText(*f, areaEll) ? number(*f, areaEll) : gross).value_or(0.0);
        const auto net = number(*f, tbdlmj);
        if (gross && net && *gross > 0 && *net > 0 && *net <= *gross)
            r.netShare = *net / *gross;
        for (std::size_t a = 0; a < attributeFields.size(); ++a)
            r.attributes.emplace_back(attributeFields[a], field(*f, attributeIndex[a]));
        appendRings(in.parcelShapes, f->GetGeometryRef());
        in.parcels.push_back(std::move(r));
    }
    closeLayer(in.parcelShapes);

    if (OGRLayer* villages = store.layer("villages")) {
        villages->ResetReading();
        for (const auto& f : *villages) {
            VillageRecord v;
            v.code = field(*f, "ZLDWDM");
            v.name = field(*f, "ZLDWMC");
            v.households = static_cast<long long>(parseNumber(field(*f, "HS")).value_or(0.0));
            appendRings(in.villageShapes, f->GetGeometryRef());
            in.villages.push_back(std::move(v));
        }
    }
    closeLayer(in.villageShapes);

    if (OGRLayer* rivers = store.layer("rivers")) {
        rivers->ResetReading();
        for (const auto& f : *rivers)
            if (riverFilterField.empty() ||
                parseNumber(field(*f, riverFilterField.c_str())).value_or(0.0) >= riverFilterMin)
                appendRings(in.rivers, f->GetGeometryRef());
        in.hasRivers = !in.rivers.xy.empty();
    }
    closeLayer(in.rivers);

    if (OGRLayer* transfers = store.layer("transfers")) {
        transfers->ResetReading();
        for (const auto& f : *transfers)
            in.transfers.push_back({f->GetFID(), field(*f, "LZHTBM"), field(*f, "DKBM"),
                                    field(*f, "LZFS"), field(*f, "LZQXKSRQ"), field(*f, "LZQXJSRQ"),
                                    field(*f, "SRFMC"),
                                    parseNumber(field(*f, "LZMJM")).value_or(0.0)});
    }
    if (OGRLayer* assets = store.layer("assets")) {
        assets->ResetReading();
        for (const auto& f : *assets) {
            AssetRow a{f->GetFID(),
                       field(*f, "ZCBM"),
                       field(*f, "ZCMC"),
                       field(*f, "ZCLX"),
                       field(*f, assetStatusField.c_str()),
                       field(*f, "XZRQ"),
                       0.0,
                       0.0,
                       false};
            if (const OGRGeometry* g = f->GetGeometryRef();
                g && wkbFlatten(g->getGeometryType()) == wkbPoint) {
                a.x = g->toPoint()->getX();
                a.y = g->toPoint()->getY();
                a.located = true;
            }
            in.assets.push_back(std::move(a));
        }
    }
    if (OGRLayer* funds = store.layer("funds")) {
        funds->ResetReading();
        for (const auto& f : *funds)
            in.funds.push_back({field(*f, "ZLDWDM"), field(*f, "ZLDWMC"),
                                parseNumber(field(*f, fundIdleField.c_str())).value_or(0.0)});
    }
    return in;
}

} // namespace geo
