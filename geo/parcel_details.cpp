#include "geo/parcel_details.h"

#include <limits>

#include <ogrsf_frmts.h>

#include "geo/error.h"
#include "geo/feature_fields.h"
#include "geo/parcel_filter.h"

namespace geo {
namespace {

std::optional<Area> squareMetres(const OGRFeature& f, const char* name) {
    const std::optional<double> m2 = fieldNumber(f, name);
    return m2 ? std::optional<Area>(Area::squareMetres(*m2)) : std::nullopt;
}

// The classification row of a parcel. The classifier writes rows in parcel order, so the
// row with the parcel's own FID is tried first: a lookup instead of a scan of the table.
OGRFeatureUniquePtr classRow(OGRLayer& classes, long long fid) {
    OGRFeatureUniquePtr row(classes.GetFeature(fid));
    if (row && row->GetFieldAsInteger64("PARCEL_FID") == fid)
        return row;
    classes.SetAttributeFilter(("PARCEL_FID = " + std::to_string(fid)).c_str());
    classes.ResetReading();
    row.reset(classes.GetNextFeature());
    classes.SetAttributeFilter(nullptr);
    classes.ResetReading();
    return row;
}

} // namespace

ParcelDetails readParcelDetails(GDALDataset& project, long long fid) {
    OGRLayer* parcels = project.GetLayerByName("parcels");
    if (!parcels)
        throw InputError("has no parcels layer", {project.GetDescription(), {}, {}, {}});
    OGRFeatureUniquePtr parcel(parcels->GetFeature(fid));
    if (!parcel)
        throw InputError("has no parcel with this FID",
                         {project.GetDescription(), "parcels", fid, {}});
    ParcelDetails d;
    d.fid = fid;
    d.bsm = fieldText(*parcel, "BSM");
    for (int i = 0; i < parcel->GetFieldCount(); ++i)
        d.attributes.emplace_back(parcel->GetFieldDefnRef(i)->GetNameRef(),
                                  parcel->IsFieldSetAndNotNull(i) ? parcel->GetFieldAsString(i)
                                                                  : "");
    d.ellipsoidal = squareMetres(*parcel, "AREA_ELL");
    d.planar = squareMetres(*parcel, "AREA_PLN");
    d.surveyed = squareMetres(*parcel, "TBMJ");
    d.projectHasRivers = project.GetLayerByName("rivers") != nullptr;

    if (OGRLayer* classes = project.GetLayerByName("parcel_classes")) {
        if (OGRFeatureUniquePtr c = classRow(*classes, fid)) {
            d.classified = true;
            d.zone = fieldText(*c, "ZONE");
            d.zoneName = fieldText(*c, "ZONE_NAME");
            d.zoneRule = fieldText(*c, "ZONE_RULE");
            d.suggestedUse = fieldText(*c, "SUGGESTED_USE");
            d.villageCode = fieldText(*c, "VILLAGE_CODE");
            d.villageName = fieldText(*c, "VILLAGE_NAME");
            d.villageRule = fieldText(*c, "VILLAGE_RULE");
            d.idle = c->GetFieldAsInteger("IDLE") != 0;
            d.idleRule = fieldText(*c, "IDLE_RULE");
            d.transferred = c->GetFieldAsInteger("TRANSFERRED") != 0;
            d.transferMode = fieldText(*c, "LZFS");
            d.transferContract = fieldText(*c, "LZHTBM");
            d.transferRule = fieldText(*c, "TRANSFER_RULE");
            if (!d.ellipsoidal && c->GetFieldIndex("AREA_MU") >= 0)
                d.ellipsoidal = Area::mu(c->GetFieldAsDouble("AREA_MU"));
            d.meanElevation = fieldNumber(*c, "MEAN_ELEV");
            d.meanSlope = fieldNumber(*c, "MEAN_SLOPE");
            d.relativeElevation = fieldNumber(*c, "REL_ELEV");
            d.riverDistance = fieldNumber(*c, "RIVER_DIST");
            d.riverHeight = fieldNumber(*c, "RIVER_HEIGHT");
            d.areaMu = fieldNumber(*c, "AREA_MU");
        }
    }
    if (OGRLayer* ledger = project.GetLayerByName("transfers"); ledger && !d.bsm.empty()) {
        ledger->SetAttributeFilter(("DKBM = " + sqlQuoted(d.bsm)).c_str());
        ledger->ResetReading();
        for (auto&& row : *ledger) {
            TransferRecord r;
            r.contract = fieldText(*row, "LZHTBM");
            r.parcel = fieldText(*row, "DKBM");
            r.mode = fieldText(*row, "LZFS");
            r.start = fieldText(*row, "LZQXKSRQ");
            r.end = fieldText(*row, "LZQXJSRQ");
            r.areaMu = row->GetFieldAsDouble("LZMJM");
            r.transferor = fieldText(*row, "CBFMC");
            r.transferee = fieldText(*row, "SRFMC");
            r.use = fieldText(*row, "LZHTDYT");
            d.transfers.push_back(std::move(r));
        }
        ledger->SetAttributeFilter(nullptr);
        ledger->ResetReading();
    }
    return d;
}

ParcelFacts storedParcelFacts(const ParcelDetails& parcel, const RuleSet& rules) {
    ParcelFacts f;
    for (const auto& [name, value] : parcel.attributes)
        if (EQUAL(name.c_str(), "DLBM"))
            f.landUse = value;
    f.meanElevation = parcel.meanElevation;
    f.meanSlope = parcel.meanSlope;
    f.relativeElevation = parcel.relativeElevation;
    f.riverDistance = parcel.riverDistance;
    f.riverHeight = parcel.riverHeight;
    // The classification stores no distance beyond its search radius (NULL), where a river
    // layer exists; the rules then saw "farther than any threshold".
    if (!f.riverDistance && parcel.projectHasRivers)
        f.riverDistance = std::numeric_limits<double>::infinity();
    f.area = Area::mu(parcel.areaMu.value_or(0.0)).inSquareMetres();
    // The attributes the rules test, with the parcel's values (GetFieldAsString's text, as
    // classification reads them; a field the parcel lacks is left out, as there).
    for (const std::string& field : rules.attributeFields())
        for (const auto& [name, value] : parcel.attributes)
            if (EQUAL(name.c_str(), field.c_str())) {
                f.attributes.emplace_back(field, value);
                break;
            }
    return f;
}

} // namespace geo
