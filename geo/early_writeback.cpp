#include "geo/early_writeback.h"

#include <fcntl.h>
#include <unistd.h>

namespace geo {

EarlyWriteback::EarlyWriteback(const std::string& path) {
#ifdef __linux__
    m_fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
#else
    (void)path;
#endif
}

EarlyWriteback::~EarlyWriteback() {
    if (m_fd >= 0)
        ::close(m_fd);
}

void EarlyWriteback::nudge() noexcept {
#ifdef __linux__
    // Writeback is per file, whichever descriptor asks; a failure only loses the head start.
    if (m_fd >= 0)
        (void)::sync_file_range(m_fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#endif
}

} // namespace geo
