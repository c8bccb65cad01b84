#include "app/render/render_cache.h"

#include <algorithm>

namespace app {

std::optional<QImage> RenderCache::find(const Key& key) const {
    const std::lock_guard lock(m_mutex);
    for (const auto& [k, image] : m_entries)
        if (k == key)
            return image;
    return std::nullopt;
}

void RenderCache::insert(const Key& key, const QImage& image) {
    const std::lock_guard lock(m_mutex);
    m_entries.erase(std::remove_if(m_entries.begin(), m_entries.end(),
                                   [&](const auto& entry) { return entry.first == key; }),
                    m_entries.end());
    m_entries.emplace_back(key, image);
    while (m_entries.size() > m_capacity)
        m_entries.erase(m_entries.begin());
}

void RenderCache::clear() {
    const std::lock_guard lock(m_mutex);
    m_entries.clear();
}

std::size_t RenderCache::size() const {
    const std::lock_guard lock(m_mutex);
    return m_entries.size();
}

} // namespace app
