#include "support/flat_layers.h"

namespace testing {

geo::FlatLayer flatLayerOf(const std::vector<Feature>& features) {
    geo::FlatLayer layer;
    layer.featurePart = {0};
    layer.partStart = {0};
    for (const Feature& feature : features) {
        for (const Ring& ring : feature) {
            for (const auto& [x, y] : ring) {
                layer.xy.push_back(x);
                layer.xy.push_back(y);
                layer.extent.include(x, y);
            }
            layer.partStart.push_back(static_cast<std::uint32_t>(layer.vertexCount()));
        }
        layer.featurePart.push_back(static_cast<std::uint32_t>(layer.partStart.size() - 1));
    }
    return layer;
}

} // namespace testing
