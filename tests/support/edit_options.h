// The edit-session options the editing tests share: the sample's transfer modes, a named
// user (it goes into audit_log), and the sample's reference day.
#pragma once

#include <string>

#include "geo/project_edit_session.h"

namespace testing {

geo::EditSessionOptions sampleEditOptions(const std::string& user = "tester");

} // namespace testing
