// `tianmu import --project P.gpkg --as LAYER SRC …`: imports a file into a project.
#pragma once

#include <QStringList>

namespace app {

int runImportCommand(const QStringList& arguments);

} // namespace app
