// Compares a rendered image with a reference image, mapnik-style: on a mismatch the actual
// image and a diff image are written under the build tree and their paths reported.
// Set TIANMU_UPDATE_REFERENCES=1 to (re)write the reference instead of comparing.
#pragma once

#include <string>

#include <QImage>

namespace testing {

struct ImageComparison {
    bool matches = false;
    double differingShare = 0.0; // share of pixels whose channels differ by more than the tolerance
    std::string message;         // why it failed, with the paths of the actual and diff images
};

// Pixels differ when any channel differs by more than `channelTolerance` (0–255); the images
// match when at most `maxDifferingShare` of the pixels differ.
ImageComparison compareWithReference(const QImage& actual, const std::string& referencePath,
                                     int channelTolerance = 24, double maxDifferingShare = 0.01);

} // namespace testing
