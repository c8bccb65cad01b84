// The RowWriter of any store GDAL can write: one OGRFeature per row through CreateFeature.
#pragma once

#include <string>

#include <ogrsf_frmts.h>

#include "geo/row_writer.h"

namespace geo {

class OgrRowWriter final : public RowWriter {
public:
    // `layer` must outlive the writer; `project` names the project in error messages.
    // `fidColumn`: the column whose value is also the row's FID (FieldSpec::rowFid), or -1.
    OgrRowWriter(OGRLayer& layer, std::string project, int fidColumn = -1);

    void setInteger(int column, std::int64_t value) override;
    void setReal(int column, double value) override;
    void setText(int column, std::string_view value) override;
    void addRow() override;
    void finish() override {}

private:
    OGRLayer& m_layer;
    std::string m_project;
    OGRFeatureUniquePtr m_row;
    int m_fidColumn;
};

} // namespace geo
