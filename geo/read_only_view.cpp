#include "geo/read_only_view.h"

#include <utility>

#include "geo/sql_quoting.h"

namespace geo {

std::vector<std::string> readOnlyViewTriggers(const std::string& view, const std::string& message) {
    std::vector<std::string> sql;
    for (const auto& [event, suffix] :
         {std::pair{"INSERT", "insert"}, {"UPDATE", "update"}, {"DELETE", "delete"}})
        sql.push_back("CREATE TRIGGER " + sqlIdentifier(view + "_read_only_" + suffix) +
                      " INSTEAD OF " + event + " ON " + sqlIdentifier(view) +
                      " BEGIN SELECT RAISE(ABORT, " + sqlText(message) + "); END");
    return sql;
}

} // namespace geo
