// Which parcel field a project's classification read as the survey's idle flag, kept with its
// results so that an edit session marking parcels idle writes the mark where the next
// classification will find it, without the rule file.
#pragma once

#include <string>

#include "geo/project_store.h"

namespace geo {

// Stores the rule set's idle flag field (idle.flag_field) as a project property (inside the
// caller's transaction).
void storeIdleFlagField(ProjectStore& store, const std::string& field);

// The field stored; for a project classified before it was stored, the rule sets' default
// (SFXZ), which judged it.
std::string storedIdleFlagField(const ProjectStore& store);

} // namespace geo
