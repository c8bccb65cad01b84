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

    // Syncs the file's data to the disk (fdatasync) on a thread of its own, and returns at
    // once: a commit's sync that follows finds only what was written since. For the end of a
    // long write, while other work goes on: at a million classification rows the journal's
    // sync at the commit waited 0.1 s for the disk to take the table (ext4 in ordered mode
    // writes the file's new blocks before the journal's). Nothing when no thread can be had.
    void settleInBackground() noexcept;

private:
    int m_fd = -1;
};

} // namespace geo
