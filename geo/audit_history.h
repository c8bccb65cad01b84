// The audit log of one feature, oldest first: who changed which field from what to what, when.
#pragma once

#include <string>
#include <vector>

#include <gdal_priv.h>

namespace geo {

// One row of `audit_log`.
struct AuditEntry {
    std::string time, user, field, oldValue, newValue, action;

    bool operator==(const AuditEntry&) const = default;
};

// Every audit row of feature `fid` of `layer` in `project`, in the order written; empty when
// the project has no audit log. Leaves no read statement open.
std::vector<AuditEntry> readAuditHistory(GDALDataset& project, const std::string& layer,
                                         long long fid);

} // namespace geo
