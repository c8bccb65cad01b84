// A block of result rows held in memory as typed values: rows made on one thread can be written
// on another (the one that owns the database connection), and a store can write the whole block
// with one statement instead of one per row.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace geo {

class RowBatch {
public:
    // One value; a text's bytes are in the batch, or where a lasting text lies (see text()).
    struct Value {
        enum class Kind : std::uint8_t { Null, Integer, Real, Text };
        Kind kind = Kind::Null;
        bool lasting = false; // a Text whose bytes stay where they were given (textAt)
        std::uint32_t textSize = 0;
        union {
            std::int64_t integer = 0;
            double real;
            std::uint64_t textStart;
            const char* textAt;
        };
    };

    RowBatch() = default;
    // Room for `capacity` rows of `columns` values; resets the batch to no rows.
    void reset(std::size_t columns, std::size_t capacity);

    // The row being made, while the batch is not full(): columns numbered from 0, NULL until
    // set (as RowWriter's).
    void setInteger(int column, std::int64_t value) {
        Value& v = at(column);
        v.kind = Value::Kind::Integer;
        v.integer = value;
    }
    void setReal(int column, double value) {
        Value& v = at(column);
        v.kind = Value::Kind::Real;
        v.real = value;
    }
    // Copied into the batch: `value` need not outlive the call.
    void setText(int column, std::string_view value);
    // Not copied: the batch keeps a view of `value`, whose bytes must stay valid as long as
    // the row is read (until the batch is cleared, or written where it is sent). For texts
    // that live as long as the whole table's writing (ids, names, rule ids), which copying
    // into every batch only repeats.
    void setLastingText(int column, std::string_view value);
    // Completes the row being made; the next one starts with every column NULL.
    void addRow() { ++m_rows; }

    bool full() const noexcept { return m_rows == m_capacity; }
    bool empty() const noexcept { return m_rows == 0; }
    std::size_t rows() const noexcept { return m_rows; }
    std::size_t columns() const noexcept { return m_columns; }
    const Value& value(std::size_t row, std::size_t column) const {
        return m_values[row * m_columns + column];
    }
    std::string_view text(const Value& v) const {
        return {v.lasting ? v.textAt : m_text.data() + v.textStart, v.textSize};
    }

    // Drops every row, keeping the memory for the next ones.
    void clear();

private:
    Value& at(int column) {
        return m_values[m_rows * m_columns + static_cast<std::size_t>(column)];
    }

    std::size_t m_columns = 0, m_capacity = 0, m_rows = 0;
    std::vector<Value> m_values; // m_capacity rows of m_columns values
    std::string m_text;          // the texts of the rows, end to end
};

} // namespace geo
