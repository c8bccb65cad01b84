#include "geo/row_batch.h"

#include <algorithm>
#include <limits>

#include "geo/error.h"

namespace geo {

void RowBatch::reset(std::size_t columns, std::size_t capacity) {
    m_columns = columns;
    m_capacity = std::max<std::size_t>(capacity, 1);
    m_rows = 0;
    m_values.assign(m_capacity * m_columns, Value{});
    m_text.clear();
}

namespace {

// SQLite takes a text's length as an int (and refuses a billion bytes anyway).
void checkTextSize(std::string_view value) {
    if (value.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
        throw Error("a text value of " + std::to_string(value.size()) +
                    " bytes is too long to store");
}

} // namespace

void RowBatch::setText(int column, std::string_view value) {
    checkTextSize(value);
    Value& v = at(column);
    v.kind = Value::Kind::Text;
    v.lasting = false;
    v.textSize = static_cast<std::uint32_t>(value.size());
    v.textStart = m_text.size();
    m_text.append(value);
}

void RowBatch::setLastingText(int column, std::string_view value) {
    checkTextSize(value);
    Value& v = at(column);
    v.kind = Value::Kind::Text;
    v.lasting = true;
    v.textSize = static_cast<std::uint32_t>(value.size());
    v.textAt = value.data() ? value.data() : ""; // an empty view is still a text, not NULL
}

void RowBatch::clear() {
    // Only the rows used can hold values; the row being made, if any, is dropped too.
    const std::size_t used = std::min(m_rows + 1, m_capacity) * m_columns;
    std::fill(m_values.begin(), m_values.begin() + static_cast<std::ptrdiff_t>(used), Value{});
    m_rows = 0;
    m_text.clear();
}

} // namespace geo
