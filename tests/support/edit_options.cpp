#include "support/edit_options.h"

#include "geo/project_edit.h"
#include "support/sample_fixture.h"

namespace testing {

geo::EditSessionOptions sampleEditOptions(const std::string& user) {
    geo::EditSessionOptions o;
    o.transferModes = geo::loadTransferModes(sourcePath("data/profiles/transfers.json"));
    o.user = user;
    o.today = "2026-06-30";
    return o;
}

} // namespace testing
