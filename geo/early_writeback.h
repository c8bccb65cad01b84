// Starts the kernel writing a file's dirty pages to disk while a long write goes on, so that
// the commit's sync at the end finds little left to flush (SQLite keeps full sync: a million
// classification rows are 220 MB, which the commit would otherwise flush all at once).
#pragma once

#include <string>

namespace geo {

class EarlyWriteback {
public:
    // Opens `path` for reading only; a file that cannot be opened is simply not nudged.
    explicit EarlyWriteback(const std::string& path);
    ~EarlyWriteback();
    EarlyWriteback(const EarlyWriteback&) = delete;
    EarlyWriteback& operator=(const EarlyWriteback&) = delete;

    // Asks the kernel to start writing the file's dirty pages, without waiting for them (on
    // Linux; elsewhere nothing). Durability still comes from the commit's own sync.
    void nudge() noexcept;

private:
    int m_fd = -1;
};

} // namespace geo
