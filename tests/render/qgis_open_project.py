"""Opens a tianmu project in QGIS (PyQGIS, headless) as a user would, and reports as JSON what
QGIS made of it: each layer's default style from layer_styles, and the colours of a drawing of
parcel_zones. Run by test_qgis_style_export.cpp when PyQGIS is installed; QGIS is never a
dependency of the build or the tests.

usage: qgis_open_project.py PROJECT.gpkg OUT.png
"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (QgsApplication, QgsCategorizedSymbolRenderer,  # noqa: E402
                       QgsMapRendererParallelJob, QgsMapSettings, QgsVectorLayer)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402


def main(project, png):
    app = QgsApplication([], False)
    app.initQgis()
    report = {"layers": {}}
    layers = {}
    for name in ["parcels", "parcel_zones", "village_types", "villages", "rivers", "roads",
                 "seats"]:
        layer = QgsVectorLayer(f"{project}|layername={name}", name, "ogr")
        if not layer.isValid():
            continue
        layers[name] = layer
        renderer = layer.renderer()
        entry = {"renderer": renderer.type(), "features": layer.featureCount(),
                 "labels": layer.labelsEnabled()}
        if renderer.type() == "singleSymbol":
            entry["symbol_layers"] = len(renderer.symbol().symbolLayers())
        if isinstance(renderer, QgsCategorizedSymbolRenderer):
            entry["attr"] = renderer.classAttribute()
            entry["categories"] = [[c.value(), c.symbol().color().name()]
                                   for c in renderer.categories()]
        report["layers"][name] = entry

    settings = QgsMapSettings()
    settings.setLayers([layers["villages"], layers["parcel_zones"]])
    settings.setOutputSize(QSize(400, 300))
    settings.setBackgroundColor(QColor("#f4f1ea"))
    settings.setDestinationCrs(layers["villages"].crs())
    settings.setExtent(layers["villages"].extent())
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    image.save(png)
    colours = {}
    for y in range(image.height()):
        for x in range(image.width()):
            name = QColor(image.pixel(x, y)).name()
            colours[name] = colours.get(name, 0) + 1
    report["pixels"] = image.width() * image.height()
    report["colours"] = colours
    print(json.dumps(report, ensure_ascii=False), flush=True)
    # Layers must go before QGIS does; exitQgis() with them alive crashes on some projects.
    del job, settings, layers, renderer, layer
    app.exitQgis()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
