// Why each parcel is idle, for a million parcels with a handful of distinct reasons ("land use
// 1201", "flag SFXZ=1", …): an index per parcel into the distinct texts. A string per parcel
// cost 32 MB of fresh memory and a million constructions for those few texts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace geo {

class IdleReasons {
public:
    // `parcels` parcels, none with a reason.
    explicit IdleReasons(std::size_t parcels = 0)
        : m_reasonOf(parcels, 0) {}

    // Parcel `parcel`'s reason becomes `reason` (a copy is kept once per distinct text).
    void set(std::size_t parcel, std::string_view reason);
    // Its reason, "" when it has none.
    const std::string& operator[](std::size_t parcel) const { return m_texts[m_reasonOf[parcel]]; }
    std::size_t size() const noexcept { return m_reasonOf.size(); }

private:
    std::vector<std::uint32_t> m_reasonOf; // per parcel: its text in m_texts
    std::vector<std::string> m_texts{""};  // distinct texts; 0 is "no reason"
};

} // namespace geo
