// A cursor over well-known binary (WKB) that refuses to read past its end, for the hot paths
// that decode a million polygons without GDAL's geometry objects (the map's drawing data,
// classification's parcels). Anything it does not take for a plain type is left to GDAL.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace geo {

struct WkbCursor {
    const unsigned char* p;
    const unsigned char* end;
    bool little = true;

    std::size_t remaining() const noexcept { return static_cast<std::size_t>(end - p); }

    bool u32(std::uint32_t& v) noexcept {
        if (remaining() < 4)
            return false;
        std::memcpy(&v, p, 4);
        if (!little)
            v = __builtin_bswap32(v);
        p += 4;
        return true;
    }
    // One ordinate; the caller has checked that remaining() holds it.
    double f64() noexcept {
        std::uint64_t bits = 0;
        std::memcpy(&bits, p, 8);
        if (!little)
            bits = __builtin_bswap64(bits);
        p += 8;
        double v = 0.0;
        std::memcpy(&v, &bits, 8);
        return v;
    }
    // A geometry's byte order and type: the 2D type and the ordinates per vertex, or false for
    // a header GDAL would refuse or read as something other than a plain type with Z and M.
    bool header(std::uint32_t& type, int& ordinates) noexcept {
        if (p == end || (*p != 0 && *p != 1))
            return false;
        little = *p++ == 1;
        std::uint32_t raw = 0;
        if (!u32(raw))
            return false;
        const bool z = (raw & 0x80000000U) != 0, m = (raw & 0x40000000U) != 0;
        raw &= ~0xC0000000U;
        if (raw >= 1000 && raw < 4000 && !z && !m) { // ISO: 1000 Z, 2000 M, 3000 ZM
            ordinates = 2 + (raw >= 3000 ? 2 : 1);
            type = raw % 1000;
        } else if (raw < 1000) {
            ordinates = 2 + (z ? 1 : 0) + (m ? 1 : 0);
            type = raw;
        } else {
            return false;
        }
        return true;
    }
};

} // namespace geo
