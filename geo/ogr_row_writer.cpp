#include "geo/ogr_row_writer.h"

#include "geo/error.h"

namespace geo {

OgrRowWriter::OgrRowWriter(OGRLayer& layer, std::string project, int fidColumn)
    : m_layer(layer)
    , m_project(std::move(project))
    , m_row(OGRFeature::CreateFeature(layer.GetLayerDefn()))
    , m_fidColumn(fidColumn) {}

void OgrRowWriter::setInteger(int column, std::int64_t value) {
    m_row->SetField(column, static_cast<GIntBig>(value));
    if (column == m_fidColumn)
        m_row->SetFID(static_cast<GIntBig>(value));
}

void OgrRowWriter::setReal(int column, double value) {
    m_row->SetField(column, value);
}

void OgrRowWriter::setText(int column, std::string_view value) {
    m_row->SetField(column, std::string(value).c_str());
}

void OgrRowWriter::addRow() {
    if (m_layer.CreateFeature(m_row.get()) != OGRERR_NONE)
        throw Error("cannot write a row", {m_project, m_layer.GetName(), {}, {}});
    m_row.reset(OGRFeature::CreateFeature(m_layer.GetLayerDefn()));
}

} // namespace geo
