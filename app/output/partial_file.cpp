#include "app/output/partial_file.h"

#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include <unistd.h>

namespace app {

PartialFile::PartialFile(std::string target)
    : m_target(std::move(target)) {
    const std::filesystem::path t(m_target);
    // Keep the extension last: writers (libxlsxwriter, Qt) do not care, readers might.
    m_partial = (t.parent_path() / ("." + t.stem().string() + ".partial-" +
                                    std::to_string(::getpid()) + t.extension().string()))
                    .string();
}

PartialFile::~PartialFile() {
    if (!m_committed)
        std::remove(m_partial.c_str());
}

void PartialFile::commit() {
    std::error_code error;
    std::filesystem::rename(m_partial, m_target, error);
    if (error)
        throw std::runtime_error("cannot rename " + m_partial + " to " + m_target + ": " +
                                 error.message());
    m_committed = true;
}

std::string whyNotWritable(const std::string& path) {
    namespace fs = std::filesystem;
    const fs::path p = fs::absolute(fs::path(path));
    std::error_code error;
    if (fs::is_directory(p, error))
        return "it is a folder";
    const fs::path folder = p.parent_path();
    if (!fs::is_directory(folder, error))
        return "the folder " + folder.string() + " does not exist";
    if (::access(folder.c_str(), W_OK) != 0)
        return "the folder " + folder.string() + " is not writable";
    if (fs::exists(p, error) && ::access(p.c_str(), W_OK) != 0)
        return "the file is read-only";
    return {};
}

} // namespace app
