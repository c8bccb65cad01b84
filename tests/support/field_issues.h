// Looking up an edit's validation problems in tests.
#pragma once

#include <string>
#include <vector>

#include "geo/project_edit.h"

namespace testing {

// Whether `issues` holds one for `field` with `code` (required, not_in_list, …).
inline bool hasIssue(const std::vector<geo::FieldIssue>& issues, const std::string& field,
                     const std::string& code) {
    for (const geo::FieldIssue& i : issues)
        if (i.field == field && i.code == code)
            return true;
    return false;
}

} // namespace testing
