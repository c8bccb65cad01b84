// Which asset statuses a project's classification counted idle, and from which field, kept with
// its results so that an edit session changing a status judges it the same way, without the
// rule file.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "geo/project_store.h"

namespace geo {

// Stores the rule set's asset_idle_values as a project property (inside the caller's
// transaction).
void storeAssetIdleValues(ProjectStore& store, const std::vector<std::string>& values);

// The values stored; for a project classified before they were stored, the rule sets' default
// (闲置), which judged it. Throws InputError when the property is not a list.
std::set<std::string> storedAssetIdleValues(const ProjectStore& store);

// The field the classification read asset statuses from (the rule set's asset_status_field),
// stored likewise; ZT, the ledger profile's, for a project classified before it was stored.
void storeAssetStatusField(ProjectStore& store, const std::string& field);
std::string storedAssetStatusField(const ProjectStore& store);

} // namespace geo
