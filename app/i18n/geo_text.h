// geo's explanations (encoding evidence, CRS reasons and warnings) in the interface language.
// geo writes plain English sentences (it has no Qt and also serves the command line); the
// sentences a survey delivery usually produces are recognised here and translated, any other
// stays in English rather than being lost.
#pragma once

#include <string>

#include <QString>

namespace app {

QString geoText(const std::string& english);

// A project layer's name as geo uses it (parcels, villages, rivers, dem, assets, transfers,
// funds) in the interface language, as it reads inside a sentence.
QString geoLayerName(const std::string& layer);

} // namespace app
