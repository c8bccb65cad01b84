#include "sample_fixture.h"

#include <cstdlib>
#include <filesystem>
#include <vector>

#include "county_generator.h"
#include "county_writer.h"

namespace testing {
namespace {

struct TemporaryFolders {
    std::vector<std::string> paths;
    ~TemporaryFolders() {
        std::error_code ignored;
        for (const std::string& p : paths)
            std::filesystem::remove_all(p, ignored);
    }
};

TemporaryFolders& folders() {
    static TemporaryFolders instance;
    return instance;
}

} // namespace

std::string sourcePath(const std::string& relative) {
    return std::string(TIANMU_SOURCE_DIR) + "/" + relative;
}

const sample::NameBook& nameBook() {
    static const sample::NameBook book =
        sample::NameBook::load(sourcePath("data/generator/names/names.zh.json"),
                               sourcePath("data/landuse/gbt21010-2017.json"));
    return book;
}

std::string temporaryDirectory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "tianmu-test-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
        throw std::runtime_error("cannot create a temporary folder");
    folders().paths.push_back(pattern);
    return pattern;
}

GeneratedCounty generateInto(const std::string& directory, std::uint64_t seed, int parcels,
                             int villages) {
    sample::GeneratorOptions options;
    options.seed = seed;
    options.parcels = parcels;
    options.villages = villages;
    GeneratedCounty result{sample::generateCounty(options, nameBook()), directory};
    sample::writeCounty(result.county, {directory, true, seed, parcels}, nameBook().landUseNames);
    return result;
}

const GeneratedCounty& smallCounty() {
    static const GeneratedCounty county =
        generateInto(temporaryDirectory(), smallCountySeed, 1500, 3);
    return county;
}

} // namespace testing
