#include "geo/importer.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>
#include <unordered_map>

#include <cpl_string.h>
#include <ogr_spatialref.h>

#include "geo/classification_results.h"
#include "geo/error.h"
#include "geo/feature_validation.h"
#include "geo/flat_geometry.h"
#include "geo/gdal_handles.h"
#include "geo/gdal_session.h"
#include "geo/geodesic_area.h"
#include "geo/ordered_pipeline.h"
#include "geo/overlap_screen.h"
#include "geo/project_crs.h"
#include "geo/source_reading.h"
#include "geo/spatial_index.h"

namespace geo {
namespace {

struct LayerSpec {
    GeometryFamily family;
    OGRwkbGeometryType storedType; // wkbNone for tables
    const char* idField;
};

const std::map<std::string, LayerSpec>& layerSpecs() {
    static const std::map<std::string, LayerSpec> specs = {
        {"parcels", {GeometryFamily::Polygon, wkbMultiPolygon, "BSM"}},
        {"villages", {GeometryFamily::Polygon, wkbMultiPolygon, "ZLDWDM"}},
        {"rivers", {GeometryFamily::LineOrPolygon, wkbUnknown, "HLMC"}},
        {"assets", {GeometryFamily::Point, wkbPoint, "ZCBM"}},
        {"transfers", {GeometryFamily::Any, wkbNone, "LZHTBM"}},
        {"funds", {GeometryFamily::Any, wkbNone, "ZLDWDM"}},
        // Main roads and township seats (乡镇驻地): where villages are "near a main road or the
        // township seat" for their type.
        {"roads", {GeometryFamily::Line, wkbUnknown, "LXBM"}},
        {"seats", {GeometryFamily::Point, wkbPoint, "XZDM"}},
    };
    return specs;
}

struct OutputColumn {
    std::string name;
    OGRFieldType type;
    int mappedColumn = -1; // index into FieldMapping::columns, or -1 for an unmapped source field
    int sourceField = -1;
};

// Attribute values repeat (village names, land-use names, codes): decodes each once. One per
// thread.
class CachedDecoder {
public:
    explicit CachedDecoder(std::string encoding)
        : m_encoding(std::move(encoding))
        , m_utf8(m_encoding == "UTF-8") {}

    std::string operator()(const char* raw) {
        std::string bytes = raw ? raw : "";
        if (std::all_of(bytes.begin(), bytes.end(),
                        [](char ch) { return static_cast<unsigned char>(ch) < 0x80; }))
            return bytes; // ASCII reads the same in every encoding tianmu accepts
        if (m_utf8 && isValidUtf8(bytes))
            return bytes;
        if (const auto hit = m_decoded.find(bytes); hit != m_decoded.end())
            return hit->second;
        if (m_decoded.size() > 200000)
            m_decoded.clear(); // bound the memory on files of unique texts
        std::string text = decodeToUtf8(bytes, m_encoding);
        return m_decoded.emplace(std::move(bytes), std::move(text)).first->second;
    }

private:
    std::string m_encoding;
    bool m_utf8;
    std::unordered_map<std::string, std::string> m_decoded;
};

} // namespace

const std::vector<std::string>& canonicalLayers() {
    static const std::vector<std::string> names = {"parcels",   "villages", "rivers", "assets",
                                                   "transfers", "funds",    "roads",  "seats"};
    return names;
}

ImportSummary importIntoProject(const ImportOptions& o) {
    const auto specIt = layerSpecs().find(o.layer);
    if (specIt == layerSpecs().end())
        throw InputError(
            "unknown layer '" + o.layer +
            "'; use parcels, villages, rivers, assets, transfers, funds, roads or seats");
    const LayerSpec& spec = specIt->second;
    auto progress = [&](const std::string& step, double fraction) {
        if (o.progress)
            o.progress(step, fraction);
        if (o.cancelled && o.cancelled())
            throw Cancelled("the import was cancelled; the project is unchanged",
                            {o.source, {}, {}, {}});
    };

    ImportSummary s;
    s.record.layer = o.layer;
    s.record.source = o.source;
    s.record.started = utcTimestamp();

    progress("detecting the encoding", 0.0);
    s.encoding = detectEncoding(o.source, o.encoding == "auto" ? std::string() : o.encoding);
    CachedDecoder decodeName(s.encoding.encoding); // field names; values decode on the workers
    s.record.encoding = s.encoding.encoding;
    s.record.encodingReason = s.encoding.decidedBy;

    GDALDatasetUniquePtr ds = openSourceRaw(o.source);
    OGRLayer& src = *ds->GetLayer(0);
    OGRFeatureDefn& srcDefn = *src.GetLayerDefn();
    std::vector<std::string> names;
    std::vector<bool> sourceIsNumeric;
    for (int i = 0; i < srcDefn.GetFieldCount(); ++i) {
        names.push_back(decodeName(srcDefn.GetFieldDefn(i)->GetNameRef()));
        const OGRFieldType t = srcDefn.GetFieldDefn(i)->GetType();
        sourceIsNumeric.push_back(t == OFTReal || t == OFTInteger || t == OFTInteger64);
    }

    // The field mapping: the named profile, a profile file, or the best match.
    std::vector<MappingProfile> profiles;
    const MappingProfile* profile = nullptr;
    MappingProfile fromFile;
    if (!o.profile.empty() && std::filesystem::exists(o.profile)) {
        fromFile = MappingProfile::load(o.profile);
        profile = &fromFile;
    } else {
        profiles = MappingProfile::loadDirectory(o.profilesDirectory);
        if (!o.profile.empty()) {
            for (const MappingProfile& p : profiles)
                if (p.name == o.profile)
                    profile = &p;
            if (!profile)
                throw InputError("no mapping profile named '" + o.profile + "' in " +
                                 o.profilesDirectory);
        } else {
            profile = chooseProfile(profiles, o.layer, names);
        }
    }
    if (!profile)
        throw InputError("no mapping profile for layer '" + o.layer + "' in " +
                         o.profilesDirectory);
    if (profile->layer != o.layer)
        throw InputError("profile '" + profile->name + "' is for layer '" + profile->layer +
                         "', not '" + o.layer + "'");
    s.mapping = matchProfile(*profile, names);
    // The transfer modes a ledger row may name come from its profile (LZFS "values"), the
    // same list the editing session checks new records against.
    std::set<std::string> transferModes;
    std::string transferModeList;
    if (const ProfileField* mode = profile->field("LZFS")) {
        transferModes.insert(mode->values.begin(), mode->values.end());
        for (const std::string& v : mode->values)
            transferModeList += (transferModeList.empty() ? "" : " ") + v;
    }
    s.profileTitle = profile->title;
    s.record.profile = profile->name;
    if (!s.mapping.missingRequired.empty()) {
        std::string missing;
        for (const std::string& m : s.mapping.missingRequired)
            missing += (missing.empty() ? "" : ", ") + m;
        std::string have;
        for (const std::string& n : names)
            have += (have.empty() ? "" : ", ") + n;
        throw InputError("has no field for " + missing + " (profile " + profile->name +
                             "; its fields are: " + have +
                             "); rename the field, or pass --profile with a profile that names it",
                         {o.source, src.GetName(), {}, {}});
    }
    auto mappedIndex = [&](const std::string& target) {
        for (std::size_t i = 0; i < s.mapping.columns.size(); ++i)
            if (s.mapping.columns[i].target == target)
                return static_cast<int>(i);
        return -1;
    };

    // Geometry source: the layer's own, or X/Y columns of a ledger table.
    const bool spatial = spec.storedType != wkbNone;
    const int xColumn = mappedIndex("X");
    const int yColumn = mappedIndex("Y");
    const bool pointsFromXY =
        spatial && src.GetGeomType() == wkbNone && xColumn >= 0 && yColumn >= 0;
    if (spatial && src.GetGeomType() == wkbNone && !pointsFromXY)
        throw InputError("has no geometry, and " + o.layer +
                             " need one; import a spatial file (or X and Y columns)",
                         {o.source, src.GetName(), {}, {}});

    auto store = openGeoPackageProject(o.project);
    s.projectCreated = !std::filesystem::exists(o.project);

    CoordinateTransformationPtr toProject;
    std::unique_ptr<GeodesicAreaCalculator> areas;
    OGRSpatialReference projectCrs;
    bool projectIsProjected = false;
    if (spatial) {
        progress("deciding the coordinate system", 0.0);
        Extent extent;
        if (pointsFromXY) {
            for (const auto& f : src) {
                const auto x = parseNumber(f->GetFieldAsString(
                    s.mapping.columns[static_cast<std::size_t>(xColumn)].source));
                const auto y = parseNumber(f->GetFieldAsString(
                    s.mapping.columns[static_cast<std::size_t>(yColumn)].source));
                if (x && y)
                    extent.include(*x, *y);
            }
            src.ResetReading();
        } else {
            OGREnvelope env;
            if (src.GetExtent(&env, TRUE) == OGRERR_NONE)
                extent = {env.MinX, env.MinY, env.MaxX, env.MaxY};
        }
        CrsInput input;
        input.prjText = pointsFromXY ? std::string() : sourceCrsText(o.source, src);
        input.extent = extent;
        if (o.crs != "auto" && !o.crs.empty()) {
            const std::string digits = o.crs.rfind("EPSG:", 0) == 0 ? o.crs.substr(5) : o.crs;
            input.overrideEpsg = std::atoi(digits.c_str());
            if (*input.overrideEpsg <= 0)
                throw InputError("--crs must be auto or EPSG:N, not '" + o.crs + "'");
        }
        if (store->crsEpsg() > 0)
            input.referenceEpsg = store->crsEpsg();
        s.crs = detectCrs(input);
        if (s.crs.epsg == 0)
            throw InputError("the coordinate system cannot be decided: " + s.crs.reason,
                             {o.source, src.GetName(), {}, {}});
        s.warnings.insert(s.warnings.end(), s.crs.warnings.begin(), s.crs.warnings.end());
        s.record.crs = "EPSG:" + std::to_string(s.crs.epsg);
        s.record.crsReason = s.crs.decidedBy + ": " + s.crs.reason;

        s.projectEpsg = store->crsEpsg();
        if (s.projectEpsg == 0)
            s.projectEpsg = chooseProjectCrs(s.crs.epsg, extent, s.warnings);
        projectCrs = spatialReferenceOf(s.projectEpsg);
        projectIsProjected = projectCrs.IsProjected() != 0;
        if (s.projectEpsg != s.crs.epsg) {
            const OGRSpatialReference sourceCrs = spatialReferenceOf(s.crs.epsg);
            toProject.reset(OGRCreateCoordinateTransformation(&sourceCrs, &projectCrs));
            if (!toProject)
                throw InputError(
                    "PROJ has no way to convert from EPSG:" + std::to_string(s.crs.epsg) +
                    " to the project's EPSG:" + std::to_string(s.projectEpsg));
        }
        areas = std::make_unique<GeodesicAreaCalculator>(projectCrs);
    } else {
        s.projectEpsg = store->crsEpsg();
    }

    // Parcel ids in the project, to check the ledger against; villages, to check parcels.
    std::set<std::string> parcelIds;
    const bool checkParcelIds = o.layer == "transfers" && store->hasLayer("parcels");
    if (o.layer == "transfers" && !checkParcelIds)
        s.warnings.push_back("the project has no parcels yet, so ledger parcel ids were not "
                             "checked; import parcels first");
    if (checkParcelIds)
        for (const auto& f : *store->layer("parcels"))
            parcelIds.insert(f->GetFieldAsString("BSM"));
    FlatLayer villageShapes; // flat copies: containment tests without GEOS
    std::vector<Extent> villageBoxes;
    if (o.layer == "parcels" && store->hasLayer("villages")) {
        for (const auto& f : *store->layer("villages"))
            if (const OGRGeometry* g = f->GetGeometryRef()) {
                OGREnvelope env;
                g->getEnvelope(&env);
                villageBoxes.push_back({env.MinX, env.MinY, env.MaxX, env.MaxY});
                appendFeature(villageShapes, g);
            }
    } else if (o.layer == "parcels") {
        s.warnings.push_back(
            "the project has no villages yet, so parcels outside every village were not checked");
    }
    const SpatialIndex villageIndex(villageBoxes);

    // The output schema: mapped fields, then the source's other fields, then computed ones.
    std::vector<OutputColumn> columns;
    std::set<std::string> taken;
    for (std::size_t i = 0; i < s.mapping.columns.size(); ++i) {
        const FieldMapping::Column& c = s.mapping.columns[i];
        if (pointsFromXY && (c.target == "X" || c.target == "Y"))
            continue;
        const OGRFieldType type = c.type == FieldType::Integer ? OFTInteger64
                                  : c.type == FieldType::Real  ? OFTReal
                                                               : OFTString;
        columns.push_back({c.target, type, static_cast<int>(i), c.source});
        taken.insert(c.target);
    }
    for (int i : s.mapping.unmapped) {
        std::string name = names[static_cast<std::size_t>(i)];
        while (taken.count(name))
            name += "_src";
        const OGRFieldType t = srcDefn.GetFieldDefn(i)->GetType();
        const OGRFieldType type =
            (t == OFTInteger || t == OFTInteger64 || t == OFTReal) ? t : OFTString;
        columns.push_back({name, type, -1, i});
        taken.insert(name);
    }
    std::vector<FieldSpec> fields;
    for (const OutputColumn& c : columns)
        fields.push_back({c.name, c.type});
    const bool polygons = spec.family == GeometryFamily::Polygon;
    if (polygons)
        for (const char* name : {"AREA_ELL", "AREA_PLN", "AREA_MU", "AREA_HA"})
            fields.push_back({name, OFTReal});
    fields.push_back({"SRC_REC", OFTInteger64});
    fields.push_back({"QA", OFTString});

    Transaction transaction(*store); // an early exit (exception, --strict) rolls back
    // What the import replaces is said: the layer's earlier features, and what was classified
    // from them (removed with new parcels, marked outdated with any other input).
    if (OGRLayer* previous = store->layer(o.layer))
        if (const GIntBig had = previous->GetFeatureCount(); had > 0)
            s.warnings.push_back(o.layer + " had " + std::to_string(had) +
                                 " features; this import replaces them");
    if (const std::string w = o.layer == "parcels" ? removeClassification(*store)
                                                   : markClassificationOutdated(*store, o.layer);
        !w.empty())
        s.warnings.push_back(w);
    if (spatial && store->crsEpsg() == 0)
        store->setCrsEpsg(s.projectEpsg);
    // Polygon layers keep every feature's box anyway (for the overlap check): their spatial
    // index is built from those boxes in one go at the end.
    OGRLayer& out =
        polygons ? store->recreateLayerForBulkLoad(o.layer, spec.storedType, s.projectEpsg, fields)
                 : store->recreateLayer(o.layer, spec.storedType, s.projectEpsg, fields);
    const int qaField = out.GetLayerDefn()->GetFieldIndex("QA");
    int areaFields[4] = {-1, -1, -1, -1};
    if (polygons)
        for (int k = 0; k < 4; ++k)
            areaFields[k] = out.GetLayerDefn()->GetFieldIndex(std::array{
                "AREA_ELL", "AREA_PLN", "AREA_MU", "AREA_HA"}[static_cast<std::size_t>(k)]);

    auto addIssue = [&](long long record, const std::string& id, const std::string& kind,
                        const std::string& detail, const std::string& action,
                        const OGRGeometry* original) {
        ImportIssue issue{o.layer, record, id, kind, detail, action, nullptr};
        if (original)
            issue.original.reset(original->clone());
        s.issues.push_back(std::move(issue));
    };

    // Duplicates: a hash of geometry and id points at earlier features, compared exactly.
    std::unordered_multimap<std::uint64_t, std::size_t> seen;
    struct Written {
        GIntBig fid;
        long long record;
        std::string id;
    };
    std::vector<Written> written;
    FlatLayer shapes; // the written polygons, flat: for duplicates and the overlap check
    std::vector<Extent> shapeBoxes;
    // Features are read in batches. The geometry work of a batch (conversion to the project
    // CRS, validation and repair, flat copies, ellipsoidal areas with PROJ's geodesic
    // routines) runs on all cores; attributes, checks against earlier features and writing
    // stay on this thread, in source order. Each worker builds its own PROJ objects: they
    // belong to the thread that made them.
    struct Prepared {
        std::unique_ptr<OGRGeometry> original; // as read (project CRS), kept when not accepted
        bool transformFailed = false;
        GeometryCheck check;
        FlatLayer flat;
        std::uint64_t hash = 0;
        double areaEllipsoidal = 0.0, areaPlanar = 0.0;
        bool inVillage = false; // its interior point lies in a village of the project
        // Attributes, decoded and converted on a worker: the row to write, the id, the
        // garbled fields (each flagged) and the reason to reject the feature, if any.
        OGRFeatureUniquePtr row;
        std::string id;
        std::vector<std::string> garbled;
        std::string rejection, rejectionKind;
    };
    constexpr std::size_t batchSize = 16384;
    const unsigned workers =
        o.workers > 0 ? o.workers : std::max(1U, std::min(4U, std::thread::hardware_concurrency()));
    const int sourceEpsg = s.crs.epsg;
    const int targetEpsg = s.projectEpsg;
    auto prepareOne = [&](Prepared& p, std::unique_ptr<OGRGeometry> geometry,
                          OGRCoordinateTransformation* ct,
                          const GeodesicAreaCalculator* calculator) {
        if (geometry && ct && geometry->transform(ct) != OGRERR_NONE) {
            p.transformFailed = true;
            p.original = std::move(geometry);
            return;
        }
        p.check = checkGeometry(geometry, spec.family, &p.flat);
        if (p.check.outcome != GeometryCheck::Outcome::Accepted)
            p.original = std::move(geometry);
        if (p.check.outcome == GeometryCheck::Outcome::Rejected)
            return;
        p.hash = flatHash(p.flat, 0);
        if (polygons && calculator) {
            p.areaEllipsoidal = calculator->area(*p.check.geometry).inSquareMetres();
            p.areaPlanar = planarArea(*p.check.geometry);
        }
        double px = 0, py = 0; // the villages are only read here: safe on every worker
        if (villageShapes.featureCount() > 0 && interiorPoint(p.flat, 0, px, py))
            villageIndex.query({px, py, px, py}, [&](std::uint32_t v) {
                p.inVillage = featureContains(villageShapes, v, px, py);
                return !p.inVillage;
            });
    };
    // Each worker thread makes its own PROJ objects, on that thread.
    struct WorkerTools {
        CoordinateTransformationPtr toProject;
        std::unique_ptr<GeodesicAreaCalculator> areas;
    };
    std::vector<WorkerTools> tools(workers);
    struct SourceBatch {
        std::vector<OGRFeatureUniquePtr> features;
        std::vector<Prepared> prepared;
    };
    PipelineStages<SourceBatch> stages;
    stages.read = [&](SourceBatch& batch) {
        while (batch.features.size() < batchSize) {
            OGRFeatureUniquePtr next(src.GetNextFeature());
            if (!next)
                break;
            batch.features.push_back(std::move(next));
        }
        batch.prepared.resize(batch.features.size());
        return batch.features.size() == batchSize;
    };
    stages.startWorker = [&](unsigned w) {
        if (!spatial || pointsFromXY)
            return;
        const OGRSpatialReference from = spatialReferenceOf(sourceEpsg);
        const OGRSpatialReference to = spatialReferenceOf(targetEpsg);
        if (toProject)
            tools[w].toProject.reset(OGRCreateCoordinateTransformation(&from, &to));
        if (polygons)
            tools[w].areas = std::make_unique<GeodesicAreaCalculator>(to);
    };

    // Attributes: decode, convert, check. Runs on the workers (each with its own decoder); only
    // reads what the import set up before the pipeline started.
    const int idColumn = mappedIndex(spec.idField);
    OGRFeatureDefn* const outDefn = out.GetLayerDefn();
    std::vector<CachedDecoder> decoders(workers, CachedDecoder(s.encoding.encoding));
    auto prepareAttributes = [&](Prepared& p, OGRFeature* f, CachedDecoder& decode) {
        p.id = idColumn >= 0 ? decode(f->GetFieldAsString(
                                   s.mapping.columns[static_cast<std::size_t>(idColumn)].source))
                             : "";
        p.row.reset(OGRFeature::CreateFeature(outDefn));
        OGRFeature* const row = p.row.get();
        std::string& rejection = p.rejection;
        std::string& rejectionKind = p.rejectionKind;

        for (std::size_t k = 0; k < columns.size() && rejection.empty(); ++k) {
            const OutputColumn& c = columns[k];
            const auto fieldIndex = static_cast<int>(k);
            if (!f->IsFieldSetAndNotNull(c.sourceField)) {
                if (c.mappedColumn >= 0 &&
                    s.mapping.columns[static_cast<std::size_t>(c.mappedColumn)].required) {
                    rejection = "no value for " + c.name;
                    rejectionKind = "missing_value";
                }
                continue;
            }
            const FieldType targetType =
                c.mappedColumn >= 0
                    ? s.mapping.columns[static_cast<std::size_t>(c.mappedColumn)].type
                    : (c.type == OFTString ? FieldType::String : FieldType::Real);
            // A number stored as a number needs no text round trip.
            if ((targetType == FieldType::Real || targetType == FieldType::Integer) &&
                sourceIsNumeric[static_cast<std::size_t>(c.sourceField)]) {
                const double factor =
                    c.mappedColumn >= 0
                        ? s.mapping.columns[static_cast<std::size_t>(c.mappedColumn)].factor
                        : 1.0;
                const double value = f->GetFieldAsDouble(c.sourceField) * factor;
                if (c.type == OFTInteger64 || c.type == OFTInteger)
                    row->SetField(fieldIndex, static_cast<GIntBig>(std::llround(value)));
                else
                    row->SetField(fieldIndex, value);
                continue;
            }
            const std::string text = decode(f->GetFieldAsString(c.sourceField));
            if (looksLikeMojibake(text)) {
                p.garbled.push_back(c.name + " is garbled text (\"" + text + "\"); left empty");
                continue;
            }
            const FieldType type =
                c.mappedColumn >= 0
                    ? s.mapping.columns[static_cast<std::size_t>(c.mappedColumn)].type
                    : (c.type == OFTString ? FieldType::String : FieldType::Real);
            const double factor =
                c.mappedColumn >= 0
                    ? s.mapping.columns[static_cast<std::size_t>(c.mappedColumn)].factor
                    : 1.0;
            if (type == FieldType::String) {
                row->SetField(fieldIndex, text.c_str());
            } else if (type == FieldType::Date) {
                const auto date = parseDate(text);
                if (!date) {
                    rejection = c.name + " \"" + text + "\" is not a date (write it as YYYY-MM-DD)";
                    rejectionKind = "bad_date";
                } else {
                    row->SetField(fieldIndex, date->c_str());
                }
            } else {
                const auto number = parseNumber(text);
                if (!number) {
                    rejection = c.name + " \"" + text + "\" is not a number";
                    rejectionKind = "bad_number";
                } else if (c.type == OFTInteger64 || c.type == OFTInteger) {
                    row->SetField(fieldIndex, static_cast<GIntBig>(std::llround(*number * factor)));
                } else {
                    row->SetField(fieldIndex, *number * factor);
                }
            }
        }
        if (rejection.empty() && o.layer == "transfers") {
            const std::string mode = row->GetFieldAsString("LZFS");
            const std::string start = row->GetFieldAsString("LZQXKSRQ");
            const std::string end = row->GetFieldAsString("LZQXJSRQ");
            const std::string parcel = row->GetFieldAsString("DKBM");
            if (!transferModes.empty() && !transferModes.count(mode)) {
                rejection = "transfer mode \"" + mode + "\" is not one of " + transferModeList;
                rejectionKind = "unknown_transfer_mode";
            } else if (end < start) {
                rejection = "the contract ends (" + end + ") before it starts (" + start + ")";
                rejectionKind = "bad_dates";
            } else if (row->GetFieldAsDouble("LZMJM") <= 0.0) {
                rejection = "the contract area LZMJM must be positive";
                rejectionKind = "bad_number";
            } else if (checkParcelIds && !parcelIds.count(parcel)) {
                rejection = "parcel " + parcel + " is not in the project's parcels";
                rejectionKind = "no_parcel";
            }
        }
    };

    stages.prepare = [&](SourceBatch& batch, unsigned w, unsigned n) {
        // GDAL's and PROJ's complaints on this worker (e.g. a point outside the projection's
        // domain) are kept from stderr: a feature they fail is reported in tianmu's words.
        const GdalMessageCollector quiet;
        for (std::size_t k = w; k < batch.features.size(); k += n) {
            prepareAttributes(batch.prepared[k], batch.features[k].get(), decoders[w]);
            // Points from X/Y columns are built from attributes, on the writing thread.
            if (spatial && !pointsFromXY)
                prepareOne(batch.prepared[k],
                           std::unique_ptr<OGRGeometry>(batch.features[k]->StealGeometry()),
                           tools[w].toProject.get(), tools[w].areas.get());
        }
    };

    struct Pending {
        OGRFeature* row;     // owned by its batch, which is freed off this thread
        std::size_t written; // index into `written` for polygons
    };
    std::vector<Pending> batch;
    auto writeBatch = [&] {
        for (Pending& p : batch) {
            if (out.CreateFeature(p.row) != OGRERR_NONE)
                throw Error("cannot write a feature (" + std::string(CPLGetLastErrorMsg()) + ")",
                            {o.project, o.layer, p.row->GetFieldAsInteger64("SRC_REC"), {}});
            if (polygons)
                written[p.written].fid = p.row->GetFID();
            ++s.record.imported;
        }
        batch.clear();
    };
    const long long total = std::max<GIntBig>(1, src.GetFeatureCount(FALSE));
    long long record = -1;
    src.ResetReading();
    stages.consume = [&](SourceBatch& source) {
        for (std::size_t b = 0; b < source.features.size(); ++b) {
            OGRFeature* const f = source.features[b].get();
            Prepared& prepared = source.prepared[b];
            ++record;
            ++s.record.read;
            if (record % 500 == 0)
                progress("importing", static_cast<double>(record) / static_cast<double>(total));
            const std::string& id = prepared.id;
            OGRFeatureUniquePtr& row = prepared.row;
            std::vector<std::string> qa;
            std::string rejection = prepared.rejection;
            std::string rejectionKind = prepared.rejectionKind;
            std::uint64_t pendingKey = 0;
            for (const std::string& detail : prepared.garbled) {
                qa.push_back("mojibake");
                addIssue(record, id, "mojibake", detail, "flagged", nullptr);
            }

            // Geometry: prepared on the workers (or here, for points from X/Y columns).
            if (pointsFromXY && rejection.empty())
                prepareOne(prepared,
                           std::make_unique<OGRPoint>(
                               *parseNumber(f->GetFieldAsString(
                                   s.mapping.columns[static_cast<std::size_t>(xColumn)].source)),
                               *parseNumber(f->GetFieldAsString(
                                   s.mapping.columns[static_cast<std::size_t>(yColumn)].source))),
                           toProject.get(), nullptr);
            const OGRGeometry* original =
                prepared.original ? prepared.original.get() : prepared.check.geometry.get();
            if (spatial && rejection.empty()) {
                GeometryCheck& check = prepared.check;
                if (prepared.transformFailed) {
                    rejection = "its coordinates cannot be converted to the project CRS";
                    rejectionKind = "bad_coordinates";
                } else if (check.outcome == GeometryCheck::Outcome::Rejected) {
                    rejection = check.detail;
                    rejectionKind = check.kind;
                } else {
                    if (check.outcome == GeometryCheck::Outcome::Repaired) {
                        qa.push_back("repaired");
                        ++s.record.repaired;
                        addIssue(record, id, check.kind, check.detail, "repaired", original);
                    }
                    const FlatLayer& flat = prepared.flat;
                    const std::uint64_t key =
                        prepared.hash ^ (std::hash<std::string>{}(id)*0x9e3779b97f4a7c15ULL);
                    pendingKey = key;
                    long long duplicateOf = -1;
                    for (auto [it, end] = seen.equal_range(key); it != end && duplicateOf < 0; ++it)
                        if (sameCoordinates(flat, 0, shapes, it->second) &&
                            written[it->second].id == id)
                            duplicateOf = written[it->second].record;
                    if (duplicateOf >= 0) {
                        rejection = "same geometry and id as record " + std::to_string(duplicateOf);
                        rejectionKind = "duplicate";
                    } else {
                        if (!projectIsProjected) // the check measured in degrees
                            check.sliver = prepared.areaEllipsoidal < 1.0;
                        if (check.sliver) {
                            qa.push_back("sliver");
                            addIssue(record, id, "sliver",
                                     "a needle or crumb of under 1 m² or very thin", "flagged",
                                     nullptr);
                        }
                        if (polygons) {
                            const Area ellipsoidal = Area::squareMetres(prepared.areaEllipsoidal);
                            row->SetField(areaFields[0], ellipsoidal.inSquareMetres());
                            if (projectIsProjected)
                                row->SetField(areaFields[1], prepared.areaPlanar);
                            row->SetField(areaFields[2], ellipsoidal.inMu());
                            row->SetField(areaFields[3], ellipsoidal.inHectares());
                        }
                        if (villageShapes.featureCount() > 0) {
                            if (!prepared.inVillage) {
                                qa.push_back("outside_villages");
                                addIssue(record, id, "outside_villages",
                                         "the parcel lies in no village of the project", "flagged",
                                         nullptr);
                            }
                        }
                        row->SetGeometryDirectly(check.geometry.release());
                    }
                }
            }

            if (!rejection.empty()) {
                ++s.record.rejected;
                addIssue(record, id, rejectionKind, rejection, "rejected", original);
                continue;
            }
            row->SetField("SRC_REC", static_cast<GIntBig>(record));
            if (!qa.empty()) {
                std::string flags;
                for (const std::string& q : qa)
                    flags += (flags.empty() ? "" : ",") + q;
                row->SetField(qaField, flags.c_str());
                ++s.record.flagged;
            }
            if (polygons) { // accepted: later features are checked against it from now on
                const OGRGeometry* g = row->GetGeometryRef();
                OGREnvelope env;
                g->getEnvelope(&env);
                seen.emplace(pendingKey, written.size());
                batch.push_back({row.get(), written.size()});
                written.push_back({-1, record, id});
                appendFeature(shapes, prepared.flat, 0);
                shapeBoxes.push_back({env.MinX, env.MinY, env.MaxX, env.MaxY});
            } else {
                batch.push_back({row.get(), 0});
            }
        }
        writeBatch();
    };
    // Reading, geometry work and writing overlap; two batches ahead at most bounds the memory.
    runOrderedPipeline(stages, workers, 2);

    // Overlaps between imported polygons, found through a spatial index (never all pairs):
    // a fast exact screen on the flat copies, and GEOS only to measure the few candidates.
    if (polygons && !written.empty()) {
        progress("checking overlaps", 0.95);
        const auto candidates = screenOverlaps(shapes, shapeBoxes, workers);
        std::set<std::size_t> overlapping;
        constexpr double tolerance = 1.0; // m² in the project CRS
        for (const auto& [i, j] : candidates) {
            OGRFeatureUniquePtr a(out.GetFeature(written[i].fid));
            OGRFeatureUniquePtr b(out.GetFeature(written[j].fid));
            if (!a || !b)
                continue;
            std::unique_ptr<OGRGeometry> common(
                a->GetGeometryRef()->Intersection(b->GetGeometryRef()));
            const double area = common ? planarArea(*common) : 0.0;
            if (area > tolerance) {
                overlapping.insert(j);
                addIssue(written[j].record, written[j].id, "overlap",
                         "overlaps record " + std::to_string(written[i].record) + " (" +
                             written[i].id + ") by " +
                             std::to_string(static_cast<long long>(area)) + " m²",
                         "flagged", nullptr);
            }
        }
        for (std::size_t j : overlapping) {
            OGRFeatureUniquePtr f(out.GetFeature(written[j].fid));
            std::string flags = f->GetFieldAsString(qaField);
            if (flags.empty())
                ++s.record.flagged;
            f->SetField(qaField,
                        (flags.empty() ? std::string("overlap") : flags + ",overlap").c_str());
            if (out.SetFeature(f.get()) != OGRERR_NONE)
                throw Error("cannot flag an overlapping feature",
                            {o.project, o.layer, written[j].record, {}});
        }
    }

    if (s.record.imported == 0) {
        if (s.record.read == 0)
            throw InputError("has no features to import", {o.source, src.GetName(), {}, {}});
        const auto first = std::find_if(s.issues.begin(), s.issues.end(), [](const ImportIssue& i) {
            return i.action == "rejected";
        });
        throw InputError("none of its " + std::to_string(s.record.read) +
                             " features could be imported, so nothing was changed; the first was "
                             "rejected because: " +
                             first->detail,
                         {o.source, src.GetName(), first->sourceRecord, {}});
    }
    if (o.strict && s.record.rejected > 0) {
        const auto first = std::find_if(s.issues.begin(), s.issues.end(), [](const ImportIssue& i) {
            return i.action == "rejected";
        });
        throw InputError(std::to_string(s.record.rejected) + " of " +
                             std::to_string(s.record.read) +
                             " features were rejected and --strict is set, so nothing was "
                             "imported; the first: record " +
                             std::to_string(first->sourceRecord) + ": " + first->detail,
                         {o.source, {}, {}, {}});
    }
    s.record.finished = utcTimestamp();
    progress("saving", 0.99);
    if (polygons) {
        std::vector<IndexedBox> boxes(written.size());
        for (std::size_t k = 0; k < written.size(); ++k)
            boxes[k] = {written[k].fid, shapeBoxes[k]};
        store->indexLayer(o.layer, std::move(boxes));
    }
    const long long importId = store->recordImport(s.record);
    store->recordIssues(importId, s.issues);
    transaction.commit();
    store->finish();
    for (ImportIssue& issue : s.issues)
        issue.original.reset();
    if (o.progress) // committed: too late to cancel
        o.progress("done", 1.0);
    return s;
}

} // namespace geo
