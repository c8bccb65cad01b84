#include "app/render/theme_cache.h"

namespace app {

namespace {
constexpr std::size_t capacity = 6;
}

std::shared_ptr<const PreparedTheme>
ThemeCache::get(const std::shared_ptr<const ProjectDrawing>& drawing,
                const std::shared_ptr<const CategoryStyle>& style, const ParcelFilter& filter) {
    if (!drawing || !style)
        return nullptr;
    if (auto ready = peek(drawing.get(), style.get(), filter))
        return ready;
    // Prepared outside the lock: two workers may both prepare the same theme once, which is
    // cheaper than making every other lookup wait.
    auto theme = PreparedTheme::prepare(drawing->parcels, *style, filter);
    const std::lock_guard lock(m_mutex);
    m_entries.push_back({drawing.get(), style.get(), filter, theme});
    if (m_entries.size() > capacity)
        m_entries.erase(m_entries.begin());
    return theme;
}

std::shared_ptr<const PreparedTheme> ThemeCache::peek(const ProjectDrawing* drawing,
                                                      const CategoryStyle* style,
                                                      const ParcelFilter& filter) const {
    const std::lock_guard lock(m_mutex);
    for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it)
        if (it->drawing == drawing && it->style == style && it->filter == filter)
            return it->theme;
    return nullptr;
}

void ThemeCache::clear() {
    const std::lock_guard lock(m_mutex);
    m_entries.clear();
}

} // namespace app
