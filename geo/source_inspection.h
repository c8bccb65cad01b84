// What an import would see in a file, without importing it: layers, counts, fields, the
// encoding and CRS decisions with their evidence, decoded sample values, validity.
#pragma once

#include <string>
#include <vector>

#include "geo/crs_detection.h"
#include "geo/extent.h"
#include "geo/text_encoding.h"

namespace geo {

struct FieldInfo {
    std::string name;                 // decoded
    std::string type;                 // OGR's type name
    std::vector<std::string> samples; // a few decoded non-empty values
};

struct LayerInfo {
    std::string name;
    long long features = 0;
    std::string geometryType;
    std::vector<FieldInfo> fields;
    CrsDecision crs;
    Extent extent;
    // Validity of every geometry: counts by problem (empty_geometry, invalid_geometry, …).
    long long valid = 0;
    std::vector<std::pair<std::string, long long>> problems;
    long long mojibakeValues = 0;
};

struct SourceInfo {
    std::string path;
    std::string driver;
    EncodingDecision encoding;
    std::vector<LayerInfo> layers;
};

// The first records of a file's first layer with their attribute bytes as stored, not decoded:
// an encoding preview decodes them again with each encoding the user tries.
struct RawSample {
    std::vector<std::string> fieldNames;           // raw bytes
    std::vector<std::vector<std::string>> records; // raw bytes, one value per field
};

// Throws InputError when the file cannot be read.
RawSample sampleRawValues(const std::string& path, std::size_t records);

// Throws InputError when the file cannot be read.
SourceInfo inspectSource(const std::string& path, const std::string& encodingOverride = {});

} // namespace geo
