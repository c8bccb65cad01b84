// An output file written beside its target under a temporary name and renamed into place
// only when complete, so a failure never leaves a partial report behind.
#pragma once

#include <string>

namespace app {

class PartialFile {
public:
    explicit PartialFile(std::string target);
    ~PartialFile(); // removes the temporary file unless commit() succeeded
    PartialFile(const PartialFile&) = delete;
    PartialFile& operator=(const PartialFile&) = delete;

    const std::string& path() const noexcept { return m_partial; } // write here
    // Renames the partial file onto the target; throws std::runtime_error on failure.
    void commit();

private:
    std::string m_target, m_partial;
    bool m_committed = false;
};

// An empty string when `path` can be created (its folder exists and is writable), else the
// reason, e.g. "the folder /x does not exist".
std::string whyNotWritable(const std::string& path);

} // namespace app
