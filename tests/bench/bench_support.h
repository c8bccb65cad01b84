// What the step benchmarks (tianmu-bench-river, -villages, -terrain) share: CPU clocks, and a
// digest of their answers so that two builds can be checked to answer alike.
#pragma once

#include <cstdint>
#include <cstring>
#include <ctime>
#include <type_traits>

namespace bench {

// CPU seconds of this thread, or of the whole process (every thread's).
inline double threadSeconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}
inline double processSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}

// FNV-1a over the bytes of the values added: equal only when every value is.
class Digest {
public:
    template <class T>
    void add(const T& value) {
        static_assert(std::is_trivially_copyable_v<T>);
        unsigned char bytes[sizeof value];
        std::memcpy(bytes, &value, sizeof value);
        for (const unsigned char b : bytes)
            m_hash = (m_hash ^ b) * 1099511628211ULL;
    }
    std::uint64_t value() const noexcept { return m_hash; }

private:
    std::uint64_t m_hash = 1469598103934665603ULL;
};

} // namespace bench
