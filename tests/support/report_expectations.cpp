#include "support/report_expectations.h"

#include <cmath>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <vector>

#include <gdal_priv.h>
#include <geodesic.h>
#include <ogrsf_frmts.h>

namespace testing {
namespace {

GDALDatasetUniquePtr openProject(const std::string& project) {
    GDALAllRegister(); // the CLI tests use GDAL only here
    GDALDatasetUniquePtr ds(GDALDataset::Open(project.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds)
        throw std::runtime_error("cannot open " + project);
    return ds;
}

// fid → area in m², independently of tianmu: PROJ's geodesic on the datum's ellipsoid.
std::map<GIntBig, double> parcelAreas(GDALDataset& ds, bool surveyed) {
    std::map<GIntBig, double> area;
    OGRLayer* parcels = ds.GetLayerByName("parcels");
    parcels->ResetReading();
    if (surveyed) {
        for (auto&& p : *parcels) {
            const int net = p->GetFieldIndex("TBDLMJ");
            area[p->GetFID()] = net >= 0 && p->IsFieldSetAndNotNull(net)
                                    ? p->GetFieldAsDouble(net)
                                    : p->GetFieldAsDouble("TBMJ") - p->GetFieldAsDouble("KCMJ");
        }
        return area;
    }
    OGRSpatialReference projected(*parcels->GetSpatialRef());
    std::unique_ptr<OGRSpatialReference> geographic(projected.CloneGeogCS());
    geographic->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    projected.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> toLonLat(
        OGRCreateCoordinateTransformation(&projected, geographic.get()));
    OGRErr err = OGRERR_NONE;
    geod_geodesic g{};
    geod_init(&g, geographic->GetSemiMajor(&err), 1.0 / geographic->GetInvFlattening(&err));
    auto ring = [&](const OGRLinearRing* r) {
        std::vector<double> lon, lat;
        for (int i = 0; i + 1 < r->getNumPoints(); ++i) { // the closing vertex is implied
            double x = r->getX(i), y = r->getY(i);
            toLonLat->Transform(1, &x, &y);
            lon.push_back(x);
            lat.push_back(y);
        }
        double a = 0, perimeter = 0;
        geod_polygonarea(&g, lat.data(), lon.data(), static_cast<int>(lat.size()), &a, &perimeter);
        return std::fabs(a);
    };
    auto polygon = [&](const OGRPolygon* p) {
        double a = ring(p->getExteriorRing());
        for (int i = 0; i < p->getNumInteriorRings(); ++i)
            a -= ring(p->getInteriorRing(i));
        return a;
    };
    for (auto&& p : *parcels) {
        const OGRGeometry* geom = p->GetGeometryRef();
        double a = 0;
        if (geom && wkbFlatten(geom->getGeometryType()) == wkbPolygon)
            a = polygon(geom->toPolygon());
        else if (geom && wkbFlatten(geom->getGeometryType()) == wkbMultiPolygon)
            for (const OGRPolygon* part : *geom->toMultiPolygon())
                a += polygon(part);
        area[p->GetFID()] = a;
    }
    return area;
}

} // namespace

std::map<TransferKey, Expected> expectedTransfers(const std::string& project, bool surveyed) {
    GDALDatasetUniquePtr ds = openProject(project);
    const std::map<GIntBig, double> area = parcelAreas(*ds, surveyed);
    std::map<TransferKey, Expected> out;
    OGRLayer* classes = ds->GetLayerByName("parcel_classes");
    classes->ResetReading();
    for (auto&& c : *classes) {
        if (c->GetFieldAsInteger("TRANSFERRED") != 1)
            continue;
        Expected& e = out[{c->GetFieldAsString("VILLAGE_CODE"), c->GetFieldAsString("ZONE"),
                           c->GetFieldAsString("LZFS")}];
        ++e.parcels;
        e.squareMetres += area.at(c->GetFieldAsInteger64("PARCEL_FID"));
    }
    return out;
}

std::map<TransferKey, Expected> expectedTransfersOn(const std::string& project, bool surveyed,
                                                    const std::string& day) {
    GDALDatasetUniquePtr ds = openProject(project);
    const std::map<GIntBig, double> area = parcelAreas(*ds, surveyed);
    const std::string sql =
        "SELECT c.PARCEL_FID, c.VILLAGE_CODE, c.ZONE, (SELECT t.LZFS FROM transfers t WHERE "
        "t.DKBM = p.BSM AND t.LZQXKSRQ <= '" +
        day + "' AND t.LZQXJSRQ >= '" + day +
        "' ORDER BY t.rowid LIMIT 1) AS mode FROM parcel_classes c JOIN parcels p ON p.fid = "
        "c.PARCEL_FID";
    OGRLayer* rows = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!rows)
        throw std::runtime_error("bad SQL: " + sql);
    std::map<TransferKey, Expected> out;
    for (auto&& r : *rows) {
        if (!r->IsFieldSetAndNotNull(3))
            continue;
        Expected& e = out[{r->GetFieldAsString(1), r->GetFieldAsString(2), r->GetFieldAsString(3)}];
        ++e.parcels;
        e.squareMetres += area.at(r->GetFieldAsInteger64(0));
    }
    ds->ReleaseResultSet(rows);
    return out;
}

std::map<std::string, std::pair<double, double>> expectedVillageLand(const std::string& project,
                                                                     bool surveyed) {
    GDALDatasetUniquePtr ds = openProject(project);
    const std::map<GIntBig, double> area = parcelAreas(*ds, surveyed);
    std::map<std::string, std::pair<double, double>> out;
    OGRLayer* classes = ds->GetLayerByName("parcel_classes");
    classes->ResetReading();
    for (auto&& c : *classes) {
        auto& v = out[c->GetFieldAsString("VILLAGE_CODE")];
        const double a = area.at(c->GetFieldAsInteger64("PARCEL_FID"));
        v.first += a;
        if (std::strncmp(c->GetFieldAsString("DLBM"), "01", 2) == 0)
            v.second += a;
    }
    return out;
}

std::map<std::string, long long> countBy(const std::string& project, const std::string& sql) {
    GDALDatasetUniquePtr ds = openProject(project);
    std::map<std::string, long long> out;
    OGRLayer* result = ds->ExecuteSQL(sql.c_str(), nullptr, "SQLite");
    if (!result)
        throw std::runtime_error("bad SQL: " + sql);
    for (auto&& f : *result)
        out[f->GetFieldAsString(0)] = f->GetFieldAsInteger64(1);
    ds->ReleaseResultSet(result); // an open statement would block other connections
    return out;
}

std::vector<std::vector<std::string>> parseCsv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                field += '"', ++i;
            else if (c == '"')
                quoted = false;
            else
                field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(field);
            field.clear();
        } else if (c == '\n') {
            rows.back().push_back(field);
            field.clear();
            rows.emplace_back();
        } else if (c != '\r') {
            field += c;
        }
    }
    if (!field.empty() || !rows.back().empty())
        rows.back().push_back(field);
    else
        rows.pop_back();
    return rows;
}

} // namespace testing
