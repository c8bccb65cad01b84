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

TEST_CASE("A lasting text is read where it lies, beside copied ones; empty is not NULL",
          "[row_batch]") {
    const std::string held = "lowland-cropland";
    geo::RowBatch batch;
    batch.reset(3, 2);
    batch.setLastingText(0, held);
    batch.setText(1, "copied");
    batch.setLastingText(2, std::string_view{}); // no bytes at all: still an empty text
    batch.addRow();
    batch.setText(0, "second");
    batch.addRow();
    const geo::RowBatch::Value& lasting = batch.value(0, 0);
    CHECK(lasting.kind == Kind::Text);
    CHECK(batch.text(lasting) == "lowland-cropland");
    CHECK(batch.text(lasting).data() == held.data()); // a view of it, not a copy
    CHECK(batch.text(batch.value(0, 1)) == "copied");
    CHECK(batch.value(0, 2).kind == Kind::Text);
    CHECK(batch.text(batch.value(0, 2)).empty());
    CHECK(batch.text(batch.value(0, 2)).data() != nullptr);
    // A copied text set in the same column of the next row is its own again.
    CHECK(batch.text(batch.value(1, 0)) == "second");
    CHECK(batch.text(batch.value(1, 0)).data() != held.data());
}
