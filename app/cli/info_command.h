// `tianmu info PATH [--json]`: what an import would see in a file.
#pragma once

#include <QStringList>

namespace app {

int runInfoCommand(const QStringList& arguments);

} // namespace app
