#include "geo/audit_history.h"

#include <ogrsf_frmts.h>

#include "geo/parcel_filter.h"

namespace geo {

std::vector<AuditEntry> readAuditHistory(GDALDataset& project, const std::string& layer,
                                         long long fid) {
    std::vector<AuditEntry> history;
    OGRLayer* audit = project.GetLayerByName("audit_log");
    if (!audit)
        return history;
    // feature_id is text in the log: the FID of a layer, or a ledger row's own FID.
    audit->SetAttributeFilter(
        ("layer = " + sqlQuoted(layer) + " AND feature_id = " + sqlQuoted(std::to_string(fid)))
            .c_str());
    audit->ResetReading();
    auto text = [](const OGRFeature& f, const char* name) {
        const int i = f.GetFieldIndex(name);
        return i >= 0 && f.IsFieldSetAndNotNull(i) ? std::string(f.GetFieldAsString(i))
                                                   : std::string();
    };
    for (auto&& row : *audit)
        history.push_back({text(*row, "time"), text(*row, "user"), text(*row, "field"),
                           text(*row, "old_value"), text(*row, "new_value"), text(*row, "action")});
    audit->SetAttributeFilter(nullptr);
    audit->ResetReading(); // finishes the read statement, which would block a writer
    return history;
}

} // namespace geo
