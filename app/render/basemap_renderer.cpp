#include "app/render/basemap_renderer.h"

#include <QImage>

namespace app {

bool drawBasemap(QPainter& painter, const MapSettings& settings, const std::atomic<bool>& cancel) {
    if (!settings.basemap || cancel)
        return !cancel;
    const int width = settings.size().width(), height = settings.size().height();
    std::vector<std::uint32_t> pixels =
        settings.basemap->readArgb(settings.visibleExtent(), width, height);
    if (cancel)
        return false;
    // The buffer is already premultiplied ARGB, row-major: wrap it without copying.
    const QImage image(reinterpret_cast<const uchar*>(pixels.data()), width, height,
                       width * int(sizeof(std::uint32_t)), QImage::Format_ARGB32_Premultiplied);
    painter.drawImage(0, 0, image);
    return true;
}

} // namespace app
