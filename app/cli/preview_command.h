// `tianmu preview`: draws a project to a PNG without a display.
#pragma once

#include <QStringList>

namespace app {

// Runs the command with its arguments (after the word "preview"); returns an ExitCode.
int runPreviewCommand(const QStringList& arguments);

} // namespace app
