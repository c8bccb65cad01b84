// The editing lock of a project: one tianmu at a time may edit a project file. A second one
// gets a message naming who holds it instead of a corrupted or silently overwritten project.
#pragma once

#include <optional>
#include <string>

namespace geo {

// Who holds a project's editing lock.
struct LockHolder {
    std::string user, host;
    long long pid = 0;
    std::string since; // ISO 8601 UTC

    bool operator==(const LockHolder&) const = default;
};

// The name of the user running this process (the OS account), for locks and the audit log.
std::string currentUserName();

// Held while the object lives: a lock file next to the project (`<project>.lock`) holding
// pid, host, user and time. A lock file whose process is gone (same host, no such pid) is
// stale and taken over. The lock is advisory: read-only opening ignores it.
class ProjectLock {
public:
    // Throws InputError naming the holder and what to do when another live session holds
    // the lock (this process included), or when the lock file cannot be created.
    explicit ProjectLock(const std::string& projectPath);
    ~ProjectLock();
    ProjectLock(const ProjectLock&) = delete;
    ProjectLock& operator=(const ProjectLock&) = delete;

    const std::string& lockPath() const noexcept { return m_lockPath; }

    // The current holder of the project's lock, if any (stale locks included).
    static std::optional<LockHolder> holder(const std::string& projectPath);
    static std::string lockPathOf(const std::string& projectPath);

private:
    std::string m_lockPath;
};

} // namespace geo
