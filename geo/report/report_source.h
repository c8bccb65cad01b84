// A classified project opened read-only for reports: its layers, properties, villages (with
// their townships) and import records. Only plain OGR reads, so a PostGIS project would do.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/classification_results.h"
#include "geo/report/report_table.h"

namespace geo::report {

struct VillageInfo {
    std::string code, name, townshipCode, townshipName;
};

// An SQL result set, released (so it blocks no writer) when it goes out of scope.
struct ResultSetRelease {
    GDALDataset* dataset = nullptr;
    void operator()(OGRLayer* layer) const noexcept {
        if (dataset && layer)
            dataset->ReleaseResultSet(layer);
    }
};
using ResultSet = std::unique_ptr<OGRLayer, ResultSetRelease>;

class ReportSource {
public:
    // Throws InputError naming the file and the fix when it is missing, not a project, or
    // not classified yet (no parcel_classes).
    explicit ReportSource(const std::string& path);

    const std::string& path() const noexcept { return m_path; }
    // The layer, or InputError naming it and the fix.
    OGRLayer& layer(const std::string& name) const;
    OGRLayer* optionalLayer(const std::string& name) const;
    // Runs plain SQL on the project (the database's own dialect); empty on an SQL error.
    ResultSet query(const std::string& sql) const;
    // A value of tianmu_project (empty when absent).
    std::string property(const std::string& key) const;
    // How the classification no longer matches the project (see geo/classification_results.h):
    // layers imported after it, its rule file changed since.
    ClassificationStaleness classificationStaleness() const;
    // Every imported layer with its latest source file and import day.
    std::vector<Source> sources() const;
    // Villages in code order; empty when the project has no villages layer.
    const std::vector<VillageInfo>& villages() const noexcept { return m_villages; }
    // The village of `code` (its ZLDWDM or 12-digit administrative code), or nullptr.
    const VillageInfo* village(const std::string& code) const;

private:
    std::string m_path;
    GDALDatasetUniquePtr m_ds;
    std::vector<VillageInfo> m_villages;
    std::map<std::string, std::size_t> m_byCode;
};

// Whether `layer` has a row (reads at most one, without its fields).
bool hasRows(OGRLayer& layer);

// Makes `layer` read only `fields` (and its geometry when `geometry`): the others are
// ignored, so the driver does not fetch them. Returns their indices, -1 for a missing one.
std::vector<int> readOnly(OGRLayer& layer, const std::vector<std::string>& fields,
                          bool geometry = false);

// A string field ("" when unset or missing).
inline const char* textOf(const OGRFeature& f, int index) {
    return index >= 0 && f.IsFieldSetAndNotNull(index) ? f.GetFieldAsString(index) : "";
}
inline double numberOf(const OGRFeature& f, int index) {
    return index >= 0 && f.IsFieldSetAndNotNull(index) ? f.GetFieldAsDouble(index) : 0.0;
}

} // namespace geo::report
