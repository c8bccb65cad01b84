// Imports one source file into a canonical layer of a project: decides the encoding, the CRS
// and the field mapping (and says why), validates and repairs every feature, computes areas
// on the ellipsoid, and writes everything in one transaction. Nothing is dropped silently:
// every feature read is either imported or listed as an issue with its reason.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "geo/crs_detection.h"
#include "geo/mapping_profile.h"
#include "geo/project_store.h"
#include "geo/text_encoding.h"

namespace geo {

// The canonical layers a source can be imported as.
const std::vector<std::string>& canonicalLayers();

struct ImportOptions {
    std::string project; // the project GeoPackage (created when missing)
    std::string source;  // the file to import
    std::string layer;   // canonical layer: parcels, villages, rivers, assets, transfers, funds
    std::string encoding = "auto"; // or an iconv name
    std::string crs = "auto";      // or EPSG:N
    std::string profile;           // a profile name or a profile file; empty: best match
    std::string profilesDirectory; // where the named profiles are
    bool strict = false;           // any rejected feature fails the import and changes nothing
    unsigned workers = 0;          // threads for the geometry work; 0: one per core (up to four)
    std::function<void(const std::string& step, double fraction)> progress;
    // Asked at every progress step (and every few hundred features); when it returns true the
    // import throws Cancelled and the project is left as it was.
    std::function<bool()> cancelled;
};

struct ImportSummary {
    ImportRecord record;
    EncodingDecision encoding;
    CrsDecision crs; // epsg 0 for tables without geometry
    int projectEpsg = 0;
    FieldMapping mapping;
    std::string profileTitle;
    std::vector<ImportIssue> issues; // without their geometries
    std::vector<std::string> warnings;
    bool projectCreated = false;
};

// Throws InputError when the source cannot be imported at all (unreadable, no usable CRS, no
// field for a required column), and, with `strict`, when any feature was rejected; in both
// cases the project is left as it was. Throws Cancelled, changing nothing, when
// `options.cancelled` says so before the import is committed.
ImportSummary importIntoProject(const ImportOptions& options);

} // namespace geo
