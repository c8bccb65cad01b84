// RowBatch: rows kept as typed values with their texts, every column NULL until set, and a
// cleared batch holding nothing of the rows before.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "geo/row_batch.h"

namespace {

using Kind = geo::RowBatch::Value::Kind;

} // namespace

TEST_CASE("A batch keeps each value with its type, NULL where unset", "[row_batch]") {
    geo::RowBatch batch;
    batch.reset(3, 4);
    CHECK(batch.empty());
    batch.setInteger(0, -4'000'000'000'123LL);
    batch.setText(1, "水中 优质水产");
    batch.setReal(2, -0.0);
    batch.addRow();
    batch.setText(1, ""); // an empty text is a text, not NULL
    batch.addRow();
    // Texts added after the first keep it readable, however the storage grows.
    for (int r = 0; r < 2; ++r) {
        batch.setText(1, std::string(10'000, static_cast<char>('a' + r)));
        batch.addRow();
    }
    REQUIRE(batch.rows() == 4);
    CHECK(batch.full());
    CHECK(batch.columns() == 3);

    CHECK(batch.value(0, 0).kind == Kind::Integer);
    CHECK(batch.value(0, 0).integer == -4'000'000'000'123LL);
    CHECK(batch.value(0, 1).kind == Kind::Text);
    CHECK(batch.text(batch.value(0, 1)) == "水中 优质水产");
    CHECK(batch.value(0, 2).kind == Kind::Real);
    CHECK(std::signbit(batch.value(0, 2).real));
    CHECK(batch.value(1, 0).kind == Kind::Null);
    CHECK(batch.value(1, 1).kind == Kind::Text);
    CHECK(batch.text(batch.value(1, 1)).empty());
    CHECK(batch.value(1, 2).kind == Kind::Null);
    CHECK(batch.text(batch.value(3, 1)) == std::string(10'000, 'b'));
}

TEST_CASE("A cleared batch starts again with every column NULL", "[row_batch]") {
    geo::RowBatch batch;
    batch.reset(2, 2);
    batch.setInteger(0, 1);
    batch.setText(1, "first");
    batch.addRow();
    batch.setInteger(0, 2); // a row begun and never added
    batch.clear();
    CHECK(batch.empty());
    CHECK_FALSE(batch.full());
    batch.addRow();
    batch.addRow();
    CHECK(batch.full());
    for (std::size_t r = 0; r < 2; ++r)
        for (std::size_t c = 0; c < 2; ++c)
            CHECK(batch.value(r, c).kind == Kind::Null);
}
