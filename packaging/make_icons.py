"""Render resources/icons/switchover.svg to the PNG, .ico and .icns files each OS needs.

    python packaging/make_icons.py

Maintainers run this when the SVG changes and commit the results (a build never needs it).
Qt's SVG renderer draws the PNGs; Pillow writes the .ico (Windows) and .icns (macOS).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "switchover.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        image.save(str(ICONS / f"switchover-{size}.png"))
    big = Image.open(ICONS / "switchover-1024.png")
    big.save(ICONS / "switchover.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    big.save(ICONS / "switchover.icns")
    print(f"wrote {len(SIZES)} PNGs, switchover.ico and switchover.icns to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
