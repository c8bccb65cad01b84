// Prepared themes for the views of one map: preparing a theme for a million parcels takes a
// tenth of a second, so it happens once per (drawing, style, filter) on a render worker and is
// then shared. Thread-safe.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "app/render/prepared_theme.h"

namespace app {

class ThemeCache {
public:
    std::shared_ptr<const PreparedTheme> get(const std::shared_ptr<const ProjectDrawing>& drawing,
                                             const std::shared_ptr<const CategoryStyle>& style,
                                             const ParcelFilter& filter);
    // The prepared theme when it is ready, without preparing it (null otherwise).
    std::shared_ptr<const PreparedTheme> peek(const ProjectDrawing* drawing,
                                              const CategoryStyle* style,
                                              const ParcelFilter& filter) const;
    void clear();

private:
    struct Entry {
        const ProjectDrawing* drawing;
        const CategoryStyle* style;
        ParcelFilter filter;
        std::shared_ptr<const PreparedTheme> theme;
    };
    mutable std::mutex m_mutex;
    std::vector<Entry> m_entries; // most recent last
};

} // namespace app
