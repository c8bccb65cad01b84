#include "app/cli/text_output.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace app {

void printError(const QString& text) {
    std::fprintf(stderr, "%s\n", text.toUtf8().constData());
}

void printResult(const QString& text) {
    std::fprintf(stdout, "%s\n", text.toUtf8().constData());
}

std::string writeFileAtomically(const std::string& path, const std::string& content) {
    const std::string partial = path + ".partial";
    {
        std::ofstream out(partial, std::ios::binary);
        if (!out)
            return "cannot write " + path + "; check that the folder exists and is writable";
        out << content;
        if (!out.flush()) {
            std::error_code ignored;
            std::filesystem::remove(partial, ignored);
            return "cannot write " + path + " (disk full?)";
        }
    }
    std::error_code ec;
    std::filesystem::rename(partial, path, ec);
    if (ec) {
        std::filesystem::remove(partial, ec);
        return "cannot move " + partial + " to " + path;
    }
    return {};
}

} // namespace app
