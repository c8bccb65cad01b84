// Writing the rows of a result table in bulk: a project store creates the table and hands out
// a RowWriter, so classification can write a million rows without knowing how the store
// keeps them (OGR features for any store, SQL over batches of rows for a GeoPackage).
#pragma once

#include <cstdint>
#include <string_view>

#include "geo/row_batch.h"

namespace geo {

class RowWriter {
public:
    virtual ~RowWriter() = default;

    // Columns are numbered as the fields given when the table was created (0 = the first).
    // A column not set for a row is NULL.
    virtual void setInteger(int column, std::int64_t value) = 0;
    virtual void setReal(int column, double value) = 0;
    // Not copied: `value` must stay valid until addRow().
    virtual void setText(int column, std::string_view value) = 0;
    // As setText, for a text whose bytes stay valid until finish() (an id or a name held for
    // the whole table): a writer that keeps rows for later may keep a view of it instead of a
    // copy. This default is setText.
    virtual void setLastingText(int column, std::string_view value) { setText(column, value); }

    // Writes the row and clears every column for the next. Throws Error naming the table.
    virtual void addRow() = 0;
    // Writes every row of `rows` after those added before, in order, as if each were set and
    // added here. Rows made on another thread arrive this way (see geo/row_pipe.h). This
    // default does exactly that; a store may write a batch at once.
    virtual void addRows(const RowBatch& rows);
    // Completes the table after its last row (feature counts, triggers). Call it before the
    // store's commit(); rolling back instead leaves the project as it was.
    virtual void finish() = 0;
};

} // namespace geo
