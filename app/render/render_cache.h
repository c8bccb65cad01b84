// Finished layer images keyed by what they show (layer, extent, size, data, theme, filter):
// a redraw of an unchanged layer (a selection change, a label toggle) reuses its image, and
// a cancelled render never adds one. Thread-safe; the oldest entries go first.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <QImage>

#include "app/render/map_settings.h"

namespace app {

class RenderCache {
public:
    struct Key {
        std::string layer;
        geo::Extent extent;
        QSize size;
        double dpi = 96.0;
        const void* data = nullptr;  // the ProjectDrawing drawn
        const void* theme = nullptr; // the PreparedTheme drawn (null for unthemed layers)
        double opacity = 1.0;
        bool operator==(const Key&) const = default;
    };

    explicit RenderCache(std::size_t capacity = 8)
        : m_capacity(capacity) {}

    std::optional<QImage> find(const Key& key) const;
    void insert(const Key& key, const QImage& image);
    void clear();
    std::size_t size() const;

private:
    mutable std::mutex m_mutex;
    std::size_t m_capacity;
    std::vector<std::pair<Key, QImage>> m_entries; // oldest first
};

} // namespace app
