// Rows made on a second thread while this one writes them, so that making a million rows and
// SQLite's inserting them overlap while the database connection never changes thread.
#pragma once

#include <cstddef>
#include <functional>

#include "geo/row_writer.h"

namespace geo {

// Runs `make` on a new thread, giving it a RowWriter of `columns` columns; the rows it adds
// reach `out` on this thread, in batches and in the order made (`make` need not call
// finish(); `out.finish()` is left to the caller). A few batches at most wait between the two
// threads, so memory stays small however many rows there are. When either side throws, the
// other stops at its next batch and the exception is rethrown here once the thread has ended;
// the rows already given to `out` stay there (the caller's transaction rolls them back).
void pipeRows(RowWriter& out, std::size_t columns,
              const std::function<void(RowWriter& rows)>& make);

} // namespace geo
