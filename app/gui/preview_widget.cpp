#include "app/gui/preview_widget.h"

#include <QPainter>

namespace app {

PreviewWidget::PreviewWidget(QWidget* parent)
    : QWidget(parent) {
    setMinimumSize(200, 150);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void PreviewWidget::setProject(PreviewLayers layers, CategoryStyle style) {
    m_layers = std::move(layers);
    m_style = std::move(style);
    m_image = QImage();
    update();
}

void PreviewWidget::clear() {
    m_layers.reset();
    m_image = QImage();
    update();
}

void PreviewWidget::resizeEvent(QResizeEvent* event) {
    m_image = QImage(); // drawn again at the new size on the next paint
    QWidget::resizeEvent(event);
}

void PreviewWidget::paintEvent(QPaintEvent* /*event*/) {
    QPainter painter(this);
    if (!m_layers) {
        painter.fillRect(rect(), QColor("#f4f1ea"));
        painter.setPen(QColor("#6b6b6b"));
        painter.drawText(rect(), Qt::AlignCenter,
                         tr("Open a project (File › Open) to see its map."));
        return;
    }
    if (m_image.size() != size() * devicePixelRatioF()) {
        m_image = renderPreview(*m_layers, *m_style, size() * devicePixelRatioF());
        m_image.setDevicePixelRatio(devicePixelRatioF());
    }
    painter.drawImage(0, 0, m_image);
}

} // namespace app
