#include "geo/offered_work.h"

#include <algorithm>
#include <thread>
#include <vector>

namespace geo {

void OfferedWork::doBlocks(Offer& offer) {
    for (std::size_t first = offer.next.fetch_add(offer.block); first < offer.end;
         first = offer.next.fetch_add(offer.block))
        (*offer.work)(first, std::min(offer.end, first + offer.block));
}

void OfferedWork::run(std::size_t begin, std::size_t end, std::size_t block, unsigned threads,
                      const Work& work, const std::function<void()>& offered) {
    Offer offer{begin, end, std::max<std::size_t>(1, block), &work};
    {
        const std::lock_guard lock(m_mutex);
        m_offer = &offer;
    }
    if (offered)
        offered();
    std::vector<std::thread> others;
    for (unsigned t = 1; t < threads; ++t)
        others.emplace_back([&] { doBlocks(offer); });
    doBlocks(offer);
    for (std::thread& t : others)
        t.join();
    // Every block is taken; a helper may still be in its last one, which refers to `offer`.
    std::unique_lock lock(m_mutex);
    m_offer = nullptr;
    m_helpersGone.wait(lock, [&] { return m_helping == 0; });
}

bool OfferedWork::help() {
    Offer* offer = nullptr;
    {
        const std::lock_guard lock(m_mutex);
        if (!m_offer || m_offer->next.load() >= m_offer->end)
            return false;
        offer = m_offer;
        ++m_helping;
    }
    doBlocks(*offer);
    const std::lock_guard lock(m_mutex);
    --m_helping;
    m_helpersGone.notify_all();
    return true;
}

bool OfferedWork::hasWork() const {
    const std::lock_guard lock(m_mutex);
    return m_offer && m_offer->next.load() < m_offer->end;
}

} // namespace geo
