#include "geo/report/report_source.h"

#include <algorithm>
#include <filesystem>

#include "geo/classification_results.h"
#include "geo/error.h"

namespace geo::report {

ReportSource::ReportSource(const std::string& path)
    : m_path(path) {
    if (!std::filesystem::exists(path))
        throw InputError("project not found; check the path given to --project",
                         {path, {}, {}, {}});
    m_ds.reset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!m_ds)
        throw InputError("is not a GeoPackage project tianmu can open; give the project made by "
                         "'tianmu import'",
                         {path, {}, {}, {}});
    if (!optionalLayer("parcels"))
        throw InputError("has no parcels; import them first: tianmu import --project " + path +
                             " --as parcels DLTB.shp",
                         {path, {}, {}, {}});
    OGRLayer* classes = optionalLayer("parcel_classes");
    if (!classes || (!hasRows(*classes) && hasRows(layer("parcels"))))
        throw InputError("has not been classified yet; run: tianmu classify --project " + path,
                         {path, {}, {}, {}});

    if (OGRLayer* villages = optionalLayer("villages")) {
        const std::vector<int> f = readOnly(*villages, {"ZLDWDM", "ZLDWMC", "XZDM", "XZMC"});
        villages->ResetReading();
        for (auto&& v : *villages) {
            VillageInfo info{textOf(*v, f[0]), textOf(*v, f[1]), textOf(*v, f[2]),
                             textOf(*v, f[3])};
            if (!info.code.empty())
                m_villages.push_back(std::move(info));
        }
        std::sort(m_villages.begin(), m_villages.end(),
                  [](const VillageInfo& a, const VillageInfo& b) { return a.code < b.code; });
        for (std::size_t i = 0; i < m_villages.size(); ++i) {
            m_byCode.emplace(m_villages[i].code, i);
            // Ledgers often carry the 12-digit administrative code instead of ZLDWDM.
            m_byCode.emplace(m_villages[i].code.substr(0, 12), i);
        }
    }
}

OGRLayer* ReportSource::optionalLayer(const std::string& name) const {
    return m_ds->GetLayerByName(name.c_str());
}

OGRLayer& ReportSource::layer(const std::string& name) const {
    OGRLayer* l = optionalLayer(name);
    if (!l)
        throw InputError("has no layer " + name + "; import or classify the project again",
                         {m_path, name, {}, {}});
    return *l;
}

ResultSet ReportSource::query(const std::string& sql) const {
    return ResultSet(m_ds->ExecuteSQL(sql.c_str(), nullptr, nullptr), {m_ds.get()});
}

std::string ReportSource::property(const std::string& key) const {
    OGRLayer* table = optionalLayer("tianmu_project");
    if (!table)
        return {};
    const std::vector<int> f = readOnly(*table, {"key", "value"});
    table->ResetReading();
    std::string value;
    for (auto&& row : *table)
        if (key == textOf(*row, f[0]))
            value = textOf(*row, f[1]);
    return value;
}

ClassificationStaleness ReportSource::classificationStaleness() const {
    ClassificationStaleness s;
    s.asOf = property("classified_as_of");
    s.newerLayers = splitLayerList(property(importedSinceClassifyKey));
    if (const std::string file = property(classifiedRulesFileKey);
        ruleFileChanged(file, property(classifiedRulesDigestKey)))
        s.changedRuleFile = file;
    return s;
}

std::vector<Source> ReportSource::sources() const {
    std::vector<Source> out;
    OGRLayer* table = optionalLayer("tianmu_imports");
    if (!table)
        return out;
    const std::vector<int> f = readOnly(*table, {"layer", "source", "finished"});
    table->ResetReading();
    for (auto&& row : *table) {
        Source s{textOf(*row, f[0]), textOf(*row, f[1]),
                 std::string(textOf(*row, f[2])).substr(0, 10)};
        // A later import of the same layer replaces the earlier one.
        auto same = std::find_if(out.begin(), out.end(),
                                 [&](const Source& o) { return o.layer == s.layer; });
        if (same != out.end())
            *same = s;
        else
            out.push_back(s);
    }
    return out;
}

const VillageInfo* ReportSource::village(const std::string& code) const {
    const auto it = m_byCode.find(code);
    return it == m_byCode.end() ? nullptr : &m_villages[it->second];
}

bool hasRows(OGRLayer& layer) {
    // The first row, not the count: parcel_classes is a view, which SQLite counts row by row.
    readOnly(layer, {});
    layer.ResetReading();
    const bool any = OGRFeatureUniquePtr(layer.GetNextFeature()) != nullptr;
    layer.ResetReading();
    layer.SetIgnoredFields(nullptr);
    return any;
}

std::vector<int> readOnly(OGRLayer& layer, const std::vector<std::string>& fields, bool geometry) {
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    std::vector<int> indices;
    for (const std::string& name : fields)
        indices.push_back(defn->GetFieldIndex(name.c_str()));
    std::vector<std::string> ignored;
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        if (std::find(indices.begin(), indices.end(), i) == indices.end())
            ignored.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
    if (!geometry)
        ignored.emplace_back("OGR_GEOMETRY");
    ignored.emplace_back("OGR_STYLE");
    std::vector<const char*> names;
    for (const std::string& s : ignored)
        names.push_back(s.c_str());
    names.push_back(nullptr);
    layer.SetIgnoredFields(names.data());
    return indices;
}

} // namespace geo::report
