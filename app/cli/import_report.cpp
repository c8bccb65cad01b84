#include "app/cli/import_report.h"

namespace app {

nlohmann::json importReportJson(const geo::ImportSummary& s) {
    nlohmann::json issues = nlohmann::json::array();
    for (const geo::ImportIssue& i : s.issues)
        issues.push_back({{"record", i.sourceRecord},
                          {"id", i.sourceId},
                          {"kind", i.kind},
                          {"detail", i.detail},
                          {"action", i.action}});
    nlohmann::json mapping = nlohmann::json::array();
    for (const auto& c : s.mapping.columns)
        mapping.push_back({{"target", c.target}, {"source", c.sourceName}, {"factor", c.factor}});
    return {
        {"layer", s.record.layer},
        {"source", s.record.source},
        {"started", s.record.started},
        {"finished", s.record.finished},
        {"project_created", s.projectCreated},
        {"encoding",
         {{"name", s.encoding.encoding},
          {"decided_by", s.encoding.decidedBy},
          {"evidence", s.encoding.evidence}}},
        {"crs",
         {{"epsg", s.crs.epsg},
          {"name", s.crs.name},
          {"decided_by", s.crs.decidedBy},
          {"reason", s.crs.reason},
          {"needs_confirmation", s.crs.needsConfirmation},
          {"project_epsg", s.projectEpsg}}},
        {"profile", {{"name", s.mapping.profile}, {"title", s.profileTitle}, {"fields", mapping}}},
        {"counts",
         {{"read", s.record.read},
          {"imported", s.record.imported},
          {"rejected", s.record.rejected},
          {"repaired", s.record.repaired},
          {"flagged", s.record.flagged}}},
        {"warnings", s.warnings},
        {"issues", issues},
    };
}

} // namespace app
