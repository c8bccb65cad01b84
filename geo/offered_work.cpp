#include "geo/offered_work.h"

#include <algorithm>
#include <system_error>
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
    // Withdrawn on every way out, once no helper is left in a block: they refer to `offer`.
    struct Withdraw {
        OfferedWork& owner;
        ~Withdraw() {
            std::unique_lock lock(owner.m_mutex);
            owner.m_offer = nullptr;
            owner.m_helpersGone.wait(lock, [&] { return owner.m_helping == 0; });
        }
    } withdraw{*this};
    if (offered)
        offered();
    std::vector<std::jthread> others; // joined before the offer is withdrawn
    for (unsigned t = 1; t < threads; ++t) {
        try {
            others.emplace_back([&] { doBlocks(offer); });
        } catch (const std::system_error&) {
            break; // no more threads to be had: those there are do every block
        }
    }
    doBlocks(offer);
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
