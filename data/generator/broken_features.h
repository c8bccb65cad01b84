// The surveyor's delivery is not clean: a few deliberately broken features (a bowtie, a
// duplicate, a sliver, a parcel outside every village, an empty geometry, a ledger row for no
// parcel) are planted in it and listed in manifest.json, so import and validation can be
// tested against a known answer. The project GeoPackage stays clean.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <ogr_geometry.h>

#include "county.h"

namespace sample {

struct SurveyorParcel {
    Parcel parcel;                         // attributes (its geometry member is unused)
    std::shared_ptr<OGRGeometry> geometry; // null for the record with no geometry
};

struct BrokenFeature {
    std::string problem;  // self_intersection, duplicate, sliver, outside_villages, empty_geometry,
                          // no_parcel
    std::string layer;    // DLTB or transfers
    long long record = 0; // 0-based record in DLTB, or 0-based data row of the ledger
    std::string id;       // BSM, or the contract code
    std::string note;
};

struct SurveyorDelivery {
    std::vector<SurveyorParcel> parcels;
    std::vector<Transfer> transfers;
    std::vector<BrokenFeature> broken;
};

SurveyorDelivery makeSurveyorDelivery(const County& county, std::uint64_t seed);

nlohmann::json manifestOf(const County& county, const SurveyorDelivery& delivery,
                          std::uint64_t seed, int requestedParcels);

} // namespace sample
