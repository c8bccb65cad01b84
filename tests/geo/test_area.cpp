#include <catch2/catch.hpp>

#include "geo/area.h"

TEST_CASE("areas convert between m², 亩 and 公顷", "[area]") {
    const geo::Area a = geo::Area::mu(3000.0); // the village in the source article
    CHECK(a.inSquareMetres() == Approx(2'000'000.0).epsilon(1e-12));
    CHECK(a.inHectares() == Approx(200.0).epsilon(1e-12));
    CHECK(geo::Area::hectares(1.0).inMu() == Approx(15.0).epsilon(1e-12));
    CHECK(geo::Area::squareMetres(666.666666).inMu() == Approx(1.0).epsilon(1e-6));
    CHECK((geo::Area::mu(1.0) + geo::Area::mu(2.0)).inMu() == Approx(3.0));
    CHECK(geo::Area::mu(1.0) < geo::Area::hectares(1.0));
    CHECK(geo::Area() == geo::Area::squareMetres(0.0));
}
