// Field-mapping profiles (data/profiles/*.json): how a surveyor's field names map to tianmu's
// canonical schema, with types and units; and matching a profile to a source's fields.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace geo {

enum class FieldType { String, Integer, Real, Date };
enum class AreaUnit { None, SquareMetres, Mu, Hectares };

// Factor converting a value in `from` to `to` (1 when either is None).
double unitFactor(AreaUnit from, AreaUnit to) noexcept;

struct ProfileField {
    struct Source {
        std::string name;
        AreaUnit unit = AreaUnit::None; // None: the target's unit
    };
    std::string target;
    FieldType type = FieldType::String;
    AreaUnit unit = AreaUnit::None;
    bool required = false;
    std::vector<Source> sources;
    // The values a row may hold (e.g. the transfer modes of LZFS); empty: any value.
    std::vector<std::string> values;
};

struct MappingProfile {
    std::string name;
    std::string title;
    std::string layer; // canonical layer: parcels, villages, rivers, assets, transfers, funds
    std::vector<ProfileField> fields;

    // The field of `target`, or nullptr.
    const ProfileField* field(const std::string& target) const noexcept;
    // Throws InputError naming the file and the entry at fault.
    static MappingProfile load(const std::string& path);
    // Every *.json profile of a folder, sorted by name.
    static std::vector<MappingProfile> loadDirectory(const std::string& directory);
};

// A profile applied to one source's field names.
struct FieldMapping {
    struct Column {
        std::string target;
        int source = -1; // index of the source field
        std::string sourceName;
        FieldType type = FieldType::String;
        double factor = 1.0; // multiply numeric values by this (unit conversion)
        bool required = false;
    };
    std::string profile;
    std::vector<Column> columns;              // mapped targets, in profile order
    std::vector<int> unmapped;                // source fields kept under their own names
    std::vector<std::string> missingRequired; // required targets with no source field
    double score = 0.0;
};

FieldMapping matchProfile(const MappingProfile& profile,
                          const std::vector<std::string>& sourceFields);

// The best-scoring profile for `layer` (nullptr when none is for that layer).
const MappingProfile* chooseProfile(const std::vector<MappingProfile>& profiles,
                                    const std::string& layer,
                                    const std::vector<std::string>& sourceFields);

// Parses dates as surveyors and spreadsheets write them: 2023-05-01, 2023/5/1, 2023.05.01,
// 20230501, 2023年5月1日, and Excel serial day numbers. Returns YYYY-MM-DD.
std::optional<std::string> parseDate(const std::string& text);

// Parses a number, tolerating thousands separators, full-width digits and surrounding space.
std::optional<double> parseNumber(const std::string& text);

} // namespace geo
