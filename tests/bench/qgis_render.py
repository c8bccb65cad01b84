#!/usr/bin/python3
"""The render benchmark's reference: QGIS (PyQGIS, headless) drawing the parcels of a project
with a categorised renderer, at full extent, 1/50 and 1/2500 of the extent's area, 1920x1080.

Usage: qgis_render.py PROJECT.gpkg FIELD OUT_DIR RUNS
FIELD is the parcels' attribute the categories use (DLBM: land use). Prints `name seconds`.
"""
import math
import os
import random
import sys
import time

from qgis.core import (QgsApplication, QgsCategorizedSymbolRenderer, QgsFillSymbol,
                       QgsMapRendererParallelJob, QgsMapSettings, QgsRectangle,
                       QgsRendererCategory, QgsVectorLayer)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor


def main():
    project, field, out, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    app = QgsApplication([], False)
    app.initQgis()
    opened = time.perf_counter()
    layer = QgsVectorLayer(f"{project}|layername=parcels", "parcels", "ogr")
    if not layer.isValid():
        sys.exit(f"QGIS cannot open {project}")
    values = sorted(layer.uniqueValues(layer.fields().indexOf(field)), key=str)
    rng = random.Random(1)
    categories = []
    for value in values:
        symbol = QgsFillSymbol.createSimple({"color": f"{rng.randrange(256)},{rng.randrange(256)},"
                                                      f"{rng.randrange(256)}",
                                             "outline_color": "60,60,60", "outline_width": "0.1"})
        categories.append(QgsRendererCategory(value, symbol, str(value)))
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))
    extent = layer.extent()
    print(f"open {time.perf_counter() - opened:.4f}", flush=True)

    def render(rect):
        settings = QgsMapSettings()
        settings.setLayers([layer])
        settings.setOutputSize(QSize(1920, 1080))
        settings.setExtent(rect)
        settings.setBackgroundColor(QColor(255, 255, 255))
        job = QgsMapRendererParallelJob(settings)
        start = time.perf_counter()
        job.start()
        job.waitForFinished()
        return time.perf_counter() - start, job.renderedImage()

    first, _ = render(extent)
    print(f"first_display {time.perf_counter() - opened:.4f}", flush=True)
    for name, share in (("full", 1.0), ("fiftieth", 1 / 50), ("2500th", 1 / 2500)):
        side = math.sqrt(share)
        c = extent.center()
        rect = QgsRectangle(c.x() - extent.width() * side / 2, c.y() - extent.height() * side / 2,
                            c.x() + extent.width() * side / 2, c.y() + extent.height() * side / 2)
        times = []
        image = None
        for _ in range(runs):
            t, image = render(rect)
            times.append(t)
        image.save(os.path.join(out, f"qgis_{name}.png"))
        print(f"{name} {sorted(times)[len(times) // 2]:.4f}", flush=True)
    app.exitQgis()


if __name__ == "__main__":
    main()
