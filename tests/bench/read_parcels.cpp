// tianmu-bench-read: loads the parcels layer of a GeoPackage with geo::readFlatLayer, the
// way the map canvas does, and prints what it read and the peak memory it took.
#include <exception>
#include <fstream>
#include <iostream>
#include <string>

#include "geo/error.h"
#include "geo/flat_layer.h"

namespace {

// Peak resident set size in KiB from /proc/self/status (VmHWM), or -1 when unavailable.
long peakRssKib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stol(line.substr(6));
    }
    return -1;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3 || std::string(argv[1]) == "--help") {
        std::cerr << "Usage: tianmu-bench-read COUNTY.gpkg [LAYER]\n"
                     "Loads LAYER (default parcels, category field DLBM) with geo::readFlatLayer\n"
                     "and prints features, vertices and peak_rss_kib on stdout.\n";
        return 2;
    }
    const std::string layer = argc == 3 ? argv[2] : "parcels";
    try {
        const geo::FlatLayer flat = geo::readFlatLayer(argv[1], layer, "DLBM");
        std::cout << "features " << flat.featureCount() << '\n'
                  << "vertices " << flat.vertexCount() << '\n'
                  << "peak_rss_kib " << peakRssKib() << '\n';
        return 0;
    } catch (const geo::InputError& e) {
        std::cerr << "tianmu-bench-read: " << e.what() << '\n';
        return 3;
    } catch (const std::exception& e) {
        std::cerr << "tianmu-bench-read: " << e.what() << '\n';
        return 1;
    }
}
