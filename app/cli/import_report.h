// The full import report as JSON: decisions with their reasons, counts, every issue.
#pragma once

#include <nlohmann/json.hpp>

#include "geo/importer.h"

namespace app {

nlohmann::json importReportJson(const geo::ImportSummary& summary);

} // namespace app
