#include "image_compare.h"

#include <cstdlib>
#include <filesystem>

namespace testing {

ImageComparison compareWithReference(const QImage& actualImage, const std::string& referencePath,
                                     int channelTolerance, double maxDifferingShare) {
    namespace fs = std::filesystem;
    ImageComparison result;
    const QImage actual = actualImage.convertToFormat(QImage::Format_ARGB32);
    if (std::getenv("TIANMU_UPDATE_REFERENCES")) {
        fs::create_directories(fs::path(referencePath).parent_path());
        result.matches = actual.save(QString::fromStdString(referencePath), "png");
        result.message = "reference written to " + referencePath;
        return result;
    }
    const fs::path outDir = fs::path(TIANMU_BINARY_DIR) / "test-output";
    const std::string stem = fs::path(referencePath).stem().string();
    const std::string actualPath = (outDir / (stem + ".actual.png")).string();
    const std::string diffPath = (outDir / (stem + ".diff.png")).string();

    const QImage reference =
        QImage(QString::fromStdString(referencePath)).convertToFormat(QImage::Format_ARGB32);
    if (reference.isNull() || reference.size() != actual.size()) {
        fs::create_directories(outDir);
        actual.save(QString::fromStdString(actualPath), "png");
        result.message = reference.isNull()
                             ? "no reference image at " + referencePath +
                                   " (run with TIANMU_UPDATE_REFERENCES=1 to create it)"
                             : "size differs from " + referencePath;
        result.message += "; actual image: " + actualPath;
        return result;
    }
    QImage diff(actual.size(), QImage::Format_ARGB32);
    diff.fill(Qt::white);
    long long differing = 0;
    for (int y = 0; y < actual.height(); ++y) {
        const auto* a = reinterpret_cast<const QRgb*>(actual.constScanLine(y));
        const auto* r = reinterpret_cast<const QRgb*>(reference.constScanLine(y));
        auto* d = reinterpret_cast<QRgb*>(diff.scanLine(y));
        for (int x = 0; x < actual.width(); ++x) {
            const int delta = std::max(
                {std::abs(qRed(a[x]) - qRed(r[x])), std::abs(qGreen(a[x]) - qGreen(r[x])),
                 std::abs(qBlue(a[x]) - qBlue(r[x])), std::abs(qAlpha(a[x]) - qAlpha(r[x]))});
            if (delta > channelTolerance) {
                ++differing;
                d[x] = qRgb(255, 0, 0);
            } else {
                d[x] = qRgb(qGray(r[x]) / 2 + 128, qGray(r[x]) / 2 + 128, qGray(r[x]) / 2 + 128);
            }
        }
    }
    result.differingShare =
        static_cast<double>(differing) / (static_cast<double>(actual.width()) * actual.height());
    result.matches = result.differingShare <= maxDifferingShare;
    if (!result.matches) {
        fs::create_directories(outDir);
        actual.save(QString::fromStdString(actualPath), "png");
        diff.save(QString::fromStdString(diffPath), "png");
        result.message = std::to_string(result.differingShare * 100.0) +
                         " % of pixels differ from " + referencePath + "; actual: " + actualPath +
                         ", diff: " + diffPath;
    }
    return result;
}

} // namespace testing
