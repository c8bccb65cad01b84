// `tianmu render`: draws a project's map (a theme, a village or a box, labels, legend) to a
// PNG or PDF without a display, with the same renderer as the window.
#pragma once

#include <QStringList>

namespace app {

int runRenderCommand(const QStringList& arguments);

} // namespace app
