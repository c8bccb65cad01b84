// geo's explanations (encoding evidence, CRS reasons and warnings) in the interface language.
// geo writes plain English sentences (it has no Qt and also serves the command line); the
// sentences a survey delivery usually produces are recognised here and translated, any other
// stays in English rather than being lost.
#pragma once

#include <string>

#include <QString>

namespace app {

QString geoText(const std::string& english);

} // namespace app
