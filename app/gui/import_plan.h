// What the import wizard knows and has been told about one source file: the target layer, the
// encoding, CRS and field mapping chosen, and what inspecting the file found.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <QString>
#include <QStringList>

#include "geo/importer.h"
#include "geo/mapping_profile.h"
#include "geo/source_inspection.h"

namespace app {

struct ImportPlan {
    QString path;
    QString layer;             // canonical layer, or "dem"
    QString encoding = "auto"; // "auto" or an iconv name
    int crsEpsg = 0;           // 0: as detected
    bool crsConfirmed = false; // the user confirmed an inferred CRS
    QString profile;           // a profile name; empty: the best match
    // target field → source field name ("" for none): set only when the user edited the table.
    std::optional<std::map<std::string, std::string>> mapping;

    // Filled by inspection on a worker thread.
    bool inspected = false;
    QString inspectionError;
    geo::SourceInfo info;
    geo::RawSample raw;

    bool isRaster() const { return layer == QLatin1String("dem"); }
    // The detected CRS was inferred from coordinates, and the user has neither confirmed it
    // nor picked one: the spec wants a person to look before such data is imported.
    bool awaitsCrsConfirmation() const;
    // The CRS is unknown and none was picked: the import would be refused.
    bool lacksCrs() const;
    // The encoding samples are decoded with: the choice, or the detected one.
    std::string effectiveEncoding() const;
    // Field names decoded with effectiveEncoding().
    std::vector<std::string> decodedFieldNames() const;
};

// The canonical layers in the order a project is best built: villages first, so that parcels
// find their village; parcels before the ledgers that refer to them.
const QStringList& importLayers();
// The layer's name for people, translated.
QString layerTitle(const QString& layer);

// The likely layer of a file from its name (DLTB → parcels, CJDCQ → villages, HL → rivers,
// rasters → dem, …), then from the best-matching profile's fields; "parcels" when unsure.
QString guessLayer(const QString& path, const std::vector<std::string>& fieldNames,
                   const std::vector<geo::MappingProfile>& profiles);

bool isRasterPath(const QString& path);

// geo's issue kinds (empty_geometry, sliver, …) and actions (repaired, rejected, flagged) for
// people, translated; unknown ones as they are.
QString issueKindTitle(const std::string& kind);
QString issueActionTitle(const std::string& action);

// Writes the profile with the user's mapping (one source per target) into `directory` as a
// JSON profile file and returns its path: the importer takes a profile file as it takes a name.
// Throws geo::Error when the file cannot be written.
std::string writeEditedProfile(const geo::MappingProfile& profile,
                               const std::map<std::string, std::string>& mapping,
                               const std::string& directory);

} // namespace app
