// `tianmu classify` and `tianmu explain`: classification of a project, and its reasons.
#pragma once

#include <QStringList>

namespace app {

int runClassifyCommand(const QStringList& arguments);
int runExplainCommand(const QStringList& arguments);

} // namespace app
