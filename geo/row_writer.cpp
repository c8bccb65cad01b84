#include "geo/row_writer.h"

namespace geo {

void RowWriter::addRows(const RowBatch& rows) {
    for (std::size_t r = 0; r < rows.rows(); ++r) {
        for (std::size_t c = 0; c < rows.columns(); ++c) {
            const RowBatch::Value& v = rows.value(r, c);
            const int column = static_cast<int>(c);
            switch (v.kind) {
            case RowBatch::Value::Kind::Null:
                break;
            case RowBatch::Value::Kind::Integer:
                setInteger(column, v.integer);
                break;
            case RowBatch::Value::Kind::Real:
                setReal(column, v.real);
                break;
            case RowBatch::Value::Kind::Text:
                setText(column, rows.text(v));
                break;
            }
        }
        addRow();
    }
}

} // namespace geo
