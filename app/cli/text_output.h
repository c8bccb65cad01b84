// Small helpers shared by the headless commands: messages on stderr, results on stdout, and
// files written atomically (beside the target, then renamed).
#pragma once

#include <string>

#include <QString>

namespace app {

void printError(const QString& text);  // stderr, one line
void printResult(const QString& text); // stdout, one line

// Writes `content` to `path` through a partial file; returns an error message or empty.
std::string writeFileAtomically(const std::string& path, const std::string& content);

} // namespace app
