#include "geo/classification_inputs.h"

#include <functional>

#include "geo/error.h"
#include "geo/mapping_profile.h"

namespace geo {
namespace {

void appendRings(FlatLayer& out, const OGRGeometry* g) {
    out.featurePart.push_back(static_cast<std::uint32_t>(out.partStart.size()));
    if (!g)
        return;
    auto ring = [&](const OGRLinearRing& r, bool isRing) {
        out.partStart.push_back(static_cast<std::uint32_t>(out.xy.size() / 2));
        out.partIsRing.push_back(isRing ? 1 : 0);
        for (const OGRPoint& p : r) {
            out.xy.push_back(p.getX());
            out.xy.push_back(p.getY());
            out.extent.include(p.getX(), p.getY());
        }
    };
    std::function<void(const OGRGeometry&)> walk = [&](const OGRGeometry& geom) {
        switch (wkbFlatten(geom.getGeometryType())) {
        case wkbPolygon:
            for (const OGRLinearRing* r : *geom.toPolygon())
                ring(*r, true);
            break;
        case wkbLineString: {
            const OGRLineString& line = *geom.toLineString();
            out.partStart.push_back(static_cast<std::uint32_t>(out.xy.size() / 2));
            out.partIsRing.push_back(0);
            for (const OGRPoint& p : line) {
                out.xy.push_back(p.getX());
                out.xy.push_back(p.getY());
                out.extent.include(p.getX(), p.getY());
            }
            break;
        }
        case wkbMultiPolygon:
        case wkbMultiLineString:
        case wkbGeometryCollection:
            for (const OGRGeometry* part : *geom.toGeometryCollection())
                walk(*part);
            break;
        default:
            break;
        }
    };
    walk(*g);
}

void closeLayer(FlatLayer& layer) {
    layer.featurePart.push_back(static_cast<std::uint32_t>(layer.partStart.size()));
    layer.partStart.push_back(static_cast<std::uint32_t>(layer.xy.size() / 2));
}

std::string field(const OGRFeature& f, const char* name) {
    const int i = f.GetFieldIndex(name);
    return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsString(i) : "";
}

} // namespace

std::vector<TransferRow> readTransferLedger(OGRLayer& transfers) {
    std::vector<TransferRow> rows;
    transfers.ResetReading();
    for (const auto& f : transfers)
        rows.push_back({f->GetFID(), field(*f, "LZHTBM"), field(*f, "DKBM"), field(*f, "LZFS"),
                        field(*f, "LZQXKSRQ"), field(*f, "LZQXJSRQ"), field(*f, "SRFMC"),
                        parseNumber(field(*f, "LZMJM")).value_or(0.0)});
    return rows;
}

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
    parcels->ResetReading();
    for (const auto& f : *parcels) {
        ParcelRecord r;
        r.fid = f->GetFID();
        r.id = field(*f, "BSM");
        r.landUse = field(*f, "DLBM");
        r.villageCode = field(*f, "ZLDWDM");
        const std::string ell = field(*f, "AREA_ELL");
        r.areaM2 = parseNumber(ell.empty() ? field(*f, "TBMJ") : ell).value_or(0.0);
        const auto gross = parseNumber(field(*f, "TBMJ"));
        const auto net = parseNumber(field(*f, "TBDLMJ"));
        if (gross && net && *gross > 0 && *net > 0 && *net <= *gross)
            r.netShare = *net / *gross;
        for (const std::string& name : attributeFields)
            r.attributes.emplace_back(name, field(*f, name.c_str()));
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

    if (OGRLayer* transfers = store.layer("transfers"))
        in.transfers = readTransferLedger(*transfers);
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
