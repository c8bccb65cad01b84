// Helpers shared by the GUI tests of editing, the attribute table and the identify panel.
#pragma once

#include <string>

#include <QString>
#include <QWidget>

namespace testing {

// The first value of an SQL query, read through GDAL on its own read-only connection.
std::string projectValue(const std::string& project, const std::string& sql);

// Saves `widget` as build/screenshots/<name>.png and returns the path.
QString saveScreenshot(QWidget& widget, const QString& name);

} // namespace testing
