#include "geo/project_lock.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <pwd.h>
#include <unistd.h>

#include "geo/error.h"
#include "geo/project_store.h"

namespace geo {
namespace {

std::string hostName() {
    char name[256] = {};
    if (gethostname(name, sizeof name - 1) != 0)
        return "unknown-host";
    return name;
}

bool processAlive(long long pid) {
    if (pid <= 0)
        return false;
    // EPERM means it exists but belongs to someone else: still alive.
    return kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

std::optional<LockHolder> readLock(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        return std::nullopt;
    LockHolder h;
    std::string line;
    bool any = false;
    while (std::getline(in, line)) {
        const auto eq = line.find('=');
        if (eq == std::string::npos)
            continue;
        const std::string key = line.substr(0, eq), value = line.substr(eq + 1);
        any = true;
        if (key == "pid")
            h.pid = std::atoll(value.c_str());
        else if (key == "host")
            h.host = value;
        else if (key == "user")
            h.user = value;
        else if (key == "since")
            h.since = value;
    }
    if (!any)
        h.user = h.host = "unknown"; // empty or garbled: still a lock, never guessed stale
    return h;
}

std::string describe(const LockHolder& h) {
    return "user " + h.user + " on " + h.host + " (process " + std::to_string(h.pid) + ", since " +
           h.since + ")";
}

} // namespace

std::string currentUserName() {
    if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_name && *pw->pw_name)
        return pw->pw_name;
    if (const char* user = std::getenv("USER"); user && *user)
        return user;
    return "uid " + std::to_string(geteuid());
}

std::string ProjectLock::lockPathOf(const std::string& projectPath) {
    return projectPath + ".lock";
}

std::optional<LockHolder> ProjectLock::holder(const std::string& projectPath) {
    return readLock(lockPathOf(projectPath));
}

ProjectLock::ProjectLock(const std::string& projectPath)
    : m_lockPath(lockPathOf(projectPath)) {
    const std::string host = hostName();
    // Two attempts: the second after removing a stale lock.
    for (int attempt = 0; attempt < 2; ++attempt) {
        const int fd = ::open(m_lockPath.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0644);
        if (fd >= 0) {
            std::ostringstream text;
            text << "pid=" << getpid() << "\nhost=" << host << "\nuser=" << currentUserName()
                 << "\nsince=" << utcTimestamp() << "\n";
            const std::string s = text.str();
            const bool written = ::write(fd, s.data(), s.size()) == static_cast<ssize_t>(s.size());
            ::close(fd);
            if (!written) {
                ::unlink(m_lockPath.c_str());
                throw InputError("cannot write the editing lock " + m_lockPath +
                                     "; check the free space, or open the project read-only",
                                 {projectPath, {}, {}, {}});
            }
            return;
        }
        if (errno != EEXIST)
            throw InputError("cannot create the editing lock " + m_lockPath + " (" +
                                 std::strerror(errno) +
                                 "); the folder may be read-only: open the project read-only, "
                                 "or copy it to a folder you can write to",
                             {projectPath, {}, {}, {}});
        const std::optional<LockHolder> h = readLock(m_lockPath);
        if (h && h->host == host && h->pid > 0 && !processAlive(h->pid) && attempt == 0) {
            ::unlink(m_lockPath.c_str()); // that tianmu ended without releasing it
            continue;
        }
        const LockHolder who = h.value_or(LockHolder{"unknown", "unknown", 0, ""});
        const std::string fix =
            who.host == host
                ? "close the project there, or open it read-only; if no tianmu runs as process " +
                      std::to_string(who.pid) + " any more, delete " + m_lockPath
                : "close the project there, or open it read-only; if no tianmu runs on " +
                      who.host + " any more, delete " + m_lockPath;
        throw InputError("is being edited by " + describe(who) + "; " + fix,
                         {projectPath, {}, {}, {}});
    }
    throw InputError("cannot take the editing lock " + m_lockPath, {projectPath, {}, {}, {}});
}

ProjectLock::~ProjectLock() {
    ::unlink(m_lockPath.c_str());
}

} // namespace geo
