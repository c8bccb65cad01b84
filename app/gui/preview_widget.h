// Shows a project's preview drawing, redrawn to fit whenever the widget is resized.
#pragma once

#include <optional>

#include <QImage>
#include <QWidget>

#include "app/render/category_style.h"
#include "app/render/project_preview.h"

namespace app {

class PreviewWidget : public QWidget {
    Q_OBJECT
public:
    explicit PreviewWidget(QWidget* parent = nullptr);

    void setProject(PreviewLayers layers, CategoryStyle style);
    void clear();
    bool hasProject() const noexcept { return m_layers.has_value(); }
    // The image last drawn (empty before the first paint with a project).
    const QImage& image() const noexcept { return m_image; }

    QSize sizeHint() const override { return {1000, 750}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    std::optional<PreviewLayers> m_layers;
    std::optional<CategoryStyle> m_style;
    QImage m_image;
};

} // namespace app
