// Copies a bounded sample of a DBF into /vsimem/, where GDAL reads it in place of the whole file.
#include "geo/dbf_sampling.h"

#include <algorithm>
#include <atomic>
#include <cstdio>

#include <cpl_vsi.h>
#include <ogrsf_frmts.h>

#include "geo/error.h"
#include "geo/vsi_file.h"

namespace geo::detail {
namespace {

// A bounded, evenly spaced sample decides: enough for any real layer, fast on a million records.
constexpr std::size_t sampleRecords = 2000;
constexpr std::size_t sampleBytes = std::size_t{16} << 20; // of DBF records, at most

unsigned little(const std::string& bytes, std::size_t at, std::size_t size) {
    unsigned value = 0;
    for (std::size_t i = size; i-- > 0;)
        value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
    return value;
}

} // namespace

DbfSample sampleDbf(const std::string& path) {
    const VsiFile file = openForReading(path);
    const std::string start = readAt(file.get(), 0, 32);
    const auto damaged = [&] {
        return InputError("is not a valid DBF file (its header is damaged); export the layer "
                          "again from the GIS that made it",
                          {path, {}, {}, {}});
    };
    if (start.size() < 32)
        throw damaged();
    const std::size_t headerLength = little(start, 8, 2), recordLength = little(start, 10, 2);
    if (headerLength < 33 || recordLength < 1)
        throw damaged();
    VSIFSeekL(file.get(), 0, SEEK_END);
    const auto size = static_cast<std::size_t>(VSIFTellL(file.get()));
    const std::size_t available = size > headerLength ? (size - headerLength) / recordLength : 0;
    DbfSample sample;
    sample.total = std::min<std::size_t>(little(start, 4, 4), available);
    sample.sampled = std::min(
        {sample.total, sampleRecords, std::max<std::size_t>(1, sampleBytes / recordLength)});
    sample.languageByte = static_cast<unsigned char>(start[29]);
    sample.dbf = readAt(file.get(), 0, headerLength);
    if (sample.dbf.size() < headerLength)
        throw damaged();
    if (sample.sampled == sample.total) {
        sample.dbf += readAt(file.get(), headerLength, sample.total * recordLength);
    } else {
        for (std::size_t i = 0; i < sample.sampled; ++i) {
            const std::size_t record = i * sample.total / sample.sampled;
            sample.dbf += readAt(file.get(), headerLength + record * recordLength, recordLength);
        }
    }
    for (std::size_t i = 0; i < 4; ++i)
        sample.dbf[4 + i] = static_cast<char>((sample.sampled >> (8 * i)) & 0xFF);
    sample.dbf += '\x1A';
    return sample;
}

MemoryFolder::MemoryFolder() {
    static std::atomic<unsigned> counter{0};
    m_path = "/vsimem/tianmu_text_encoding_" + std::to_string(++counter);
}

MemoryFolder::~MemoryFolder() {
    VSIRmdirRecursive(m_path.c_str());
}

void writeFile(const std::string& path, const std::string& bytes) {
    VsiFile file(VSIFOpenL(path.c_str(), "wb"));
    if (!file || VSIFWriteL(bytes.data(), 1, bytes.size(), file.get()) != bytes.size())
        throw Error("cannot write the in-memory sample " + path);
}

const char* shapefileItem(OGRLayer& layer, const char* name) {
    const char* value = layer.GetMetadataItem(name, "SHAPEFILE");
    return value && *value ? value : nullptr;
}

} // namespace geo::detail
