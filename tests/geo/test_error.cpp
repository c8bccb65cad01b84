#include <catch2/catch.hpp>

#include "geo/error.h"

TEST_CASE("errors name the file, layer, feature and line", "[error]") {
    const geo::InputError e("geometry is empty; delete or redraw it", {"DLTB.shp", "DLTB", 41, {}});
    CHECK(std::string(e.what()) ==
          "DLTB.shp [layer DLTB] feature 41: geometry is empty; delete or redraw it");
    CHECK(e.message() == "geometry is empty; delete or redraw it");
    CHECK(e.context().feature == 41);

    const geo::Error noContext("out of memory");
    CHECK(std::string(noContext.what()) == "out of memory");
    const geo::InputError line("bad date", {"transfers.csv", {}, {}, 12});
    CHECK(std::string(line.what()) == "transfers.csv line 12: bad date");
}
