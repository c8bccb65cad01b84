// An owning handle on a file in GDAL's virtual file system (VSI), and the reads that encoding
// detection makes through it.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include <cpl_vsi.h>

namespace geo::detail {

struct VsiClose {
    void operator()(VSILFILE* f) const noexcept { VSIFCloseL(f); }
};
using VsiFile = std::unique_ptr<VSILFILE, VsiClose>;

bool exists(const std::string& path);

// Throws InputError naming the file when it cannot be opened.
VsiFile openForReading(const std::string& path);

// Up to `size` bytes from `offset`: fewer at the end of the file, none when it cannot seek there.
std::string readAt(VSILFILE* file, vsi_l_offset offset, std::size_t size);

} // namespace geo::detail
