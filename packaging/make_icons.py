"""Render the app icon SVG to the PNG sizes desktops and installers expect.

Run after editing ``assets/icons/psoas-coach.svg`` and commit the PNGs:

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py

With ``--check`` it writes nothing and exits 1 when a committed PNG is missing or out of date.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

from psoas_coach.resources import ICON_NAME, ICON_SIZES  # noqa: E402

ICON_DIR = ROOT / "assets" / "icons"


def render_png(svg: bytes, size: int) -> bytes:
    """The SVG drawn into a transparent ``size`` x ``size`` PNG."""
    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise ValueError("the icon SVG does not parse")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 wants str
    buffer.close()
    return bytes(data.data())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report PNGs that are stale")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication([])
    svg = (ICON_DIR / f"{ICON_NAME}.svg").read_bytes()
    stale: list[str] = []
    for size in ICON_SIZES:
        target = ICON_DIR / f"{ICON_NAME}-{size}.png"
        png = render_png(svg, size)
        if target.exists() and target.read_bytes() == png:
            continue
        stale.append(target.name)
        if not args.check:
            target.write_bytes(png)
    del app
    if args.check and stale:
        print("out of date: " + ", ".join(stale))
        return 1
    print(("stale: " if args.check else "written: ") + (", ".join(stale) or "nothing"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
