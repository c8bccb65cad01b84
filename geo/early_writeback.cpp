#include "geo/early_writeback.h"

#include <fcntl.h>
#include <unistd.h>

#include <system_error>
#include <thread>

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

void EarlyWriteback::settleInBackground() noexcept {
#ifdef __linux__
    if (m_fd < 0)
        return;
    // A descriptor of the thread's own: the thread may outlive this object (and the process
    // may end while it waits, which loses nothing: durability is the commit's sync).
    const int fd = ::fcntl(m_fd, F_DUPFD_CLOEXEC, 0);
    if (fd < 0)
        return;
    try {
        std::thread([fd] {
            (void)::fdatasync(fd);
            ::close(fd);
        }).detach();
    } catch (const std::system_error&) {
        ::close(fd);
    }
#endif
}

} // namespace geo
