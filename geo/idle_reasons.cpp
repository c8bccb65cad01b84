#include "geo/idle_reasons.h"

#include <algorithm>

namespace geo {

void IdleReasons::set(std::size_t parcel, std::string_view reason) {
    // A few texts: a look along them is quicker than a map.
    auto at = std::find(m_texts.begin(), m_texts.end(), reason);
    if (at == m_texts.end())
        at = m_texts.emplace(m_texts.end(), reason);
    m_reasonOf.at(parcel) = static_cast<std::uint32_t>(at - m_texts.begin());
}

} // namespace geo
