#include "geo/source_inspection.h"

#include <map>

#include "geo/feature_validation.h"
#include "geo/source_reading.h"

namespace geo {

RawSample sampleRawValues(const std::string& path, std::size_t records) {
    RawSample sample;
    GDALDatasetUniquePtr ds = openSourceRaw(path);
    if (ds->GetLayerCount() == 0)
        return sample;
    OGRLayer& layer = *ds->GetLayer(0);
    OGRFeatureDefn& defn = *layer.GetLayerDefn();
    for (int i = 0; i < defn.GetFieldCount(); ++i)
        sample.fieldNames.emplace_back(defn.GetFieldDefn(i)->GetNameRef());
    layer.ResetReading();
    while (sample.records.size() < records) {
        OGRFeatureUniquePtr f(layer.GetNextFeature());
        if (!f)
            break;
        std::vector<std::string> values;
        for (int i = 0; i < defn.GetFieldCount(); ++i)
            values.emplace_back(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "");
        sample.records.push_back(std::move(values));
    }
    return sample;
}

SourceInfo inspectSource(const std::string& path, const std::string& encodingOverride) {
    SourceInfo info;
    info.path = path;
    info.encoding = detectEncoding(path, encodingOverride);
    GDALDatasetUniquePtr ds = openSourceRaw(path);
    info.driver = ds->GetDriver() ? ds->GetDriver()->GetDescription() : "";
    const bool utf8 = info.encoding.encoding == "UTF-8";
    auto decode = [&](const char* raw) {
        const std::string bytes = raw ? raw : "";
        return utf8 && isValidUtf8(bytes) ? bytes : decodeToUtf8(bytes, info.encoding.encoding);
    };
    constexpr std::size_t samplesPerField = 3;

    for (OGRLayer* layer : ds->GetLayers()) {
        LayerInfo li;
        li.name = decode(layer->GetName());
        li.features = layer->GetFeatureCount(TRUE);
        li.geometryType = OGRGeometryTypeToName(layer->GetGeomType());
        OGRFeatureDefn* defn = layer->GetLayerDefn();
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            li.fields.push_back({decode(defn->GetFieldDefn(i)->GetNameRef()),
                                 OGRFieldDefn::GetFieldTypeName(defn->GetFieldDefn(i)->GetType()),
                                 {}});
        const bool spatial = layer->GetGeomType() != wkbNone;
        std::map<std::string, long long> problems;
        layer->ResetReading();
        for (const auto& f : *layer) {
            for (int i = 0; i < defn->GetFieldCount(); ++i) {
                if (!f->IsFieldSetAndNotNull(i))
                    continue;
                const std::string value = decode(f->GetFieldAsString(i));
                if (looksLikeMojibake(value))
                    ++li.mojibakeValues;
                auto& samples = li.fields[static_cast<std::size_t>(i)].samples;
                if (samples.size() < samplesPerField && !value.empty())
                    samples.push_back(value);
            }
            if (!spatial)
                continue;
            const OGRGeometry* g = f->GetGeometryRef();
            if (g && !g->IsEmpty()) {
                OGREnvelope env;
                g->getEnvelope(&env);
                li.extent.include(env.MinX, env.MinY);
                li.extent.include(env.MaxX, env.MaxY);
            }
            const GeometryCheck check = checkGeometry(g, GeometryFamily::Any);
            if (check.outcome == GeometryCheck::Outcome::Accepted)
                ++li.valid;
            else
                ++problems[check.kind];
        }
        li.problems.assign(problems.begin(), problems.end());
        if (spatial) {
            CrsInput input;
            input.prjText = sourceCrsText(path, *layer);
            input.extent = li.extent;
            li.crs = detectCrs(input);
        }
        info.layers.push_back(std::move(li));
    }
    return info;
}

} // namespace geo
