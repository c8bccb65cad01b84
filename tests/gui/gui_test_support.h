// Helpers shared by the GUI tests of editing, the attribute table and the identify panel.
#pragma once

#include <string>

#include <QString>
#include <QWidget>

#include "support/project_value.h"

namespace testing {

// Saves `widget` as build/screenshots/<name>.png and returns the path.
QString saveScreenshot(QWidget& widget, const QString& name);

} // namespace testing
